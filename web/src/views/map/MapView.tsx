// Spain map: provinces and autonomous communities (d3-geo, conic conformal,
// Canary Islands in an inset), actors at their municipality coordinates or at
// the centre of their province/community, actors abroad or without a place in
// a band around the map, and actor–actor links as arcs.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { nodeButtonHandlers } from '../rings/nodeButton.ts';
import { HaloLabels } from '../rings/HaloLabels.tsx';
import { geoPath, type GeoPermissibleObjects } from 'd3';
import type { ViewProps } from '../../state/types.ts';
import { useT } from '../../i18n/index.ts';
import { actorColouring } from '../rings/actorColouring.ts';
import { term } from '../../graph-data/terms.ts';
import { Legend } from '../network/Legend.tsx';
import { svgMarkup, svgToPNG } from '../../export/svgImage.ts';
import { actorLinks } from '../rings/actorLinks.ts';
import { nodeRadius, neighbourSet } from '../rings/nodeSizes.ts';
import { useSize } from '../rings/useSize.ts';
import { useZoom } from '../rings/useZoom.ts';
import { visibleLabels, type LabelCandidate } from '../rings/labels.ts';
import { CANARY_REGION, featureCentres, makeFrame, placeActors, type GeoCollection, type Placed } from './placement.ts';
import '../rings/views.css';

const LINK = '#56606b';
const DIMMED = '#e4e7eb';
const MAX_LINKS = 4000;
/** Actors outside the map listed in the side panel (the table view lists them all). */
const OUTSIDE_LISTED = 300;

interface Geometry {
  provinces: GeoCollection;
  regions: GeoCollection;
}

let geometry: Promise<Geometry> | null = null;
/** Fetched once per page (static files next to the app, see web/public/geo/ATTRIBUTION.md). */
function loadGeometry(): Promise<Geometry> {
  const get = (name: string) =>
    fetch(`${import.meta.env.BASE_URL}geo/${name}`).then((r) => {
      if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
      return r.json() as Promise<GeoCollection>;
    });
  geometry ??= Promise.all([get('spain-provinces.json'), get('spain-ccaa.json')]).then(([provinces, regions]) => ({ provinces, regions }));
  geometry.catch(() => (geometry = null));
  return geometry;
}

/** An arc from a to b, bulging to the left of the direction of travel by a fifth of its length. */
function arcPath(a: Placed, b: Placed): string {
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const cx = mx - dy * 0.2;
  const cy = my + dx * 0.2;
  return `M${a.x.toFixed(1)},${a.y.toFixed(1)}Q${cx.toFixed(1)},${cy.toFixed(1)} ${b.x.toFixed(1)},${b.y.toFixed(1)}`;
}

