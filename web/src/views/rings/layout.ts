// Level rings layout: one ring per level (local at the centre, international
// outside, actors without a level on a last dashed ring), and one wedge per
// group (kind or region) spanning every ring, so a group reads as a slice and
// a link that crosses rings is a link between levels.
import { LEVELS } from '@atlas/graph/model/vocabulary.ts';
import type { GraphNode } from '@atlas/graph/model/schemas.ts';
import type { ActorLink } from './actorLinks.ts';

export const RING_KEYS = [...LEVELS, 'none'] as const;
export type RingKey = (typeof RING_KEYS)[number];
export type GroupBy = 'kind' | 'region' | 'community';
/** Wedges drawn at most; smaller groups share the last one ("other"). */
export const MAX_WEDGES = 12;
export const OTHER_GROUP = '\u0000other';

export interface RingNode {
  node: GraphNode;
  ring: RingKey;
  group: string;
  angle: number;
  x: number;
  y: number;
}

export interface Wedge {
  group: string;
  start: number;
  end: number;
  count: number;
}

export interface RingsLayout {
  /** Rings present, inner to outer, with their radius. */
  rings: Array<{ key: RingKey; radius: number; count: number }>;
  wedges: Wedge[];
  nodes: Map<string, RingNode>;
  /** Radius of the outermost ring. */
  outer: number;
}

export function ringOf(node: GraphNode): RingKey {
  return node.level ?? 'none';
}

export function groupOf(node: GraphNode, by: GroupBy, community?: ReadonlyMap<string, string> | null): string {
  if (by === 'kind') return node.kind ?? 'other';
  if (by === 'community') return community?.get(node.id) ?? '';
  return node.place?.region ?? (node.place?.country && node.place.country !== 'ES' ? node.place.country : node.place?.country === 'ES' ? 'ES' : '');
}

/** Radius of the innermost ring, in ring spacings (local needs room: it is usually the most crowded). */
export const INNER = 1.6;
const GAP = 0.04; // radians between wedges
const MIN_SPAN = 0.16;
const TOP = 0.2; // radians kept free at 12 o'clock for the ring labels

/**
 * Places actors on rings of radius `unit·(i+INNER)` (i = ring index among the
 * rings present). Wedges are proportional to their size; inside a wedge each
 * ring's actors are spread evenly, then ordered by the mean angle of their
 * partners (one barycentre pass) so links cross less.
 */
