// The one-file atlas document: what GET /api/export?format=html embeds as
// JSON in the page (read by the static viewer in web/src/publish/viewer) and
// what the server-side map image (map-svg.ts) is drawn from. Columns, not
// objects, and repeated strings (provenance sources, kinds) in tables, so a
// few thousand actors stay well under a megabyte.

export const ATLAS_FORMAT = 'ecosystem-atlas/1';
export const ATLAS_VIEWS = ['network', 'collaboration'] as const;
export type AtlasView = (typeof ATLAS_VIEWS)[number];
export const ATLAS_LANGUAGES = ['es', 'ca', 'en'] as const;
export type AtlasLanguage = (typeof ATLAS_LANGUAGES)[number];

/**
 * The categorical palette of the web app (web/src/graph-data/palette.ts,
 * Okabe–Ito + extensions): colours by kind, ranked by frequency.
 */
export const ATLAS_PALETTE = [
  '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C564B', '#7F3C8D',
  '#11A579', '#3969AC', '#F2B701', '#E73F74', '#80BA5A', '#008695', '#A5AA99', '#CF1C90',
];
export const ATLAS_NO_VALUE_COLOUR = '#9aa3ad';

/** One source of a node: `s` indexes `sources`. */
export interface AtlasProvenance {
  s: number;
  quote?: string;
  url?: string;
  confidence: number;
}

export interface AtlasLegendEntry {
  /** The kind (or '' for nodes without one). */
  kind: string;
  colour: string;
  count: number;
}

export interface AtlasDocument {
  format: typeof ATLAS_FORMAT;
  title: string;
  /** Where the data came from (the atlas' address, or the data directory for the CLI). */
  source: string;
  /** ISO timestamp of the export. */
  generatedAt: string;
  revision: number;
  /** Licence / attribution text shown in the page and under images. */
  attribution: string;
  view: AtlasView;
  lang: AtlasLanguage;
  filters: { at?: string; levels?: string[]; kinds?: string[]; labels?: string[]; types?: string[]; topics?: string[] };
  /** False when the layout had not settled within the wait: the best positions so far. */
  converged: boolean;
  sources: string[];
  legend: AtlasLegendEntry[];
  nodes: {
    id: string[];
    name: string[];
    label: string[];
    /** Index into `legend`. */
    kind: number[];
    level: Array<string | null>;
    /** Municipality, province, region (what is known), for the side panel. */
    place: Array<string | null>;
    description: Array<string | null>;
    /** Positions in [-1000, 1000] (server layout), one decimal. */
    x: number[];
    y: number[];
    provenance: AtlasProvenance[][];
  };
  edges: {
    from: number[];
    to: number[];
    /** Relationship type (network) or 'COLLABORATES' (collaboration projection). */
    type: string[];
    weight: number[];
  };
}

/** A vocabulary value as a readable English term when no translation is at hand ("research_centre" → "Research centre"). */
export function humanise(value: string): string {
  if (!value) return 'Other';
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * JSON safe inside an HTML `<script type="application/json">`: `<` (so no
 * `</script>` or `<!--` can end or change the block), `>` and `&`, and the
 * line separators U+2028/9 are written as \u escapes, which JSON.parse reads back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
