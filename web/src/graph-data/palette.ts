// Colours for kinds, levels, labels and communities, with the legend entries
// that explain them. Categorical palette: Okabe–Ito + Tableau-like extensions,
// chosen to stay distinguishable for common colour-vision deficiencies and to
// keep ≥ 3:1 contrast against the white map background.
import { LEVELS, NODE_LABELS } from '@atlas/graph/model/vocabulary.ts';
import type { ColourBy, GraphNode, Metrics } from '../state/types.ts';

export const CATEGORICAL = [
  '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C564B', '#7F3C8D',
  '#11A579', '#3969AC', '#F2B701', '#E73F74', '#80BA5A', '#008695', '#A5AA99', '#CF1C90',
];

export const LEVEL_COLOURS: Record<string, string> = {
  local: '#009E73',
  regional: '#0072B2',
  national: '#E69F00',
  international: '#CC79A7',
};

export const LABEL_COLOURS: Record<string, string> = Object.fromEntries(NODE_LABELS.map((l, i) => [l, CATEGORICAL[i]]));

export const NO_VALUE_COLOUR = '#9aa3ad';
export const DIFF_COLOURS = { added: '#1a9850', changed: '#f28e2b', removed: '#d73027', same: '#c5cbd3' };

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** hsl → #rrggbb (sigma's WebGL colour parser reads hex and rgb(), not modern hsl syntax). */
function hslHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(c * 255).toString(16).padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

export interface LegendEntry {
  /** i18n key of the entry (or raw text when `raw`). */
  key: string;
  raw?: boolean;
  params?: Record<string, string | number>;
  colour: string;
  count: number;
}

export interface Colouring {
  colourOf(node: GraphNode): string;
  legend: LegendEntry[];
}

/** Colours by the chosen attribute; kinds get stable colours ranked by frequency. */
export function colouring(nodes: GraphNode[], by: ColourBy, metrics: Metrics): Colouring {
  if (metrics.diff) {
    const { added, changed, removed } = metrics.diff;
    const colourOf = (n: GraphNode) =>
      added.has(n.id) ? DIFF_COLOURS.added : removed.has(n.id) ? DIFF_COLOURS.removed : changed.has(n.id) ? DIFF_COLOURS.changed : DIFF_COLOURS.same;
    const count = (s: Set<string>) => nodes.filter((n) => s.has(n.id)).length;
    return {
      colourOf,
      legend: [
        { key: 'diff.added', colour: DIFF_COLOURS.added, count: count(added) },
        { key: 'diff.changed', colour: DIFF_COLOURS.changed, count: count(changed) },
        { key: 'diff.removed', colour: DIFF_COLOURS.removed, count: count(removed) },
        { key: 'diff.same', colour: DIFF_COLOURS.same, count: nodes.length - count(added) - count(changed) - count(removed) },
      ],
    };
  }
  const valueOf = (n: GraphNode): string | undefined => {
    if (by === 'level') return n.level;
    if (by === 'label') return n.label;
    if (by === 'community') return metrics.community?.get(n.id);
    return n.kind;
  };
  const counts = new Map<string, number>();
  let missing = 0;
  for (const n of nodes) {
    const v = valueOf(n);
    if (v === undefined) missing++;
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const colours = new Map<string, string>();
  if (by === 'level') for (const l of LEVELS) colours.set(l, LEVEL_COLOURS[l]);
  else if (by === 'label') for (const [l, c] of Object.entries(LABEL_COLOURS)) colours.set(l, c);
  else ranked.forEach(([v], i) => colours.set(v, i < CATEGORICAL.length ? CATEGORICAL[i] : hslHex(hash(v) % 360, 0.55, 0.45)));
  const legend: LegendEntry[] = ranked.map(([v, count], i) =>
    by === 'community'
      ? { key: 'legend.community', params: { n: i + 1 }, colour: colours.get(v)!, count }
      : { key: `${by}.${v}`, colour: colours.get(v)!, count },
  );
  if (missing) legend.push({ key: 'legend.none', colour: NO_VALUE_COLOUR, count: missing });
  return { colourOf: (n) => colours.get(valueOf(n) ?? '') ?? NO_VALUE_COLOUR, legend };
}
