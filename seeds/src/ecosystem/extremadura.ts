import { cite, DOC, inferred, rel, type SeedPart } from './cite.ts';
import { atRegion, locatedInRegion } from './places.ts';
import { ID as THIVIC_ID } from './thivic.ts';
import { TOPIC } from './topics.ts';

// 003: OGP commitment ES0085, citizen laboratories for improving public
// services in Extremadura (Spain Action Plan 2020–2024).

const D = DOC.extremadura;
const EXTREMADURA = '11';
const LAB_DATES = { validFrom: '2020-10-01', validTo: '2024-12-31' };
const LAB_ACTIVITY = 'Citizen laboratory of different areas. 01/10/2020 31/12/2024';

export const ID = {
  junta: 'junta-de-extremadura',
  ogp: THIVIC_ID.ogp,
  citizens: 'extremadura-citizen-lab-participants',
  spainActionPlan: 'ogp-spain-action-plan-2020-2024',
  es0085: 'es0085',
  citizenLabs: 'extremadura-citizen-laboratories',
  modernisationPlan: 'extremadura-digital-modernisation-plan',
  multichannel: 'extremadura-multichannel-citizenship-service',
  practiceCitizenLabs: 'practice-citizen-labs-public-services',
  practiceCoCreation: 'practice-co-creation-workshops-service-redesign',
} as const;

