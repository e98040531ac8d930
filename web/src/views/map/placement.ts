// Where each actor goes on the Spain map: its own coordinates, else the
// centre of its province or autonomous community, else (foreign, international
// or without a place) a slot in the band around the map, on the side facing
// its partners. Actors sharing a spot are fanned out on a small spiral.
import { geoConicConformal, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3';
import type { GraphNode } from '../../state/types.ts';
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

export type Precision = 'point' | 'province' | 'region' | 'band';

export interface Placed {
  node: GraphNode;
  x: number;
  y: number;
  precision: Precision;
}

export interface Frame {
  width: number;
  height: number;
  /** Width of the band around the map. */
  band: number;
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

/** Projections fitted to the frame: the peninsula, Balearics, Ceuta and Melilla in the middle, the Canaries in an inset at the bottom left. */
export function makeFrame(width: number, height: number, provinces: GeoCollection): Frame {
  const band = Math.max(46, Math.min(80, Math.min(width, height) * 0.09));
  const mainland: GeoCollection = { type: 'FeatureCollection', features: provinces.features.filter((f) => !CANARY_PROVINCES.has(f.properties.cod_prov ?? '')) };
  const islands: GeoCollection = { type: 'FeatureCollection', features: provinces.features.filter((f) => CANARY_PROVINCES.has(f.properties.cod_prov ?? '')) };
  const main = geoConicConformal().rotate([3.5, 0]).parallels([37, 43]);
  main.fitExtent([[band + 10, band + 6], [width - band - 10, height - band - 6]], mainland as unknown as GeoPermissibleObjects);
  const insetWidth = Math.max(110, (width - 2 * band) * 0.26);
  const insetHeight = insetWidth * 0.45;
  const inset = { x: band + 6, y: height - band - insetHeight - 6, width: insetWidth, height: insetHeight };
  const canary = geoConicConformal().rotate([15.5, 0]).parallels([27, 29]);
  canary.fitExtent([[inset.x + 6, inset.y + 6], [inset.x + inset.width - 6, inset.y + inset.height - 6]], islands as unknown as GeoPermissibleObjects);
  return { width, height, band, main, canary, inset };
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

/** How many actors the band around the map holds at a readable spacing (one every 14 px of its perimeter). */
export function bandCapacity(frame: Frame): number {
  const half = frame.band / 2;
  return Math.floor((2 * (frame.width - 2 * half + frame.height - 2 * half)) / 14);
}

/**
 * Places every actor that has a place; the others go in the band around the
 * map when they fit there (bandCapacity), else they are not placed at all. `provinceCentres`/`regionCentres` come from featureCentres.
 * Band slots go clockwise around the frame starting at the top left, sorted by
 * the direction of each actor's located partners from the map centre.
 */
export function placeActors(
  frame: Frame,
  actors: GraphNode[],
  links: ActorLink[],
  provinceCentres: Map<string, [number, number]>,
  regionCentres: Map<string, [number, number]>,
): Map<string, Placed> {
  const placed = new Map<string, Placed>();
  const banded: GraphNode[] = [];
  for (const node of actors) {
    let xy: [number, number] | null = null;
    let precision: Precision = 'point';
    const foreign = node.place?.country !== undefined && node.place.country !== 'ES';
    if (!foreign && typeof node.lat === 'number' && typeof node.lon === 'number') xy = project(frame, node.lon, node.lat);
    if (!xy && !foreign && node.place?.provinceCode) {
      xy = provinceCentres.get(node.place.provinceCode) ?? null;
      precision = 'province';
    }
    const region = regionCodeOf(node);
    if (!xy && !foreign && region) {
      xy = regionCentres.get(region) ?? null;
      precision = 'region';
    }
    if (xy) placed.set(node.id, { node, x: xy[0], y: xy[1], precision });
    else banded.push(node);
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
      const r = 9 * Math.sqrt(i + 0.5);
      const a = i * 2.39996;
      p.x = cx + r * Math.cos(a);
      p.y = cy + r * Math.sin(a);
    });
  }

  // A band of hundreds of actors is an unreadable frieze: past what fits at a
  // readable spacing, actors without a place are only a count and a list.
  if (banded.length && banded.length <= bandCapacity(frame)) {
    const cx = frame.width / 2;
    const cy = frame.height / 2;
    const direction = (node: GraphNode): number => {
      let sx = 0;
      let sy = 0;
      for (const l of links) {
        const other = l.source === node.id ? l.target : l.target === node.id ? l.source : null;
        const p = other ? placed.get(other) : undefined;
        if (p) {
          sx += p.x - cx;
          sy += p.y - cy;
        }
      }
      // Clockwise from the top left corner, as the band slots are numbered.
      const a = sx === 0 && sy === 0 ? Math.PI : Math.atan2(sy, sx);
      const fromTopLeft = a - Math.atan2(-cy, -cx);
      return (fromTopLeft + Math.PI * 4) % (Math.PI * 2);
    };
    const keyed = banded.map((node) => ({ node, key: direction(node) }));
    keyed.sort((a, b) => a.key - b.key || a.node.name.localeCompare(b.node.name));
    const half = frame.band / 2;
    const w = frame.width - 2 * half;
    const h = frame.height - 2 * half;
    const perimeter = 2 * (w + h);
    keyed.forEach(({ node }, i) => {
      const d = (perimeter * (i + 0.5)) / keyed.length;
      let x: number;
      let y: number;
      if (d < w) [x, y] = [half + d, half];
      else if (d < w + h) [x, y] = [half + w, half + d - w];
      else if (d < 2 * w + h) [x, y] = [half + w - (d - w - h), half + h];
      else [x, y] = [half, half + h - (d - 2 * w - h)];
      placed.set(node.id, { node, x, y, precision: 'band' });
    });
  }
  return placed;
}
