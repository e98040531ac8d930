// The projection builder: collaboration graph (shared items → weighted cliques)
// checked against networkx's bipartite projection of real H2020 data, filters,
// and the CSR invariants.

import { describe, expect, it } from 'vitest';
import type { TopologyChunk, TopologyRelationship } from '../store/port.ts';
import { csrFromEdgeList, EdgeAccumulator } from './csr.ts';
import { buildProjection, filterByMask, inducedSubgraph, projectionKey, type CsrGraph, type ProjectionOptions } from './projection.ts';
import { mulberry32 } from './rng.ts';
import { ACTOR_KINDS, EVENT_KINDS, LEVELS } from '../model/vocabulary.ts';
import { loadFixture } from './reference/fixtures.ts';

function edgesOf(graph: CsrGraph): Array<[string, string, number]> {
  const edges: Array<[string, string, number]> = [];
  for (let u = 0; u < graph.n; u++)
    for (let k = graph.offsets[u]; k < graph.offsets[u + 1]; k++)
      if (u < graph.targets[k]) edges.push([graph.ids[u], graph.ids[graph.targets[k]], graph.weights[k]]);
  return edges.sort();
}

function expectCsrInvariants(graph: CsrGraph): void {
  expect(graph.offsets.length).toBe(graph.n + 1);
  expect(graph.targets.length).toBe(2 * graph.m);
  const problems: string[] = [];
  for (let u = 0; u < graph.n; u++) {
    for (let k = graph.offsets[u]; k < graph.offsets[u + 1]; k++) {
      const v = graph.targets[k];
      if (v === u) problems.push(`self-loop at ${u}`);
      if (k > graph.offsets[u] && graph.targets[k - 1] >= v) problems.push(`row ${u} unsorted or duplicated`);
      // Symmetric with the same weight.
      const back = graph.targets.subarray(graph.offsets[v], graph.offsets[v + 1]).indexOf(u);
      if (back < 0 || graph.weights[graph.offsets[v] + back] !== graph.weights[k]) problems.push(`${u}-${v} not symmetric`);
    }
  }
  expect(problems).toEqual([]);
}

const h2020 = loadFixture('h2020');

/** networkx lists an edge (u, v) in either order; ours have u < v. */
function canonical(edges: Array<[string, string, number]>): Array<[string, string, number]> {
  return edges.map(([u, v, w]): [string, string, number] => (u < v ? [u, v, w] : [v, u, w])).sort();
}

function h2020Chunks(): TopologyChunk[] {
  const participations = h2020.participations!;
  const projects = [...new Set(participations.map((p) => p[1]))];
  const relationships: TopologyRelationship[] = participations.map(([from, to, role, since, until], i) => ({
    id: `p${i}`,
    type: 'PARTICIPATES_IN',
    from,
    to,
    role,
    ...(since ? { validFrom: since } : {}),
    ...(until ? { validTo: until } : {}),
  }));
  // Relationships first, nodes after, in several chunks: order must not matter.
  return [
    { nodes: [], relationships: relationships.slice(0, 700) },
    { nodes: projects.map((id) => ({ id, label: 'Project', kind: 'project' })), relationships: relationships.slice(700) },
    { nodes: h2020.nodes.map((id) => ({ id, label: 'Actor', kind: 'university', level: 'national' })), relationships: [] },
  ];
}

