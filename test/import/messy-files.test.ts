import { openTempStore } from './helpers.ts';
import { describeMessyImport } from './messy-files-suite.ts';

describeMessyImport('embedded', { open: openTempStore });
