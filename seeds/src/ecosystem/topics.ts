import { cite, DOC, type SeedNode, type SeedPart } from './cite.ts';

// The themes the documents are about, named in English with their Spanish and
// Valencian forms as aliases. Each cites every document that names it.

function topic(id: string, name: string, aliases: string[], provenance: SeedNode['provenance'], description?: string): SeedNode {
  return { id, label: 'Topic', kind: 'topic', name, aliases, provenance, ...(description ? { description } : {}) };
}

export const TOPIC = {
  socialInnovation: 'social-innovation',
  unwantedLoneliness: 'unwanted-loneliness',
  openGovernment: 'open-government',
  citizenParticipation: 'citizen-participation',
  publicInnovation: 'public-innovation',
  govtech: 'govtech',
  openInnovation: 'open-innovation',
  digitalTransformation: 'digital-transformation',
  publicServices: 'public-services',
  publicProcurement: 'public-procurement',
  socialServices: 'social-services',
  deinstitutionalisation: 'deinstitutionalisation',
  missions: 'mission-oriented-innovation',
  urbanInnovation: 'urban-innovation',
  sdgs: 'sustainable-development-goals',
  peerLearning: 'peer-learning',
} as const;

export function topicsPart(): SeedPart {
  const nodes: SeedNode[] = [
    topic(TOPIC.socialInnovation, 'Social innovation', ['Innovación social', 'Innovació social'], [
      cite(DOC.thivic, 'Social innovation allows for the promotion of initiatives'),
      cite(DOC.ciss, 'creating favourable environments for social innovation'),
      cite(DOC.municipisInnovadors, 'Centre d’innovació social i urbana Las Naves'),
    ]),
    topic(TOPIC.unwantedLoneliness, 'Unwanted loneliness', ['Soledad no deseada', 'Soledat no desitjada', 'Unwanted loneliness among young people'], [
      cite(DOC.thivic, 'unwanted loneliness among young people'),
    ]),
    topic(TOPIC.openGovernment, 'Open government', ['Gobierno abierto', 'Govern obert'], [
      cite(DOC.thivic, 'the values of Open Government'),
      cite(DOC.extremadura, 'it raises awareness among society and civil servants about the values of Open Government'),
    ]),
    topic(TOPIC.citizenParticipation, 'Citizen participation', ['Participación ciudadana', 'Participació ciutadana', 'Civic participation'], [
      cite(DOC.thivic, 'OGP Value: • Civic Participation'),
      cite(DOC.extremadura, 'To strengthen citizen participation as a way to improve the social perception of the functioning of public services.'),
    ]),
    topic(TOPIC.publicInnovation, 'Public innovation and intrapreneurship', ['Innovación pública', 'Innovació pública', 'Intrapreneurship', 'Intraemprendimiento'], [
      cite(DOC.thivic, 'Promote intrapreneurship and public innovation'),
    ]),
    topic(TOPIC.govtech, 'Govtech', ['GovTech', 'Government technology'], [
      cite(DOC.govtech, 'The Govtech Strategy, nested within this larger plan'),
    ]),
    topic(TOPIC.openInnovation, 'Open innovation', ['Innovación abierta', 'Innovació oberta'], [
      cite(DOC.thivic, 'using open innovation techniques'),
      cite(DOC.govtech, 'Open innovation is a cornerstone of the programme’s methodology.'),
    ]),
    topic(TOPIC.digitalTransformation, 'Digital transformation', ['Transformación digital', 'Transformació digital', 'Digital modernisation'], [
      cite(DOC.govtech, 'Digital Transformation Strategy'),
      cite(DOC.extremadura, 'in a context of digital transformation of the organisation and functioning'),
    ]),
    topic(TOPIC.publicServices, 'Public services improvement', ['Servicios públicos', 'Serveis públics', 'Digital public services', 'Public services'], [
      cite(DOC.thivic, 'the innovative design of public services'),
      cite(DOC.govtech, 'enhance public services'),
      cite(DOC.extremadura, 'To involve the citizenship in the continuous improvement of the public services'),
    ]),
    topic(TOPIC.publicProcurement, 'Public procurement of innovation', ['Contratación pública', 'Contractació pública', 'Compra pública de innovación'], [
      cite(DOC.govtech, 'fostering competition in public procurement'),
    ]),
    topic(TOPIC.socialServices, 'Social services', ['Servicios sociales', 'Serveis socials', 'Social care'], [
      cite(DOC.ciss, 'The focus of attention is on the field of social services.'),
    ]),
    topic(TOPIC.deinstitutionalisation, 'Deinstitutionalisation', ['Desinstitucionalización', 'Desinstitucionalització'], [
      cite(DOC.ciss, 'the pilot experiences in the deinstitutionalisation strategy'),
    ]),
    topic(TOPIC.missions, 'Mission-oriented innovation', ['Missions', 'Misiones', 'Innovació orientada a Missions', 'Innovación orientada a misiones'], [
      cite(DOC.municipisInnovadors, 'Programa d’innovació per a municipis orientats a Missions'),
    ]),
    topic(TOPIC.urbanInnovation, 'Urban innovation', ['Innovación urbana', 'Innovació urbana'], [
      cite(DOC.municipisInnovadors, 'Centre d’innovació social i urbana Las Naves'),
      cite(DOC.govtech, 'tackle urban challenges'),
    ]),
    topic(TOPIC.sdgs, 'Sustainable Development Goals', ['SDGs', 'Objetivos de Desarrollo Sostenible', 'ODS', 'Agenda 2030'], [
      cite(DOC.extremadura, 'the Sustainable Development Goals of the 2030 Agenda'),
    ]),
    topic(TOPIC.peerLearning, 'Peer learning', ['Aprendizaje entre pares', 'Aprenentatge entre iguals', 'Knowledge transfer'], [
      cite(DOC.thivic, 'promoting peer learning'),
      cite(DOC.ciss, 'promoting learning processes'),
      cite(DOC.municipisInnovadors, 'un procés de transferència de coneixement entre territoris'),
    ]),
  ];
  return { nodes, relationships: [] };
}
