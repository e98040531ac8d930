export { generateEcosystem, ecosystemStreams, type GeneratorOptions } from './generate.ts';
export { writeEcosystemCsv, type WrittenEcosystem } from './write-csv.ts';
export { GeneratorCapacityError } from './relationships.ts';