export function ringsLayout(actors: GraphNode[], links: ActorLink[], by: GroupBy, unit: number, community?: ReadonlyMap<string, string> | null): RingsLayout {
  const present = RING_KEYS.filter((k) => actors.some((n) => ringOf(n) === k) || k !== 'none');
  const ringIndex = new Map(present.map((k, i) => [k, i]));
  const all = new Map<string, GraphNode[]>();
  for (const n of actors) {
    const g = groupOf(n, by, community);
    let list = all.get(g);
    if (!list) all.set(g, (list = []));
    list.push(n);
  }
  // Hundreds of communities would be slivers: the largest get a wedge, the rest share "other".
  const ranked = [...all.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const groups = new Map(ranked.slice(0, ranked.length > MAX_WEDGES ? MAX_WEDGES - 1 : MAX_WEDGES));
  if (ranked.length > MAX_WEDGES) groups.set(OTHER_GROUP, ranked.slice(MAX_WEDGES - 1).flatMap(([, m]) => m));
  const ordered = [...groups.entries()];
  // A wedge's share of the circle follows the room its actors need: an inner
  // ring is shorter, so an actor there weighs more.
  const need = (members: GraphNode[]) => members.reduce((s, n) => s + 1 / (ringIndex.get(ringOf(n))! + INNER), 0);
  const total = ordered.reduce((s, [, members]) => s + need(members), 0) || 1;
  const free = Math.PI * 2 - TOP - GAP * Math.max(0, ordered.length - 1);
  const wedges: Wedge[] = [];
  let angle = -Math.PI / 2 + TOP / 2;
  // Small groups get at least MIN_SPAN so their labels do not collide; the rest share what is left.
  const minSpan = Math.min(MIN_SPAN, free / Math.max(1, ordered.length));
  const small = ordered.filter(([, m]) => (free * need(m)) / total < minSpan);
  const bigNeed = total - small.reduce((s, [, m]) => s + need(m), 0) || 1;
  const bigFree = free - small.length * minSpan;
  for (const [group, members] of ordered) {
    const span = small.some(([g]) => g === group) ? minSpan : (bigFree * need(members)) / bigNeed;
    wedges.push({ group, start: angle, end: angle + span, count: members.length });
    angle += span + GAP;
  }

  const nodes = new Map<string, RingNode>();
  const cells: RingNode[][] = [];
  for (const wedge of wedges) {
    const members = groups.get(wedge.group)!;
    for (const ring of present) {
      const cell = members.filter((n) => ringOf(n) === ring).sort((a, b) => a.name.localeCompare(b.name));
      if (!cell.length) continue;
      const radius = unit * (ringIndex.get(ring)! + INNER);
      const placed = cell.map((node) => ({ node, ring, group: wedge.group, angle: 0, x: 0, y: 0 }));
      spread(placed, wedge, radius, unit);
      for (const p of placed) nodes.set(p.node.id, p);
      cells.push(placed);
    }
  }

  // One barycentre pass: order each cell by where its partners are.
  const partners = new Map<string, string[]>();
  for (const l of links) {
    if (!nodes.has(l.source) || !nodes.has(l.target)) continue;
    (partners.get(l.source) ?? partners.set(l.source, []).get(l.source)!).push(l.target);
    (partners.get(l.target) ?? partners.set(l.target, []).get(l.target)!).push(l.source);
  }
  for (const cell of cells) {
    if (cell.length < 2) continue;
    const wedge = wedges.find((w) => w.group === cell[0].group)!;
    const radius = unit * (ringIndex.get(cell[0].ring)! + INNER);
    const key = (p: RingNode) => {
      const list = partners.get(p.node.id);
      if (!list?.length) return p.angle;
      let sx = 0;
      let sy = 0;
      for (const id of list) {
        const q = nodes.get(id)!;
        sx += Math.cos(q.angle);
        sy += Math.sin(q.angle);
      }
      // Angle of the mean direction, unwrapped to lie near the wedge.
      let a = Math.atan2(sy, sx);
      const mid = (wedge.start + wedge.end) / 2;
      while (a < mid - Math.PI) a += Math.PI * 2;
      while (a > mid + Math.PI) a -= Math.PI * 2;
      return a;
    };
    const keys = new Map(cell.map((p) => [p, key(p)]));
    cell.sort((a, b) => keys.get(a)! - keys.get(b)! || a.node.name.localeCompare(b.node.name));
    spread(cell, wedge, radius, unit);
  }

  const rings = present.map((key, i) => ({ key, radius: unit * (i + INNER), count: actors.filter((n) => ringOf(n) === key).length }));
  return { rings, wedges, nodes, outer: unit * (present.length - 1 + INNER) };
}

/** Along-ring spacing between actors, in ring spacings; a crowded cell gets more rows inside its band. */
const SLOT = 0.05;
const MAX_ROWS = 9;

/**
 * Spreads a cell's actors evenly over its wedge; when one row would put them
 * closer than SLOT, they go on several rows across the ring's band (±0.4 ring
 * spacing), in order, so a thousand local actors stay apart.
 */
function spread(cell: RingNode[], wedge: Wedge, radius: number, unit: number): void {
  const span = wedge.end - wedge.start;
  const rows = Math.max(1, Math.min(MAX_ROWS, Math.ceil((cell.length * SLOT * unit) / (span * radius))));
  const perRow = Math.ceil(cell.length / rows);
  cell.forEach((p, i) => {
    const row = i % rows;
    const slot = Math.floor(i / rows);
    const r = rows === 1 ? radius : radius + unit * 0.8 * (row / (rows - 1) - 0.5);
    // Odd rows shifted by half a slot: a staggered grid, not radial lines.
    p.angle = wedge.start + (span * (slot + (row % 2 ? 0.75 : 0.25) + (rows === 1 ? 0.25 : 0))) / perRow;
    p.x = Math.cos(p.angle) * r;
    p.y = Math.sin(p.angle) * r;
  });
}

/** Actors with links to another level, ranked by how many distinct levels and links they bridge. */
export function levelConnectors(layout: RingsLayout, links: ActorLink[]): Array<{ id: string; levels: number; links: number }> {
  const seen = new Map<string, { levels: Set<string>; links: number }>();
  for (const l of links) {
    const a = layout.nodes.get(l.source);
    const b = layout.nodes.get(l.target);
    if (!a || !b || a.ring === b.ring || a.ring === 'none' || b.ring === 'none') continue;
    for (const [p, q] of [[a, b], [b, a]] as const) {
      let entry = seen.get(p.node.id);
      if (!entry) seen.set(p.node.id, (entry = { levels: new Set(), links: 0 }));
      entry.levels.add(q.ring);
      entry.links++;
    }
  }
  return [...seen.entries()]
    .map(([id, e]) => ({ id, levels: e.levels.size, links: e.links }))
    .sort((a, b) => b.levels - a.levels || b.links - a.links || a.id.localeCompare(b.id));
}
