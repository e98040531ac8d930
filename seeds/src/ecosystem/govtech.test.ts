import { describe, expect, it } from 'vitest';
import { DOC } from './cite.ts';
import { expectCites, node, relationship } from './seed-lookup.ts';

const D = DOC.govtech;

describe('001 – Madrid Govtech Programme', () => {
  it('has a dedicated annual budget of €155,000', () => {
    const g = node('madrid-govtech');
    expect(g).toMatchObject({ label: 'Project', kind: 'programme', budget: { amount: 155000, currency: 'EUR', period: 'year' } });
    expectCites(g, D, 'annual budget of €155 000');
    expect(g.website).toBe('https://govtech.madrid.es/');
  });

  it('is spearheaded by the Digital Office, a directorate of Madrid City Council', () => {
    expect(relationship('PARTICIPATES_IN', 'madrid-digital-office', 'madrid-govtech').properties).toEqual({ role: 'lead' });
    expectCites(relationship('PARTICIPATES_IN', 'madrid-digital-office', 'madrid-govtech'), D, 'spearheads the programme');
    const partOf = relationship('PART_OF', 'madrid-digital-office', 'madrid-city-council');
    expect(partOf.provenance[0].confidence).toBeLessThan(1);
    expectCites(node('madrid-city-council'), D, 'Organisation name Madrid City Council');
    expect(node('madrid-digital-office').aliases).toContain('Oficina Digital');
  });

  it('brings in startups, universities and research centres', () => {
    for (const id of ['madrid-govtech-startups', 'madrid-govtech-universities', 'madrid-govtech-research-centres']) {
      const r = relationship('PARTICIPATES_IN', id, 'madrid-govtech');
      expect(r.properties).toEqual({ role: 'partner' });
      expectCites(r, D, 'startups, universities, research centres');
      expect(node(id).tags).toContain('collective');
    }
    expect(node('madrid-govtech-universities').kind).toBe('university');
  });

  it('includes Govtech4All, the Govtech challenges and the open innovation platform', () => {
    expectCites(relationship('PART_OF', 'govtech4all', 'madrid-govtech'), D, 'Govtech4All initiatives');
    expectCites(relationship('FUNDS', 'madrid-digital-office', 'madrid-govtech-challenges'), D, 'The Digital Office finances contracts');
    expect(node('madrid-govtech-challenges').kind).toBe('challenge');
    expectCites(relationship('PARTICIPATES_IN', 'madrid-govtech-companies', 'madrid-open-innovation-platform'), D, 'startups and companies');
    expectCites(relationship('ADOPTED', 'madrid-govtech', 'practice-govtech-challenges'), D, 'Govtech challenges');
  });

  it('is nested in the strategy "Madrid, Digital Capital" 2023–2027', () => {
    const s = node('madrid-digital-capital-2023-2027');
    expect(s).toMatchObject({ validFrom: '2023-01-01', validTo: '2027-12-31' });
    expectCites(s, D, '‘Madrid, Digital Capita’ (2023–2027)');
    expect(s.aliases).toEqual(expect.arrayContaining(['Madrid, Digital Capital', 'Madrid, Capital Digital']));
    expectCites(relationship('PART_OF', 'madrid-govtech-strategy', s.id), D, 'nested within this larger plan');
    expectCites(relationship('PART_OF', 'madrid-govtech', 'madrid-govtech-strategy'), D, 'key instrument');
  });

  it('names a contact person, who is not shown publicly without consent', () => {
    const p = node('person-govtech-contact');
    expect(p).toMatchObject({ label: 'Person', consent: false });
    expectCites(relationship('AFFILIATED_WITH', p.id, 'madrid-city-council'), D, 'Contact person: Fernando de Pablo Martin');
  });
});
