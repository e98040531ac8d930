// Vocabulary for plausible synthetic names, topics and practices.

export const TOPICS = [
  'Unwanted loneliness',
  'GovTech',
  'Open government',
  'Digital public services',
  'Social innovation',
  'Missions',
  'Climate adaptation',
  'Circular economy',
  'Energy communities',
  'Active ageing',
  'Rural depopulation',
  'Sustainable mobility',
  'Public procurement of innovation',
  'Citizen participation',
  'Urban regeneration',
  'Digital inclusion',
  'Care economy',
  'Youth employment',
  'Food systems',
  'Water management',
  'Health innovation',
  'Data commons',
  'Artificial intelligence in the public sector',
  'Cultural innovation',
  'Housing',
  'Gender equality',
  'Migration and inclusion',
  'Smart specialisation',
  'Tourism sustainability',
  'Education innovation',
] as const;

export const METHODS = ['design thinking', 'co-creation', 'living lab', 'participatory budgeting', 'prototyping', 'service design', 'open data', 'challenge-based procurement', 'citizen science', 'foresight'];

export const SYLLABLES = ['al', 'ba', 'cor', 'da', 'el', 'fi', 'ga', 'hi', 'in', 'lu', 'ma', 'ne', 'or', 'pa', 'qui', 'ra', 'sol', 'ta', 'va', 'xe', 'zu', 'ter', 'mon', 'ver', 'nova', 'tec'];
export const ADJECTIVES = ['Abierta', 'Común', 'Verde', 'Digital', 'Social', 'Solidaria', 'Innovadora', 'Sostenible', 'Activa', 'Conectada'];
export const NOUNS = ['Futuro', 'Territorio', 'Ciudadanía', 'Comunidad', 'Horizonte', 'Impulso', 'Encuentro', 'Puente', 'Semilla', 'Red'];
export const SURNAMES = ['García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Fernández', 'Ruiz', 'Díaz', 'Moreno', 'Álvarez', 'Romero', 'Navarro', 'Torres', 'Vidal', 'Puig'];
export const COMPANY_SUFFIXES = ['SL', 'SA', 'SLU', 'S. Coop.'];
export const FOREIGN = [
  { country: 'PT', city: 'Lisboa', lat: 38.72, lon: -9.14 },
  { country: 'FR', city: 'Paris', lat: 48.86, lon: 2.35 },
  { country: 'IT', city: 'Bologna', lat: 44.49, lon: 11.34 },
  { country: 'DE', city: 'Berlin', lat: 52.52, lon: 13.4 },
  { country: 'NL', city: 'Amsterdam', lat: 52.37, lon: 4.9 },
  { country: 'BE', city: 'Bruxelles', lat: 50.85, lon: 4.35 },
  { country: 'SE', city: 'Stockholm', lat: 59.33, lon: 18.07 },
  { country: 'GB', city: 'London', lat: 51.51, lon: -0.13 },
  { country: 'AR', city: 'Buenos Aires', lat: -34.6, lon: -58.38 },
  { country: 'MX', city: 'Ciudad de México', lat: 19.43, lon: -99.13 },
];

/** Rough relative weight of a province in the ecosystem (big metropolitan areas hold more actors). */
export const PROVINCE_WEIGHT: Record<string, number> = {
  '28': 8, // Madrid
  '08': 7, // Barcelona
  '46': 3.5, // València
  '41': 2.5, // Sevilla
  '03': 2.2, // Alacant
  '29': 2, // Málaga
  '30': 2, // Murcia
  '48': 1.8, // Bizkaia
  '15': 1.5, // A Coruña
  '50': 1.5, // Zaragoza
  '11': 1.4, // Cádiz
  '07': 1.3, // Illes Balears
  '35': 1.3, // Las Palmas
  '38': 1.2, // Santa Cruz de Tenerife
  '36': 1.2, // Pontevedra
  '20': 1.2, // Gipuzkoa
  '33': 1.2, // Asturias
};
