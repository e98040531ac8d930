import { describe, expect, it } from 'vitest';
import { DOC } from './cite.ts';
import { expectCites, node, relationship, relationshipsOf } from './seed-lookup.ts';

const D = DOC.thivic;

describe('000 – THIVIC and commitment ESMD0008', () => {
  it('THIVIC and the Directorate General for Citizen Participation are inside Madrid City Council', () => {
    const thivic = relationship('PART_OF', 'thivic', 'madrid-city-council');
    expectCites(thivic, D, "Madrid CIty Council's Social Innovation Laboratory");
    expect(thivic.provenance[0].confidence).toBe(1);
    const dg = relationship('PART_OF', 'dg-citizen-participation', 'madrid-city-council');
    const cited = expectCites(dg, D, 'Directorate General for Citizen Participation');
    expect(cited.confidence).toBeLessThan(1);
    expect(cited.note).toMatch(/directorate/i);
    expect(node('thivic')).toMatchObject({ label: 'Actor', kind: 'lab', level: 'local' });
    expect(node('madrid-city-council')).toMatchObject({ kind: 'municipality', level: 'local', place: { ineCode: '28079', regionCode: '13' } });
  });

  it("the Social Council's 22 June 2022 agreement on a Social Innovation Hub", () => {
    const hub = node('madrid-social-innovation-hub');
    expect(hub).toMatchObject({ label: 'Project', validFrom: '2022-06-22' });
    expectCites(hub, D, 'On 22nd June 2022');
    const agreed = relationship('PARTICIPATES_IN', 'madrid-social-council', 'madrid-social-innovation-hub');
    expect(agreed.properties).toEqual({ role: 'lead' });
    expectCites(agreed, D, 'agreed to set up a Social Innovation Hub');
    expectCites(node('madrid-social-council'), D, 'highest collegiate body');
  });

  it('the 2022 problem-definition pilot and the 2023 design-thinking pilot on unwanted loneliness among young people', () => {
    const p2022 = node('madrid-problem-definition-pilot-2022');
    expect(p2022).toMatchObject({ kind: 'pilot', validFrom: '2022-01-01' });
    expectCites(p2022, D, 'launched in 2022 to define public problems');
    const p2023 = node('madrid-unwanted-loneliness-design-thinking-pilot-2023');
    expect(p2023).toMatchObject({ kind: 'pilot', validFrom: '2023-01-01' });
    expectCites(p2023, D, 'based on design thinking');
    expectCites(relationship('ABOUT', p2023.id, 'unwanted-loneliness'), D, 'unwanted loneliness among young people');
    expectCites(relationship('INSPIRED_BY', p2023.id, p2022.id), D, 'previously selected problems');
    expect(node('practice-design-thinking-pilots').methods).toContain('design thinking');
    expectCites(relationship('DEVELOPED', p2023.id, 'practice-design-thinking-pilots'), D, 'design thinking and people-centered design');
  });

  it('commitment ESMD0008 runs Dec 2024 – Mar 2027 in the Madrid action plan', () => {
    const c = node('esmd0008');
    expect(c).toMatchObject({ label: 'Project', kind: 'commitment', validFrom: '2024-12-01', validTo: '2027-03-31' });
    expectCites(c, D, 'Dec 2024');
    expectCites(c, D, 'Mar 2027');
    expect(c.aliases).toContain('ESMD0008');
    expectCites(relationship('PART_OF', 'esmd0008', 'ogp-madrid-action-plan-2024-2027'), D, 'Action plan – Madrid, Spain, 2024 – 2027');
    expect(relationship('PARTICIPATES_IN', 'dg-citizen-participation', 'esmd0008')).toMatchObject({ validFrom: '2024-12-01', validTo: '2027-03-31' });
  });

  it('ESMD0008 has three milestones, 12/2024 – 03/2027', () => {
    const milestones = relationshipsOf('PART_OF', { to: 'esmd0008' }).map((r) => node(r.from));
    expect(milestones.map((m) => m.name).sort()).toEqual([
      'ESMD0008 milestone 1: Regular meeting places',
      'ESMD0008 milestone 2: Identification and activities of the social innovation ecosystem',
      'ESMD0008 milestone 3: Training in creativity and intrapreneurship',
    ]);
    for (const m of milestones) {
      expect(m).toMatchObject({ validFrom: '2024-12-01', validTo: '2027-03-31' });
      expectCites(m, D, 'Start Date12/2024 End Date03/2027');
    }
    expectCites(relationship('ABOUT', 'esmd0008-m2-social-innovation-ecosystem', 'peer-learning'), D, 'promoting peer learning');
    expectCites(node('practice-good-practice-bank'), D, 'bank of good practices');
  });
});
