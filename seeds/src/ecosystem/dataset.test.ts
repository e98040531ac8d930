import { describe, expect, it } from 'vitest';
import { endpointProblem, NodeInputSchema, RelationshipInputSchema, type NodeLabel } from '@atlas/graph';
import { DOCUMENTS } from './cite.ts';
import { seedDataset } from './dataset.ts';
import { collapseWhitespace, readSource } from './sources.ts';

// Integrity of the whole seed: valid against the schemas, relationships join
// existing nodes with allowed labels, and every quote is verbatim.

const { nodes, relationships } = seedDataset();
const labelOf = new Map(nodes.map((n) => [n.id, n.label as NodeLabel]));
const texts = new Map<string, string>();
function text(source: string): string {
  if (!texts.has(source)) texts.set(source, collapseWhitespace(readSource(source)));
  return texts.get(source)!;
}

const elements = [
  ...nodes.map((n) => ({ what: `node ${n.id}`, provenance: n.provenance })),
  ...relationships.map((r) => ({ what: `${r.type} ${r.from} → ${r.to}`, provenance: r.provenance })),
];

describe('seed dataset integrity', () => {
  it('has nodes of every label but Person-only extras, and relationships', () => {
    const labels = new Set(nodes.map((n) => n.label));
    for (const label of ['Actor', 'Project', 'Practice', 'Event', 'Topic', 'Place'] as const) expect(labels).toContain(label);
    expect(nodes.length).toBeGreaterThan(80);
    expect(relationships.length).toBeGreaterThan(150);
  });

  it('validates every node and relationship with the zod schemas', () => {
    const problems: string[] = [];
    for (const n of nodes) {
      const r = NodeInputSchema.safeParse(n);
      if (!r.success) problems.push(`${n.id}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    }
    for (const rel of relationships) {
      const r = RelationshipInputSchema.safeParse(rel);
      if (!r.success) problems.push(`${rel.id}: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('has unique node and relationship ids', () => {
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    expect(new Set(relationships.map((r) => r.id)).size).toBe(relationships.length);
  });

  it('joins existing nodes with the labels RELATIONSHIP_ENDPOINTS allows', () => {
    const problems: string[] = [];
    for (const r of relationships) {
      const from = labelOf.get(r.from);
      const to = labelOf.get(r.to);
      if (!from || !to) problems.push(`${r.type} ${r.from} → ${r.to}: missing ${from ? r.to : r.from}`);
      else {
        const p = endpointProblem(r.type, from, to);
        if (p) problems.push(`${r.from} → ${r.to}: ${p}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('cites a source with a quote on every node and relationship', () => {
    const missing = elements.filter((e) => e.provenance.length === 0 || e.provenance.some((p) => !p.source || !p.quote));
    expect(missing.map((e) => e.what)).toEqual([]);
  });

  it('quotes every source verbatim (whitespace collapsed)', () => {
    const invented: string[] = [];
    for (const e of elements) {
      for (const p of e.provenance) {
        if (!text(p.source).includes(collapseWhitespace(p.quote!))) invented.push(`${e.what}: [${p.source}] "${p.quote}"`);
      }
    }
    expect(invented).toEqual([]);
  });

  it('keeps quotes short', () => {
    const long = elements.flatMap((e) => e.provenance.filter((p) => p.quote!.length > 250).map((p) => `${e.what}: ${p.quote}`));
    expect(long).toEqual([]);
  });

  it('gives every inferred fact a lower confidence and a reason', () => {
    const all = elements.flatMap((e) => e.provenance.map((p) => ({ ...p, what: e.what })));
    const inferred = all.filter((p) => (p.confidence ?? 1) < 1);
    expect(inferred.length).toBeGreaterThan(10);
    expect(inferred.filter((p) => !p.note || p.note.length < 20).map((p) => p.what)).toEqual([]);
    expect(all.filter((p) => p.note && (p.confidence ?? 1) >= 1).map((p) => p.what)).toEqual([]);
  });

  it('cites each of the five documents', () => {
    const cited = new Set(elements.flatMap((e) => e.provenance.map((p) => p.source)));
    for (const doc of DOCUMENTS) expect(cited).toContain(doc);
  });

  it('gives every actor a kind and a level, and every Spanish place-based actor INE codes and coordinates', () => {
    const actors = nodes.filter((n) => n.label === 'Actor');
    expect(actors.filter((a) => !a.kind).map((a) => a.id)).toEqual([]);
    // Collective nodes (groups the documents name without members) may lack a level.
    expect(actors.filter((a) => !a.level && !a.tags?.includes('collective')).map((a) => a.id)).toEqual([]);
    for (const a of actors.filter((x) => x.place?.ineCode)) {
      expect(a.place?.country, a.id).toBe('ES');
      expect(typeof a.lat, a.id).toBe('number');
      expect(typeof a.lon, a.id).toBe('number');
    }
  });

  it('does not hold a node that nothing links to', () => {
    const linked = new Set(relationships.flatMap((r) => [r.from, r.to]));
    expect(nodes.filter((n) => !linked.has(n.id)).map((n) => n.id)).toEqual([]);
  });
});