describe('collaboration projection', () => {
  it('equals networkx weighted_projected_graph on the H2020 slice', async () => {
    const graph = await buildProjection(h2020Chunks());
    expect(graph.n).toBe(h2020.nodes.length);
    expect(edgesOf(graph)).toEqual(canonical(h2020.edges));
    expect(graph.ids).toEqual([...h2020.nodes].sort());
    expectCsrInvariants(graph);
  });

  it('keeps only participations valid on `at`', async () => {
    const { at, edges } = h2020.projection_at!;
    const graph = await buildProjection(h2020Chunks(), { at });
    expect(graph.n).toBe(h2020.nodes.length);
    expect(edgesOf(graph)).toEqual(canonical(edges));
    expect(edges.length).toBeLessThan(h2020.edges.length);
  });

  it('counts an actor once per item, adds explicit COLLABORATES_WITH weight, ignores other links', async () => {
    const chunks: TopologyChunk[] = [
      {
        nodes: [
          { id: 'a', label: 'Actor', kind: 'university', level: 'regional' },
          { id: 'b', label: 'Actor', kind: 'company', level: 'local' },
          { id: 'c', label: 'Actor', kind: 'ngo', level: 'local', validFrom: '2020-01-01' },
          { id: 'p', label: 'Project', kind: 'project' },
          { id: 'e', label: 'Event', kind: 'conference' },
          { id: 't', label: 'Topic', kind: 'topic' },
        ],
        relationships: [
          { id: '1', type: 'PARTICIPATES_IN', from: 'a', to: 'p' },
          { id: '2', type: 'FUNDS', from: 'a', to: 'p' }, // same item again: still one shared item
          { id: '3', type: 'PARTICIPATES_IN', from: 'b', to: 'p' },
          { id: '4', type: 'SPOKE_AT', from: 'a', to: 'e' },
          { id: '5', type: 'ORGANISED', from: 'b', to: 'e' },
          { id: '6', type: 'COLLABORATES_WITH', from: 'b', to: 'a', weight: 2.5 },
          { id: '7', type: 'PARTICIPATES_IN', from: 'c', to: 'p' },
          { id: '8', type: 'WORKS_ON', from: 'a', to: 't' },
          { id: '9', type: 'WORKS_ON', from: 'b', to: 't' },
        ],
      },
    ];
    const graph = await buildProjection(chunks);
    expect(graph.ids).toEqual(['a', 'b', 'c']);
    expect(edgesOf(graph)).toEqual([
      ['a', 'b', 4.5], // p + e + 2.5
      ['a', 'c', 1],
      ['b', 'c', 1],
    ]);
    expect(graph.labelOf(0)).toBe('Actor');
    expect(graph.kindOf(1)).toBe('company');
    expect(graph.levelOf(0)).toBe('regional');
    expect(graph.indexOf('p')).toBe(-1);

    expect(edgesOf(await buildProjection(chunks, { at: '2019-06-01' }))).toEqual([['a', 'b', 4.5]]);
    expect(edgesOf(await buildProjection(chunks, { types: ['COLLABORATES_WITH'] }))).toEqual([['a', 'b', 2.5]]);
    const local = await buildProjection(chunks, { levels: ['local'] });
    expect(local.ids).toEqual(['b', 'c']);
    expect(edgesOf(local)).toEqual([['b', 'c', 1]]);
    expect((await buildProjection(chunks, { kinds: ['university', 'ngo'] })).ids).toEqual(['a', 'c']);
    // A kinds filter that names a project kind also filters projects.
    expect(edgesOf(await buildProjection(chunks, { kinds: ['university', 'company', 'ngo', 'pilot'] }))).toEqual([['a', 'b', 3.5]]);

    const full = await buildProjection(chunks, { projection: 'full' });
    expect(full.ids).toEqual(['a', 'b', 'c', 'e', 'p', 't']);
    expect(edgesOf(full)).toEqual([
      ['a', 'b', 2.5],
      ['a', 'e', 1],
      ['a', 'p', 2], // PARTICIPATES_IN + FUNDS merged
      ['a', 't', 1],
      ['b', 'e', 1],
      ['b', 'p', 1],
      ['b', 't', 1],
      ['c', 'p', 1],
    ]);
    expectCsrInvariants(full);
    expect(edgesOf(await buildProjection(chunks, { projection: 'full', types: ['WORKS_ON'] }))).toEqual([
      ['a', 't', 1],
      ['b', 't', 1],
    ]);
  });

  it('handles a large item (clique of 2,000 participants = 2M pairs) quickly', async () => {
    const k = 2000;
    const nodes = Array.from({ length: k }, (_, i) => ({ id: `a${i}`, label: 'Actor' as const, kind: 'other' }));
    const relationships = nodes.map((a, i) => ({ id: `r${i}`, type: 'PARTICIPATES_IN' as const, from: a.id, to: 'big' }));
    const started = performance.now();
    const graph = await buildProjection([{ nodes: [...nodes, { id: 'big', label: 'Project', kind: 'project' }], relationships }]);
    const ms = performance.now() - started;
    expect(graph.m).toBe((k * (k - 1)) / 2);
    expect(graph.degree(0)).toBe(k - 1);
    expect(ms).toBeLessThan(5000);
  });

  it('gives a canonical key for equivalent option sets', () => {
    expect(projectionKey({ levels: ['local', 'regional'] })).toBe(projectionKey({ projection: 'collaboration', levels: ['regional', 'local', 'local'] }));
    expect(projectionKey({ projection: 'full' })).not.toBe(projectionKey({}));
  });
});

