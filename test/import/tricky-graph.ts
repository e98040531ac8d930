import type { BulkBatch } from '../../graph/src/store/port.ts';
import { generateEcosystem } from '../../seeds/src/generator/index.ts';

/** Values that break naive writers: quotes, separators, newlines, markup, Cypher, accents, nested and typed values. */
export const CYPHER_INJECTION = "x'}) DETACH DELETE n //";

export function trickyBatch(size: { actors: number; links: number } = { actors: 150, links: 900 }): BulkBatch {
  const eco = generateEcosystem({ ...size, seed: 'round-trip' });
  const nodes: BulkBatch['nodes'] = [
    ...eco.nodes,
    {
      id: 'tricky-1',
      label: 'Actor',
      name: CYPHER_INJECTION,
      kind: 'ngo',
      level: 'regional',
      description: 'Line one\nline two, "quoted"; semi; <b>bold</b> & ampersand\ttab',
      tags: ['a;b', 'c,d', 'plain', '"q"'],
      aliases: ['Vinaròs', 'Vinaroz'],
      place: { country: 'ES', region: 'Comunitat Valenciana', province: 'Castelló/Castellón', municipality: 'Vinaròs', ineCode: '12138', provinceCode: '12', regionCode: '10' },
      lat: 40.4707,
      lon: 0.4747,
      website: 'https://example.org/a?b=1&c=2',
      validFrom: '2001-02-03',
      provenance: [
        { source: 'doc one.txt', url: 'https://example.org/doc', quote: 'a "quote", with\nnewline', confidence: 0.7, note: 'inferred', addedBy: 'tester', addedAt: '2024-01-01T00:00:00.000Z' },
        { source: 'second, source', confidence: 1, addedBy: 'tester', addedAt: '2024-01-02T00:00:00.000Z' },
      ],
      properties: { number: 12.5, flag: true, nested: { list: [1, 'two', null] }, 'odd key;,"': 'value with ""' },
    },
    {
      id: 'tricky-2',
      label: 'Project',
      name: '  Ünïcödé – 日本語 – emoji 🚀 ',
      kind: 'programme',
      status: 'open',
      budget: { amount: 1500000, currency: 'EUR', period: '2023-2027' },
      startDate: '2023-01-01',
      endDate: '2027-12-31',
      provenance: [{ source: 'budget.pdf', confidence: 1, addedBy: 'tester', addedAt: '2024-01-01T00:00:00.000Z' }],
    },
    {
      id: 'tricky-3',
      label: 'Practice',
      name: 'Practice <with> markup & "quotes"',
      summary: 'A summary',
      methods: ['design thinking', 'co-creation'],
      outcomes: 'Outcomes',
      transferable: false,
      provenance: [{ source: 'bank', confidence: 1, addedBy: 'tester', addedAt: '2024-01-01T00:00:00.000Z' }],
    },
    {
      id: 'tricky-4',
      label: 'Person',
      name: "O'Brien, Seán",
      role: 'Director',
      affiliation: 'Las Naves',
      consent: true,
      email: 'sean@example.org',
      provenance: [{ source: 'form', confidence: 1, addedBy: 'tester', addedAt: '2024-01-01T00:00:00.000Z' }],
    },
  ];
  const relationships: BulkBatch['relationships'] = [
    ...eco.relationships,
    {
      id: 'rel-tricky-1',
      type: 'FUNDS',
      from: 'tricky-1',
      to: 'tricky-2',
      properties: { amount: 250000, currency: 'EUR', note: 'multi\nline, "quoted"', weight: 2.5 },
      validFrom: '2023-01-01',
      validTo: '2024-12-31',
      provenance: [{ source: 'grant.pdf', quote: "it's funded", confidence: 0.9, addedBy: 'tester', addedAt: '2024-01-01T00:00:00.000Z' }],
    },
    { type: 'DEVELOPED', from: 'tricky-1', to: 'tricky-3', properties: {}, provenance: [{ source: 'bank', confidence: 1, addedBy: 'tester', addedAt: '2024-01-01T00:00:00.000Z' }] },
    { type: 'AFFILIATED_WITH', from: 'tricky-4', to: 'tricky-1', properties: { role: 'lead' }, provenance: [{ source: 'form', confidence: 1, addedBy: 'tester', addedAt: '2024-01-01T00:00:00.000Z' }] },
  ];
  return { nodes, relationships };
}
