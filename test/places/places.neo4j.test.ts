import { openTestNeo4jStore } from '../setup/neo4j-store.ts';
import { describePlacesImport } from './places-suite.ts';

describePlacesImport('neo4j', { open: openTestNeo4jStore });
