// Realistic paragraphs written for the extraction tests (not taken from the
// seed documents): names are plausible, the facts are invented.

/** Spanish city council news item: apposition, relative clause, passive voice, a list of participants. */
export const ES_COUNCIL_NEWS = `El Ayuntamiento de Sevilla ha presentado el Plan de Innovación Social 2025-2027, elaborado por la Universidad de Sevilla y la Fundación Cajasol. La Asociación Andaluza de Economía Social, la cooperativa Alhambra Digital S.Coop. y la Fundación Tres Culturas participan en el programa Barrios en Red, coordinado por la Oficina de Innovación Municipal. El proyecto, financiado por la Junta de Andalucía, se inspira en el programa Vilawatt. Además, el laboratorio ciudadano Sevilla Lab, que forma parte de la Red de Laboratorios Ciudadanos, organizará talleres de diseño participativo en el distrito Macarena.`;

/** Catalan note with the results of a regional call: a list of selected projects, each with its promoters. */
export const CA_CALL_RESULTS = `Resolució de la convocatòria Comunitats Innovadores 2024

La Generalitat de Catalunya ha resolt la convocatòria 2024 del programa Comunitats Innovadores. Els projectes seleccionats són: Cures Compartides, impulsat per l’Ajuntament de Manresa i la Fundació Ampans; i Energia de Barri, liderat per la cooperativa Som Energia SCCL amb el suport de la Universitat de Vic. La Diputació de Barcelona cofinança el programa. Les entitats seleccionades participaran en unes jornades de formació sobre innovació pública al Centre Cívic Can Batlló.`;

/** English conference programme: organisers, a venue, sponsors, speakers and an award. */
export const EN_CONFERENCE_PROGRAMME = `Open Cities Summit 2025 — programme

The summit is organised by the Eurocities network together with Barcelona City Council and hosted at the Fira de Barcelona venue. The Nesta Foundation, the Open Government Partnership and the University of Amsterdam take part in the opening panel on participatory budgeting. The Bloomberg Philanthropies foundation sponsors the Civic Tech Awards, which are coordinated by the Code for All network. In the afternoon, Helsinki City Council presents its Participatory Budgeting Programme, inspired by the Porto Alegre experience.`;
