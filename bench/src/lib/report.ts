// Result rows shared by every benchmark section, and their printing.

export interface Measurement {
  wallMs: number;
  cpuMs: number;
}

export interface BenchRow {
  /** What was measured, e.g. `PageRank (warm)`. */
  task: string;
  /** Graph or workload label, e.g. `100k/1M`. */
  graph: string;
  ours: Measurement;
  /** The reference implementation on the same input, when there is one. */
  baseline?: Measurement & { name: string };
  /** Baseline wall time / ours (> 1 means we are faster). */
  ratio?: number;
  /** The target from the issue, e.g. `≤ 100 ms`; `met` says whether it holds (wall time). */
  target?: string;
  met?: boolean;
  /** Anything else worth keeping: modularity, memory, iterations. */
  details?: Record<string, number | string>;
}

export interface SectionResult {
  section: string;
  rows: BenchRow[];
  notes: string[];
}

const ms = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`);

export function formatTable(result: SectionResult): string {
  const header = ['task', 'graph', 'ours wall', 'ours cpu', 'baseline wall', 'ratio', 'target', 'details'];
  const lines = result.rows.map((r) => [
    r.task,
    r.graph,
    ms(r.ours.wallMs),
    Number.isFinite(r.ours.cpuMs) ? ms(r.ours.cpuMs) : '—',
    r.baseline ? `${ms(r.baseline.wallMs)} (${r.baseline.name})` : '—',
    r.ratio !== undefined ? `${r.ratio.toFixed(1)}×` : '—',
    r.target ? `${r.target} ${r.met ? '✓' : '✗'}` : '',
    Object.entries(r.details ?? {})
      .map(([k, v]) => `${k}=${typeof v === 'number' ? +v.toFixed(4) : v}`)
      .join(' '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [`## ${result.section}`, '', row(header), row(widths.map((w) => '-'.repeat(w))), ...lines.map(row), '', ...result.notes.map((n) => `- ${n}`)].join('\n');
}