export function extremaduraPart(): SeedPart {
  return {
    nodes: [
      {
        id: ID.junta,
        label: 'Actor',
        kind: 'public_body',
        level: 'regional',
        name: 'Junta de Extremadura',
        aliases: ['Extremadura Autonomous Community', 'Extremadura Regional Government', 'Comunidad Autónoma de Extremadura', 'Govern d’Extremadura'],
        ...atRegion(EXTREMADURA),
        provenance: [
          cite(D, 'Lead Institution: Extremadura Autonomous Community'),
          cite(D, 'the digital modernisation plan of the Extremadura Regional Government'),
        ],
      },
      {
        id: ID.ogp,
        label: 'Actor',
        kind: 'network',
        level: 'international',
        name: 'Open Government Partnership',
        aliases: ['OGP'],
        provenance: [cite(D, 'Relevant to OGP Values')],
      },
      {
        id: ID.citizens,
        label: 'Actor',
        kind: 'citizen_group',
        level: 'regional',
        name: 'Citizens, associations and professional colleges in Extremadura’s citizen laboratories',
        description: 'The document names these participants as a group, not individual organisations: one node stands for all of them.',
        tags: ['collective'],
        ...atRegion(EXTREMADURA),
        provenance: [cite(D, 'Citizenship, associations, professional colleges, any natural or legal person desiring to improve their experience in access to public services')],
      },
      {
        id: ID.spainActionPlan,
        label: 'Project',
        kind: 'programme',
        level: 'national',
        name: 'OGP Spain Action Plan 2020-2024',
        aliases: ['IV Plan de Gobierno Abierto', 'Spain Action Plan 2020-2024', 'Fourth Open Government Plan of Spain'],
        validFrom: '2020-01-01',
        validTo: '2024-12-31',
        startDate: '2020-01-01',
        endDate: '2024-12-31',
        provenance: [cite(D, 'Action Plan: Spain Action Plan 2020-2024 Action Plan Cycle: 2020')],
      },
      {
        id: ID.es0085,
        label: 'Project',
        kind: 'commitment',
        level: 'regional',
        name: 'ES0085 – Create citizen laboratories for improving public services',
        aliases: ['ES0085'],
        description: 'Co-creation workshops in which citizens help redesign public services in the context of the digital transformation of the Extremadura administration.',
        ...LAB_DATES,
        startDate: LAB_DATES.validFrom,
        endDate: LAB_DATES.validTo,
        tags: ['OGP commitment', 'Local Commitments', 'Public Participation', 'Sustainable Development Goals'],
        provenance: [cite(D, 'Create citizen laboratories for improving public services (ES0085)'), cite(D, LAB_ACTIVITY)],
      },
      {
        id: ID.citizenLabs,
        label: 'Project',
        kind: 'lab',
        level: 'regional',
        name: 'Extremadura citizen laboratories',
        aliases: ['Citizen laboratory of different areas', 'Laboratorios ciudadanos de Extremadura', 'Laboratoris ciutadans d’Extremadura'],
        ...LAB_DATES,
        startDate: LAB_DATES.validFrom,
        endDate: LAB_DATES.validTo,
        provenance: [cite(D, LAB_ACTIVITY)],
      },
      {
        id: ID.modernisationPlan,
        label: 'Project',
        kind: 'programme',
        level: 'regional',
        name: 'Digital Modernisation Plan of Extremadura',
        aliases: ['Plan de Modernización Digital de Extremadura'],
        provenance: [cite(D, 'Digital Modernisation Plan of Extremadura.')],
      },
      {
        id: ID.multichannel,
        label: 'Project',
        kind: 'project',
        level: 'regional',
        name: 'Multi-channel Citizenship Service Project',
        aliases: ['Proyecto de Atención Multicanal a la Ciudadanía'],
        description: 'Will renew the public service of information and service to the citizenship.',
        provenance: [cite(D, 'Multi‐channel Citizenship Service Project, which will renew the public service of information and service to the citizenship.')],
      },
      {
        id: ID.practiceCitizenLabs,
        label: 'Practice',
        kind: 'practice',
        level: 'regional',
        name: 'Citizen laboratories for improving public services',
        summary: 'Citizens say how public services are provided, civil servants share their challenges, and solutions are identified and implemented.',
        methods: ['citizen lab', 'co-creation', 'service design'],
        outcomes: 'Solutions identified and implemented within the digital modernisation plan; more social co-responsibility.',
        transferable: true,
        provenance: [
          cite(D, 'The citizenship has the opportunity to express their opinion about the way in which certain public services are provided, which allows identifying solutions and implementing them'),
        ],
      },
      {
        id: ID.practiceCoCreation,
        label: 'Practice',
        kind: 'practice',
        level: 'regional',
        name: 'Co-creation workshops for redesigning public services',
        methods: ['co-creation', 'workshop', 'service redesign'],
        transferable: true,
        provenance: [cite(D, 'Co‐creation workshop for redesigning services in a context of digital transformation of the organisation and functioning')],
      },
    ],
    relationships: [
      locatedInRegion(ID.junta, EXTREMADURA, cite(D, 'Extremadura Autonomous Community')),
      locatedInRegion(ID.citizenLabs, EXTREMADURA, cite(D, 'Digital Modernisation Plan of Extremadura.')),
      rel('PARTICIPATES_IN', ID.ogp, ID.spainActionPlan, [
        inferred(D, 'IRM Report: Spain Action Plan Review 2020-2024', 0.8, 'The plan is reviewed by OGP\'s Independent Reporting Mechanism; OGP acts as its framework, not as a funder.'),
      ], {
        properties: { role: 'partner' },
      }),
      rel('PART_OF', ID.es0085, ID.spainActionPlan, [cite(D, 'Action Plan: Spain Action Plan 2020-2024')]),
      rel('PARTICIPATES_IN', ID.junta, ID.es0085, [cite(D, 'Lead Institution: Extremadura Autonomous Community')], { properties: { role: 'lead' }, ...LAB_DATES }),
      rel('PARTICIPATES_IN', ID.junta, ID.spainActionPlan, [cite(D, 'Lead Institution: Extremadura Autonomous Community')], { properties: { role: 'partner' } }),
      rel('PARTICIPATES_IN', ID.citizens, ID.citizenLabs, [
        cite(D, 'Other actors involved (Civil Society) Citizenship, associations, professional colleges'),
      ], { properties: { role: 'participant' }, ...LAB_DATES }),
      rel('PARTICIPATES_IN', ID.junta, ID.citizenLabs, [cite(D, 'Lead Institution: Extremadura Autonomous Community')], { properties: { role: 'lead' }, ...LAB_DATES }),
      rel('PART_OF', ID.citizenLabs, ID.es0085, [cite(D, 'Activities of the commitment Start date End date Citizen laboratory of different areas.')]),
      rel('PART_OF', ID.es0085, ID.modernisationPlan, [
        inferred(D, 'implementing them within the framework of the digital modernisation plan of the Extremadura Regional Government', 0.8, 'Solutions are implemented "within the framework" of the plan; the commitment is read as part of it.'),
      ]),
      rel('PARTICIPATES_IN', ID.junta, ID.modernisationPlan, [cite(D, 'the digital modernisation plan of the Extremadura Regional Government')], { properties: { role: 'lead' } }),
      rel('PARTICIPATES_IN', ID.junta, ID.multichannel, [
        inferred(D, 'Additional information Multi‐channel Citizenship Service Project', 0.8, 'Listed as additional information on an Extremadura commitment; that the regional government runs it is inferred.'),
      ], { properties: { role: 'lead' } }),
      rel('PART_OF', ID.multichannel, ID.modernisationPlan, [
        inferred(D, 'Multi‐channel Citizenship Service Project, which will renew the public service of information and service to the citizenship. Digital Modernisation Plan of Extremadura.', 0.6, 'The two are listed together as additional information; the project is read as part of the plan.'),
      ]),
      // Practices
      rel('DEVELOPED', ID.junta, ID.practiceCitizenLabs, [cite(D, 'Lead Institution: Extremadura Autonomous Community')]),
      rel('ADOPTED', ID.es0085, ID.practiceCitizenLabs, [cite(D, 'Create citizen laboratories for improving public services')]),
      rel('DEVELOPED', ID.junta, ID.practiceCoCreation, [cite(D, 'Brief description of the commitment Co‐creation workshop for redesigning services')]),
      rel('ADOPTED', ID.citizenLabs, ID.practiceCoCreation, [cite(D, 'Co‐creation workshop for redesigning services')]),
      rel('INSPIRED_BY', ID.practiceCitizenLabs, ID.practiceCoCreation, [
        inferred(D, 'Brief description of the commitment Co‐creation workshop for redesigning services', 0.8, 'The citizen labs are described as co-creation workshops; one practice builds on the other.'),
      ]),
      // Topics
      rel('ABOUT', ID.es0085, TOPIC.citizenParticipation, [cite(D, 'To strengthen citizen participation')]),
      rel('ABOUT', ID.es0085, TOPIC.publicServices, [cite(D, 'improving public services')]),
      rel('ABOUT', ID.es0085, TOPIC.openGovernment, [cite(D, 'the values of Open Government')]),
      rel('ABOUT', ID.es0085, TOPIC.sdgs, [cite(D, 'Sustainable Development Goals of the 2030 Agenda')]),
      rel('ABOUT', ID.citizenLabs, TOPIC.publicServices, [cite(D, 'the continuous improvement of the public services')]),
      rel('ABOUT', ID.modernisationPlan, TOPIC.digitalTransformation, [cite(D, 'digital modernisation plan')]),
      rel('ABOUT', ID.multichannel, TOPIC.publicServices, [cite(D, 'renew the public service of information and service to the citizenship')]),
      rel('ABOUT', ID.spainActionPlan, TOPIC.openGovernment, [cite(D, 'Open Government Partnership')]),
      rel('ABOUT', ID.practiceCitizenLabs, TOPIC.citizenParticipation, [cite(D, 'To strengthen citizen participation')]),
      rel('ABOUT', ID.practiceCitizenLabs, TOPIC.publicServices, [cite(D, 'improving public services')]),
      rel('ABOUT', ID.practiceCoCreation, TOPIC.digitalTransformation, [cite(D, 'in a context of digital transformation')]),
      rel('ABOUT', ID.practiceCoCreation, TOPIC.publicServices, [cite(D, 'redesigning services')]),
      rel('WORKS_ON', ID.junta, TOPIC.openGovernment, [cite(D, 'the values of Open Government')]),
      rel('WORKS_ON', ID.junta, TOPIC.digitalTransformation, [cite(D, 'the digital modernisation plan of the Extremadura Regional Government')]),
      rel('WORKS_ON', ID.ogp, TOPIC.openGovernment, [cite(D, 'Open Government Partnership')]),
    ],
  };
}
