import { openTestNeo4jStore } from '../setup/neo4j-store.ts';
import { describeMessyImport } from './messy-files-suite.ts';

describeMessyImport('neo4j', { open: openTestNeo4jStore });
