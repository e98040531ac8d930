// The Spanish places tables live with the gazetteer in @atlas/graph
// (graph/data/spain, read by graph/src/places/gazetteer.ts); the seed takes its
// INE codes, coordinates and provenance sources from there.
export {
  SPAIN_DATA_DIR,
  SPAIN_SOURCES,
  allMunicipalities,
  allProvinces,
  allRegions,
  municipality,
  municipalityCount,
  province,
  region,
  type Municipality,
  type Province,
  type Region,
} from '@atlas/graph/places/gazetteer.ts';
