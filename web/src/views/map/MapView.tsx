// Spain map in WebGL: actors at the d3-geo projection of their coordinates
// (conic conformal, Canary Islands in an inset), or at the centre of their
// province/community, drawn by sigma on fixed positions over the province and
// community boundaries (a background layer that moves with the camera).
// Zoomed out, actors are bubbles per province, then per municipality, sized by
// count (a click zooms in to the bubble); zoomed in, each actor with its links.
// Actors abroad or without a place are a count and a list beside the map.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import Graph from 'graphology';
import type Sigma from 'sigma';
import { geoPath, type GeoPermissibleObjects } from 'd3';
import type { ViewProps } from '../../state/types.ts';
import { useT } from '../../i18n/index.ts';
import { actorColouring } from '../rings/actorColouring.ts';
import { term } from '../../graph-data/terms.ts';
import { Legend } from '../network/Legend.tsx';
import { actorLinks } from '../rings/actorLinks.ts';
import { nodeRadius } from '../rings/nodeSizes.ts';
import { NodeButtons } from '../rings/NodeButtons.tsx';
import { fixedSigma, graphY, type FixedNode } from '../network/fixedSigma.ts';
import { backgroundLayer, svgElement } from '../network/backgroundLayer.ts';
import { sigmaToPNG, sigmaToSVG } from '../network/exportImage.ts';
import { useCameraZoom } from '../network/useCameraZoom.ts';
import { useFixedFocus } from '../network/useFixedFocus.ts';
import { CANARY_REGION, DENSE_SPIRAL, SPARSE_SPIRAL, aggregate, featureCentres, makeFrame, placeActors, type Frame, type GeoCollection } from './placement.ts';
import '../rings/views.css';

const LINK = '#56606b';
const BUBBLE = '#3d6fb6';
const MAX_LINKS = 4000;
/** Actors outside the map listed beside it (the table view lists them all). */
const OUTSIDE_LISTED = 300;
/** Drawing size of the map (sigma fits it to the screen). */
const WIDTH = 1000;
const HEIGHT = 820;
/** Above this many placed actors, zoomed-out views count them in bubbles. */
export const AGGREGATE_ABOVE = 40;
/** Camera ratios (1 = whole map) where the drawing switches from provinces to municipalities to actors. */
export const TIER_RATIOS = { province: 0.55, municipality: 0.16 } as const;
export type Tier = 'province' | 'municipality' | 'actor';

export function tierAt(ratio: number, aggregated: boolean): Tier {
  if (!aggregated) return 'actor';
  return ratio > TIER_RATIOS.province ? 'province' : ratio > TIER_RATIOS.municipality ? 'municipality' : 'actor';
}

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

/** Provinces, communities and the Canary inset box as SVG paths in drawing coordinates. */
function drawBoundaries(world: SVGGElement, frame: Frame, geo: Geometry): void {
  const main = geoPath(frame.main);
  const canary = geoPath(frame.canary);
  const draw = (f: GeoCollection['features'][number], isCanary: boolean) => (isCanary ? canary : main)(f as unknown as GeoPermissibleObjects) ?? '';
  for (const f of geo.provinces.features) {
    const path = svgElement('path', { d: draw(f, f.properties.cod_ccaa === CANARY_REGION), fill: '#e5e9ee', stroke: '#ffffff', 'stroke-width': 0.8, 'vector-effect': 'non-scaling-stroke' });
    path.append(svgElement('title', {}, f.properties.name));
    world.append(path);
  }
  for (const f of geo.regions.features) {
    world.append(svgElement('path', { d: draw(f, f.properties.cod_ccaa === CANARY_REGION), fill: 'none', stroke: '#9aa5b1', 'stroke-width': 1, 'vector-effect': 'non-scaling-stroke' }));
  }
  const i = frame.inset;
  world.append(svgElement('rect', { x: i.x, y: i.y, width: i.width, height: i.height, fill: 'none', stroke: '#9aa5b1', 'vector-effect': 'non-scaling-stroke' }));
}

