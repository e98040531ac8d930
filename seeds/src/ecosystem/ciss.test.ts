import { describe, expect, it } from 'vitest';
import { DOC } from './cite.ts';
import { expectCites, node, relationship } from './seed-lookup.ts';

const D = DOC.ciss;

describe('002 – State Secretariat for Social Rights roadmap and CERISS', () => {
  it('the State Secretariat for Social Rights is a national public body that presents the roadmap', () => {
    expect(node('state-secretariat-social-rights')).toMatchObject({ label: 'Actor', kind: 'public_body', level: 'national' });
    expectCites(relationship('DEVELOPED', 'state-secretariat-social-rights', 'ccsi-roadmap-spain'), D, 'presents a roadmap');
    expectCites(relationship('LOCATED_IN', 'state-secretariat-social-rights', 'place-spain'), D, 'Spanish State Secretary');
  });

  it('the roadmap is for a Competence Centre for Social Innovation (CCSI)', () => {
    const r = node('ccsi-roadmap-spain');
    expect(r.label).toBe('Project');
    expectCites(r, D, 'Competence Centre for Social Innovation (CCSI)');
    expectCites(relationship('ABOUT', r.id, 'social-innovation'), D, 'Competence Centre for Social Innovation');
    expectCites(relationship('ABOUT', r.id, 'social-services'), D, 'social services and social care');
  });

  it('CERISS, the State Reference Centre for Innovation and Social Services, is a proposed public foundation', () => {
    const c = node('ceriss');
    expect(c).toMatchObject({ kind: 'foundation', level: 'national', status: 'proposed' });
    expectCites(c, D, 'Centro Estatal de Referencia en Innovación y Servicios Sociales');
    expectCites(c, D, 'in the form of a public foundation');
    expect(c.aliases).toEqual(expect.arrayContaining(['CERISS', 'State Reference Centre for Innovation and Social Services']));
  });

  it('CERISS is a platform where regional and municipal initiatives converge', () => {
    const adopted = relationship('ADOPTED', 'ceriss', 'practice-social-innovation-competence-centre');
    expectCites(adopted, D, 'initiatives at regional and municipal levels to converge');
    expectCites(relationship('ADOPTED', 'ceriss', 'practice-systematisation-transfer-upscaling'), D, 'systematisation, transfer, and upscaling');
  });

  it('the roadmap builds on the pilot experiences of the deinstitutionalisation strategy', () => {
    expectCites(relationship('INSPIRED_BY', 'ccsi-roadmap-spain', 'deinstitutionalisation-strategy-pilots'), D, 'deinstitutionalisation strategy');
    expect(node('deinstitutionalisation-strategy-pilots').kind).toBe('pilot');
  });

  it('the Secretariat funding CERISS is marked as inferred', () => {
    const funds = relationship('FUNDS', 'state-secretariat-social-rights', 'ceriss');
    expect(funds.provenance[0].confidence).toBeLessThanOrEqual(0.5);
    expect(funds.provenance[0].note).toMatch(/not stated/);
  });
});
