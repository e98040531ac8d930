import type { GraphNode, GraphRelationship } from '../model/schemas.ts';
import { CONNECTION_EXPORT_COLUMNS, ELEMENT_EXPORT_COLUMNS, PLACE_COLUMNS } from './csv-columns.ts';
import { formatList } from './cells.ts';

// Rows of elements.csv / connections.csv in the import format. Nested values
// (provenance, budget, properties) are JSON cells so that a round trip is exact.

const NEEDS_QUOTES = /[",\r\n;]|^\s|\s$/;

export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

export const ELEMENTS_HEADER = csvLine([...ELEMENT_EXPORT_COLUMNS]);
export const CONNECTIONS_HEADER = csvLine([...CONNECTION_EXPORT_COLUMNS]);

const json = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));
const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export function elementLine(n: GraphNode): string {
  const record = n as unknown as Record<string, unknown>;
  const place = (n.place ?? {}) as Record<string, string | undefined>;
  const cells = ELEMENT_EXPORT_COLUMNS.map((column): string => {
    if (PLACE_COLUMNS[column]) return str(place[PLACE_COLUMNS[column]]);
    switch (column) {
      case 'tags':
      case 'aliases':
      case 'methods':
        return formatList(record[column] as string[] | undefined);
      case 'source':
        return n.provenance[0]?.source ?? '';
      case 'provenance':
      case 'budget':
        return json(record[column]);
      case 'properties':
        return Object.keys(n.properties ?? {}).length ? json(n.properties) : '';
      default:
        return str(record[column]);
    }
  });
  return csvLine(cells);
}

export function connectionLine(r: GraphRelationship): string {
  const { role, weight, ...rest } = r.properties as Record<string, unknown>;
  const byColumn: Record<(typeof CONNECTION_EXPORT_COLUMNS)[number], string> = {
    from: r.from,
    to: r.to,
    type: r.type,
    role: str(role),
    weight: str(weight),
    since: str(r.validFrom),
    until: str(r.validTo),
    source: r.provenance[0]?.source ?? '',
    id: r.id,
    provenance: json(r.provenance),
    properties: Object.keys(rest).length ? json(rest) : '',
  };
  return csvLine(CONNECTION_EXPORT_COLUMNS.map((c) => byColumn[c]));
}
