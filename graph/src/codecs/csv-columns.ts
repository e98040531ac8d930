// The columns of elements.csv / connections.csv and the node/relationship
// fields they fill. Used by the import (cells → fields) and by the export
// (fields → cells), so the two cannot drift apart.

/** Node fields written as plain text cells. */
export const NODE_TEXT_FIELDS = [
  'description',
  'validFrom',
  'validTo',
  'website',
  'code',
  'status',
  'startDate',
  'endDate',
  'summary',
  'outcomes',
  'date',
  'role',
  'affiliation',
  'email',
] as const;
export const NODE_LIST_FIELDS = ['tags', 'aliases', 'methods'] as const;
export const NODE_NUMBER_FIELDS = ['lat', 'lon'] as const;
export const NODE_BOOLEAN_FIELDS = ['transferable', 'consent'] as const;
/** Nested values written as JSON in one cell (budget also accepts a bare amount). */
export const NODE_JSON_FIELDS = ['budget', 'provenance', 'properties'] as const;

/** Column → key of `place`. `city` is the SPEC's name for the municipality. */
export const PLACE_COLUMNS: Record<string, string> = {
  country: 'country',
  region: 'region',
  province: 'province',
  city: 'municipality',
  municipality: 'municipality',
  ineCode: 'ineCode',
  provinceCode: 'provinceCode',
  regionCode: 'regionCode',
};

/** The columns the export writes, in order: the SPEC's ten first, then every other field. */
export const ELEMENT_EXPORT_COLUMNS = [
  'id',
  'label',
  'kind',
  'level',
  'country',
  'region',
  'city',
  'tags',
  'source',
  'name',
  'province',
  'ineCode',
  'provinceCode',
  'regionCode',
  ...NODE_TEXT_FIELDS,
  'aliases',
  'methods',
  ...NODE_NUMBER_FIELDS,
  ...NODE_BOOLEAN_FIELDS,
  ...NODE_JSON_FIELDS,
] as const;

export const CONNECTION_EXPORT_COLUMNS = ['from', 'to', 'type', 'role', 'weight', 'since', 'until', 'source', 'id', 'provenance', 'properties'] as const;
