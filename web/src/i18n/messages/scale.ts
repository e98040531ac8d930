// Strings of the collaboration view and of the layout progress (issue 13).
import type { MessageModule } from '../index.ts';

const rows: Array<[string, string, string, string]> = [
  ['view.collaboration', 'Colaboración', 'Col·laboració', 'Collaboration'],
  ['layout.running', 'Calculando la disposición…', 'Calculant la disposició…', 'Laying out…'],
  ['layout.error', 'No se pudo calcular la disposición: {message}', "No s'ha pogut calcular la disposició: {message}", 'The layout failed: {message}'],
  ['collab.hint', '{count} actores: ¿quién colabora con quién? Lo muestra la vista Colaboración.', '{count} actors: qui col·labora amb qui? Ho mostra la vista Col·laboració.', '{count} actors: who collaborates with whom? The Collaboration view shows it.'],
  ['collab.open', 'Abrir Colaboración', 'Obrir Col·laboració', 'Open Collaboration'],
  ['collab.aria', 'Colaboraciones: {actors} actores y {links} vínculos; el grosor es el número de proyectos, programas, eventos o prácticas compartidos.', 'Col·laboracions: {actors} actors i {links} vincles; el gruix és el nombre de projectes, programes, esdeveniments o pràctiques compartits.', 'Collaborations: {actors} actors and {links} links; thickness is the number of projects, programmes, events or practices shared.'],
  ['collab.region', 'Región', 'Regió', 'Region'],
  ['collab.allRegions', 'Todas', 'Totes', 'All'],
  ['collab.counts', '{actors} actores · {links} vínculos', '{actors} actors · {links} vincles', '{actors} actors · {links} links'],
  ['collab.shared', '{count} compartidos (peso {weight})', '{count} compartits (pes {weight})', '{count} shared (weight {weight})'],
  ['collab.other', 'Otras {count} comunidades', 'Altres {count} comunitats', 'Other {count} communities'],
  ['legend.showAll', 'Ver todo', 'Veure-ho tot', 'Show all'],
  ['legend.showFewer', 'Ver menos', 'Veure menys', 'Show fewer'],
];

const table = (col: 1 | 2 | 3) => Object.fromEntries(rows.map((r) => [r[0], r[col]]));
const messages: MessageModule = { es: table(1), ca: table(2), en: table(3) };
export default messages;
