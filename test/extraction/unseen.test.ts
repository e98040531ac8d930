import { describe, expect, it } from 'vitest';
import { extract, type Extraction } from '@atlas/graph/extraction/index.ts';
import { CA_CALL_RESULTS, EN_CONFERENCE_PROGRAMME, ES_COUNCIL_NEWS } from './unseen-texts.ts';

// Unseen text (issue 16.2): paragraphs written for these tests, in the three
// languages, with the actors and relationships a reader would note down. The
// extractor must find them and must not invent the obvious wrong readings
// (an organisation in an apposition taken as the subject, a name from the
// next clause, a programme read as a network).

function read(text: string) {
  const r = extract(text);
  const byKey = new Map(r.nodes.map((n) => [n.key, n]));
  for (const t of r.topics) byKey.set(t.key, { ...r.nodes[0], key: t.key, name: `topic:${t.id}` });
  const rel = (x: Extraction['relationships'][number]) => `${x.type} ${byKey.get(x.from)!.name} -> ${byKey.get(x.to)!.name}`;
  return {
    r,
    actors: r.nodes.filter((n) => n.label === 'Actor').map((n) => n.name),
    projects: r.nodes.filter((n) => n.label === 'Project').map((n) => n.name),
    events: r.nodes.filter((n) => n.label === 'Event').map((n) => n.name),
    /** Relationships found by a cue, a field line or a list (not co-occurrence guesses). */
    cued: [...r.relationships, ...r.topicRelationships].filter((x) => x.rule !== 'co-occurrence').map(rel),
    all: r.relationships.map(rel),
    between: (a: string, b: string) => r.relationships.map(rel).filter((x) => x.includes(a) && x.includes(b)),
  };
}

