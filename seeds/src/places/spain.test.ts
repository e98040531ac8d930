import { describe, expect, it } from 'vitest';
import { municipality, SPAIN_SOURCES } from './spain.ts';

// The seed reads its places from the gazetteer in @atlas/graph and cites the
// file they come from by its path in the repository.
describe('seed places', () => {
  it('come from graph/data/spain', () => {
    expect(municipality('46250')).toMatchObject({ name: 'València', provinceCode: '46' });
    expect(SPAIN_SOURCES.municipalities).toBe('graph/data/spain/municipalities.csv');
  });
});
