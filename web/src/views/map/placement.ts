// Where each actor goes on the Spain map: its own coordinates, else the
// centre of its province or autonomous community; actors abroad or without a
// place are not drawn (the view lists them). Actors sharing a spot are fanned
// out on a small spiral. Zoomed out, actors are counted per municipality and
// per province (aggregate()).
import { geoConicConformal, geoContains, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3';
import type { GraphNode } from '@atlas/graph/model/schemas.ts';
import type { ActorLink } from '../rings/actorLinks.ts';

export interface GeoFeature {
  type: 'Feature';
  properties: { cod_prov?: string; cod_ccaa?: string; name: string };
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
}
export interface GeoCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

export type Precision = 'point' | 'province' | 'region';

export interface Placed {
  node: GraphNode;
  x: number;
  y: number;
  precision: Precision;
  /** Municipality (or province/region centre) the actor is counted in when zoomed out a little. */
  spot: string;
  /** Province (or region) code the actor is counted in when zoomed out. */
  province: string;
}

export interface Frame {
  width: number;
  height: number;
  main: GeoProjection;
  canary: GeoProjection;
  /** The Canary Islands inset box. */
  inset: { x: number; y: number; width: number; height: number };
}

const CANARY_PROVINCES = new Set(['35', '38']);
export const CANARY_REGION = '05';

export function isCanary(lon: number, lat: number): boolean {
  return lon < -12 && lat < 30;
}

/** Projections fitted to the frame: the peninsula, Balearics, Ceuta and Melilla, and the Canaries in an inset at the bottom left. */
export function makeFrame(width: number, height: number, provinces: GeoCollection): Frame {
  const margin = Math.min(width, height) * 0.02;
  const mainland: GeoCollection = { type: 'FeatureCollection', features: provinces.features.filter((f) => !CANARY_PROVINCES.has(f.properties.cod_prov ?? '')) };
  const islands: GeoCollection = { type: 'FeatureCollection', features: provinces.features.filter((f) => CANARY_PROVINCES.has(f.properties.cod_prov ?? '')) };
  const main = geoConicConformal().rotate([3.5, 0]).parallels([37, 43]);
  main.fitExtent([[margin, margin], [width - margin, height - margin]], mainland as unknown as GeoPermissibleObjects);
  const insetWidth = width * 0.26;
  const insetHeight = insetWidth * 0.45;
  const inset = { x: margin, y: height - margin - insetHeight, width: insetWidth, height: insetHeight };
  const canary = geoConicConformal().rotate([15.5, 0]).parallels([27, 29]);
  canary.fitExtent([[inset.x + 6, inset.y + 6], [inset.x + inset.width - 6, inset.y + inset.height - 6]], islands as unknown as GeoPermissibleObjects);
  return { width, height, main, canary, inset };
}

export function project(frame: Frame, lon: number, lat: number): [number, number] | null {
  return (isCanary(lon, lat) ? frame.canary : frame.main)([lon, lat]);
}

/** Centre of the largest polygon of each feature (a province's islands do not pull it into the sea). */
export function featureCentres(frame: Frame, collection: GeoCollection, key: 'cod_prov' | 'cod_ccaa'): Map<string, [number, number]> {
  const centres = new Map<string, [number, number]>();
  for (const f of collection.features) {
    const code = f.properties[key];
    if (!code) continue;
    const canary = key === 'cod_prov' ? CANARY_PROVINCES.has(code) : code === CANARY_REGION;
    const path = geoPath(canary ? frame.canary : frame.main);
    let best: [number, number] | null = null;
    let bestArea = -1;
    for (const polygon of f.geometry.coordinates) {
      const piece = { type: 'Polygon', coordinates: polygon } as unknown as GeoPermissibleObjects;
      const area = path.area(piece);
      if (area > bestArea) {
        bestArea = area;
        best = path.centroid(piece);
      }
    }
    if (best && Number.isFinite(best[0])) centres.set(code, best);
  }
  return centres;
}

function regionCodeOf(node: GraphNode): string | undefined {
  return node.place?.regionCode ?? (node.place?.ineCode?.length === 2 ? node.place.ineCode : undefined);
}

/** Province code of an actor: its own, its municipality's INE code, else the province its coordinates fall in. */
function provinceOf(node: GraphNode, provinces: GeoCollection): string | undefined {
  const place = node.place;
  if (place?.provinceCode) return place.provinceCode;
  if (place?.ineCode?.length === 5) return place.ineCode.slice(0, 2);
  if (typeof node.lon === 'number' && typeof node.lat === 'number') {
    const p: [number, number] = [node.lon, node.lat];
    const hit = provinces.features.find((f) => geoContains(f as unknown as GeoPermissibleObjects, p));
    if (hit?.properties.cod_prov) return hit.properties.cod_prov;
  }
  return undefined;
}

/** Fan-out spiral step in drawing units on a 1000-unit wide map: hundreds of actors in Madrid stay a small disc (seen zoomed in). */
export const DENSE_SPIRAL = 1.6;
/** A few actors per spot, seen at full view: far enough apart to tell them and their labels apart. */
export const SPARSE_SPIRAL = 7;

/**
 * Places every actor that has a place (coordinates, else province centre, else
 * region centre; never abroad); the others are returned as `unplaced`.
 * `provinceCentres`/`regionCentres` come from featureCentres.
 */
export function placeActors(
  frame: Frame,
  actors: GraphNode[],
  provinces: GeoCollection,
  provinceCentres: Map<string, [number, number]>,
  regionCentres: Map<string, [number, number]>,
  spiral = DENSE_SPIRAL,
): { placed: Map<string, Placed>; unplaced: GraphNode[] } {
  const placed = new Map<string, Placed>();
  const unplaced: GraphNode[] = [];
  for (const node of actors) {
    let xy: [number, number] | null = null;
    let precision: Precision = 'point';
    const foreign = node.place?.country !== undefined && node.place.country !== 'ES';
    const province = foreign ? undefined : provinceOf(node, provinces);
    const region = regionCodeOf(node);
    if (!foreign && typeof node.lat === 'number' && typeof node.lon === 'number') xy = project(frame, node.lon, node.lat);
    if (!xy && province) {
      xy = provinceCentres.get(province) ?? null;
      precision = 'province';
    }
    if (!xy && !foreign && region) {
      xy = regionCentres.get(region) ?? null;
      precision = 'region';
    }
    if (!xy) {
      unplaced.push(node);
      continue;
    }
    const provinceKey = province ? `p${province}` : `r${region ?? ''}`;
    const spot =
      precision === 'point'
        ? node.place?.ineCode?.length === 5
          ? `m${node.place.ineCode}`
          : `xy${xy[0].toFixed(0)},${xy[1].toFixed(0)}`
        : `${precision}:${provinceKey}`;
    placed.set(node.id, { node, x: xy[0], y: xy[1], precision, spot, province: provinceKey });
  }

  // Fan out actors that share a spot (a city council, its lab and its offices…).
  const spots = new Map<string, Placed[]>();
  for (const p of placed.values()) {
    const key = `${Math.round(p.x)},${Math.round(p.y)}`;
    (spots.get(key) ?? spots.set(key, []).get(key)!).push(p);
  }
  for (const group of spots.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => a.node.name.localeCompare(b.node.name));
    const [cx, cy] = [group[0].x, group[0].y];
    group.forEach((p, i) => {
      // Sunflower spiral: even density, no overlap for similar sizes.
      const r = spiral * Math.sqrt(i + 0.5);
      const a = i * 2.39996;
      p.x = cx + r * Math.cos(a);
      p.y = cy + r * Math.sin(a);
    });
  }
  return { placed, unplaced };
}

