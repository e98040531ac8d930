import { describe, expect, it } from 'vitest';
import { inferLevels, type LevelSubject } from './infer.ts';
import { euProgramme, levelFromName, levelFromSpread } from './rules.ts';

const VALENCIA = { ineCode: '46250', regionCode: '10', country: 'ES' };
const ALZIRA = { ineCode: '46017', regionCode: '10', country: 'ES' };
const MADRID = { ineCode: '28079', regionCode: '13', country: 'ES' };
const SPAIN = { country: 'ES' };
const PARIS = { country: 'FR' };

const actor = (id: string, place: LevelSubject['place'], kind = 'company', name = id): LevelSubject => ({ id, label: 'Actor', name, kind, place });
const project = (id: string, extra: Partial<LevelSubject> = {}): LevelSubject => ({ id, label: 'Project', name: id, kind: 'project', ...extra });
const takesPart = (from: string, to: string) => ({ type: 'PARTICIPATES_IN', from, to });

describe('level rules', () => {
  it('read the kind of body from its name (es/ca/gl/eu/en)', () => {
    expect(levelFromName('Ayuntamiento de Getafe')).toMatchObject({ level: 'local', rule: 'council-name' });
    expect(levelFromName("Ajuntament de l'Hospitalet")).toMatchObject({ level: 'local' });
    expect(levelFromName('Concello de Vigo')?.level).toBe('local');
    expect(levelFromName('City of Barcelona')?.level).toBe('local');
    expect(levelFromName('Diputació de Barcelona')).toMatchObject({ level: 'regional', rule: 'regional-body-name' });
    expect(levelFromName('Cabildo de Tenerife')?.level).toBe('regional');
    expect(levelFromName('Generalitat Valenciana')?.level).toBe('regional');
    expect(levelFromName('Junta de Andalucía')?.level).toBe('regional');
    expect(levelFromName('Gobierno de Aragón')?.level).toBe('regional');
    expect(levelFromName('Ministerio de Ciencia e Innovación')).toMatchObject({ level: 'national', rule: 'national-body-name' });
    expect(levelFromName('Agencia Estatal de Investigación')?.level).toBe('national');
    expect(levelFromName('European Commission')).toMatchObject({ level: 'international', rule: 'international-body-name' });
    expect(levelFromName('Universitat de València')).toBeUndefined();
  });

  it('spot EU programmes', () => {
    expect(euProgramme(['SMARTCITY', 'h2020'])).toBe('h2020');
    expect(euProgramme(['programme:H2020-EU.3.5.'])).toBe('h2020');
    expect(euProgramme(['Interreg MED pilot'])).toBe('interreg');
    expect(euProgramme(['Pla local de Vinaròs'])).toBeUndefined();
  });

  it('from the spread of parties', () => {
    expect(levelFromSpread({ parties: [VALENCIA, VALENCIA] })?.level).toBe('local');
    expect(levelFromSpread({ parties: [VALENCIA, ALZIRA] })?.level).toBe('regional');
    expect(levelFromSpread({ parties: [VALENCIA, MADRID] })?.level).toBe('national');
    expect(levelFromSpread({ parties: [VALENCIA, PARIS] })?.level).toBe('international');
    // Only "Spain" known for one: local or regional cannot be told.
    expect(levelFromSpread({ parties: [VALENCIA, SPAIN] })).toBeUndefined();
    expect(levelFromSpread({ parties: [] })).toBeUndefined();
  });
});

describe('inferLevels', () => {
  it('projects from their participants or programme, actors from kind, name, place or partners; explicit levels win', () => {
    const subjects: LevelSubject[] = [
      actor('council', VALENCIA, 'municipality', 'Ajuntament de València'),
      actor('diputacio', VALENCIA, 'public_body', 'Diputació de València'),
      actor('uv', VALENCIA, 'university'),
      actor('upv', VALENCIA, 'university'),
      actor('alzira-coop', ALZIRA, 'company'),
      actor('madrid-lab', MADRID, 'lab'),
      actor('paris-lab', PARIS, 'lab'),
      actor('set', VALENCIA, 'company'),
      { ...actor('fixed', VALENCIA, 'company'), level: 'national' },
      project('p-local'),
      project('p-regional'),
      project('p-national'),
      project('p-eu', { tags: ['h2020'] }),
      project('p-foreign'),
      project('p-fixed', { level: 'local' }),
    ];
    const links = [
      takesPart('uv', 'p-local'), takesPart('upv', 'p-local'),
      takesPart('uv', 'p-regional'), takesPart('alzira-coop', 'p-regional'),
      takesPart('alzira-coop', 'p-national'), takesPart('madrid-lab', 'p-national'),
      takesPart('upv', 'p-eu'),
      takesPart('madrid-lab', 'p-foreign'), takesPart('paris-lab', 'p-foreign'),
      takesPart('fixed', 'p-fixed'), takesPart('set', 'p-fixed'),
    ];
    const got = inferLevels(subjects, links, new Map());
    const level = (id: string) => got.get(id) && `${got.get(id)!.level} ${got.get(id)!.rule}`;
    expect(level('p-local')).toBe('local participants-spread');
    expect(level('p-regional')).toBe('regional participants-spread');
    expect(level('p-national')).toBe('national participants-spread');
    expect(level('p-eu')).toBe('international eu-programme');
    expect(level('p-foreign')).toBe('international participants-spread');
    expect(got.has('p-fixed')).toBe(false);
    expect(got.has('fixed')).toBe(false);
    expect(level('council')).toBe('local municipality-kind');
    expect(level('diputacio')).toBe('regional regional-body-name');
    expect(level('paris-lab')).toBe('international foreign-place');
    // upv is in an H2020 project → international; uv's partners are in Valencia and Alzira → regional.
    expect(level('upv')).toBe('international collaboration-spread');
    expect(level('uv')).toBe('regional collaboration-spread');
    expect(level('alzira-coop')).toBe('national collaboration-spread');
    expect(level('madrid-lab')).toBe('international collaboration-spread');
    // set's only partner is in its municipality.
    expect(level('set')).toBe('local collaboration-spread');
    expect(got.get('set')!.confidence).toBeLessThan(1);
  });

  it('counts participants already in the store, and leaves levels stored there alone', () => {
    const others = new Map<string, LevelSubject>([
      ['stored-partner', actor('stored-partner', MADRID, 'university')],
      ['stored-levelled', { ...actor('stored-levelled', VALENCIA), level: 'regional' }],
    ]);
    const got = inferLevels(
      [project('p'), actor('stored-levelled', VALENCIA)],
      [takesPart('stored-partner', 'p'), takesPart('stored-levelled', 'p')],
      others,
    );
    expect(got.get('p')).toMatchObject({ level: 'national', rule: 'participants-spread' });
    expect(got.has('stored-levelled')).toBe(false);
  });
});