function expectWellFormed(text: string, r: Extraction) {
  for (const n of r.nodes) {
    for (const m of n.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(text.slice(n.quoteStart, n.quoteEnd)).toBe(n.quote);
    expect(n.rule).toMatch(/\S/);
    expect(n.confidence).toBeGreaterThan(0);
    expect(n.confidence).toBeLessThanOrEqual(1);
  }
  const keys = new Set(r.nodes.map((n) => n.key));
  const topicKeys = new Set(r.topics.map((t) => t.key));
  for (const t of r.topics) for (const m of t.mentions) expect(text.slice(m.start, m.end).length).toBeGreaterThan(0);
  for (const x of r.topicRelationships) expect(keys.has(x.from) && topicKeys.has(x.to)).toBe(true);
  for (const x of r.relationships) {
    expect(keys.has(x.from) && keys.has(x.to)).toBe(true);
    expect(text.slice(x.quoteStart, x.quoteEnd)).toBe(x.quote);
    expect(x.rule).toMatch(/\S/);
    expect(x.confidence).toBeGreaterThan(0);
  }
}

describe('Spanish city council news item', () => {
  const { r, actors, projects, events, cued, between } = read(ES_COUNCIL_NEWS);

  it('finds every organisation, and no other', () => {
    expect([...actors].sort()).toEqual(
      [
        'Ayuntamiento de Sevilla',
        'Universidad de Sevilla',
        'Fundación Cajasol',
        'Asociación Andaluza de Economía Social',
        'Alhambra Digital S.Coop.',
        'Fundación Tres Culturas',
        'Oficina de Innovación Municipal',
        'Junta de Andalucía',
        'Sevilla Lab',
        'Red de Laboratorios Ciudadanos',
      ].sort(),
    );
    expect(projects).toEqual(expect.arrayContaining(['Plan de Innovación Social 2025-2027', 'Barrios en Red', 'Vilawatt']));
    expect(events.some((e) => e.startsWith('talleres de diseño participativo'))).toBe(true);
    expectWellFormed(ES_COUNCIL_NEWS, r);
  });

  it('reads passive voice with two agents, a list of three participants, an apposition and a relative clause', () => {
    expect(cued).toEqual(
      expect.arrayContaining([
        'DEVELOPED Ayuntamiento de Sevilla -> Plan de Innovación Social 2025-2027',
        // "elaborado por la Universidad de Sevilla y la Fundación Cajasol"
        'DEVELOPED Universidad de Sevilla -> Plan de Innovación Social 2025-2027',
        'DEVELOPED Fundación Cajasol -> Plan de Innovación Social 2025-2027',
        // "A, la cooperativa B y C participan en el programa Barrios en Red"
        'PARTICIPATES_IN Asociación Andaluza de Economía Social -> Barrios en Red',
        'PARTICIPATES_IN Alhambra Digital S.Coop. -> Barrios en Red',
        'PARTICIPATES_IN Fundación Tres Culturas -> Barrios en Red',
        'PARTICIPATES_IN Oficina de Innovación Municipal -> Barrios en Red',
        // "El proyecto, financiado por la Junta de Andalucía, se inspira en el programa Vilawatt"
        'FUNDS Junta de Andalucía -> Barrios en Red',
        'INSPIRED_BY Barrios en Red -> Vilawatt',
        // "Sevilla Lab, que forma parte de la Red …, organizará talleres …"
        'MEMBER_OF Sevilla Lab -> Red de Laboratorios Ciudadanos',
      ]),
    );
    expect(cued.some((x) => /^ORGANISED Sevilla Lab -> talleres de diseño participativo/.test(x))).toBe(true);
    const lead = r.relationships.find((x) => x.rule === 'cue:led-by')!;
    expect(lead.role).toBe('lead');
  });

  it('does not take the funder in the apposition as the one inspired, nor read the programme as a network', () => {
    expect(between('Junta de Andalucía', 'Vilawatt')).toEqual([]);
    expect(between('Red de Laboratorios Ciudadanos', 'talleres')).toEqual([]);
    expect(r.nodes.find((n) => n.name === 'Barrios en Red')!.label).toBe('Project');
    expect(between('Oficina de Innovación Municipal', 'Plan de Innovación Social')).toEqual([]);
  });
});

describe('Catalan note with the results of a regional call', () => {
  const { r, actors, projects, cued, between } = read(CA_CALL_RESULTS);

  it('finds the organisations and the selected projects', () => {
    expect([...actors].sort()).toEqual(
      ['Generalitat de Catalunya', 'Ajuntament de Manresa', 'Fundació Ampans', 'Som Energia SCCL', 'Universitat de Vic', 'Diputació de Barcelona', 'Centre Cívic Can Batlló'].sort(),
    );
    expect(projects).toEqual(expect.arrayContaining(['Comunitats Innovadores', 'Cures Compartides', 'Energia de Barri']));
    expect(r.nodes.find((n) => n.name === 'Ajuntament de Manresa')!.kind).toBe('municipality');
    expect(r.nodes.some((n) => n.label === 'Place' && n.name === 'Manresa')).toBe(true);
    expectWellFormed(CA_CALL_RESULTS, r);
  });

  it('puts each promoter with its own project, clause by clause', () => {
    expect(cued).toEqual(
      expect.arrayContaining([
        'PART_OF Cures Compartides -> Comunitats Innovadores',
        'PART_OF Energia de Barri -> Comunitats Innovadores',
        // "impulsat per l’Ajuntament de Manresa i la Fundació Ampans"
        'PARTICIPATES_IN Ajuntament de Manresa -> Cures Compartides',
        'PARTICIPATES_IN Fundació Ampans -> Cures Compartides',
        'PARTICIPATES_IN Som Energia SCCL -> Energia de Barri',
        // "amb el suport de la Universitat de Vic"
        'PARTICIPATES_IN Universitat de Vic -> Energia de Barri',
        // "La Diputació de Barcelona cofinança el programa"
        'FUNDS Diputació de Barcelona -> Comunitats Innovadores',
        // "jornades de formació sobre innovació pública"
        'ABOUT jornades de formació -> topic:public-innovation',
        'LOCATED_IN Ajuntament de Manresa -> Manresa',
      ]),
    );
    expect(between('Ajuntament de Manresa', 'Energia de Barri')).toEqual([]);
    expect(between('Universitat de Vic', 'Cures Compartides')).toEqual([]);
    expect(between('Som Energia SCCL', 'Cures Compartides')).toEqual([]);
  });
});

describe('English conference programme', () => {
  const { r, actors, projects, events, cued, all, between } = read(EN_CONFERENCE_PROGRAMME);

  it('finds organisers, speakers, sponsor and network, and no place posing as an organisation', () => {
    expect([...actors].sort()).toEqual(
      [
        'Eurocities network',
        'Barcelona City Council',
        'Nesta Foundation',
        'Open Government Partnership',
        'University of Amsterdam',
        'Bloomberg Philanthropies foundation',
        'Code for All network',
        'Helsinki City Council',
      ].sort(),
    );
    expect(events).toEqual(expect.arrayContaining(['Open Cities Summit 2025', 'panel on participatory budgeting']));
    expect(projects).toEqual(expect.arrayContaining(['Civic Tech Awards', 'Participatory Budgeting Programme']));
    expectWellFormed(EN_CONFERENCE_PROGRAMME, r);
  });

  it('reads "the summit is organised by X together with Y", a list of speakers, a sponsor and a relative clause', () => {
    expect(cued).toEqual(
      expect.arrayContaining([
        'ORGANISED Eurocities network -> Open Cities Summit 2025',
        'ORGANISED Barcelona City Council -> Open Cities Summit 2025',
        'PARTICIPATES_IN Nesta Foundation -> panel on participatory budgeting',
        'PARTICIPATES_IN Open Government Partnership -> panel on participatory budgeting',
        'PARTICIPATES_IN University of Amsterdam -> panel on participatory budgeting',
        'FUNDS Bloomberg Philanthropies foundation -> Civic Tech Awards',
        // "…, which are coordinated by the Code for All network"
        'PARTICIPATES_IN Code for All network -> Civic Tech Awards',
        'DEVELOPED Helsinki City Council -> Participatory Budgeting Programme',
      ]),
    );
    expect(cued).toEqual(expect.arrayContaining(['ABOUT panel on participatory budgeting -> topic:citizen-participation', 'ABOUT Participatory Budgeting Programme -> topic:citizen-participation']));
    // The speakers take part in the panel; the panel, not they, is about participatory budgeting.
    expect(cued.filter((x) => x.startsWith('WORKS_ON University of Amsterdam'))).toEqual([]);
    // The sponsor funds the awards, not the network named in the relative clause.
    expect(between('FUNDS Bloomberg', 'Code for All')).toEqual([]);
    expect(all.some((x) => x.includes('Porto Alegre'))).toBe(false);
  });
});
