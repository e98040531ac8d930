import type { GraphNode, GraphRelationship } from '../model/schemas.ts';
import { NODE_LABELS, type NodeLabel } from '../model/vocabulary.ts';
import { formatList, parseList, parseNumber } from './cells.ts';
import { kumuElementType, normaliseRelationshipType } from './kumu.ts';

// The attributes GEXF and GraphML files carry for nodes and edges. Readable
// columns for Gephi (type, kind, level, tags, place, coordinates, validity)
// plus `atlas`: the whole record as JSON, so a round trip is exact. When a
// file is read back, the readable attributes win over `atlas` (someone may
// have edited them in Gephi) and unknown attributes become properties.

export type AttributeType = 'string' | 'double';

export interface AttributeDef<T> {
  id: string;
  type: AttributeType;
  value(record: T): string | undefined;
}

export const ATLAS_ATTRIBUTE = 'atlas';

function withoutTimestamps(record: object): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...rest } = record as Record<string, unknown>;
  return rest;
}

const num = (x: number | undefined) => (x === undefined ? undefined : String(x));

export const NODE_ATTRIBUTES: AttributeDef<GraphNode>[] = [
  { id: 'type', type: 'string', value: (n) => n.label },
  { id: 'kind', type: 'string', value: (n) => n.kind },
  { id: 'level', type: 'string', value: (n) => n.level },
  { id: 'description', type: 'string', value: (n) => n.description },
  { id: 'tags', type: 'string', value: (n) => formatList(n.tags) || undefined },
  { id: 'country', type: 'string', value: (n) => n.place?.country },
  { id: 'region', type: 'string', value: (n) => n.place?.region },
  { id: 'city', type: 'string', value: (n) => n.place?.municipality },
  { id: 'lat', type: 'double', value: (n) => num(n.lat) },
  { id: 'lon', type: 'double', value: (n) => num(n.lon) },
  { id: 'validFrom', type: 'string', value: (n) => n.validFrom },
  { id: 'validTo', type: 'string', value: (n) => n.validTo },
  { id: ATLAS_ATTRIBUTE, type: 'string', value: (n) => JSON.stringify(withoutTimestamps(n)) },
];

export const EDGE_ATTRIBUTES: AttributeDef<GraphRelationship>[] = [
  { id: 'type', type: 'string', value: (r) => r.type },
  { id: 'role', type: 'string', value: (r) => (typeof r.properties.role === 'string' ? r.properties.role : undefined) },
  { id: 'weight', type: 'double', value: (r) => num(r.properties.weight as number | undefined) },
  { id: 'validFrom', type: 'string', value: (r) => r.validFrom },
  { id: 'validTo', type: 'string', value: (r) => r.validTo },
  { id: ATLAS_ATTRIBUTE, type: 'string', value: (r) => JSON.stringify(withoutTimestamps(r)) },
];

function atlasBase(attrs: Map<string, string>, problem: (attribute: string, message: string) => void): Record<string, unknown> {
  const raw = attrs.get(ATLAS_ATTRIBUTE);
  if (raw === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { ...(parsed as Record<string, unknown>) };
  } catch {
    // reported below
  }
  problem(ATLAS_ATTRIBUTE, 'is not a JSON object');
  return {};
}

const PLACE_KEYS: Record<string, string> = { country: 'country', region: 'region', city: 'municipality' };

/** A node from its XML id, display label and attributes (by attribute title/name). */
export function nodeFromAttributes(
  id: string,
  name: string | undefined,
  attrs: Map<string, string>,
  problem: (attribute: string, message: string) => void,
): Record<string, unknown> {
  const node = atlasBase(attrs, problem);
  node.id = id;
  if (name !== undefined && name !== '') node.name = name;
  else if (node.name === undefined) node.name = attrs.get('name') ?? id;
  for (const [key, value] of attrs) {
    if (key === ATLAS_ATTRIBUTE || key === 'name' || value === '') continue;
    switch (key) {
      case 'type':
      case 'labels': {
        const clean = value.replace(/^:/, '').split(':')[0];
        if ((NODE_LABELS as readonly string[]).includes(clean)) node.label = clean as NodeLabel;
        else {
          const mapped = kumuElementType(clean);
          node.label = mapped.label;
          if (mapped.kind) node.kind = mapped.kind;
          if (mapped.tag) node.tags = [...((node.tags as string[]) ?? []), mapped.tag];
        }
        break;
      }
      case 'kind':
      case 'level':
      case 'description':
      case 'validFrom':
      case 'validTo':
        node[key] = value;
        break;
      case 'tags':
        node.tags = parseList(value, /[;|]/);
        break;
      case 'country':
      case 'region':
      case 'city':
        node.place = { ...((node.place as object) ?? {}), [PLACE_KEYS[key]]: value };
        break;
      case 'lat':
      case 'lon': {
        const x = parseNumber(value);
        if (x === undefined) problem(key, `"${value}" is not a number`);
        else node[key] = x;
        break;
      }
      default:
        node.properties = { ...((node.properties as object) ?? {}), [key]: value };
    }
  }
  if (!node.label) node.label = 'Actor';
  return node;
}

/** A relationship from its XML ends, id and attributes; `inferType` when no type could be read. */
export function relationshipFromAttributes(
  edge: { id?: string; source: string; target: string; label?: string; weight?: string },
  attrs: Map<string, string>,
  problem: (attribute: string, message: string) => void,
): { value: Record<string, unknown>; inferType: boolean } {
  const rel = atlasBase(attrs, problem);
  rel.from = edge.source;
  rel.to = edge.target;
  if (edge.id && !/^\d+$/.test(edge.id)) rel.id = edge.id;
  const properties: Record<string, unknown> = { ...((rel.properties as object) ?? {}) };
  const typeText = attrs.get('type') ?? edge.label;
  if (typeText) {
    const type = normaliseRelationshipType(typeText);
    if (type) rel.type = type;
    else if (!rel.type) properties.originalType = typeText;
  }
  const weightText = attrs.get('weight') ?? edge.weight;
  if (weightText !== undefined && weightText !== '') {
    const w = parseNumber(weightText);
    if (w === undefined) problem('weight', `"${weightText}" is not a number`);
    else if (attrs.has('weight') || w !== 1) properties.weight = w;
  }
  for (const [key, value] of attrs) {
    if (key === ATLAS_ATTRIBUTE || key === 'type' || key === 'weight' || value === '') continue;
    if (key === 'role') properties.role = value;
    else if (key === 'validFrom' || key === 'validTo') rel[key] = value;
    else properties[key] = value;
  }
  rel.properties = properties;
  return { value: rel, inferType: rel.type === undefined };
}
