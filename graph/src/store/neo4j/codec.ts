import type { GraphNode, GraphRelationship } from '../../model/schemas.ts';
import { foldText } from '../../model/text.ts';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../../model/vocabulary.ts';
import type { ChangeEntry } from '../port.ts';

// How records map to Neo4j properties and back, exactly. Scalars and lists of
// strings are stored as they are (readable in Neo4j Browser/Bloom); nested
// values as JSON strings. Properties starting with `_` are derived copies for
// search and filters (folded text, weight, role) and are never read back.

/** Nested fields stored as JSON strings. */
const NODE_JSON_FIELDS = new Set(['provenance', 'place', 'budget', 'properties']);
const RELATIONSHIP_JSON_FIELDS = new Set(['properties', 'provenance']);

export type Props = Record<string, unknown>;

export function assertLabel(label: string): NodeLabel {
  if (!(NODE_LABELS as readonly string[]).includes(label)) throw new Error(`not a node label: ${label}`);
  return label as NodeLabel;
}

export function assertType(type: string): RelationshipType {
  if (!(RELATIONSHIP_TYPES as readonly string[]).includes(type)) throw new Error(`not a relationship type: ${type}`);
  return type as RelationshipType;
}

/** Cypher `:A|B` for whitelisted relationship types (all of them when none are given). */
export function typeExpression(types?: readonly string[]): string {
  const list = types?.length ? types.map(assertType) : RELATIONSHIP_TYPES;
  return list.join('|');
}

export function nodeToProps(node: GraphNode): Props {
  const props: Props = {};
  for (const [key, value] of Object.entries(node)) {
    if (value === undefined) continue;
    props[key] = NODE_JSON_FIELDS.has(key) ? JSON.stringify(value) : value;
  }
  // Folded copies: the fulltext index and `q` filters never see accents or case.
  props._name = foldText(node.name);
  props._aliases = (node.aliases ?? []).map(foldText).join('\n');
  props._tags = (node.tags ?? []).map(foldText).join('\n');
  props._description = [node.description, node.summary].filter(Boolean).map((s) => foldText(s as string)).join('\n');
  if (node.place?.region) props._region = node.place.region;
  return props;
}

export function nodeFromProps(props: Props): GraphNode {
  const node: Props = {};
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith('_') || value === null || value === undefined) continue;
    node[key] = NODE_JSON_FIELDS.has(key) ? JSON.parse(value as string) : value;
  }
  return node as GraphNode;
}

/** Properties stored on the Neo4j relationship (type, from and to are the relationship itself). */
export function relationshipToProps(rel: GraphRelationship): Props {
  const props: Props = {};
  for (const [key, value] of Object.entries(rel)) {
    if (value === undefined || key === 'type' || key === 'from' || key === 'to') continue;
    props[key] = RELATIONSHIP_JSON_FIELDS.has(key) ? JSON.stringify(value) : value;
  }
  const { weight, role } = rel.properties ?? {};
  if (typeof weight === 'number') props._weight = weight;
  if (typeof role === 'string') props._role = role;
  return props;
}

/** Cypher projection that relationshipFromRow reads. */
export const REL_RETURN = (r: string) => `${r} {.*, type: type(${r}), from: startNode(${r}).id, to: endNode(${r}).id}`;

export function relationshipFromProps(props: Props): GraphRelationship {
  const rel: Props = {};
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith('_') || value === null || value === undefined) continue;
    rel[key] = RELATIONSHIP_JSON_FIELDS.has(key) ? JSON.parse(value as string) : value;
  }
  return rel as GraphRelationship;
}

export function changeToProps(change: ChangeEntry): Props {
  const props: Props = { ...change, before: change.before ? JSON.stringify(change.before) : null, after: change.after ? JSON.stringify(change.after) : null };
  for (const key of Object.keys(props)) if (props[key] === undefined || props[key] === null) delete props[key];
  return props;
}

export function changeFromProps(props: Props): ChangeEntry {
  const change: ChangeEntry = {
    seq: props.seq as number,
    revision: props.revision as number,
    at: props.at as string,
    actor: props.actor as string,
    op: props.op as ChangeEntry['op'],
    entity: props.entity as ChangeEntry['entity'],
    id: props.id as string,
    before: typeof props.before === 'string' ? JSON.parse(props.before) : null,
    after: typeof props.after === 'string' ? JSON.parse(props.after) : null,
  };
  if (typeof props.via === 'string') change.via = props.via;
  return change;
}
