import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importGraph, type ImportReport } from '../../graph/src/codecs/index.ts';
import type { EmbeddedStore } from '../../graph/src/store/embedded/index.ts';
import { openTempStore, wholeGraph } from './helpers.ts';

// Real open data (test/fixtures/h2020-spain, see COPIED.md and SOURCE.md there):
// importing it gives exactly the counts its files imply.

const DIR = join(import.meta.dirname, '../fixtures/h2020-spain');
let store: EmbeddedStore;
let cleanup: () => Promise<void>;
let report: ImportReport;

beforeAll(async () => {
  ({ store, cleanup } = await openTempStore());
  const files = [
    { name: 'connections.csv', path: join(DIR, 'connections.csv') },
    { name: 'elements.csv', path: join(DIR, 'elements.csv') },
  ];
  const dry = await importGraph(store, files, { dryRun: true });
  expect(dry.errors).toEqual([]);
  expect(dry.created).toBe(3162 + 3212);
  expect(await store.revision()).toBe(0);
  report = await importGraph(store, files);
});
afterAll(() => cleanup());

it('imports 3,162 elements and 3,212 connections without errors', async () => {
  expect(report.errors).toEqual([]);
  expect(report.nodes).toEqual({ created: 3162, updated: 0, unchanged: 0, deleted: 0 });
  expect(report.relationships).toEqual({ created: 3212, updated: 0, unchanged: 0, deleted: 0 });
  expect(await store.stats()).toEqual({ nodes: 3162, relationships: 3212, revision: 1 });
});

it('1,330 actors and 1,832 projects; 891 lead and 2,321 participant roles', async () => {
  const { nodes, relationships } = await wholeGraph(store);
  const labels = new Map<string, number>();
  for (const n of nodes.values()) labels.set(n.label, (labels.get(n.label) ?? 0) + 1);
  expect(Object.fromEntries(labels)).toEqual({ Actor: 1330, Project: 1832 });
  const roles = new Map<string, number>();
  for (const r of relationships.values()) {
    expect(r.type).toBe('PARTICIPATES_IN');
    roles.set(String(r.properties.role), (roles.get(String(r.properties.role)) ?? 0) + 1);
  }
  expect(Object.fromEntries(roles)).toEqual({ lead: 891, participant: 2321 });
});

it('maps the columns: name, place, tags, provenance, extra columns as properties, dates', async () => {
  const csic = (await store.search('CONSEJO SUPERIOR DE INVESTIGACIONES CIENTIFICAS', { limit: 1 }))[0];
  expect(csic).toBeDefined();
  const actor = await store.getNode('h2020-org-0024f8241bf9bbec931cf3047feed2ed');
  expect(actor).toMatchObject({ label: 'Actor', kind: 'company', name: 'WEBLOGS SL', place: { country: 'ES' }, properties: { short_name: 'WEBLOGS' } });
  expect(actor.tags).toEqual(['h2020', 'kind-inferred-from-name', 'rule:legal-form']);
  expect(actor.provenance[0]).toMatchObject({ source: 'spaghetti-open-data/eu-research-funding-network:H2020/H2020_Data/unique_org.csv', confidence: 1 });
  const rel = (await store.listRelationships({ from: 'h2020-org-999614877', to: 'h2020-prj-193159' })).items[0];
  expect(rel).toMatchObject({ type: 'PARTICIPATES_IN', validFrom: '2014-01-01', validTo: '2018-12-31', properties: { role: 'participant' } });
});

it('re-importing the same files changes nothing (merge)', async () => {
  const again = await importGraph(store, [
    { name: 'elements.csv', path: join(DIR, 'elements.csv') },
    { name: 'connections.csv', path: join(DIR, 'connections.csv') },
  ]);
  expect(again.errors).toEqual([]);
  expect(again.unchanged).toBe(3162 + 3212);
  expect(again.created + again.updated).toBe(0);
});

it('reports its coverage: places from the names of universities, councils and governments; every level inferred', () => {
  const { places, levels } = report.coverage!;
  expect(places).toMatchObject({ actors: 1330, municipality: 58, province: 9, region: 7, country: 1256, none: 0, ambiguous: 0 });
  expect(places.byMethod['actor-name']).toBe(58 + 9 + 7);
  expect(levels).toMatchObject({ explicit: 0, inferred: 3162, none: 0 });
  expect(levels.byRule['eu-programme']).toBe(1832);
});