export interface Bubble {
  id: string;
  tier: 'municipality' | 'province';
  name: string;
  x: number;
  y: number;
  members: string[];
}

/**
 * Actors counted per spot (municipality, or the province/region centre they
 * were placed at) and per province: one bubble each at the members' mean
 * position (province bubbles at the province's centre when known). Names are
 * keyed like `Placed.province` ('p' + province code, 'r' + community code). Spots of a
 * single actor get no bubble (the actor itself is drawn at that zoom).
 */
export function aggregate(placed: Map<string, Placed>, provinceCentres: Map<string, [number, number]>, provinceNames: Map<string, string>): Bubble[] {
  const bubbles: Bubble[] = [];
  const collect = (key: (p: Placed) => string) => {
    const groups = new Map<string, Placed[]>();
    for (const p of placed.values()) {
      const k = key(p);
      (groups.get(k) ?? groups.set(k, []).get(k)!).push(p);
    }
    return groups;
  };
  const mean = (ps: Placed[]): [number, number] => [ps.reduce((s, p) => s + p.x, 0) / ps.length, ps.reduce((s, p) => s + p.y, 0) / ps.length];
  for (const [spot, ps] of collect((p) => p.spot)) {
    if (ps.length < 2) continue;
    const [x, y] = mean(ps);
    const first = ps[0].node.place;
    const name = ps[0].precision === 'point' ? (first?.municipality ?? ps[0].node.name) : (provinceNames.get(ps[0].province) ?? first?.province ?? first?.region ?? '');
    bubbles.push({ id: `bubble:${spot}`, tier: 'municipality', name, x, y, members: ps.map((p) => p.node.id) });
  }
  for (const [province, ps] of collect((p) => p.province)) {
    const centre = province.startsWith('p') ? provinceCentres.get(province.slice(1)) : undefined;
    const [x, y] = centre ?? mean(ps);
    const name = provinceNames.get(province) ?? ps[0].node.place?.province ?? ps[0].node.place?.region ?? '';
    bubbles.push({ id: `bubble:${province}`, tier: 'province', name, x, y, members: ps.map((p) => p.node.id) });
  }
  return bubbles;
}
