// The contract between bench/src/run.ts and its sections. It lives here, not in
// run.ts, so that sections never import the runner (run.ts imports them: that
// was an import cycle).

import type { SectionResult } from './report.ts';

export interface SectionOptions {
  quick: boolean;
  log: (message: string) => void;
}

export interface BenchSection {
  name: string;
  run(options: SectionOptions): Promise<SectionResult>;
}
