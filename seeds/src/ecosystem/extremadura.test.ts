import { describe, expect, it } from 'vitest';
import { DOC } from './cite.ts';
import { expectCites, node, relationship } from './seed-lookup.ts';

const D = DOC.extremadura;

describe("003 – Extremadura's citizen laboratories (ES0085)", () => {
  it('ES0085 runs 1 Oct 2020 – 31 Dec 2024 in the Spain Action Plan 2020-2024', () => {
    const c = node('es0085');
    expect(c).toMatchObject({ kind: 'commitment', level: 'regional', validFrom: '2020-10-01', validTo: '2024-12-31' });
    expectCites(c, D, '01/10/2020 31/12/2024');
    expectCites(relationship('PART_OF', 'es0085', 'ogp-spain-action-plan-2020-2024'), D, 'Spain Action Plan 2020-2024');
  });

  it('the Extremadura Autonomous Community leads it', () => {
    const lead = relationship('PARTICIPATES_IN', 'junta-de-extremadura', 'es0085');
    expect(lead.properties).toEqual({ role: 'lead' });
    expectCites(lead, D, 'Lead Institution: Extremadura Autonomous Community');
    expect(node('junta-de-extremadura')).toMatchObject({ kind: 'public_body', level: 'regional', place: { region: 'Extremadura', regionCode: '11' } });
    expect(node('junta-de-extremadura').aliases).toContain('Extremadura Regional Government');
  });

  it('the citizen laboratories are a Project of kind lab with civil-society participants', () => {
    const labs = node('extremadura-citizen-laboratories');
    expect(labs).toMatchObject({ kind: 'lab', validFrom: '2020-10-01', validTo: '2024-12-31' });
    expectCites(relationship('PART_OF', labs.id, 'es0085'), D, 'Citizen laboratory of different areas');
    expectCites(relationship('PARTICIPATES_IN', 'extremadura-citizen-lab-participants', labs.id), D, 'associations, professional colleges');
    expectCites(relationship('LOCATED_IN', labs.id, 'place-region-extremadura'), D, 'Extremadura');
  });

  it('citizen labs and co-creation workshops are practices Extremadura developed', () => {
    expectCites(relationship('DEVELOPED', 'junta-de-extremadura', 'practice-citizen-labs-public-services'), D, 'Extremadura');
    const coCreation = node('practice-co-creation-workshops-service-redesign');
    expect(coCreation.methods).toContain('co-creation');
    expectCites(coCreation, D, 'Co‐creation workshop for redesigning services');
    expectCites(relationship('ADOPTED', 'es0085', 'practice-citizen-labs-public-services'), D, 'citizen laboratories');
  });

  it('it sits in the Digital Modernisation Plan of Extremadura and serves the SDGs', () => {
    const partOf = relationship('PART_OF', 'es0085', 'extremadura-digital-modernisation-plan');
    expect(partOf.provenance[0].confidence).toBeLessThan(1);
    expectCites(partOf, D, 'within the framework of the digital modernisation plan');
    expectCites(relationship('ABOUT', 'es0085', 'sustainable-development-goals'), D, '2030 Agenda');
    expectCites(node('extremadura-multichannel-citizenship-service'), D, 'Multi‐channel Citizenship Service Project');
  });
});
