// Builds web/public/geo/*.json from a copy of the Spanish boundaries (run once, by hand:
// `node web/scripts/build-geo.mjs <folder with provinces.geojson and ccaa.geojson>`). The source GeoJSON
// is pretty-printed with 6 decimals (~1.4 MB each); at the map's scale one
// pixel is ~1.5 km, so each ring is simplified with Douglas–Peucker at 0.01°
// (~1 km) and coordinates are rounded to 3 decimals. Only the properties the
// map reads are kept. Attribution: web/public/geo/ATTRIBUTION.md.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const source = process.argv[2];
if (!source) {
  console.error('usage: node web/scripts/build-geo.mjs <folder with provinces.geojson and ccaa.geojson>');
  process.exit(2);
}
const out = path.resolve(here, '../public/geo');
const TOLERANCE = 0.01;

function perpendicular(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}

function douglasPeucker(points, tolerance) {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop();
    let max = 0;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicular(points[i], points[first], points[last]);
      if (d > max) [max, index] = [d, i];
    }
    if (max > tolerance && index > 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const round = (v) => Math.round(v * 1000) / 1000;

/** Simplified closed ring, or null when it collapses (islets smaller than the tolerance). */
function simplifyRing(ring) {
  const open = ring.slice(0, -1);
  // Split at the point farthest from the first so the closing vertex is not privileged.
  let far = 0;
  let best = 0;
  open.forEach((p, i) => {
    const d = Math.hypot(p[0] - open[0][0], p[1] - open[0][1]);
    if (d > best) [best, far] = [d, i];
  });
  const a = douglasPeucker(open.slice(0, far + 1), TOLERANCE);
  const b = douglasPeucker([...open.slice(far), open[0]], TOLERANCE);
  const pts = [...a, ...b.slice(1)].map(([x, y]) => [round(x), round(y)]);
  const dedup = pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1][0] || p[1] !== pts[i - 1][1]);
  if (dedup.length < 4) return null;
  dedup[dedup.length - 1] = dedup[0];
  return dedup;
}

function simplify(file, keepProps) {
  const fc = JSON.parse(readFileSync(path.join(source, file), 'utf8'));
  let before = 0;
  let after = 0;
  const features = fc.features.map((f) => {
    const polys = f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates];
    const simplified = [];
    for (const poly of polys) {
      before += poly.reduce((s, r) => s + r.length, 0);
      const outer = simplifyRing(poly[0]);
      if (!outer) continue;
      const holes = poly.slice(1).map(simplifyRing).filter(Boolean);
      simplified.push([outer, ...holes]);
      after += [outer, ...holes].reduce((s, r) => s + r.length, 0);
    }
    const properties = Object.fromEntries(keepProps.map((k) => [k, f.properties[k]]));
    return { type: 'Feature', properties, geometry: { type: 'MultiPolygon', coordinates: simplified } };
  });
  return { fc: { type: 'FeatureCollection', features }, before, after };
}

// Province → CCAA (INE) from the derived table: the GeoJSON's own cod_ccaa is not INE's (SOURCE.md).
const ccaaOfProvince = Object.fromEntries(
  readFileSync(path.join(source, 'provinces.csv'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((cell) => cell.replace(/,$/, '')))
    .map((cells) => [cells[0], cells[3]]),
);

const provinces = simplify('provinces.geojson', ['cod_prov', 'name']);
for (const f of provinces.fc.features) f.properties.cod_ccaa = ccaaOfProvince[f.properties.cod_prov];
const ccaa = simplify('ccaa.geojson', ['cod_ccaa', 'name']);
for (const [name, r] of [['spain-provinces.json', provinces], ['spain-ccaa.json', ccaa]]) {
  const text = JSON.stringify(r.fc);
  writeFileSync(path.join(out, name), text);
  console.log(`${name}: ${r.before} → ${r.after} vertices, ${text.length} bytes`);
}
