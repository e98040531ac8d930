import { cite, DOC, inferred, rel, type SeedPart } from './cite.ts';
import { locatedInSpain } from './places.ts';
import { TOPIC } from './topics.ts';

// 002: the State Secretariat for Social Rights' roadmap for a Competence Centre
// for Social Innovation, proposing CERISS (a public foundation).

const D = DOC.ciss;

export const ID = {
  stateSecretariat: 'state-secretariat-social-rights',
  ceriss: 'ceriss',
  roadmap: 'ccsi-roadmap-spain',
  deinstitutionalisationPilots: 'deinstitutionalisation-strategy-pilots',
  practicePlatform: 'practice-social-innovation-competence-centre',
  practiceUpscaling: 'practice-systematisation-transfer-upscaling',
  practiceOpenGovernance: 'practice-multilevel-open-governance',
} as const;

export function cissPart(): SeedPart {
  return {
    nodes: [
      {
        id: ID.stateSecretariat,
        label: 'Actor',
        kind: 'public_body',
        level: 'national',
        name: 'State Secretariat for Social Rights',
        aliases: ['Secretaría de Estado de Derechos Sociales', 'Secretaria d’Estat de Drets Socials', 'Spanish State Secretary of Social Rights'],
        place: { country: 'ES' },
        provenance: [cite(D, 'The Spanish State Secretary of Social Rights presents a roadmap for a Competence Center for Social Innovation')],
      },
      {
        id: ID.ceriss,
        label: 'Actor',
        kind: 'foundation',
        level: 'national',
        name: 'CERISS – State Reference Centre for Innovation and Social Services',
        aliases: [
          'CERISS',
          'Centro Estatal de Referencia en Innovación y Servicios Sociales',
          'State Reference Centre for Innovation and Social Services',
          'Centre of Reference in Social Innovation and Social Services',
        ],
        description:
          'Proposed public foundation and platform where regional and municipal social-services initiatives converge, for systematisation, transfer and upscaling.',
        status: 'proposed',
        place: { country: 'ES' },
        tags: ['proposed'],
        provenance: [
          cite(D, 'CERISS Centro Estatal de Referencia en Innovación y Servicios Sociales (State Reference Centre for Innovation and Social Services)'),
          cite(D, 'a legal formula that provides fixed and continuous support in the form of a public foundation'),
        ],
      },
      {
        id: ID.roadmap,
        label: 'Project',
        kind: 'project',
        level: 'national',
        name: 'Spanish roadmap for a Competence Centre for Social Innovation',
        aliases: ['CCSI roadmap', 'Competence Centre for Social Innovation (CCSI)', 'Hoja de ruta para un Centro de Competencias de Innovación Social'],
        description: 'Proposes CERISS and its objectives, areas of work and actions, on eight premises.',
        provenance: [cite(D, 'The Spanish roadmap for a Competence Centre for Social Innovation (CCSI) proposes the creation of a structure')],
      },
      {
        id: ID.deinstitutionalisationPilots,
        label: 'Project',
        kind: 'pilot',
        level: 'national',
        name: 'Pilot experiences of the deinstitutionalisation strategy',
        provenance: [cite(D, 'based on experiences acquired in the framework of the pilot experiences in the deinstitutionalisation strategy')],
      },
      {
        id: ID.practicePlatform,
        label: 'Practice',
        kind: 'practice',
        level: 'national',
        name: 'Competence centre as a meeting place and platform for social innovation',
        summary: 'A public platform that connects actors and lets regional and municipal initiatives converge, supporting them and promoting learning.',
        methods: ['platform', 'ecosystem building', 'peer learning'],
        transferable: true,
        provenance: [cite(D, 'It is created as a meeting place – as a platform – that allows initiatives at regional and municipal levels to converge')],
      },
      {
        id: ID.practiceUpscaling,
        label: 'Practice',
        kind: 'practice',
        level: 'national',
        name: 'Systematisation, transfer and upscaling of local and regional initiatives',
        methods: ['systematisation', 'knowledge transfer', 'upscaling'],
        transferable: true,
        provenance: [cite(D, 'through processes of systematisation, transfer, and upscaling')],
      },
      {
        id: ID.practiceOpenGovernance,
        label: 'Practice',
        kind: 'practice',
        level: 'national',
        name: 'Open multi-level governance with public and private actors',
        summary: 'Public actors from different territorial levels and private actors (third sector, philanthropy, business) have a voice.',
        methods: ['open governance', 'multi-stakeholder governance', 'mixed financing'],
        transferable: true,
        provenance: [cite(D, 'A system of open governance is foreseen that allows both public actors from different territorial levels and private actors')],
      },
    ],
    relationships: [
      locatedInSpain(ID.stateSecretariat, cite(D, 'The Spanish State Secretary of Social Rights')),
      locatedInSpain(ID.ceriss, cite(D, 'in the field of social services in Spain')),
      rel('DEVELOPED', ID.stateSecretariat, ID.roadmap, [cite(D, 'The Spanish State Secretary of Social Rights presents a roadmap')]),
      rel('PARTICIPATES_IN', ID.stateSecretariat, ID.roadmap, [cite(D, 'The Spanish State Secretary of Social Rights presents a roadmap')], { properties: { role: 'lead' } }),
      rel('FUNDS', ID.stateSecretariat, ID.ceriss, [
        inferred(D, 'It gives a fundamental role to public action, in its role of leading, convening and driving forward.', 0.5, 'The roadmap foresees public leadership, "fixed and continuous support" and mixed financing; that the Secretariat itself funds CERISS is not stated.'),
      ]),
      rel('INSPIRED_BY', ID.roadmap, ID.deinstitutionalisationPilots, [
        cite(D, 'It is conceived as an incremental process, based on experiences acquired in the framework of the pilot experiences in the deinstitutionalisation strategy.'),
      ]),
      rel('DEVELOPED', ID.roadmap, ID.practicePlatform, [cite(D, 'It is created as a meeting place – as a platform')]),
      rel('DEVELOPED', ID.roadmap, ID.practiceUpscaling, [cite(D, 'systematisation, transfer, and upscaling')]),
      rel('DEVELOPED', ID.roadmap, ID.practiceOpenGovernance, [cite(D, 'A system of open governance is foreseen')]),
      rel('ADOPTED', ID.ceriss, ID.practicePlatform, [cite(D, 'It is created as a meeting place – as a platform – that allows initiatives at regional and municipal levels to converge')]),
      rel('ADOPTED', ID.ceriss, ID.practiceUpscaling, [cite(D, 'feed the search for innovation and quality through processes of systematisation, transfer, and upscaling')]),
      rel('ADOPTED', ID.ceriss, ID.practiceOpenGovernance, [cite(D, 'A system of open governance is foreseen')]),
      rel('ABOUT', ID.roadmap, TOPIC.socialInnovation, [cite(D, 'roadmap for a Competence Centre for Social Innovation')]),
      rel('ABOUT', ID.roadmap, TOPIC.socialServices, [cite(D, 'promote innovation namely in social services and social care')]),
      rel('ABOUT', ID.deinstitutionalisationPilots, TOPIC.deinstitutionalisation, [cite(D, 'the deinstitutionalisation strategy')]),
      rel('ABOUT', ID.practicePlatform, TOPIC.socialInnovation, [cite(D, 'to promote an ecosystem of social innovation')]),
      rel('ABOUT', ID.practicePlatform, TOPIC.peerLearning, [cite(D, 'promoting learning processes')]),
      rel('ABOUT', ID.practiceUpscaling, TOPIC.peerLearning, [cite(D, 'systematisation, transfer, and upscaling')]),
      rel('ABOUT', ID.practiceOpenGovernance, TOPIC.socialServices, [cite(D, 'The focus of attention is on the field of social services.')]),
      rel('WORKS_ON', ID.ceriss, TOPIC.socialServices, [cite(D, 'to address common challenges in the field of social services in Spain')]),
      rel('WORKS_ON', ID.ceriss, TOPIC.socialInnovation, [cite(D, 'to promote an ecosystem of social innovation')]),
      rel('WORKS_ON', ID.stateSecretariat, TOPIC.socialServices, [cite(D, 'The focus of attention is on the field of social services.')]),
      rel('WORKS_ON', ID.stateSecretariat, TOPIC.socialInnovation, [cite(D, 'a Competence Center for Social Innovation')]),
    ],
  };
}
