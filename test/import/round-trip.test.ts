import { strFromU8, unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypherString, importGraph, EXPORT_FORMAT_INFO, GEXF_NAMESPACE, GRAPHML_NAMESPACE } from '../../graph/src/codecs/index.ts';
import type { EmbeddedStore } from '../../graph/src/store/embedded/index.ts';
import { exportBuffer, graphDifferences, openTempStore } from './helpers.ts';
import { CYPHER_INJECTION, trickyBatch } from './tricky-graph.ts';

// import(export(g)) equals g, for every format that can be read back.

let source: EmbeddedStore;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  const opened = await openTempStore();
  source = opened.store;
  cleanups.push(opened.cleanup);
  const report = await source.bulkUpsert(trickyBatch(), { mode: 'merge' }, { actor: 'tester' });
  expect(report.errors).toEqual([]);
  expect(report.nodes.created).toBeGreaterThan(200);
});

afterAll(async () => {
  for (const c of cleanups) await c();
});

describe.each([
  ['json', 'atlas.json'],
  ['csv', 'atlas-csv.zip'],
  ['gexf', 'atlas.gexf'],
  ['graphml', 'atlas.graphml'],
] as const)('%s round trip', (format, fileName) => {
  it('imports back exactly what was exported', async () => {
    const bytes = await exportBuffer(source, format);
    expect(EXPORT_FORMAT_INFO[format].fileName).toBe(fileName);
    const { store: target, cleanup } = await openTempStore();
    cleanups.push(cleanup);
    // No format given: detected from the file name and content. Enrichment off:
    // this checks the codecs' fidelity (geocoding and level inference have their own tests).
    const report = await importGraph(target, [{ name: fileName, buffer: bytes }], { mode: 'replace', enrich: false });
    expect(report.errors).toEqual([]);
    expect(report.format).toBe(format);
    const stats = await source.stats();
    expect(report.nodes.created).toBe(stats.nodes);
    expect(report.relationships.created).toBe(stats.relationships);
    expect(await graphDifferences(source, target)).toEqual([]);

    // Re-importing the same export changes nothing.
    const again = await importGraph(target, [{ name: fileName, buffer: bytes }], { mode: 'merge', enrich: false });
    expect(again.errors).toEqual([]);
    expect(again.updated + again.created).toBe(0);
    expect(again.unchanged).toBe(stats.nodes + stats.relationships);
  });
});

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (n) => ['node', 'edge', 'attribute', 'attributes', 'key', 'attvalue', 'data'].includes(n) });

describe('file structure', () => {
  it('GEXF follows the 1.3 schema layout Gephi reads', async () => {
    const text = (await exportBuffer(source, 'gexf')).toString('utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = xml.parse(text);
    expect(doc.gexf['@_xmlns']).toBe(GEXF_NAMESPACE);
    expect(doc.gexf['@_version']).toBe('1.3');
    expect(doc.gexf['@_xsi:schemaLocation']).toBe('http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd');
    const graph = doc.gexf.graph;
    expect(graph['@_defaultedgetype']).toBe('directed');
    expect(graph['@_timeformat']).toBe('date');
    // meta, then attributes (node, edge), then nodes, then edges: the schema's order.
    expect(Object.keys(doc.gexf).filter((k) => !k.startsWith('@_'))).toEqual(['meta', 'graph']);
    expect(Object.keys(graph).filter((k) => !k.startsWith('@_'))).toEqual(['attributes', 'nodes', 'edges']);
    expect(graph.attributes.map((a: Record<string, string>) => a['@_class'])).toEqual(['node', 'edge']);
    const declared = new Set(graph.attributes[0].attribute.map((a: Record<string, string>) => a['@_id']));
    for (const type of graph.attributes.flatMap((a: { attribute: Array<Record<string, string>> }) => a.attribute.map((x) => x['@_type']))) {
      expect(['string', 'double', 'integer', 'boolean', 'float', 'long', 'liststring']).toContain(type);
    }
    const tricky = graph.nodes.node.find((n: Record<string, string>) => n['@_id'] === 'tricky-1');
    expect(tricky['@_label']).toBe(CYPHER_INJECTION);
    expect(tricky['@_start']).toBe('2001-02-03');
    for (const v of tricky.attvalues.attvalue) expect(declared.has(v['@_for'])).toBe(true);
    const ids = new Set(graph.nodes.node.map((n: Record<string, string>) => n['@_id']));
    for (const e of graph.edges.edge) {
      expect(ids.has(e['@_source']) && ids.has(e['@_target'])).toBe(true);
      if (e['@_weight'] !== undefined) expect(Number.isFinite(Number(e['@_weight']))).toBe(true);
    }
  });

  it('GraphML declares every key it uses, per domain', async () => {
    const text = (await exportBuffer(source, 'graphml')).toString('utf8');
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = xml.parse(text);
    expect(doc.graphml['@_xmlns']).toBe(GRAPHML_NAMESPACE);
    const keys = new Map<string, string>(doc.graphml.key.map((k: Record<string, string>) => [k['@_id'], k['@_for']]));
    for (const k of doc.graphml.key) expect(['string', 'double', 'boolean', 'int', 'long', 'float']).toContain(k['@_attr.type']);
    const graph = doc.graphml.graph;
    expect(graph['@_edgedefault']).toBe('directed');
    for (const n of graph.node) for (const d of n.data) expect(keys.get(d['@_key'])).toBe('node');
    for (const e of graph.edge) for (const d of e.data) expect(keys.get(d['@_key'])).toBe('edge');
  });

  it('the CSV zip holds elements.csv and connections.csv in the import format', async () => {
    const files = unzipSync(new Uint8Array(await exportBuffer(source, 'csv')));
    expect(Object.keys(files).sort()).toEqual(['connections.csv', 'elements.csv']);
    expect(strFromU8(files['elements.csv']).split('\r\n')[0].startsWith('id,label,kind,level,country,region,city,tags,source,name')).toBe(true);
    expect(strFromU8(files['connections.csv']).split('\r\n')[0].startsWith('from,to,type,role,weight,since,until,source')).toBe(true);
  });

  it('the Cypher script escapes every literal', async () => {
    expect(cypherString(CYPHER_INJECTION)).toBe("'x\\'}) DETACH DELETE n //'");
    expect(cypherString('back\\slash\nnew')).toBe("'back\\\\slash\\nnew'");
    const text = (await exportBuffer(source, 'cypher')).toString('utf8');
    expect(text).toContain(cypherString(CYPHER_INJECTION));
    expect(text).not.toContain("x'})");
    // One statement per line block; no raw newline can sit inside a literal.
    for (const statement of text.split(/;\n/).filter((s) => s.trim() && !s.startsWith('//'))) {
      expect(statement).toMatch(/^(CREATE CONSTRAINT|UNWIND \[)/m);
    }
  });
});
