import { describe, expect, it } from 'vitest';
import type { GraphNode, GraphRelationship } from '../../model/schemas.ts';
import { MemoryGraph } from './memory-graph.ts';
import { kShortestPaths } from './traversal.ts';

// Yen + bidirectional BFS checked against brute force: on random multigraphs,
// the k path lengths must equal the k smallest lengths among all simple
// paths, and every path must be simple, connected and distinct.

function randomGraph(seed: number, nodes: number, rels: number): MemoryGraph {
  let state = seed;
  const rand = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const graph = new MemoryGraph();
  for (let i = 0; i < nodes; i++) graph.putNode({ id: `n${i}`, label: 'Actor', kind: 'other', name: `n${i}`, tags: [], aliases: [], provenance: [], properties: {}, createdAt: '', updatedAt: '' } as GraphNode);
  for (let j = 0; j < rels; j++) {
    const a = Math.floor(rand() * nodes);
    const b = (a + 1 + Math.floor(rand() * (nodes - 1))) % nodes;
    graph.putRelationship({ id: `r${j}`, type: 'COLLABORATES_WITH', from: `n${a}`, to: `n${b}`, properties: {}, provenance: [], createdAt: '', updatedAt: '' } as GraphRelationship);
  }
  return graph;
}

/** Lengths of every simple path (as relationship sequences) from → to, up to maxDepth. */
function allPathLengths(graph: MemoryGraph, from: string, to: string, maxDepth: number): number[] {
  const lengths: number[] = [];
  const onPath = new Set([from]);
  const walk = (at: string, depth: number) => {
    if (at === to) return void lengths.push(depth);
    if (depth === maxDepth) return;
    for (const rel of [...graph.outgoingOf(at), ...graph.incomingOf(at)]) {
      const next = rel.from === at ? rel.to : rel.from;
      if (onPath.has(next)) continue;
      onPath.add(next);
      walk(next, depth + 1);
      onPath.delete(next);
    }
  };
  walk(from, 0);
  return lengths.sort((a, b) => a - b);
}

describe('kShortestPaths', () => {
  it('matches brute force on random graphs', () => {
    let checked = 0;
    let withPaths = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const graph = randomGraph(seed, 14, 22);
      for (const [from, to] of [
        ['n0', 'n7'],
        ['n3', 'n11'],
      ]) {
        for (const k of [1, 3, 6]) {
          const maxDepth = 5;
          const expected = allPathLengths(graph, from, to, maxDepth).slice(0, k);
          const paths = kShortestPaths(graph, from, to, k, maxDepth, {});
          expect(paths.map((p) => p.length)).toEqual(expected);
          const keys = new Set<string>();
          for (const p of paths) {
            expect(p.nodes[0].id).toBe(from);
            expect(p.nodes.at(-1)!.id).toBe(to);
            expect(new Set(p.nodes.map((n) => n.id)).size).toBe(p.nodes.length);
            p.relationships.forEach((r, i) => expect([r.from, r.to].sort()).toEqual([p.nodes[i].id, p.nodes[i + 1].id].sort()));
            keys.add(p.relationships.map((r) => r.id).join());
          }
          expect(keys.size).toBe(paths.length);
          checked++;
          if (k === 6 && expected.length >= 3) withPaths++;
        }
      }
    }
    expect(checked).toBe(240);
    // Most pairs are connected by several paths, so the comparison is not vacuous.
    expect(withPaths).toBeGreaterThan(50);
  });
});

describe('MemoryGraph.relationshipsAmong', () => {
  it('agrees with brute force after random puts, end-changing replacements and removals', () => {
    let state = 99;
    const rand = (n: number) => Math.floor(((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32) * n);
    const graph = randomGraph(5, 30, 0);
    for (let step = 0; step < 3000; step++) {
      const id = `r${rand(150)}`;
      if (rand(4) === 0) graph.removeRelationship(id);
      else {
        const from = `n${rand(30)}`;
        const to = `n${(Number(from.slice(1)) + 1 + rand(29)) % 30}`;
        graph.putRelationship({ id, type: 'COLLABORATES_WITH', from, to, properties: {}, provenance: [], createdAt: '', updatedAt: '' } as GraphRelationship);
      }
      if (step % 100 === 0) {
        const members = new Set(Array.from({ length: 12 }, () => `n${rand(30)}`));
        const expected = [...graph.relationships.values()].filter((r) => members.has(r.from) && members.has(r.to)).map((r) => r.id).sort();
        expect(graph.relationshipsAmong(members).map((r) => r.id).sort()).toEqual(expected);
      }
    }
  });
});
