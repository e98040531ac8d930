import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../model/schemas.ts';
import { SearchIndex } from './search-index.ts';

const node = (id: string, name: string, extra: Partial<GraphNode> = {}): GraphNode =>
  ({ id, name, label: 'Place', kind: 'municipality', tags: [], aliases: [], provenance: [], properties: {}, createdAt: '', updatedAt: '', ...extra }) as GraphNode;

function index(): SearchIndex {
  const idx = new SearchIndex();
  idx.addAll([
    node('vinaros', 'Vinaròs'),
    node('algemesi', 'Algemesí'),
    node('elx', 'Elx', { aliases: ['Elche'] }),
    node('naves', 'Las Naves', { label: 'Actor', kind: 'lab', level: 'local', tags: ['innovación social'], description: 'Centro de innovación urbana de València' }),
    node('lleida', 'Lleida', { description: 'Col·legi de l·l' }),
  ]);
  return idx;
}

describe('SearchIndex', () => {
  it('folds accents and case on both sides', () => {
    const idx = index();
    for (const q of ['vinaros', 'VINAROS', 'Vinaròs', 'vinarós']) expect(idx.search(q)[0]?.id).toBe('vinaros');
    expect(idx.search('algemesi')[0]?.id).toBe('algemesi');
  });

  it('matches a one-letter typo on words of four letters or more, and prefixes', () => {
    const idx = index();
    expect(idx.search('algemsi')[0]?.id).toBe('algemesi');
    expect(idx.search('vinaroz')[0]?.id).toBe('vinaros');
    expect(idx.search('alge')[0]?.id).toBe('algemesi');
    // No fuzziness on very short words, where it would match everything.
    expect(idx.search('elz')).toEqual([]);
  });

  it('says which field matched, ranking names above descriptions', () => {
    const idx = index();
    expect(idx.search('elche')[0]).toMatchObject({ id: 'elx', matchedField: 'alias' });
    expect(idx.search('innovacion social')[0]).toMatchObject({ id: 'naves', matchedField: 'tag' });
    expect(idx.search('urbana')[0]).toMatchObject({ id: 'naves', matchedField: 'description' });
    expect(idx.search('naves')[0]).toMatchObject({ id: 'naves', matchedField: 'name', label: 'Actor', kind: 'lab', level: 'local' });
  });

  it('requires every word when it can, and falls back to any word', () => {
    const idx = index();
    expect(idx.search('las naves').map((h) => h.id)).toEqual(['naves']);
    expect(idx.search('vinaros algemesi').map((h) => h.id).sort()).toEqual(['algemesi', 'vinaros']);
  });

  it('filters by label, kind, level and validity day', () => {
    const idx = index();
    idx.put(node('old', 'Vinaròs Lab', { label: 'Actor', kind: 'lab', validTo: '2010-01-01' }));
    expect(idx.search('vinaros', { labels: ['Actor'] }).map((h) => h.id)).toEqual(['old']);
    expect(idx.search('vinaros', { kinds: ['municipality'] }).map((h) => h.id)).toEqual(['vinaros']);
    expect(idx.search('vinaros', { at: '2020-01-01' }).map((h) => h.id)).toEqual(['vinaros']);
    expect(idx.search('naves', { levels: ['national'] })).toEqual([]);
  });

  it('updates and removes entries, and ignores empty queries', () => {
    const idx = index();
    idx.put(node('vinaros', 'Benicarló'));
    expect(idx.search('vinaros')).toEqual([]);
    expect(idx.search('benicarlo')[0]?.id).toBe('vinaros');
    idx.remove('vinaros');
    expect(idx.search('benicarlo')).toEqual([]);
    expect(idx.size).toBe(4);
    expect(idx.search('  ·  ')).toEqual([]);
  });
});
