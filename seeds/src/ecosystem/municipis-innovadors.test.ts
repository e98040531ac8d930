import { describe, expect, it } from 'vitest';
import { municipality } from '../places/spain.ts';
import { DOC } from './cite.ts';
import { PHASE_1_MUNICIPALITIES } from './municipis-innovadors.ts';
import { expectCites, node, relationship, relationshipsOf } from './seed-lookup.ts';

const D = DOC.municipisInnovadors;
const PHASE = 'municipis-innovadors-fase-1';

describe('004 – Municipis Innovadors, phase 1 (2022)', () => {
  it('phase 1 is a 2022 programme, part of Municipis Innovadors', () => {
    expect(node(PHASE)).toMatchObject({ label: 'Project', validFrom: '2022-01-01', validTo: '2022-12-31' });
    expectCites(node(PHASE), D, 'Comunitat Valenciana 2022');
    expectCites(relationship('PART_OF', PHASE, 'municipis-innovadors'), D, 'La Fase 1');
  });

  it('Las Naves (Ajuntament de València) is the client', () => {
    const client = relationship('PARTICIPATES_IN', 'las-naves', PHASE);
    expect(client.properties).toEqual({ role: 'client' });
    expectCites(client, D, 'Client → Las Naves (Ajuntament de València)');
    expectCites(relationship('PART_OF', 'las-naves', 'valencia-city-council'), D, 'Las Naves (Ajuntament de València)');
    expect(node('las-naves')).toMatchObject({ kind: 'lab', level: 'local', place: { ineCode: '46250' } });
  });

  it('the Conselleria funds it and Crearqcio is the team', () => {
    expectCites(relationship('FUNDS', 'conselleria-innovacio-universitats-ciencia-societat-digital', PHASE), D, 'Finança → Conselleria d’Innovació');
    expect(node('conselleria-innovacio-universitats-ciencia-societat-digital')).toMatchObject({ level: 'regional', place: { regionCode: '10' } });
    const team = relationship('PARTICIPATES_IN', 'crearqcio', PHASE);
    expect(team.properties).toEqual({ role: 'provider' });
    expectCites(team, D, 'Equip → Crearqcio coop. v.');
  });

  it('six municipalities take part, each located in its Place with the INE code of the CSV', () => {
    const participants = relationshipsOf('PARTICIPATES_IN', { to: PHASE }).filter((r) => r.properties?.role === 'participant');
    expect(participants.map((r) => r.from).sort()).toEqual(['algemesi', 'elx', 'gata-de-gorgos', 'orpesa', 'tavernes-de-la-valldigna', 'vinaros']);
    const expected = { algemesi: '46029', elx: '03065', 'gata-de-gorgos': '03071', orpesa: '12085', vinaros: '12138', 'tavernes-de-la-valldigna': '46238' };
    for (const m of PHASE_1_MUNICIPALITIES) {
      expect(m.ine).toBe(expected[m.id]);
      expectCites(relationship('PARTICIPATES_IN', m.id, PHASE), D, 'Algemesí, Elx, Gata de Gorgos, Orpesa, Vinaròs i Tavernes de la Valldigna');
      const [located] = relationshipsOf('LOCATED_IN', { from: m.id });
      const place = node(located.to);
      expect(place).toMatchObject({ label: 'Place', kind: 'municipality', code: m.ine });
      expect(place.lat).toBe(municipality(m.ine).lat);
      expectCites(located, 'graph/data/spain/municipalities.csv', `${m.ine},`);
      expect(node(m.id)).toMatchObject({ kind: 'municipality', level: 'local', place: { ineCode: m.ine, country: 'ES' } });
    }
    expect(node('place-vinaros')).toMatchObject({ code: '12138', lat: 40.470926, lon: 0.474874 });
    expect(node('place-algemesi').code).toBe('46029');
  });

  it('is modelled on Missions València 2030, whose mission-oriented strategy the municipalities adopt', () => {
    expectCites(relationship('INSPIRED_BY', PHASE, 'missions-valencia-2030'), D, 'Missions València 2030');
    expect(node('missions-valencia-2030').kind).toBe('mission');
    expectCites(relationship('DEVELOPED', 'missions-valencia-2030', 'practice-mission-oriented-innovation-strategy'), D, 'model de governança');
    for (const m of PHASE_1_MUNICIPALITIES) relationship('ADOPTED', m.id, 'practice-mission-oriented-innovation-strategy');
  });

  it('names in Valencian, Spanish and English are aliases of one node', () => {
    expect(node('place-valencia')).toMatchObject({ name: 'València', aliases: expect.arrayContaining(['Valencia']) });
    expect(node('place-elx')).toMatchObject({ name: 'Elx', aliases: expect.arrayContaining(['Elche', 'Elx/Elche']) });
    expect(node('place-orpesa')).toMatchObject({ name: 'Orpesa', aliases: expect.arrayContaining(['Oropesa del Mar']) });
    expect(node('orpesa').aliases).toContain('Oropesa del Mar');
    expect(node('valencia-city-council').aliases).toEqual(expect.arrayContaining(['Valencia City Council', 'Ayuntamiento de Valencia']));
  });
});
