import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { NodeInput, RelationshipInput } from '@atlas/graph';
import { formatList } from '@atlas/graph/codecs/cells.ts';
import { csvLine } from '@atlas/graph/codecs/csv-export.ts';
import { ecosystemStreams, type GeneratorOptions } from './generate.ts';

// Writes a synthetic ecosystem as elements.csv + connections.csv in the CSV
// import format (SPEC), streaming: a 1M-link ecosystem never sits in memory.

const ELEMENT_COLUMNS = [
  'id', 'label', 'kind', 'level', 'country', 'region', 'city', 'tags', 'source', 'name',
  'province', 'ineCode', 'provinceCode', 'regionCode', 'lat', 'lon', 'validFrom', 'validTo',
  'startDate', 'endDate', 'status', 'date', 'code', 'description', 'summary', 'methods', 'transferable',
];
const CONNECTION_COLUMNS = ['from', 'to', 'type', 'role', 'weight', 'since', 'until', 'source', 'amount'];

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

function elementCells(n: NodeInput): string[] {
  const place = n.place ?? {};
  const byColumn: Record<string, string> = {
    id: text(n.id),
    label: n.label,
    kind: text(n.kind),
    level: text(n.level),
    country: text(place.country),
    region: text(place.region),
    city: text(place.municipality),
    tags: formatList(n.tags),
    source: n.provenance?.[0]?.source ?? '',
    name: n.name,
    province: text(place.province),
    ineCode: text(place.ineCode),
    provinceCode: text(place.provinceCode),
    regionCode: text(place.regionCode),
    lat: text(n.lat),
    lon: text(n.lon),
    validFrom: text(n.validFrom),
    validTo: text(n.validTo),
    startDate: text(n.startDate),
    endDate: text(n.endDate),
    status: text(n.status),
    date: text(n.date),
    code: text(n.code),
    description: text(n.description),
    summary: text(n.summary),
    methods: formatList(n.methods),
    transferable: text(n.transferable),
  };
  return ELEMENT_COLUMNS.map((c) => byColumn[c]);
}

function connectionCells(r: RelationshipInput): string[] {
  const p = r.properties ?? {};
  return [r.from, r.to, r.type, text(p.role), text(p.weight), text(r.validFrom), text(r.validTo), r.provenance?.[0]?.source ?? '', text(p.amount)];
}

async function writeLines<T>(path: string, header: string[], items: Iterable<T>, cells: (item: T) => string[]): Promise<number> {
  const out = createWriteStream(path);
  let buffer = csvLine(header);
  let count = 0;
  for (const item of items) {
    buffer += csvLine(cells(item));
    count++;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return count;
}

export interface WrittenEcosystem {
  elements: string;
  connections: string;
  nodes: number;
  relationships: number;
}

export async function writeEcosystemCsv(options: GeneratorOptions, dir: string): Promise<WrittenEcosystem> {
  mkdirSync(dir, { recursive: true });
  const streams = ecosystemStreams(options);
  const elements = join(dir, 'elements.csv');
  const connections = join(dir, 'connections.csv');
  const nodes = await writeLines(elements, ELEMENT_COLUMNS, streams.nodes, elementCells);
  const relationships = await writeLines(connections, CONNECTION_COLUMNS, streams.relationships, connectionCells);
  return { elements, connections, nodes, relationships };
}