export function MapView({ data, state, select, update, metrics, exporter }: ViewProps) {
  const t = useT();
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const { width, height } = useSize(box);
  const { transform, zoomIn, zoomOut, reset } = useZoom(svg);
  const [geo, setGeo] = useState<Geometry | null>(null);
  const [geoError, setGeoError] = useState<string | null>(null);
  const [hover, setHover] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadGeometry()
      .then((g) => live && setGeo(g))
      .catch((e: unknown) => live && setGeoError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, []);

  const actors = useMemo(() => data.nodes.filter((n) => n.label === 'Actor'), [data.nodes]);
  const links = useMemo(() => actorLinks(data), [data]);
  const frame = useMemo(() => (geo && width > 0 ? makeFrame(width, height, geo.provinces) : null), [geo, width, height]);
  const placed = useMemo(() => {
    if (!frame || !geo) return new Map<string, Placed>();
    return placeActors(frame, actors, links, featureCentres(frame, geo.provinces, 'cod_prov'), featureCentres(frame, geo.regions, 'cod_ccaa'));
  }, [frame, geo, actors, links]);
  const paths = useMemo(() => {
    if (!frame || !geo) return null;
    const main = geoPath(frame.main);
    const canary = geoPath(frame.canary);
    const draw = (f: GeoCollection['features'][number], isCanary: boolean) => (isCanary ? canary : main)(f as unknown as GeoPermissibleObjects) ?? '';
    return {
      provinces: geo.provinces.features.map((f) => ({ id: f.properties.cod_prov!, name: f.properties.name, d: draw(f, f.properties.cod_ccaa === CANARY_REGION) })),
      regions: geo.regions.features.map((f) => ({ id: f.properties.cod_ccaa!, d: draw(f, f.properties.cod_ccaa === CANARY_REGION) })),
    };
  }, [frame, geo]);

  const colours = useMemo(() => actorColouring(data.nodes, actors, state.colourBy, metrics), [data.nodes, actors, state.colourBy, metrics]);
  const sizeOf = useMemo(() => nodeRadius(actors, links, metrics, 4, 8), [actors, links, metrics]);
  const neighbours = useMemo(() => neighbourSet(hover, links), [hover, links]);
  const focus = neighbours ?? (state.highlight.length ? new Set(state.highlight) : null);
  const drawn = useMemo(
    () => links.filter((l) => placed.has(l.source) && placed.has(l.target)).sort((a, b) => b.weight - a.weight).slice(0, MAX_LINKS),
    [links, placed],
  );
  const labelled = useMemo(() => {
    const ranked = [...placed.values()].sort((a, b) => sizeOf(b.node.id) - sizeOf(a.node.id));
    return new Set(ranked.slice(0, Math.max(10, Math.round(state.labels * ranked.length))).map((p) => p.node.id));
  }, [placed, sizeOf, state.labels]);
  const banded = useMemo(() => [...placed.values()].filter((p) => p.precision === 'band'), [placed]);
  // Abroad or without a place: in the band when it holds them, else only listed (see placeActors).
  const outside = useMemo(
    () =>
      frame
        ? actors.filter((a) => {
            const p = placed.get(a.id);
            return !p || p.precision === 'band';
          })
        : [],
    [frame, actors, placed],
  );
  const byRegion = useMemo(() => {
    const counts = new Map<string, string[]>();
    for (const p of placed.values()) {
      if (p.precision === 'band') continue;
      const region = p.node.place?.region ?? t('rings.noRegion');
      (counts.get(region) ?? counts.set(region, []).get(region)!).push(p.node.id);
    }
    return [...counts.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  }, [placed, t]);

  const k = transform.k;
  const labelFont = 11 / Math.sqrt(k);
  const labels = useMemo(() => {
    if (!frame) return [];
    const candidates: LabelCandidate[] = [];
    for (const p of placed.values()) {
      const id = p.node.id;
      const forced = state.selection === id || hover === id;
      if (!forced && !(focus ? focus.has(id) : labelled.has(id))) continue;
      const r = sizeOf(id) / Math.sqrt(k) + 3;
      const leftSide = p.x > frame.width - frame.band - 140;
      const text = p.node.name.length > 30 ? `${p.node.name.slice(0, 28)}…` : p.node.name;
      candidates.push({ id, x: p.x + (leftSide ? -r : r), y: p.y, anchor: leftSide ? 'end' : 'start', text, priority: sizeOf(id), force: forced });
    }
    const shown = visibleLabels(candidates, labelFont);
    return candidates.filter((c) => shown.has(c.id));
  }, [frame, placed, focus, labelled, sizeOf, state.selection, hover, k, labelFont]);

  useEffect(() => {
    exporter.current = { toPNG: () => svgToPNG(svg.current!), toSVG: () => svgMarkup(svg.current!) };
    return () => {
      exporter.current = null;
    };
  }, [exporter]);

  const half = frame ? frame.band / 2 : 0;
  return (
    <div className="map-view tools-view" data-testid="map-view">
      <div className="view-toolbar" role="toolbar" aria-label={t('map.controls')}>
        <button type="button" onClick={zoomIn} aria-label={t('network.zoomIn')}>+</button>
        <button type="button" onClick={zoomOut} aria-label={t('network.zoomOut')}>−</button>
        <button type="button" onClick={reset}>{t('network.fit')}</button>
        <span className="muted">{t('map.hint')}</span>
      </div>
      <div className="chart-box" ref={box}>
        {geoError && <p role="alert" className="error view-message">{t('map.geoError', { message: geoError })}</p>}
        <svg ref={svg} width="100%" height="100%" role="group" aria-labelledby={titleId} className="map-svg">
          <title id={titleId}>{t('map.aria', { placed: placed.size - banded.length, band: outside.length, links: drawn.length })}</title>
          {frame && paths && (
            <g transform={`translate(${transform.x},${transform.y}) scale(${k})`}>
              <rect x={half} y={half} width={frame.width - 2 * half} height={frame.height - 2 * half} fill="none" stroke="#c5cbd3" strokeDasharray="6 5" rx={12} aria-hidden="true" />
              {banded.length > 0 && (
                <text x={frame.band + 4} y={half - 8} fontSize={11} fill="#52606d" aria-hidden="true">
                  {t('map.band')}
                </text>
              )}
              <g aria-hidden="true">
                {paths.provinces.map((p) => (
                  <path key={p.id} d={p.d} fill="#eef1f4" stroke="#ffffff" strokeWidth={0.8 / k}>
                    <title>{p.name}</title>
                  </path>
                ))}
                {paths.regions.map((r) => (
                  <path key={r.id} d={r.d} fill="none" stroke="#9aa5b1" strokeWidth={1 / k} />
                ))}
                <rect x={frame.inset.x} y={frame.inset.y} width={frame.inset.width} height={frame.inset.height} fill="none" stroke="#9aa5b1" strokeWidth={1 / k} />
              </g>
              <g aria-hidden="true">
                {drawn.map((l) => {
                  const a = placed.get(l.source)!;
                  const b = placed.get(l.target)!;
                  const on = !focus || (focus.has(l.source) && focus.has(l.target));
                  return (
                    <path
                      key={`${l.source}|${l.target}`}
                      d={arcPath(a, b)}
                      fill="none"
                      stroke={on ? LINK : DIMMED}
                      strokeOpacity={on ? 0.55 : 0.4}
                      strokeWidth={Math.min(4, 0.8 + Math.sqrt(l.weight) * 0.6) / Math.sqrt(k)}
                    />
                  );
                })}
              </g>
              {[...placed.values()].map((p) => {
                const on = !focus || focus.has(p.node.id);
                const selected = state.selection === p.node.id;
                const where = p.precision === 'band' ? t('map.inBand') : t(`map.precision.${p.precision}`);
                return (
                  <g
                    key={p.node.id}
                    className="map-node"
                    transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)}) scale(${1 / Math.sqrt(k)})`}
                    role="button"
                    tabIndex={0}
                    aria-pressed={selected}
                    aria-label={`${p.node.name} — ${term(t, 'kind', p.node.kind)}, ${where}`}
                    data-id={p.node.id}
                    {...nodeButtonHandlers(p.node.id, select, setHover)}
                  >
                    {p.precision === 'band' || p.precision === 'point' ? (
                      <circle r={sizeOf(p.node.id)} fill={on ? colours.colourOf(p.node) : DIMMED} stroke={selected ? '#111827' : '#ffffff'} strokeWidth={selected ? 3 : 1.2} />
                    ) : (
                      // Placed at a province/region centre: a square says "somewhere in here".
                      <rect
                        x={-sizeOf(p.node.id)}
                        y={-sizeOf(p.node.id)}
                        width={2 * sizeOf(p.node.id)}
                        height={2 * sizeOf(p.node.id)}
                        fill={on ? colours.colourOf(p.node) : DIMMED}
                        stroke={selected ? '#111827' : '#ffffff'}
                        strokeWidth={selected ? 3 : 1.2}
                      />
                    )}
                  </g>
                );
              })}
              <HaloLabels labels={labels} fontSize={labelFont} selection={state.selection} />
            </g>
          )}
        </svg>
      </div>
      <aside className="view-aside" aria-labelledby={`${titleId}-where`}>
        <Legend entries={colours.legend} title={t(`colourBy.${state.colourBy}`)} />
        <h2 id={`${titleId}-where`}>{t('map.where')}</h2>
        <p className="muted">{t('map.keyShapes')}</p>
        <ul className="ranked-list plain">
          {byRegion.map(([region, ids]) => (
            <li key={region}>
              <button type="button" className="link" onClick={() => update({ highlight: ids })}>
                {region}
              </button>{' '}
              <span className="muted">({t.formatNumber(ids.length)})</span>
            </li>
          ))}
        </ul>
        <h3>{t('map.bandTitle', { count: t.formatNumber(outside.length) })}</h3>
        <ul className="ranked-list plain" data-testid="map-outside">
          {outside.slice(0, OUTSIDE_LISTED).map((node) => (
            <li key={node.id}>
              <button type="button" className="link" onClick={() => select(node.id)}>
                {node.name}
              </button>{' '}
              <span className="muted">{node.level ? term(t, 'level', node.level) : t('rings.noLevel')}</span>
            </li>
          ))}
        </ul>
        {outside.length > OUTSIDE_LISTED && <p className="muted">{t('legend.more', { count: t.formatNumber(outside.length - OUTSIDE_LISTED) })}</p>}
        <p className="map-attribution">{t('map.attribution')}</p>
      </aside>
    </div>
  );
}
