// UI strings of the level rings, Spain map, path / partner / speaker finders,
// communities, centrality chart, import and export (WEB-TOOLS). One row per
// key: [key, es, ca, en].
import type { MessageModule } from '../index.ts';

const rows: Array<[string, string, string, string]> = [
  // Views
  ['view.rings', 'Anillos de nivel', 'Anells de nivell', 'Level rings'],
  ['view.map', 'Mapa de España', "Mapa d'Espanya", 'Spain map'],
  // Rings
  ['rings.controls', 'Controles de los anillos', 'Controls dels anells', 'Ring controls'],
  ['rings.groupBy', 'Agrupar por', 'Agrupa per', 'Group by'],
  ['rings.group.kind', 'Tipo', 'Tipus', 'Kind'],
  ['rings.group.region', 'Región', 'Regió', 'Region'],
  ['rings.aria', 'Anillos de nivel: {actors} actores, del local (centro) al internacional (fuera); {links} vínculos, {cross} entre niveles. La lista lateral nombra a quienes conectan niveles.', "Anells de nivell: {actors} actors, del local (centre) a l'internacional (fora); {links} vincles, {cross} entre nivells. La llista lateral nomena qui connecta nivells.", 'Level rings: {actors} actors, from local (centre) to international (outside); {links} links, {cross} across levels. The side list names who connects levels.'],
  ['rings.empty', 'No hay actores con estos filtros.', 'No hi ha actors amb aquests filtres.', 'No actors with these filters.'],
  ['rings.noLevel', 'Sin nivel', 'Sense nivell', 'No level'],
  ['rings.noRegion', 'Sin región', 'Sense regió', 'No region'],
  ['rings.spainWide', 'España (estatal)', 'Espanya (estatal)', 'Spain (nationwide)'],
  ['rings.bridge', 'conecta niveles', 'connecta nivells', 'connects levels'],
  ['rings.bridges', 'Quién conecta niveles', 'Qui connecta nivells', 'Who connects levels'],
  ['rings.bridgesHint', 'Actores con vínculos hacia otro anillo (borde oscuro en el gráfico).', 'Actors amb vincles cap a un altre anell (vora fosca al gràfic).', 'Actors linked to another ring (dark outline in the chart).'],
  ['rings.bridgeStats', '{levels} niveles · {links} vínculos', '{levels} nivells · {links} vincles', '{levels} levels · {links} links'],
  ['rings.noBridges', 'Ningún vínculo cruza niveles con estos filtros.', 'Cap vincle creua nivells amb aquests filtres.', 'No link crosses levels with these filters.'],
  ['rings.crossLinks', '{count} vínculos entre niveles', '{count} vincles entre nivells', '{count} links across levels'],
  ['rings.sameLinks', '{count} vínculos dentro de un nivel', "{count} vincles dins d'un nivell", '{count} links within a level'],
  ['rings.linksCapped', 'Se dibujan los {shown} vínculos más fuertes de {total}.', 'Es dibuixen els {shown} vincles més forts de {total}.', 'Drawing the {shown} strongest of {total} links.'],
  ['rings.actorsOnly', 'Se muestran actores; dos actores están unidos si comparten proyecto, evento o práctica, o tienen una relación directa ({count} nodos que no son actores quedan fuera).', "Es mostren actors; dos actors estan units si comparteixen projecte, esdeveniment o pràctica, o tenen una relació directa ({count} nodes que no són actors queden fora).", 'Actors only; two actors are linked when they share a project, event or practice, or have a direct relationship ({count} non-actor nodes left out).'],
  // Spain map
  ['map.controls', 'Controles del mapa de España', "Controls del mapa d'Espanya", 'Spain map controls'],
  ['map.hint', 'Rueda o pellizco para acercar; arrastra para mover; clic en un actor para ver su ficha.', "Roda o pessic per a acostar; arrossega per a moure; clic en un actor per a veure'n la fitxa.", 'Wheel or pinch to zoom; drag to pan; click an actor to open it.'],
  ['map.aria', 'Mapa de España por provincias y comunidades: {placed} actores situados en el mapa, {band} en la banda exterior (fuera de España o sin lugar) y {links} vínculos dibujados como arcos. La lista lateral los resume por comunidad.', "Mapa d'Espanya per províncies i comunitats: {placed} actors situats al mapa, {band} a la banda exterior (fora d'Espanya o sense lloc) i {links} vincles dibuixats com a arcs. La llista lateral els resumeix per comunitat.", 'Map of Spain by province and autonomous community: {placed} actors on the map, {band} in the outer band (abroad or without a place) and {links} links drawn as arcs. The side list sums them up by region.'],
  ['map.geoError', 'No se pudo cargar la geometría: {message}', "No s'ha pogut carregar la geometria: {message}", 'Could not load the boundaries: {message}'],
  ['map.band', 'Alrededor: actores internacionales o sin lugar', 'Al voltant: actors internacionals o sense lloc', 'Around: international actors or actors without a place'],
  ['map.inBand', 'fuera del mapa (internacional o sin lugar)', 'fora del mapa (internacional o sense lloc)', 'outside the map (international or no place)'],
  ['map.precision.point', 'en su municipio', 'al seu municipi', 'at its municipality'],
  ['map.precision.province', 'en el centro de su provincia', 'al centre de la seua província', 'at the centre of its province'],
  ['map.precision.region', 'en el centro de su comunidad autónoma', 'al centre de la seua comunitat autònoma', 'at the centre of its region'],
  ['map.where', 'Dónde están', 'On són', 'Where they are'],
  ['map.keyShapes', 'Círculo: en su municipio. Cuadrado: en el centro de su provincia o comunidad. Pulsa una comunidad para resaltar sus actores.', 'Cercle: al seu municipi. Quadrat: al centre de la seua província o comunitat. Prem una comunitat per a ressaltar-ne els actors.', 'Circle: at its municipality. Square: at the centre of its province or region. Press a region to highlight its actors.'],
  ['map.bandTitle', 'Fuera del mapa ({count})', 'Fora del mapa ({count})', 'Outside the map ({count})'],
  ['map.attribution', 'Límites: Code for America (MIT) · códigos INE · coordenadas IGN/CNIG (CC BY 4.0)', 'Límits: Code for America (MIT) · codis INE · coordenades IGN/CNIG (CC BY 4.0)', 'Boundaries: Code for America (MIT) · INE codes · coordinates IGN/CNIG (CC BY 4.0)'],
];

const table = (col: 1 | 2 | 3) => Object.fromEntries(rows.map((r) => [r[0], r[col]]));
const messages: MessageModule = { es: table(1), ca: table(2), en: table(3) };
export default messages;
