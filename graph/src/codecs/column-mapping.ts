import { foldText } from '../model/text.ts';
import { ELEMENT_EXPORT_COLUMNS, CONNECTION_EXPORT_COLUMNS } from './csv-columns.ts';

// Which field each column of a spreadsheet fills. Our own column names, their
// Spanish, Catalan and English synonyms, in snake_case, camelCase or with
// spaces (`código INE`, `ine_code`, `ineCode`, `Codi INE` are one column). A
// `columns` override (API, CLI, web dialog) wins over the guess; what no rule
// names is kept in `properties` and reported, with a "did you mean" when the
// header is a near miss of a known one.

export type FileKind = 'elements' | 'connections';

/** Canonical columns (as our export writes them) a header can map to, per kind of file. */
export const ELEMENT_COLUMNS: readonly string[] = [...ELEMENT_EXPORT_COLUMNS, 'postcode'];
export const CONNECTION_COLUMNS: readonly string[] = [...CONNECTION_EXPORT_COLUMNS, 'amount'];

/** `Código INE`, `codigo_ine`, `codigoINE` → `codigo ine`. */
export function headerKey(header: string): string {
  return foldText(header.replace(/([a-z])([A-Z])/g, '$1 $2'))
    .replace(/['’`]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const ELEMENT_SYNONYMS: Record<string, string[]> = {
  id: ['id', 'identificador', 'identifier', 'uid', 'key', 'element id', 'node id'],
  label: ['label', 'etiqueta', 'clase', 'classe', 'class', 'element type', 'node label', 'entity type', 'tipo de elemento', 'tipus d element'],
  kind: ['kind', 'type', 'tipo', 'tipus', 'categoria', 'category', 'tipologia', 'tipo de entidad', 'tipus d entitat', 'tipo entidad',
    'organisation type', 'organization type', 'activity type', 'tipo de organizacion', 'sector'],
  level: ['level', 'nivel', 'nivell', 'ambito', 'ambit', 'scope', 'escala', 'ambito territorial', 'ambit territorial', 'territorial level'],
  name: ['name', 'nombre', 'nom', 'denominacion', 'denominacio', 'razon social', 'rao social', 'title', 'titulo', 'titol', 'entidad',
    'entitat', 'organisation', 'organization', 'organizacion', 'organitzacio', 'nombre de la entidad', 'nom de l entitat', 'legal name'],
  country: ['country', 'pais', 'country code', 'codigo pais', 'codi pais', 'nation', 'nacion'],
  region: ['region', 'comunidad autonoma', 'comunitat autonoma', 'ccaa', 'autonomia', 'comunidad', 'comunitat', 'autonomous community',
    'region name', 'nombre ccaa', 'ca'],
  province: ['province', 'provincia', 'nombre provincia', 'province name'],
  city: ['city', 'municipality', 'municipio', 'municipi', 'localidad', 'localitat', 'ciudad', 'ciutat', 'poblacion', 'poblacio', 'town',
    'locality', 'concello', 'nombre municipio', 'nom municipi', 'municipality name', 'place'],
  ineCode: ['ine code', 'ine', 'codigo ine', 'cod ine', 'codi ine', 'codine', 'municipality code', 'codigo municipio', 'cod municipio',
    'codi municipi', 'ine municipio', 'codigo ine municipio', 'ine municipality code'],
  provinceCode: ['province code', 'codigo provincia', 'cod provincia', 'codi provincia', 'cpro'],
  regionCode: ['region code', 'codigo ccaa', 'cod ccaa', 'codi ccaa', 'codauto', 'codigo comunidad'],
  postcode: ['postcode', 'post code', 'postal code', 'zip', 'zip code', 'cp', 'c p', 'codigo postal', 'codi postal', 'cod postal'],
  lat: ['lat', 'latitude', 'latitud', 'y coord'],
  lon: ['lon', 'lng', 'long', 'longitude', 'longitud', 'x coord'],
  website: ['website', 'web', 'url', 'sitio web', 'pagina web', 'web site', 'homepage', 'home page', 'lloc web', 'pagina', 'site', 'www',
    'enlace', 'enllac', 'link'],
  description: ['description', 'descripcion', 'descripcio', 'notes', 'notas', 'observaciones', 'observacions', 'about'],
  summary: ['summary', 'resumen', 'resum', 'objective', 'objetivo', 'objectiu'],
  tags: ['tags', 'etiquetas', 'etiquetes', 'keywords', 'palabras clave', 'paraules clau', 'temas', 'temes', 'topics'],
  aliases: ['aliases', 'alias', 'also known as', 'otros nombres', 'altres noms', 'acronym', 'acronimo', 'sigla', 'siglas', 'sigles'],
  email: ['email', 'e mail', 'correo', 'correo electronico', 'correu', 'correu electronic', 'mail'],
  startDate: ['start date', 'fecha inicio', 'fecha de inicio', 'data inici', 'data d inici', 'start', 'inicio', 'begin', 'fecha alta',
    'fecha de alta', 'fecha creacion', 'fecha de creacion', 'data d alta', 'data de creacio', 'founded', 'fundacion ano'],
  endDate: ['end date', 'fecha fin', 'fecha de fin', 'fecha final', 'data fi', 'data final', 'end', 'fin', 'final'],
  validFrom: ['valid from', 'desde', 'since', 'vigente desde'],
  validTo: ['valid to', 'hasta', 'until', 'vigente hasta'],
  date: ['date', 'fecha', 'data', 'fecha evento', 'event date'],
  source: ['source', 'fuente', 'font', 'origen', 'source url'],
  status: ['status', 'estado', 'estat', 'situacion'],
  code: ['code', 'codigo', 'codi', 'reference', 'referencia', 'project code', 'codigo proyecto'],
  budget: ['budget', 'presupuesto', 'pressupost', 'importe', 'import', 'amount', 'ec contribution', 'contribucion', 'total cost', 'coste total'],
  role: ['role', 'rol', 'cargo', 'carrec', 'position', 'puesto'],
  affiliation: ['affiliation', 'afiliacion', 'afiliacio', 'organismo', 'institution'],
  methods: ['methods', 'metodos', 'metodes', 'metodologia', 'methodology'],
  outcomes: ['outcomes', 'resultados', 'resultats', 'results', 'impacto', 'impact'],
  transferable: ['transferable', 'transferible'],
  consent: ['consent', 'consentimiento', 'consentiment'],
  provenance: ['provenance', 'procedencia', 'procedencia json'],
  properties: ['properties', 'propiedades', 'propietats'],
};

const CONNECTION_SYNONYMS: Record<string, string[]> = {
  from: ['from', 'source id', 'from id', 'origin', 'id origen', 'origen id', 'de', 'desde id', 'actor', 'actor id', 'organisation id',
    'organization id', 'entidad id', 'participant'],
  to: ['to', 'target', 'target id', 'to id', 'destino', 'desti', 'id destino', 'destino id', 'id desti', 'desti id', 'a', 'project id', 'proyecto id',
    'project', 'projecte', 'proyecto'],
  type: ['type', 'tipo', 'tipus', 'relation', 'relationship', 'relacion', 'relacio', 'relation type', 'tipo de relacion', 'tipus de relacio',
    'connection type', 'link type'],
  role: ['role', 'rol', 'papel', 'paper'],
  weight: ['weight', 'peso', 'pes', 'strength', 'fuerza', 'intensidad'],
  since: ['since', 'from date', 'desde', 'fecha inicio', 'fecha de inicio', 'start date', 'start', 'valid from', 'data inici', 'inicio'],
  until: ['until', 'to date', 'hasta', 'fecha fin', 'fecha de fin', 'end date', 'end', 'valid to', 'data fi', 'fin', 'fins'],
  source: ['source', 'fuente', 'font', 'source url'],
  id: ['id', 'identificador', 'connection id', 'relationship id'],
  amount: ['amount', 'importe', 'import', 'cantidad', 'quantitat', 'ec contribution', 'contribucion'],
  provenance: ['provenance', 'procedencia'],
  properties: ['properties', 'propiedades', 'propietats'],
};

const SYNONYMS: Record<FileKind, Record<string, string[]>> = { elements: ELEMENT_SYNONYMS, connections: CONNECTION_SYNONYMS };
const CANONICAL: Record<FileKind, readonly string[]> = { elements: ELEMENT_COLUMNS, connections: CONNECTION_COLUMNS };

function index(kind: FileKind): Map<string, string> {
  const map = new Map<string, string>();
  for (const column of CANONICAL[kind]) map.set(headerKey(column), column);
  for (const [column, words] of Object.entries(SYNONYMS[kind])) for (const w of words) if (!map.has(w)) map.set(w, column);
  return map;
}
const INDEX: Record<FileKind, Map<string, string>> = { elements: index('elements'), connections: index('connections') };

/** The canonical column a header names, or undefined. */
export function canonicalColumn(kind: FileKind, header: string): string | undefined {
  return INDEX[kind].get(headerKey(header));
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** The known column a header is a near miss of (`webiste` → website), or undefined. */
export function nearestColumn(kind: FileKind, header: string): string | undefined {
  const key = headerKey(header);
  if (key.length < 3) return undefined;
  const limit = key.length <= 5 ? 1 : 2;
  let best: { column: string; d: number } | undefined;
  for (const [word, column] of INDEX[kind]) {
    if (word.length < 3) continue;
    const d = distance(key, word);
    if (d <= limit && (!best || d < best.d)) best = { column, d };
  }
  return best?.column;
}

/** A user's override: header as written in the file → canonical column, or null to keep it in `properties`. */
export type ColumnOverrides = Record<string, string | null>;

export interface ColumnMapping {
  /** One entry per header, in file order: the field it fills, or null (kept in `properties`). */
  columns: Array<{ header: string; field: string | null; by: 'name' | 'synonym' | 'override' | 'none'; suggestion?: string }>;
}

/** Checks an override against the columns a kind of file knows; the problems name the key. */
export function overrideProblems(overrides: ColumnOverrides): string[] {
  const known = new Set([...ELEMENT_COLUMNS, ...CONNECTION_COLUMNS]);
  return Object.entries(overrides)
    .filter(([, field]) => field !== null && field !== '' && !known.has(field))
    .map(([header, field]) => `column "${header}": "${field}" is not a column the import knows (${[...known].join(', ')})`);
}

/** The mapping of one file's header: overrides first, then our names, then synonyms. */
export function mapColumns(kind: FileKind, header: readonly string[], overrides: ColumnOverrides = {}): ColumnMapping {
  const byKey = new Map(Object.entries(overrides).map(([h, f]) => [headerKey(h), f]));
  const taken = new Set<string>();
  const columns: ColumnMapping['columns'] = header.map((h) => {
    const key = headerKey(h);
    if (byKey.has(key)) {
      const field = byKey.get(key) || null;
      if (field) taken.add(field);
      return { header: h, field, by: 'override' as const };
    }
    return { header: h, field: null, by: 'none' as const };
  });
  // Exact names before synonyms, so that `city` and `municipio` in one file keep `city` for the municipality.
  for (const pass of ['name', 'synonym'] as const) {
    for (const c of columns) {
      if (c.by !== 'none') continue;
      const field = canonicalColumn(kind, c.header);
      if (!field || taken.has(field)) continue;
      const exact = headerKey(field) === headerKey(c.header);
      if ((pass === 'name') !== exact) continue;
      taken.add(field);
      c.field = field;
      c.by = pass;
    }
  }
  for (const c of columns) {
    if (c.by !== 'none') continue;
    const near = nearestColumn(kind, c.header);
    if (near && !taken.has(near)) c.suggestion = near;
  }
  return { columns };
}