/** Actors of every level and kind, projects (no level), events (kinds, some with a level), shared items and direct links. */
function mixedChunks(eventLevels: boolean): TopologyChunk[] {
  const rng = mulberry32(5);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)];
  const actors = Array.from({ length: 80 }, (_, i) => ({ id: `a${String(i).padStart(2, '0')}`, label: 'Actor' as const, kind: pick(ACTOR_KINDS), level: pick(LEVELS) }));
  const projects = Array.from({ length: 15 }, (_, i) => ({ id: `p${i}`, label: 'Project' as const, kind: 'project' }));
  const events = Array.from({ length: 6 }, (_, i) => ({ id: `e${i}`, label: 'Event' as const, kind: pick(EVENT_KINDS), ...(eventLevels && i % 2 ? { level: pick(LEVELS) } : {}) }));
  const relationships: TopologyRelationship[] = [];
  for (const actor of actors) {
    for (let j = 0; j < 3; j++) relationships.push({ id: `r${relationships.length}`, type: 'PARTICIPATES_IN', from: actor.id, to: pick(projects).id });
    if (rng() < 0.3) relationships.push({ id: `r${relationships.length}`, type: 'SPOKE_AT', from: actor.id, to: pick(events).id });
    if (rng() < 0.5) relationships.push({ id: `r${relationships.length}`, type: 'COLLABORATES_WITH', from: actor.id, to: pick(actors).id, weight: 1 + Math.floor(rng() * 3) });
  }
  return [{ nodes: [...actors, ...projects, ...events], relationships }];
}

describe('filters as a node mask over the unfiltered CSR', () => {
  const filters: ProjectionOptions[] = [
    { levels: ['local'] },
    { levels: ['regional', 'international'] },
    { kinds: ['university', 'company'] },
    { kinds: ['ngo'], levels: ['national', 'local'] },
    { kinds: ['conference', 'university'] }, // an event kind: events are filtered too
    { levels: [] },
  ];

  it('gives what a fresh build with the filter gives, or null when it cannot', async () => {
    for (const projection of ['collaboration', 'full'] as const) {
      for (const eventLevels of [false, true]) {
        const chunks = mixedChunks(eventLevels);
        const base = await buildProjection(chunks, { projection });
        for (const filter of filters) {
          const options = { projection, ...filter };
          const masked = filterByMask(base, options);
          const label = `${projection} events with levels: ${eventLevels} ${JSON.stringify(filter)}`;
          // Collaboration: a filter that would also drop shared items changes weights, so no mask.
          const itemsDropped = projection === 'collaboration' && ((eventLevels && !!filter.levels?.length) || filter.kinds?.includes('conference'));
          if (itemsDropped) {
            expect(masked, label).toBeNull();
            continue;
          }
          expect(masked, label).not.toBeNull();
          const fresh = await buildProjection(chunks, options);
          expect(masked!.ids, label).toEqual(fresh.ids);
          expect(edgesOf(masked!), label).toEqual(edgesOf(fresh));
          expect(Array.from(masked!.levelCodes), label).toEqual(Array.from(fresh.levelCodes));
          expect(masked!.n, label).toBeLessThanOrEqual(base.n);
          expectCsrInvariants(masked!);
        }
      }
    }
  });

  it('declines what a mask cannot express: types, dates, another projection, an already filtered graph', async () => {
    const chunks = mixedChunks(false);
    const base = await buildProjection(chunks);
    expect(filterByMask(base, {})).toBe(base);
    expect(filterByMask(base, { types: ['COLLABORATES_WITH'] })).toBeNull();
    expect(filterByMask(base, { at: '2020-01-01' })).toBeNull();
    expect(filterByMask(base, { projection: 'full', levels: ['local'] })).toBeNull();
    const local = await buildProjection(chunks, { levels: ['local'] });
    expect(filterByMask(local, { levels: ['local'] })).toBeNull();
    expect(filterByMask(filterByMask(base, { levels: ['local'] })!, { levels: ['local'] })).toBeNull();
  });

  it('keeps shared memory and the id lookup of the induced subgraph', async () => {
    const base = await buildProjection(mixedChunks(false));
    const keep = new Uint8Array(base.n).map((_, i) => (i % 3 === 0 ? 1 : 0));
    const sub = inducedSubgraph(base, keep);
    expect(sub.targets.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(sub.ids).toEqual(base.ids.filter((_, i) => i % 3 === 0));
    for (let i = 0; i < sub.n; i++) expect(sub.indexOf(sub.ids[i])).toBe(i);
    expectCsrInvariants(sub);
  });
});

describe('CSR builder', () => {
  it('merges parallel edges, drops self-loops, sorts rows, shares memory on request', () => {
    const csr = csrFromEdgeList(4, [
      [2, 0, 1],
      [0, 2, 2],
      [1, 1, 5],
      [3, 0, 1],
    ]);
    expect(csr.m).toBe(2);
    expect(Array.from(csr.offsets)).toEqual([0, 2, 2, 3, 4]);
    expect(Array.from(csr.targets)).toEqual([2, 3, 0, 0]);
    expect(Array.from(csr.weights)).toEqual([3, 1, 3, 1]);
    const acc = new EdgeAccumulator(1);
    for (let i = 0; i < 100; i++) acc.add(i % 7, (i * 3) % 11, 1);
    const shared = acc.toCsr(11, true);
    expect(shared.targets.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
