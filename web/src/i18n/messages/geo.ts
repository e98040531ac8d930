// Strings of the WebGL rings and Spain map (issue 13).
import type { MessageModule } from '../index.ts';

const rows: Array<[string, string, string, string]> = [
  ['rings.group.community', 'Comunidad', 'Comunitat', 'Community'],
  ['geo.otherGroups', 'Otros', 'Altres', 'Other'],
  ['geo.noCommunity', 'Sin comunidad', 'Sense comunitat', 'No community'],
  ['geo.actorList', 'Actores del gráfico (Intro para abrir la ficha)', 'Actors del gràfic (Intro per a obrir la fitxa)', 'Actors in the chart (Enter opens one)'],
  ['geo.mapAria', 'Mapa de España por provincias y comunidades: {placed} actores situados, {unplaced} fuera del mapa (en la lista lateral) y {links} vínculos.', "Mapa d'Espanya per províncies i comunitats: {placed} actors situats, {unplaced} fora del mapa (a la llista lateral) i {links} vincles.", 'Map of Spain by province and autonomous community: {placed} actors placed, {unplaced} outside the map (in the side list) and {links} links.'],
  ['geo.tier.province', 'Actores por provincia: pulsa una burbuja para acercarte.', 'Actors per província: prem una bombolla per a acostar-te.', 'Actors per province: click a bubble to zoom in.'],
  ['geo.tier.municipality', 'Actores por municipio: pulsa una burbuja para ver cada actor.', 'Actors per municipi: prem una bombolla per a veure cada actor.', 'Actors per municipality: click a bubble to see each actor.'],
  ['geo.tier.actor', 'Cada actor y sus vínculos; clic para ver su ficha.', 'Cada actor i els seus vincles; clic per a veure la fitxa.', 'Each actor and its links; click one to open it.'],
  ['geo.bubblesHint', 'De lejos, los actores se cuentan por provincia y luego por municipio (burbuja según el número). Pulsa una provincia para acercarte.', 'De lluny, els actors es compten per província i després per municipi (bombolla segons el nombre). Prem una província per a acostar-te.', 'Zoomed out, actors are counted per province, then per municipality (bubble by count). Press a province to zoom in.'],
  ['geo.keyShapes', 'Cada punto es un actor en su municipio o, si no se sabe, en el centro de su provincia o comunidad. Pulsa una comunidad para resaltar sus actores.', 'Cada punt és un actor al seu municipi o, si no se sap, al centre de la seua província o comunitat. Prem una comunitat per a ressaltar-ne els actors.', 'Each dot is an actor at its municipality or, when unknown, at the centre of its province or region. Press a region to highlight its actors.'],
  ['geo.unplacedHint', 'Internacionales o sin lugar conocido: no se dibujan en el mapa.', 'Internacionals o sense lloc conegut: no es dibuixen al mapa.', 'International or without a known place: not drawn on the map.'],
];

const table = (col: 1 | 2 | 3) => Object.fromEntries(rows.map((r) => [r[0], r[col]]));
const messages: MessageModule = { es: table(1), ca: table(2), en: table(3) };
export default messages;
