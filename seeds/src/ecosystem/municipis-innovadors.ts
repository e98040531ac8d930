import { cite, DOC, inferred, rel, type SeedNode, type SeedPart } from './cite.ts';
import { atMunicipality, atRegion, locatedInMunicipality, locatedInRegion } from './places.ts';
import { TOPIC } from './topics.ts';

// 004 (in Valencian): Municipis Innovadors, phase 1 (Comunitat Valenciana, 2022):
// mission-oriented innovation strategies for six municipalities, modelled on
// Missions València 2030.

const D = DOC.municipisInnovadors;
const VALENCIA = '46250';
const COMUNITAT_VALENCIANA = '10';
const PHASE_1_DATES = { validFrom: '2022-01-01', validTo: '2022-12-31' };
const SELECTED = 'Els municipis seleccionats en la Fase 1 de l’any 2022 són: Algemesí, Elx, Gata de Gorgos, Orpesa, Vinaròs i Tavernes de la Valldigna.';

/** The six municipalities of phase 1, with their INE codes (graph/data/spain/municipalities.csv). */
export const PHASE_1_MUNICIPALITIES = [
  { id: 'algemesi', ine: '46029', name: 'Ajuntament d’Algemesí', aliases: ['Algemesí', 'Ayuntamiento de Algemesí', 'Algemesí City Council'] },
  { id: 'elx', ine: '03065', name: 'Ajuntament d’Elx', aliases: ['Elx', 'Elche', 'Ayuntamiento de Elche', 'Elche City Council'] },
  { id: 'gata-de-gorgos', ine: '03071', name: 'Ajuntament de Gata de Gorgos', aliases: ['Gata de Gorgos', 'Ayuntamiento de Gata de Gorgos'] },
  { id: 'orpesa', ine: '12085', name: 'Ajuntament d’Orpesa', aliases: ['Orpesa', 'Oropesa del Mar', 'Ayuntamiento de Oropesa del Mar'] },
  { id: 'vinaros', ine: '12138', name: 'Ajuntament de Vinaròs', aliases: ['Vinaròs', 'Vinaroz', 'Ayuntamiento de Vinaroz', 'Vinaròs City Council'] },
  {
    id: 'tavernes-de-la-valldigna',
    ine: '46238',
    name: 'Ajuntament de Tavernes de la Valldigna',
    aliases: ['Tavernes de la Valldigna', 'Tabernes de Valldigna', 'Ayuntamiento de Tavernes de la Valldigna'],
  },
] as const;

export const ID = {
  lasNaves: 'las-naves',
  valenciaCityCouncil: 'valencia-city-council',
  conselleria: 'conselleria-innovacio-universitats-ciencia-societat-digital',
  crearqcio: 'crearqcio',
  programme: 'municipis-innovadors',
  phase1: 'municipis-innovadors-fase-1',
  missionsValencia: 'missions-valencia-2030',
  learningSpaces: 'municipis-innovadors-learning-spaces',
  trainingCapsules: 'municipis-innovadors-training-capsules',
  localWorkspaces: 'municipis-innovadors-five-helix-workspaces',
  practiceMissionStrategy: 'practice-mission-oriented-innovation-strategy',
  practiceInterMunicipalLearning: 'practice-inter-municipal-learning-spaces',
  practiceFiveHelix: 'practice-five-helix-local-workshops',
} as const;

function municipalityActors(): SeedNode[] {
  return PHASE_1_MUNICIPALITIES.map((m) => ({
    id: m.id,
    label: 'Actor',
    kind: 'municipality',
    level: 'local',
    name: m.name,
    aliases: [...m.aliases],
    ...atMunicipality(m.ine),
    provenance: [cite(D, SELECTED)],
  }));
}

