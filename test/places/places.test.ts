import { openTempStore } from '../import/helpers.ts';
import { describePlacesImport } from './places-suite.ts';

describePlacesImport('embedded', { open: openTempStore });
