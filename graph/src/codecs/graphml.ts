import type { GraphNode, GraphRelationship } from '../model/schemas.ts';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, nodeFromAttributes, relationshipFromAttributes, type AttributeDef } from './graph-attributes.ts';
import type { DecodeSink } from './sink.ts';
import type { PreparedFile } from './source.ts';
import { escapeXml, xmlAttributes } from './xml-text.ts';
import { attr, children, text, type XmlElement } from './xml-read.ts';
import { openXmlGraph } from './xml-graph-file.ts';

// GraphML (http://graphml.graphdrawing.org/xmlns, schema graphml.xsd 1.0) as
// Gephi, yEd, NetworkX and Neo4j APOC read it. Key ids are prefixed (n_/e_) so
// node and edge keys never collide; `label` carries the display name (Gephi's
// convention) and `type` the node label.

export const GRAPHML_NAMESPACE = 'http://graphml.graphdrawing.org/xmlns';

function keys<T>(domain: 'node' | 'edge', defs: AttributeDef<T>[]): string {
  const prefix = domain === 'node' ? 'n_' : 'e_';
  return defs.map((d) => `  <key id="${prefix}${d.id}" for="${domain}" attr.name="${d.id}" attr.type="${d.type}"/>\n`).join('');
}

function data<T>(domain: 'node' | 'edge', defs: AttributeDef<T>[], record: T): string {
  const prefix = domain === 'node' ? 'n_' : 'e_';
  let out = '';
  for (const d of defs) {
    const v = d.value(record);
    if (v !== undefined && v !== '') out += `<data key="${prefix}${d.id}">${escapeXml(v)}</data>`;
  }
  return out;
}

export function graphmlHeader(): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<graphml xmlns="${GRAPHML_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GRAPHML_NAMESPACE} ${GRAPHML_NAMESPACE}/1.0/graphml.xsd">\n` +
    `  <key id="n_label" for="node" attr.name="label" attr.type="string"/>\n` +
    keys('node', NODE_ATTRIBUTES) +
    `  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>\n` +
    keys('edge', EDGE_ATTRIBUTES) +
    `  <graph id="atlas" edgedefault="directed">\n`
  );
}

export const GRAPHML_FOOTER = `  </graph>\n</graphml>\n`;

export function graphmlNode(n: GraphNode): string {
  return `    <node id="${escapeXml(n.id)}"><data key="n_label">${escapeXml(n.name)}</data>${data('node', NODE_ATTRIBUTES, n)}</node>\n`;
}

export function graphmlEdge(r: GraphRelationship): string {
  return `    <edge${xmlAttributes({ id: r.id, source: r.from, target: r.to })}><data key="e_label">${r.type}</data>${data('edge', EDGE_ATTRIBUTES, r)}</edge>\n`;
}

export async function decodeGraphmlFile(file: PreparedFile, sink: DecodeSink): Promise<{ nodes: number; relationships: number }> {
  const counts = { nodes: 0, relationships: 0 };
  const { top: root, graph, fail } = await openXmlGraph(file, sink, 'graphml', 'GraphML');
  if (!root || !graph) return counts;
  // key id → attribute name, per domain (keys "for all" apply to both).
  const names = { node: new Map<string, string>(), edge: new Map<string, string>() };
  const defaults = { node: new Map<string, string>(), edge: new Map<string, string>() };
  for (const k of children(root, 'key')) {
    const id = attr(k, 'id') ?? '';
    const name = attr(k, 'attr.name') ?? id;
    const domain = attr(k, 'for') ?? 'all';
    const def = children(k, 'default')[0];
    for (const d of ['node', 'edge'] as const)
      if (domain === d || domain === 'all') {
        names[d].set(id, name);
        if (def !== undefined) defaults[d].set(name, text(def));
      }
  }
  const values = (element: XmlElement, domain: 'node' | 'edge') => {
    const map = new Map(defaults[domain]);
    for (const d of children(element, 'data')) {
      const key = attr(d, 'key') ?? '';
      map.set(names[domain].get(key) ?? key, text(d));
    }
    return map;
  };

  const nodes = children(graph, 'node');
  nodes.forEach((n, i) => {
    const row = i + 1;
    const id = attr(n, 'id');
    if (!id) return fail(`node[${row}].id`, 'a <node> has no id', row);
    const attrs = values(n, 'node');
    const name = attrs.get('label');
    attrs.delete('label');
    const node = nodeFromAttributes(id, name, attrs, (a, m) => fail(`node[${row}].${a}`, m, row));
    sink.node(node, { file: file.name, row, columnOf: (path) => `node[${row}].${path}` });
  });
  counts.nodes = nodes.length;

  const edges = children(graph, 'edge');
  edges.forEach((e, i) => {
    const row = i + 1;
    const source = attr(e, 'source');
    const target = attr(e, 'target');
    if (!source || !target) return fail(`edge[${row}]`, 'an <edge> needs source and target', row);
    const attrs = values(e, 'edge');
    const label = attrs.get('label');
    attrs.delete('label');
    const { value, inferType } = relationshipFromAttributes({ id: attr(e, 'id'), source, target, label }, attrs, (a, m) =>
      fail(`edge[${row}].${a}`, m, row),
    );
    sink.relationship(value, { file: file.name, row, columnOf: (path) => `edge[${row}].${path}`, inferType });
  });
  counts.relationships = edges.length;
  sink.progress(file.name, counts.nodes + counts.relationships);
  return counts;
}
