import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { NodeInputSchema, RelationshipInputSchema } from '../model/schemas.ts';
import { fastNodeInput, fastRelationshipInput } from './input-fast-path.ts';

// The fast path must give exactly zod's output (values, key order, undefined
// keys) or step aside (null); it may never accept what zod rejects.

/** Like JSON but keeps key order, undefined values and the difference between -0 and 0. */
function exact(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Object.is(value, -0)) return '-0';
  if (Array.isArray(value)) return `[${value.map(exact).join(',')}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).map((k) => `${JSON.stringify(k)}:${exact((value as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(value);
}

function check(kind: 'node' | 'relationship', input: unknown): 'fast' | 'zod' {
  const schema = kind === 'node' ? NodeInputSchema : RelationshipInputSchema;
  const fast = kind === 'node' ? fastNodeInput(input) : fastRelationshipInput(input);
  const zod = schema.safeParse(input);
  if (fast === null) return 'zod';
  expect(zod.success, `fast path accepted what zod rejects: ${exact(input)}`).toBe(true);
  expect(exact(fast), exact(input)).toBe(exact(zod.data));
  expect(isDeepStrictEqual(fast, zod.data)).toBe(true);
  return 'fast';
}

const provenance = [{ source: 'elements.csv', confidence: 1 }];

const nodes: unknown[] = [
  { id: 'las-naves', label: 'Actor', name: '  Las Naves ', kind: 'public_body', level: 'local', tags: [' a ', 'b'], aliases: ['LN '], provenance },
  { label: 'Topic', name: 'Solo' },
  { label: 'Place', name: 'Vinaròs', kind: 'municipality', code: '12138', lat: 40.47, lon: 0.47, place: { municipality: 'Vinaròs', ineCode: '12138', country: 'ES' } },
  { label: 'Project', name: 'P', startDate: '2020-01-01', endDate: '2020-02-30', budget: { amount: 1000 } },
  { label: 'Project', name: 'P', startDate: '2020-01-01', endDate: '2021-02-28', budget: { amount: 1000, currency: 'EUR' }, status: 'open' },
  { label: 'Event', name: 'E', date: '2024-05-01', validFrom: '2024-05-02', validTo: '2024-05-01' },
  { label: 'Event', name: 'E', date: '2024-05-01', validFrom: '2024-05-01', validTo: '2024-05-01', website: 'https://example.org/x' },
  { label: 'Event', name: 'E', website: 'javascript:alert(1)' },
  { label: 'Actor', name: 'A', kind: 'topic' },
  { label: 'Actor', name: 'A', kind: 'x'.repeat(51) },
  { label: 'Actor', name: '   ' },
  { label: 'Actor', name: 'x'.repeat(500) + ' ' },
  { label: 'Actor', name: 'nul\u0000' },
  { label: 'Actor', name: 'A', extra: 1 },
  { label: 'Actor', name: 'A', description: undefined, level: undefined },
  { label: 'Actor', name: 'A', tags: undefined, aliases: undefined, provenance: undefined, properties: undefined },
  { label: 'Actor', name: 'A', tags: null },
  { label: 'Actor', name: 'A', tags: ['ok', ''] },
  { label: 'Actor', name: 'A', tags: Array.from({ length: 201 }, (_, i) => `t${i}`) },
  { label: 'Actor', name: 'A', properties: { budget: 5, note: 'x', nested: { a: [1, 2] } } },
  { label: 'Actor', name: 'A', properties: { '': 1 } },
  { label: 'Actor', name: 'A', provenance: [{ source: 's', url: 'https://x.org', quote: 'q', confidence: 0.5, note: 'n', addedBy: 'ana', addedAt: '2024-01-01T00:00:00Z' }] },
  { label: 'Actor', name: 'A', provenance: [{ source: 's', url: undefined, quote: undefined, confidence: undefined, addedBy: undefined }] },
  { label: 'Actor', name: 'A', provenance: [{ source: 's', other: 'stripped by zod' }] },
  { label: 'Actor', name: 'A', provenance: [{ source: 's', confidence: 2 }] },
  { label: 'Actor', name: 'A', provenance: [{ source: 's', confidence: -0 }] },
  { label: 'Actor', name: 'A', provenance: [{ source: 's', url: 'ftp://x.org' }] },
  { label: 'Actor', name: 'A', provenance: [{ source: '' }] },
  { label: 'Actor', name: 'A', provenance: [{ source: 's', addedAt: 'x'.repeat(41) }] },
  { label: 'Actor', name: 'A', id: 'bad id' },
  { label: 'Actor', name: 'A', id: '' },
  { label: 'Actor', name: 'A', id: 'x'.repeat(201) },
  { label: 'Nope', name: 'A' },
  { name: 'A' },
  { label: 'Actor' },
  { label: 'Person', name: 'P', email: 'p@example.org', consent: true, role: 'r', affiliation: 'a' },
  { label: 'Practice', name: 'P', methods: ['m'], transferable: true, summary: 's', outcomes: 'o' },
  { label: 'Actor', name: 'A', lat: Infinity },
  { label: 'Actor', name: 'A', validFrom: '2024-13-01' },
  Object.assign(Object.create(null), { label: 'Actor', name: 'A' }),
  JSON.parse('{"label":"Actor","name":"A","__proto__":{"x":1}}'),
  null,
  'node',
  [],
];

const rel = { type: 'PARTICIPATES_IN', from: 'a', to: 'p' };
const relationships: unknown[] = [
  rel,
  { ...rel, id: 'r1', properties: { role: 'lead', amount: 5, currency: 'EUR', weight: 2, note: 'n', flag: true, nothing: null }, provenance, validFrom: '2020-01-01', validTo: '2020-12-31' },
  { ...rel, properties: { note: 'first', role: 'partner' } },
  { ...rel, properties: { '2020': 'numeric key', role: 'partner' } },
  { ...rel, properties: { role: undefined, weight: undefined } },
  { ...rel, properties: { role: 'boss' } },
  { ...rel, properties: { weight: 0 } },
  { ...rel, properties: { amount: -1 } },
  { ...rel, properties: { currency: 'eur' } },
  { ...rel, properties: { nested: { a: 1 } } },
  { ...rel, properties: { list: [1, 'a'] } },
  { ...rel, properties: { bad: undefined } },
  { ...rel, properties: { bad: NaN } },
  { ...rel, properties: JSON.parse('{"__proto__":{"x":1}}') },
  { ...rel, properties: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`k${i}`, i])) },
  { ...rel, properties: null },
  { ...rel, properties: undefined, provenance: undefined, validFrom: undefined, id: undefined },
  { ...rel, to: 'a', from: 'a' },
  { ...rel, validFrom: '2021-01-01', validTo: '2020-01-01' },
  { ...rel, type: 'LIKES' },
  { ...rel, from: 'x y' },
  { ...rel, to: undefined },
  { ...rel, extra: true },
  { ...rel, provenance: [{ source: 's', url: 'https://example.org/a?b=c' }] },
];

const isPlainObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

describe('input fast path', () => {
  it('gives zod’s exact output for node inputs, or steps aside', () => {
    const used = nodes.map((n) => check('node', n));
    expect(used.filter((u) => u === 'fast').length).toBeGreaterThan(10);
  });

  it('gives zod’s exact output for relationship inputs, or steps aside', () => {
    const used = relationships.map((r) => check('relationship', r));
    expect(used.filter((u) => u === 'fast').length).toBeGreaterThan(6);
  });

  it('takes the fast path for plain common rows', () => {
    expect(fastNodeInput({ id: 'a', label: 'Actor', name: 'A', tags: ['x'], provenance })).not.toBeNull();
    expect(fastRelationshipInput({ ...rel, properties: { role: 'lead' }, provenance })).not.toBeNull();
  });

  it('agrees with zod on random mutations of valid rows', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
    const odd = [undefined, null, '', ' ', 'x', ' padded ', 'a\u0000b', 0, -0, 1, -1, 0.5, 2, NaN, Infinity, true, false, [], ['a'], [' '], {}, { source: 's' }, '2024-02-29', '2023-02-29', 'lead', 'Actor', 'Place', 'gen-1', 'x'.repeat(60)];
    const nodeKeys = ['id', 'label', 'name', 'kind', 'level', 'tags', 'aliases', 'provenance', 'validFrom', 'validTo', 'description', 'properties', 'place', 'lat', 'extra'];
    const relKeys = ['id', 'type', 'from', 'to', 'properties', 'provenance', 'validFrom', 'validTo', 'extra'];
    let fast = 0;
    for (let i = 0; i < 3000; i++) {
      const node: Record<string, unknown> = { id: `n${i}`, label: 'Actor', name: 'A', kind: 'company', tags: ['t'], provenance: [{ source: 's' }] };
      for (let m = Math.floor(random() * 3); m > 0; m--) node[pick(nodeKeys)] = pick(odd);
      if (check('node', node) === 'fast') fast++;
      const r: Record<string, unknown> = { type: 'PARTICIPATES_IN', from: 'a', to: 'b', properties: { role: 'lead' }, provenance: [{ source: 's', confidence: 1 }] };
      for (let m = Math.floor(random() * 3); m > 0; m--) {
        if (random() < 0.3 && isPlainObject(r.properties)) (r.properties as Record<string, unknown>)[pick(['role', 'weight', 'amount', 'currency', 'x'])] = pick(odd);
        else if (random() < 0.2) r.provenance = [{ source: 's', [pick(['confidence', 'url', 'quote', 'addedBy', 'addedAt', 'x'])]: pick(odd) }];
        else r[pick(relKeys)] = pick(odd);
      }
      if (check('relationship', r) === 'fast') fast++;
    }
    expect(fast).toBeGreaterThan(1000);
  });
});
