import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NodeInputSchema, RelationshipInputSchema, endpointProblem, relationshipIdFor, type NodeLabel } from '@atlas/graph';
import { GeneratorCapacityError, generateEcosystem, writeEcosystemCsv } from './index.ts';

describe('synthetic ecosystem generator', () => {
  const eco = generateEcosystem({ actors: 2000, links: 15000, seed: 42 });

  it('is deterministic by seed', () => {
    const again = generateEcosystem({ actors: 2000, links: 15000, seed: 42 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(eco));
    const other = generateEcosystem({ actors: 2000, links: 15000, seed: 43 });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(eco));
  });

  it('makes exactly the asked number of actors and links, all valid, distinct and allowed', () => {
    expect(eco.nodes.filter((n) => n.label === 'Actor')).toHaveLength(2000);
    expect(eco.relationships).toHaveLength(15000);
    const labels = new Map<string, NodeLabel>();
    for (const n of eco.nodes) {
      expect(NodeInputSchema.safeParse(n).success).toBe(true);
      expect(labels.has(n.id!)).toBe(false);
      labels.set(n.id!, n.label);
    }
    const ids = new Set<string>();
    for (const r of eco.relationships) {
      expect(RelationshipInputSchema.safeParse(r).success).toBe(true);
      expect(endpointProblem(r.type, labels.get(r.from)!, labels.get(r.to)!)).toBeNull();
      ids.add(relationshipIdFor(r));
    }
    expect(ids.size).toBe(15000);
  });

  it('has heavy-tailed degrees, regional communities, plausible levels and kinds', () => {
    const degree = new Map<string, number>();
    for (const r of eco.relationships) for (const id of [r.from, r.to]) if (id.startsWith('gen-actor-')) degree.set(id, (degree.get(id) ?? 0) + 1);
    const sorted = [...degree.values()].sort((a, b) => b - a);
    const median = sorted[Math.floor(sorted.length / 2)];
    expect(sorted[0]).toBeGreaterThan(10 * median);

    const region = new Map(eco.nodes.map((n) => [n.id!, n.place?.regionCode]));
    const collaborations = eco.relationships.filter((r) => r.type === 'COLLABORATES_WITH');
    const sameRegion = collaborations.filter((r) => region.get(r.from) && region.get(r.from) === region.get(r.to)).length;
    expect(sameRegion / collaborations.length).toBeGreaterThan(0.5);

    const actors = eco.nodes.filter((n) => n.label === 'Actor');
    const share = (pred: (n: (typeof actors)[number]) => boolean) => actors.filter(pred).length / actors.length;
    expect(share((n) => n.level === 'local')).toBeGreaterThan(0.25);
    expect(share((n) => n.level === 'international')).toBeLessThan(0.2);
    expect(share((n) => n.kind === 'company')).toBeGreaterThan(share((n) => n.kind === 'university'));
    for (const n of actors.filter((a) => a.place?.country === 'ES')) expect(n.place?.ineCode).toMatch(/^\d{5}$/);
    for (const label of ['Project', 'Practice', 'Event', 'Topic', 'Place']) expect(eco.nodes.some((n) => n.label === label)).toBe(true);
    const leads = eco.relationships.filter((r) => r.type === 'PARTICIPATES_IN' && r.properties?.role === 'lead');
    expect(new Set(leads.map((r) => r.to)).size).toBe(leads.length);
  });

  it('refuses sizes it cannot honour', () => {
    expect(() => generateEcosystem({ actors: 3, links: 100_000, seed: 1 })).toThrow(GeneratorCapacityError);
  });

  it('writes the CSV import format', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-gen-'));
    try {
      const written = await writeEcosystemCsv({ actors: 300, links: 2000, seed: 'csv' }, dir);
      expect(written.relationships).toBe(2000);
      const elements = readFileSync(written.elements, 'utf8').trimEnd().split('\r\n');
      const connections = readFileSync(written.connections, 'utf8').trimEnd().split('\r\n');
      expect(elements[0].startsWith('id,label,kind,level,country,region,city,tags,source,name')).toBe(true);
      expect(connections[0]).toBe('from,to,type,role,weight,since,until,source,amount');
      expect(elements).toHaveLength(written.nodes + 1);
      expect(connections).toHaveLength(2001);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
