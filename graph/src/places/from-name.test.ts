import { describe, expect, it } from 'vitest';
import { placeFromActorName } from './from-name.ts';

describe('places from the names of public bodies and universities', () => {
  const where = (name: string) => {
    const r = placeFromActorName(name);
    return r ? [r.precision, r.place.ineCode ?? r.place.provinceCode ?? r.place.regionCode, r.method] : undefined;
  };
  it('councils are their municipality, provincial bodies their province, regional governments their region', () => {
    expect(where('Ayuntamiento de Madrid')).toEqual(['municipality', '28079', 'actor-name']);
    expect(where("Ajuntament de València")).toEqual(['municipality', '46250', 'actor-name']);
    expect(where('City of Barcelona')).toEqual(['municipality', '08019', 'actor-name']);
    expect(where('Madrid City Council')).toEqual(['municipality', '28079', 'actor-name']);
    expect(where('Diputación de Badajoz')).toEqual(['province', '06', 'actor-name']);
    expect(where('Junta de Andalucía')).toEqual(['region', '01', 'actor-name']);
    expect(where('Generalitat Valenciana')).toEqual(['region', '10', 'actor-name']);
    expect(where('Xunta de Galicia')).toEqual(['region', '12', 'actor-name']);
  });
  it('universities: the first territory their name names', () => {
    expect(where('UNIVERSIDAD DE LAS PALMAS DE GRAN CANARIA')).toEqual(['municipality', '35016', 'actor-name']);
    expect(where('UNIVERSITAT POLITECNICA DE CATALUNYA')).toEqual(['region', '09', 'actor-name']);
    expect(where('UNIVERSIDAD DEL PAIS VASCO/ EUSKAL HERRIKO UNIBERTSITATEA')).toEqual(['region', '16', 'actor-name']);
  });
  it('other names are not read', () => {
    expect(where('UNIVERSIDAD REY JUAN CARLOS')).toBeUndefined();
    expect(where('FUNDACION TECNALIA RESEARCH & INNOVATION')).toBeUndefined();
    expect(where('Empresa de Madrid SL')).toBeUndefined();
  });
});