export function MapView({ data, state, select, update, metrics, exporter }: ViewProps) {
  const t = useT();
  const titleId = useId();
  const container = useRef<HTMLDivElement>(null);
  const { rendererRef, focusRef, setHover } = useFixedFocus(state);
  const [geo, setGeo] = useState<Geometry | null>(null);
  const [geoError, setGeoError] = useState<string | null>(null);
  const [tier, setTier] = useState<Tier>('actor');

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
  const frame = useMemo(() => (geo ? makeFrame(WIDTH, HEIGHT, geo.provinces) : null), [geo]);
  const provinceCentres = useMemo(() => (frame && geo ? featureCentres(frame, geo.provinces, 'cod_prov') : new Map<string, [number, number]>()), [frame, geo]);
  const { placed, unplaced } = useMemo(() => {
    if (!frame || !geo) return { placed: new Map(), unplaced: [] as typeof actors };
    // Actors on a map that will not be aggregated are seen at full view: spread shared spots wider.
    const spiral = actors.length > AGGREGATE_ABOVE ? DENSE_SPIRAL : SPARSE_SPIRAL;
    return placeActors(frame, actors, geo.provinces, provinceCentres, featureCentres(frame, geo.regions, 'cod_ccaa'), spiral);
  }, [frame, geo, actors, provinceCentres]);
  const aggregated = placed.size > AGGREGATE_ABOVE;
  const bubbles = useMemo(() => {
    if (!geo || !aggregated) return [];
    // Keyed as placement keys them: 'p' + province code, 'r' + community code (the two code lists overlap).
    const names = new Map(geo.provinces.features.map((f) => [`p${f.properties.cod_prov ?? ''}`, f.properties.name]));
    for (const f of geo.regions.features) names.set(`r${f.properties.cod_ccaa ?? ''}`, f.properties.name);
    return aggregate(placed, provinceCentres, names);
  }, [geo, aggregated, placed, provinceCentres]);

  const colours = useMemo(() => actorColouring(data.nodes, actors, state.colourBy, metrics), [data.nodes, actors, state.colourBy, metrics]);
  const sizeOf = useMemo(() => nodeRadius(actors, links, metrics, aggregated ? 2.5 : 4, aggregated ? 7 : 8), [actors, links, metrics, aggregated]);
  const drawn = useMemo(
    () => links.filter((l) => placed.has(l.source) && placed.has(l.target)).sort((a, b) => b.weight - a.weight).slice(0, MAX_LINKS),
    [links, placed],
  );
  const byRegion = useMemo(() => {
    const counts = new Map<string, string[]>();
    for (const p of placed.values()) {
      const region = p.node.place?.region ?? t('rings.noRegion');
      (counts.get(region) ?? counts.set(region, []).get(region)!).push(p.node.id);
    }
    return [...counts.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  }, [placed, t]);

  // Actors and bubbles in one graph; the zoom tier decides, in the reducer, which are drawn.
  const graph = useMemo(() => {
    const g = new Graph({ type: 'undirected', multi: false });
    const soloSpot = new Set<string>();
    const spotSize = new Map<string, number>();
    for (const p of placed.values()) spotSize.set(p.spot, (spotSize.get(p.spot) ?? 0) + 1);
    for (const [spot, n] of spotSize) if (n === 1) soloSpot.add(spot);
    for (const p of placed.values()) {
      const id = p.node.id;
      g.addNode(id, { x: p.x, y: graphY(p.y), size: sizeOf(id), color: colours.colourOf(p.node), label: p.node.name, tier: 'actor', solo: soloSpot.has(p.spot) });
    }
    const largest = Math.max(1, ...bubbles.map((b) => b.members.length));
    for (const b of bubbles) {
      g.addNode(b.id, {
        x: b.x, y: graphY(b.y), color: BUBBLE, tier: b.tier, count: b.members.length, forceLabel: b.members.length >= largest / 4,
        size: (b.tier === 'province' ? 5 : 4) + (b.tier === 'province' ? 20 : 14) * Math.sqrt(b.members.length / largest),
        label: `${b.name} · ${b.members.length}`,
      });
    }
    for (const l of drawn) g.addEdge(l.source, l.target, { color: LINK, size: Math.min(3, 0.5 + Math.sqrt(l.weight) * 0.5) });
    return g;
  }, [placed, bubbles, drawn, sizeOf, colours]);

  useEffect(() => {
    const el = container.current;
    if (!el || !frame || !geo) return;
    let current: Tier = 'actor';
    const renderer = fixedSigma(graph, el, {
      labels: state.labels,
      focus: () => focusRef.current,
      bbox: { x: [0, WIDTH], y: [-HEIGHT, 0] },
      // Links join actors: drawn only when actors are.
      hideEdges: () => current !== 'actor',
      base: (_node, a) => {
        const nodeTier = a.tier as Tier;
        const shown = current === 'actor' ? nodeTier === 'actor' : current === 'province' ? nodeTier === 'province' : nodeTier === 'municipality' || (nodeTier === 'actor' && a.solo === true);
        return shown ? a : { ...a, hidden: true };
      },
    });
    rendererRef.current = renderer;
    const background = backgroundLayer(renderer);
    drawBoundaries(background.world, frame, geo);
    background.svg.prepend(svgElement('title', { id: titleId }, t('geo.mapAria', { placed: placed.size, unplaced: unplaced.length, links: drawn.length })));
    const applyTier = () => {
      const next = tierAt(renderer.getCamera().getState().ratio, aggregated);
      if (next === current) return;
      current = next;
      setTier(next);
      publish();
      renderer.refresh();
    };
    const publish = () => {
      (window as unknown as { __atlasMap?: unknown }).__atlasMap = {
        tier: current, aggregated, placed: placed.size, unplaced: unplaced.length, bubbles: bubbles.length,
        // Spain's projected extent in graph coordinates (the mainland frame and the Canary inset), for tests.
        bounds: spainBounds(frame, geo),
      };
    };
    renderer.getCamera().on('updated', applyTier);
    current = tierAt(renderer.getCamera().getState().ratio, aggregated);
    setTier(current);
    publish();
    renderer.refresh();
    renderer.on('clickNode', ({ node }) => {
      const a = graph.getNodeAttributes(node) as FixedNode & { tier: Tier };
      if (a.tier === 'actor') return select(node);
      // A bubble: zoom in to it, to the next tier.
      const d = renderer.getNodeDisplayData(node);
      if (!d) return;
      const ratio = a.tier === 'province' ? TIER_RATIOS.province * 0.6 : TIER_RATIOS.municipality * 0.5;
      void renderer.getCamera().animate({ x: d.x, y: d.y, ratio }, { duration: 400 });
    });
    renderer.on('enterNode', ({ node }) => {
      el.style.cursor = 'pointer';
      if (graph.getNodeAttribute(node, 'tier') !== 'actor') return;
      focusRef.current = { ...focusRef.current, hover: node };
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on('leaveNode', () => {
      el.style.cursor = '';
      if (!focusRef.current.hover) return;
      focusRef.current = { ...focusRef.current, hover: null };
      renderer.refresh({ skipIndexation: true });
    });
    exporter.current = { toPNG: () => sigmaToPNG(renderer, { under: background.svg, over: background.overlay }), toSVG: () => sigmaToSVG(renderer, { under: background.svg, over: background.overlay }) };
    (window as unknown as { __atlasSigma?: Sigma }).__atlasSigma = renderer;
    window.dispatchEvent(new CustomEvent('atlas:first-map', { detail: { nodes: graph.order, edges: graph.size, view: 'map' } }));
    return () => {
      exporter.current = null;
      background.kill();
      renderer.kill();
      rendererRef.current = null;
      delete (window as unknown as { __atlasSigma?: Sigma }).__atlasSigma;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph, frame, geo, t]);

  /** Keyboard route to a bubble: the camera goes to it as a click would. */
  const zoomTo = (id: string, ratio: number) => {
    const renderer = rendererRef.current;
    const d = renderer?.getNodeDisplayData(id);
    if (renderer && d) void renderer.getCamera().animate({ x: d.x, y: d.y, ratio }, { duration: 400 });
  };

  const zoom = useCameraZoom(rendererRef);
  const buttons = useMemo(
    () => [...placed.values()].map((p) => ({ id: p.node.id, label: `${p.node.name} — ${term(t, 'kind', p.node.kind)}, ${t(`map.precision.${p.precision}`)}` })),
    [placed, t],
  );
  const provinceBubbles = useMemo(() => bubbles.filter((b) => b.tier === 'province').sort((a, b) => b.members.length - a.members.length), [bubbles]);

  return (
    <div className="map-view tools-view" data-testid="map-view">
      <div className="view-toolbar" role="toolbar" aria-label={t('map.controls')}>
        <button type="button" onClick={() => zoom(1.5)} aria-label={t('network.zoomIn')}>+</button>
        <button type="button" onClick={() => zoom(1 / 1.5)} aria-label={t('network.zoomOut')}>−</button>
        <button type="button" onClick={() => void rendererRef.current?.getCamera().animatedReset({ duration: 300 })}>{t('network.fit')}</button>
        <span className="muted" data-testid="map-tier">{aggregated ? t(`geo.tier.${tier}`) : t('map.hint')}</span>
      </div>
      <div className="chart-box">
        {geoError && <p role="alert" className="error view-message">{t('map.geoError', { message: geoError })}</p>}
        {!geo && !geoError && <p role="status" className="view-message">{t('load.progress')}</p>}
        <div ref={container} className="sigma-container" role="img" aria-labelledby={titleId} data-testid="map-canvas" />
        <NodeButtons title={t('geo.actorList')} className="map-node" buttons={buttons} select={select} setHover={setHover} selection={state.selection} />
      </div>
      <aside className="view-aside" aria-labelledby={`${titleId}-where`}>
        <Legend entries={colours.legend} title={t(`colourBy.${state.colourBy}`)} />
        <h2 id={`${titleId}-where`}>{t('map.where')}</h2>
        <p className="muted">{aggregated ? t('geo.bubblesHint') : t('geo.keyShapes')}</p>
        {provinceBubbles.length > 0 ? (
          <ul className="ranked-list plain" data-testid="map-provinces">
            {provinceBubbles.map((b) => (
              <li key={b.id}>
                <button type="button" className="link" onClick={() => zoomTo(b.id, TIER_RATIOS.province * 0.6)}>{b.name}</button>{' '}
                <span className="muted">({t.formatNumber(b.members.length)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <ul className="ranked-list plain">
            {byRegion.map(([region, ids]) => (
              <li key={region}>
                <button type="button" className="link" onClick={() => update({ highlight: ids })}>{region}</button>{' '}
                <span className="muted">({t.formatNumber(ids.length)})</span>
              </li>
            ))}
          </ul>
        )}
        <h3 data-testid="map-outside-count">{t('map.bandTitle', { count: t.formatNumber(unplaced.length) })}</h3>
        <p className="muted">{t('geo.unplacedHint')}</p>
        <ul className="ranked-list plain map-unplaced" data-testid="map-outside">
          {unplaced.slice(0, OUTSIDE_LISTED).map((node) => (
            <li key={node.id} data-id={node.id}>
              <button type="button" className="link" onClick={() => select(node.id)} aria-label={`${node.name} — ${t('map.inBand')}`}>
                {node.name}
              </button>{' '}
              <span className="muted">{node.level ? term(t, 'level', node.level) : t('rings.noLevel')}</span>
            </li>
          ))}
        </ul>
        {unplaced.length > OUTSIDE_LISTED && <p className="muted">{t('legend.more', { count: t.formatNumber(unplaced.length - OUTSIDE_LISTED) })}</p>}
        <p className="map-attribution">{t('map.attribution')}</p>
      </aside>
    </div>
  );
}

/** Spain's projected extent in graph coordinates (y up): the mainland with the Balearics, Ceuta and Melilla, and the Canary inset. */
function spainBounds(frame: Frame, geo: Geometry) {
  const main = geoPath(frame.main);
  const canary = geoPath(frame.canary);
  const boxes = geo.provinces.features.map((f) => (f.properties.cod_ccaa === CANARY_REGION ? canary : main).bounds(f as unknown as GeoPermissibleObjects));
  const mainBoxes = boxes.filter((_, i) => geo.provinces.features[i].properties.cod_ccaa !== CANARY_REGION);
  const canaryBoxes = boxes.filter((_, i) => geo.provinces.features[i].properties.cod_ccaa === CANARY_REGION);
  const union = (bs: typeof boxes) => ({
    x: [Math.min(...bs.map((b) => b[0][0])), Math.max(...bs.map((b) => b[1][0]))],
    y: [-Math.max(...bs.map((b) => b[1][1])), -Math.min(...bs.map((b) => b[0][1]))],
  });
  return { main: union(mainBoxes), canary: union(canaryBoxes) };
}
