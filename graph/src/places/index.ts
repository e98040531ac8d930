// Places: the bundled Spanish gazetteer, the geocoder over it and import enrichment.
export * from './gazetteer.ts';
export * from './geocoder.ts';
export { countryCode, countryName } from './countries.ts';
export { placeKey } from './names.ts';
export * from './enrich.ts';
export * from './provenance.ts';
