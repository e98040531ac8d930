import { describeCrash } from './crash-suite.ts';

describeCrash('embedded', { env: () => ({}), killAfterAcks: 200, maxWaitMs: 20_000 });
