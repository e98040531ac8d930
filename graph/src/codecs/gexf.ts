import type { GraphNode, GraphRelationship } from '../model/schemas.ts';
import { EDGE_ATTRIBUTES, NODE_ATTRIBUTES, nodeFromAttributes, relationshipFromAttributes, type AttributeDef } from './graph-attributes.ts';
import type { DecodeSink } from './sink.ts';
import type { PreparedFile } from './source.ts';
import { escapeXml, xmlAttributes } from './xml-text.ts';
import { attr, children, text, type XmlElement } from './xml-read.ts';
import { openXmlGraph } from './xml-graph-file.ts';

// GEXF 1.3 (http://gexf.net/1.3, schema http://gexf.net/1.3/gexf.xsd), the
// format Gephi and Gephi Lite open natively.

export const GEXF_NAMESPACE = 'http://gexf.net/1.3';

function declarations<T>(cls: 'node' | 'edge', defs: AttributeDef<T>[]): string {
  const lines = defs.map((d) => `      <attribute id="${d.id}" title="${d.id}" type="${d.type}"/>`);
  return `    <attributes class="${cls}">\n${lines.join('\n')}\n    </attributes>\n`;
}

function attvalues<T>(defs: AttributeDef<T>[], record: T): string {
  let out = '';
  for (const d of defs) {
    const v = d.value(record);
    if (v !== undefined && v !== '') out += `<attvalue for="${d.id}" value="${escapeXml(v)}"/>`;
  }
  return out ? `<attvalues>${out}</attvalues>` : '';
}

export function gexfHeader(createdAt: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<gexf xmlns="${GEXF_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GEXF_NAMESPACE} ${GEXF_NAMESPACE}/gexf.xsd" version="1.3">\n` +
    `  <meta lastmodifieddate="${createdAt.slice(0, 10)}">\n    <creator>Ecosystem atlas</creator>\n    <description>Actors, projects, practices, events and topics of an innovation ecosystem</description>\n  </meta>\n` +
    `  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">\n` +
    declarations('node', NODE_ATTRIBUTES) +
    declarations('edge', EDGE_ATTRIBUTES) +
    `    <nodes>\n`
  );
}

export const GEXF_BETWEEN = `    </nodes>\n    <edges>\n`;
export const GEXF_FOOTER = `    </edges>\n  </graph>\n</gexf>\n`;

export function gexfNode(n: GraphNode): string {
  return `      <node${xmlAttributes({ id: n.id, label: n.name, start: n.validFrom, end: n.validTo })}>${attvalues(NODE_ATTRIBUTES, n)}</node>\n`;
}

export function gexfEdge(r: GraphRelationship): string {
  const weight = typeof r.properties.weight === 'number' ? r.properties.weight : undefined;
  const attrs = {
    id: r.id,
    source: r.from,
    target: r.to,
    label: r.type,
    type: r.type === 'COLLABORATES_WITH' ? 'undirected' : undefined,
    weight,
    start: r.validFrom,
    end: r.validTo,
  };
  return `      <edge${xmlAttributes(attrs)}>${attvalues(EDGE_ATTRIBUTES, r)}</edge>\n`;
}

/** Reads a GEXF (1.1–1.3) file: node label → name, attribute titles → fields or properties. */
export async function decodeGexfFile(file: PreparedFile, sink: DecodeSink): Promise<{ nodes: number; relationships: number }> {
  const counts = { nodes: 0, relationships: 0 };
  const { graph, fail } = await openXmlGraph(file, sink, 'gexf', 'GEXF');
  if (!graph) return counts;
  const titles = { node: new Map<string, string>(), edge: new Map<string, string>() };
  for (const block of children(graph, 'attributes')) {
    const cls = attr(block, 'class') === 'edge' ? 'edge' : 'node';
    for (const a of children(block, 'attribute')) titles[cls].set(attr(a, 'id') ?? '', attr(a, 'title') ?? attr(a, 'id') ?? '');
  }
  const values = (element: XmlElement, cls: 'node' | 'edge') => {
    const map = new Map<string, string>();
    for (const box of children(element, 'attvalues'))
      for (const v of children(box, 'attvalue')) {
        const key = attr(v, 'for') ?? attr(v, 'id') ?? '';
        map.set(titles[cls].get(key) ?? key, attr(v, 'value') ?? '');
      }
    return map;
  };

  const nodes = children(children(graph, 'nodes')[0], 'node');
  nodes.forEach((n, i) => {
    const row = i + 1;
    const origin = { file: file.name, row, columnOf: (path: string) => `node[${row}].${path}` };
    const id = attr(n, 'id');
    if (!id) return fail(`node[${row}].id`, 'a <node> has no id', row);
    const attrs = values(n, 'node');
    for (const [k, v] of [['validFrom', attr(n, 'start')], ['validTo', attr(n, 'end')]] as const) if (v && !attrs.has(k)) attrs.set(k, v);
    const label = attr(n, 'label') ?? text(n).trim();
    sink.node(nodeFromAttributes(id, label, attrs, (a, m) => fail(`node[${row}].${a}`, m, row)), origin);
  });
  counts.nodes = nodes.length;

  const edges = children(children(graph, 'edges')[0], 'edge');
  edges.forEach((e, i) => {
    const row = i + 1;
    const source = attr(e, 'source');
    const target = attr(e, 'target');
    if (!source || !target) return fail(`edge[${row}]`, 'an <edge> needs source and target', row);
    const attrs = values(e, 'edge');
    for (const [k, v] of [['validFrom', attr(e, 'start')], ['validTo', attr(e, 'end')]] as const) if (v && !attrs.has(k)) attrs.set(k, v);
    const { value, inferType } = relationshipFromAttributes(
      { id: attr(e, 'id'), source, target, label: attr(e, 'label'), weight: attr(e, 'weight') },
      attrs,
      (a, m) => fail(`edge[${row}].${a}`, m, row),
    );
    sink.relationship(value, { file: file.name, row, columnOf: (path) => `edge[${row}].${path}`, inferType });
  });
  counts.relationships = edges.length;
  sink.progress(file.name, counts.nodes + counts.relationships);
  return counts;
}