export function municipisInnovadorsPart(): SeedPart {
  const phase = ID.phase1;
  return {
    nodes: [
      {
        id: ID.lasNaves,
        label: 'Actor',
        kind: 'lab',
        level: 'local',
        name: 'Las Naves',
        aliases: ['Centre d’innovació social i urbana Las Naves', 'Centro de innovación social y urbana Las Naves', 'Las Naves Centre for Social and Urban Innovation'],
        description: 'Centre for social and urban innovation of València City Council; client of Municipis Innovadors and venue of its learning spaces.',
        ...atMunicipality(VALENCIA),
        provenance: [cite(D, 'Client → Las Naves (Ajuntament de València)'), cite(D, 'celebrats al Centre d’innovació social i urbana Las Naves')],
      },
      {
        id: ID.valenciaCityCouncil,
        label: 'Actor',
        kind: 'municipality',
        level: 'local',
        name: 'Ajuntament de València',
        aliases: ['València City Council', 'Valencia City Council', 'Ayuntamiento de Valencia'],
        ...atMunicipality(VALENCIA),
        provenance: [cite(D, 'Las Naves (Ajuntament de València)')],
      },
      {
        id: ID.conselleria,
        label: 'Actor',
        kind: 'public_body',
        level: 'regional',
        name: 'Conselleria d’Innovació, Universitats, Ciència i Societat Digital',
        aliases: [
          'Conselleria d\'Innovació, Universitats, Ciència i Societat Digital',
          'Consellería de Innovación, Universidades, Ciencia y Sociedad Digital',
          'Regional Ministry of Innovation, Universities, Science and Digital Society',
        ],
        ...atRegion(COMUNITAT_VALENCIANA),
        provenance: [cite(D, 'Finança → Conselleria d’Innovació, Universitats, Ciència i Societat Digital')],
      },
      {
        id: ID.crearqcio,
        label: 'Actor',
        kind: 'company',
        level: 'regional',
        name: 'Crearqcio coop. v.',
        aliases: ['Crearqcio', 'Crearqció'],
        description: 'Cooperative that formed the team of Municipis Innovadors phase 1.',
        provenance: [cite(D, 'Equip → Crearqcio coop. v.')],
      },
      ...municipalityActors(),
      {
        id: ID.programme,
        label: 'Project',
        kind: 'programme',
        level: 'regional',
        name: 'Municipis Innovadors',
        aliases: ['Programa Municipis Innovadors', 'Municipios Innovadores', 'Innovative Municipalities programme', 'Programa d’innovació per a municipis orientats a Missions'],
        description:
          'Accompanies municipalities of the Comunitat Valenciana in defining a mission-oriented innovation strategy, taking Missions València 2030 as reference; two phases.',
        provenance: [
          cite(D, 'El Programa Municipis Innovadors és un procés d’acompanyament a municipis de la Comunitat Valenciana'),
          cite(D, 'compta amb dues fases diferenciades'),
        ],
      },
      {
        id: phase,
        label: 'Project',
        kind: 'programme',
        level: 'regional',
        name: 'Municipis Innovadors – Fase 1 (2022)',
        aliases: ['Municipis innovadors Fase 1', 'Municipios Innovadores Fase 1', 'Innovative Municipalities phase 1'],
        description: 'Guides each participating municipality in defining its City Model and its Innovation Missions.',
        ...PHASE_1_DATES,
        startDate: PHASE_1_DATES.validFrom,
        endDate: PHASE_1_DATES.validTo,
        provenance: [cite(D, 'Municipis innovadors Fase 1'), cite(D, 'Comunitat Valenciana 2022')],
      },
      {
        id: ID.missionsValencia,
        label: 'Project',
        kind: 'mission',
        level: 'local',
        name: 'Missions València 2030',
        aliases: ['Missions Valencia 2030', 'Misiones València 2030', 'València Missions 2030'],
        description: 'Mission-oriented innovation governance model of València, the reference for Municipis Innovadors.',
        tags: ['strategy'],
        provenance: [cite(D, 'prenent com a referència la iniciativa ‘Missions València 2030’')],
      },
      {
        id: ID.learningSpaces,
        label: 'Event',
        kind: 'workshop',
        level: 'regional',
        name: 'Municipis Innovadors learning and dialogue spaces at Las Naves',
        aliases: ['Espais d’aprenentatge i diàleg entre els municipis'],
        ...PHASE_1_DATES,
        ...atMunicipality(VALENCIA),
        provenance: [cite(D, 'es coordinen una sèrie d’espais d’aprenentatge i diàleg entre els municipis, destinats a perfils tècnics')],
      },
      {
        id: ID.trainingCapsules,
        label: 'Event',
        kind: 'training',
        level: 'regional',
        name: 'Municipis Innovadors training capsules on the European innovation framework',
        aliases: ['Càpsules formatives'],
        ...PHASE_1_DATES,
        provenance: [cite(D, 'càpsules formatives independents al voltant del marc europeu de la innovació i els seus models de governança')],
      },
      {
        id: ID.localWorkspaces,
        label: 'Event',
        kind: 'workshop',
        level: 'local',
        name: 'Municipis Innovadors local workspaces with the five helices of innovation',
        aliases: ['Espai de treball en cada municipi'],
        ...PHASE_1_DATES,
        provenance: [cite(D, 'es realitza un espai de treball en cada municipi amb agents locals de les cinc hèlixs de la innovació')],
      },
      {
        id: ID.practiceMissionStrategy,
        label: 'Practice',
        kind: 'practice',
        level: 'local',
        name: 'Mission-oriented municipal innovation strategy',
        aliases: ['Estratègia d’Innovació orientada a Missions'],
        summary:
          'Define concrete objectives and actions able to mobilise as many agents and sectors as possible; the result is a strategic framework of City Model, areas of relevance and a catalogue of Innovation Missions.',
        methods: ['mission-oriented innovation', 'strategic planning', 'quintuple helix'],
        outcomes: 'Each municipality defines its City Model, areas of relevance and catalogue of Innovation Missions: a rooted, cross-cutting roadmap.',
        transferable: true,
        provenance: [
          cite(D, 'Aquest model de governança de la innovació es basa a definir objectius i accions concretes'),
          cite(D, 'els municipis defineixen un Marc estratègic compost pels seus Models de Ciutat, les Àrees de rellevància i el catàleg de Missions d’Innovació'),
        ],
      },
      {
        id: ID.practiceInterMunicipalLearning,
        label: 'Practice',
        kind: 'practice',
        level: 'regional',
        name: 'Inter-municipal learning and dialogue spaces',
        summary: 'Technical staff of the participating municipalities meet to learn together, share knowledge and build alliances.',
        methods: ['peer learning', 'knowledge transfer', 'training capsules'],
        transferable: true,
        provenance: [
          cite(D, 'Aquest espai de trobada i intercanvi permet, no sols el flux de coneixement entre municipis, sinó l’establiment de potencials aliances i vies de col·laboració.'),
        ],
      },
      {
        id: ID.practiceFiveHelix,
        label: 'Practice',
        kind: 'practice',
        level: 'local',
        name: 'Local co-creation workshops with the five helices of innovation',
        methods: ['co-creation', 'workshop', 'quintuple helix'],
        transferable: true,
        provenance: [cite(D, 'Açò permet enriquir i socialitzar el procés amb la intenció d’implicar al màxim nombre de persones')],
      },
    ],
    relationships: [
      // Places
      locatedInMunicipality(ID.lasNaves, VALENCIA, cite(D, 'Las Naves (Ajuntament de València)')),
      locatedInMunicipality(ID.valenciaCityCouncil, VALENCIA, cite(D, 'Ajuntament de València')),
      locatedInRegion(ID.conselleria, COMUNITAT_VALENCIANA, cite(D, 'Comunitat Valenciana')),
      locatedInRegion(ID.programme, COMUNITAT_VALENCIANA, cite(D, 'municipis de la Comunitat Valenciana')),
      locatedInMunicipality(ID.learningSpaces, VALENCIA, cite(D, 'celebrats al Centre d’innovació social i urbana Las Naves')),
      ...PHASE_1_MUNICIPALITIES.map((m) => locatedInMunicipality(m.id, m.ine, cite(D, SELECTED))),
      // Organisations
      rel('PART_OF', ID.lasNaves, ID.valenciaCityCouncil, [cite(D, 'Las Naves (Ajuntament de València)')]),
      // Phase 1: who did what
      rel('PART_OF', phase, ID.programme, [cite(D, 'La Fase 1, té l’objectiu de guiar i acompanyar a cada municipi participant')]),
      rel('PARTICIPATES_IN', ID.lasNaves, phase, [cite(D, 'Client → Las Naves (Ajuntament de València)')], { properties: { role: 'client' }, ...PHASE_1_DATES }),
      rel('FUNDS', ID.conselleria, phase, [cite(D, 'Finança → Conselleria d’Innovació, Universitats, Ciència i Societat Digital')], { ...PHASE_1_DATES }),
      rel('PARTICIPATES_IN', ID.crearqcio, phase, [cite(D, 'Equip → Crearqcio coop. v.')], { properties: { role: 'provider' }, ...PHASE_1_DATES }),
      ...PHASE_1_MUNICIPALITIES.map((m) =>
        rel('PARTICIPATES_IN', m.id, phase, [cite(D, SELECTED)], { properties: { role: 'participant' }, ...PHASE_1_DATES }),
      ),
      rel('INSPIRED_BY', ID.programme, ID.missionsValencia, [cite(D, 'prenent com a referència la iniciativa ‘Missions València 2030’')]),
      rel('INSPIRED_BY', phase, ID.missionsValencia, [cite(D, 'prenent com a referència la iniciativa ‘Missions València 2030’')]),
      rel('PARTICIPATES_IN', ID.valenciaCityCouncil, ID.missionsValencia, [
        inferred(D, 'Missions València 2030', 0.6, 'The document names the initiative as the model, not who leads it; it is read as València\'s own.'),
      ], { properties: { role: 'lead' } }),
      // Phase 1 activities
      ...[ID.learningSpaces, ID.trainingCapsules, ID.localWorkspaces].map((e) =>
        rel('PART_OF', e, phase, [cite(D, 'Per dur a terme aquest acompanyament')]),
      ),
      rel('PARTICIPATES_IN', ID.lasNaves, ID.learningSpaces, [cite(D, 'celebrats al Centre d’innovació social i urbana Las Naves')], {
        properties: { role: 'provider' },
        ...PHASE_1_DATES,
      }),
      ...[ID.learningSpaces, ID.trainingCapsules, ID.localWorkspaces].map((e) =>
        rel('ORGANISED', ID.crearqcio, e, [
          inferred(D, 'Equip → Crearqcio coop. v.', 0.7, 'Crearqcio is the team of phase 1; the document says the activities "are coordinated" without naming who coordinates them.'),
        ], { ...PHASE_1_DATES }),
      ),
      ...PHASE_1_MUNICIPALITIES.map((m) =>
        rel('PARTICIPATES_IN', m.id, ID.learningSpaces, [cite(D, 'espais d’aprenentatge i diàleg entre els municipis')], {
          properties: { role: 'participant' },
          ...PHASE_1_DATES,
        }),
      ),
      // Practices
      rel('DEVELOPED', ID.missionsValencia, ID.practiceMissionStrategy, [cite(D, 'Aquest model de governança de la innovació')]),
      rel('ADOPTED', phase, ID.practiceMissionStrategy, [cite(D, 'per a definir la seua Estratègia d’Innovació orientada a Missions')]),
      ...PHASE_1_MUNICIPALITIES.map((m) =>
        rel('ADOPTED', m.id, ID.practiceMissionStrategy, [
          cite(D, 'guiar i acompanyar a cada municipi participant en la definició dels seus Models de Ciutat i les seues Missions d’Innovació'),
        ], { validFrom: PHASE_1_DATES.validFrom }),
      ),
      rel('DEVELOPED', phase, ID.practiceInterMunicipalLearning, [cite(D, 'Municipis Innovadors és un procés de transferència de coneixement entre territoris')]),
      rel('DEVELOPED', phase, ID.practiceFiveHelix, [cite(D, 'un espai de treball en cada municipi amb agents locals de les cinc hèlixs de la innovació')]),
      rel('ADOPTED', ID.lasNaves, ID.practiceInterMunicipalLearning, [
        inferred(D, 'celebrats al Centre d’innovació social i urbana Las Naves', 0.7, 'Las Naves hosts the learning spaces as the programme\'s client.'),
      ]),
      rel('INSPIRED_BY', ID.practiceFiveHelix, ID.practiceMissionStrategy, [
        cite(D, 'amb la intenció d’implicar al màxim nombre de persones en la definició de la Missió de cada municipi'),
      ]),
      // Topics
      rel('ABOUT', ID.programme, TOPIC.missions, [cite(D, 'Programa d’innovació per a municipis orientats a Missions')]),
      rel('ABOUT', phase, TOPIC.missions, [cite(D, 'les seues Missions d’Innovació')]),
      rel('ABOUT', phase, TOPIC.peerLearning, [cite(D, 'el flux de coneixement entre municipis')]),
      rel('ABOUT', ID.missionsValencia, TOPIC.missions, [cite(D, 'Una Missió ha de ser capaç d’activar a tot l’ecosistema d’innovació sense excloure a ningú.')]),
      rel('ABOUT', ID.learningSpaces, TOPIC.peerLearning, [cite(D, 'espais d’aprenentatge i diàleg entre els municipis')]),
      rel('ABOUT', ID.trainingCapsules, TOPIC.missions, [cite(D, 'el marc europeu de la innovació i els seus models de governança')]),
      rel('ABOUT', ID.practiceMissionStrategy, TOPIC.missions, [cite(D, 'Estratègia d’Innovació orientada a Missions')]),
      rel('ABOUT', ID.practiceInterMunicipalLearning, TOPIC.peerLearning, [cite(D, 'el flux de coneixement entre municipis')]),
      rel('ABOUT', ID.practiceFiveHelix, TOPIC.missions, [cite(D, 'la definició de la Missió de cada municipi')]),
      rel('WORKS_ON', ID.lasNaves, TOPIC.socialInnovation, [cite(D, 'Centre d’innovació social i urbana Las Naves')]),
      rel('WORKS_ON', ID.lasNaves, TOPIC.urbanInnovation, [cite(D, 'Centre d’innovació social i urbana Las Naves')]),
      ...PHASE_1_MUNICIPALITIES.map((m) => rel('WORKS_ON', m.id, TOPIC.missions, [cite(D, 'la definició de la Missió de cada municipi')])),
    ],
  };
}
