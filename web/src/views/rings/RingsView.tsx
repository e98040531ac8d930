// Level rings in WebGL: actors on concentric rings by level (local at the
// centre, international outside, actors without a level on a last dashed
// band), grouped in wedges by kind, region or community, drawn by sigma on
// fixed positions; the ring bands, separators and titles are a background
// layer that moves with the camera. Links that cross rings are drawn strong so
// the actors that connect levels stand out, and are listed beside the chart.
// Every actor is also a button in an off-screen list (keyboard, screen readers).
import { useEffect, useId, useMemo, useRef } from 'react';
import Graph from 'graphology';
import type Sigma from 'sigma';
import type { ViewProps } from '../../state/types.ts';
import { useT } from '../../i18n/index.ts';
import { LEVEL_COLOURS } from '../../graph-data/palette.ts';
import { actorColouring } from './actorColouring.ts';
import { term } from '../../graph-data/terms.ts';
import { Legend } from '../network/Legend.tsx';
import { actorLinks } from './actorLinks.ts';
import { OTHER_GROUP, levelConnectors, ringsLayout, type GroupBy, type RingsLayout } from './layout.ts';
import { nodeRadius } from './nodeSizes.ts';
import { fixedSigma, graphY } from '../network/fixedSigma.ts';
import { backgroundLayer, svgElement } from '../network/backgroundLayer.ts';
import { sigmaToPNG, sigmaToSVG } from '../network/exportImage.ts';
import { useCameraZoom } from '../network/useCameraZoom.ts';
import { useFixedFocus } from '../network/useFixedFocus.ts';
import { NodeButtons } from './NodeButtons.tsx';
import './views.css';

const SAME_LEVEL = '#b8c0cc';
/** Links within a ring, drawn faint when there are thousands (the cross-level ones are the story). */
const SAME_LEVEL_FAINT = 'rgba(184, 192, 204, 0.35)';
const CROSS_LEVEL = '#6a3d9a';
const MAX_LINKS = 4000;
/** Ring spacing in drawing units (sigma fits the drawing to the screen). */
const UNIT = 100;
const GROUPS: GroupBy[] = ['kind', 'region', 'community'];

export function RingsView({ data, state, update, select, metrics, exporter }: ViewProps) {
  const t = useT();
  const titleId = useId();
  const container = useRef<HTMLDivElement>(null);
  const { rendererRef, focusRef, setHover } = useFixedFocus(state);
  const param = state.params['rings.group'];
  const groupBy: GroupBy = param === 'region' || param === 'community' ? param : 'kind';

  const actors = useMemo(() => data.nodes.filter((n) => n.label === 'Actor'), [data.nodes]);
  const links = useMemo(() => actorLinks(data), [data]);
  const layout = useMemo(() => ringsLayout(actors, links, groupBy, UNIT, metrics.community), [actors, links, groupBy, metrics.community]);
  const connectors = useMemo(() => levelConnectors(layout, links), [layout, links]);
  const connectorIds = useMemo(() => new Set(connectors.map((c) => c.id)), [connectors]);
  const colours = useMemo(() => actorColouring(data.nodes, actors, state.colourBy, metrics), [data.nodes, actors, state.colourBy, metrics]);
  const drawn = useMemo(
    () => links.filter((l) => layout.nodes.has(l.source) && layout.nodes.has(l.target)).sort((a, b) => b.weight - a.weight).slice(0, MAX_LINKS),
    [links, layout],
  );
  const big = actors.length > 1000;
  const sizeOf = useMemo(() => nodeRadius(actors, links, metrics, big ? 2 : 4, big ? 8 : 7), [actors, links, metrics, big]);
  const crossCount = useMemo(() => drawn.filter((l) => layout.nodes.get(l.source)!.ring !== layout.nodes.get(l.target)!.ring).length, [drawn, layout]);
  const groupName = (g: string) =>
    g === OTHER_GROUP ? t('geo.otherGroups') : groupBy === 'kind' ? term(t, 'kind', g) : groupBy === 'community' ? (g === '' ? t('geo.noCommunity') : t('legend.community', { n: String(Number(g) + 1) })) : g === '' ? t('rings.noRegion') : g === 'ES' ? t('rings.spainWide') : g;
  const groupNameRef = useRef(groupName);
  groupNameRef.current = groupName;

  const graph = useMemo(() => {
    const g = new Graph({ type: 'undirected', multi: false });
    for (const p of layout.nodes.values()) {
      const id = p.node.id;
      g.addNode(id, { x: p.x, y: graphY(p.y), size: sizeOf(id), color: colours.colourOf(p.node), label: p.node.name, ring: p.ring, bridge: connectorIds.has(id) });
    }
    for (const l of drawn) {
      const cross = layout.nodes.get(l.source)!.ring !== layout.nodes.get(l.target)!.ring;
      g.addEdge(l.source, l.target, { color: cross ? CROSS_LEVEL : drawn.length > 1000 ? SAME_LEVEL_FAINT : SAME_LEVEL, size: Math.min(3, 0.5 + Math.sqrt(l.weight) * 0.5) * (cross ? 1.2 : 1) });
    }
    return g;
  }, [layout, drawn, sizeOf, colours, connectorIds]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const outer = layout.outer + UNIT * 0.5;
    const margin = UNIT * 0.9;
    const renderer = fixedSigma(graph, el, {
      labels: state.labels,
      focus: () => focusRef.current,
      // Wider at the sides: wedge titles and node labels there run horizontally.
      bbox: { x: [-outer - margin * 1.8, outer + margin * 1.8], y: [-outer - margin * 0.6, outer + margin * 0.6] },
    });
    rendererRef.current = renderer;
    const titles = ringTitles(layout, (key) => (key === 'none' ? t('rings.noLevel') : term(t, 'level', key)), groupNameRef.current);
    const background = backgroundLayer(renderer, (toViewport) => {
      for (const { el: text, x, y } of titles.items) {
        const [vx, vy] = toViewport(x, y);
        text.setAttribute('x', vx.toFixed(1));
        text.setAttribute('y', vy.toFixed(1));
      }
    });
    drawRings(background.world, layout);
    background.screen.append(titles.group);
    background.svg.prepend(svgElement('title', { id: titleId }, t('rings.aria', { actors: actors.length, links: drawn.length, cross: crossCount })));
    renderer.refresh();
    renderer.on('clickNode', ({ node }) => select(node));
    renderer.on('enterNode', ({ node }) => {
      focusRef.current = { ...focusRef.current, hover: node };
      el.style.cursor = 'pointer';
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on('leaveNode', () => {
      focusRef.current = { ...focusRef.current, hover: null };
      el.style.cursor = '';
      renderer.refresh({ skipIndexation: true });
    });
    exporter.current = { toPNG: () => sigmaToPNG(renderer, { under: background.svg, over: background.overlay }), toSVG: () => sigmaToSVG(renderer, { under: background.svg, over: background.overlay }) };
    (window as unknown as { __atlasSigma?: Sigma }).__atlasSigma = renderer;
    (window as unknown as { __atlasRings?: unknown }).__atlasRings = { rings: layout.rings, unit: UNIT };
    window.dispatchEvent(new CustomEvent('atlas:first-map', { detail: { nodes: graph.order, edges: graph.size, view: 'rings' } }));
    return () => {
      exporter.current = null;
      background.kill();
      renderer.kill();
      rendererRef.current = null;
      delete (window as unknown as { __atlasSigma?: Sigma }).__atlasSigma;
    };
    // The labels density and the focus are applied in place below; t changes with the language.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [graph, layout, t]);


  const zoom = useCameraZoom(rendererRef);
  const nameOf = (id: string) => layout.nodes.get(id)?.node.name ?? id;
  const buttons = useMemo(
    () =>
      [...layout.nodes.values()].map((p) => ({
        id: p.node.id,
        label: `${p.node.name} — ${term(t, 'level', p.node.level)}, ${term(t, 'kind', p.node.kind)}${connectorIds.has(p.node.id) ? `, ${t('rings.bridge')}` : ''}`,
      })),
    [layout, connectorIds, t],
  );

  return (
    <div className="rings-view tools-view" data-testid="rings-view">
      <div className="view-toolbar" role="toolbar" aria-label={t('rings.controls')}>
        <span className="segmented" role="group" aria-label={t('rings.groupBy')}>
          <span className="toolbar-label" aria-hidden="true">{t('rings.groupBy')}</span>
          {GROUPS.map((g) => (
            <button
              key={g}
              type="button"
              aria-pressed={groupBy === g}
              // Community wedges need the communities: the colouring by community loads them (and matches the wedges).
              onClick={() => update(g === 'community' ? { params: { 'rings.group': g }, colourBy: 'community' } : { params: { 'rings.group': g === 'kind' ? '' : g } })}
            >
              {t(`rings.group.${g}`)}
            </button>
          ))}
        </span>
        <button type="button" onClick={() => zoom(1.5)} aria-label={t('network.zoomIn')}>+</button>
        <button type="button" onClick={() => zoom(1 / 1.5)} aria-label={t('network.zoomOut')}>−</button>
        <button type="button" onClick={() => void rendererRef.current?.getCamera().animatedReset({ duration: 300 })}>{t('network.fit')}</button>
      </div>
      <div className="chart-box">
        {actors.length === 0 && <p className="view-empty">{t('rings.empty')}</p>}
        <div ref={container} className="sigma-container" role="img" aria-labelledby={titleId} data-testid="rings-canvas" />
        <NodeButtons title={t('geo.actorList')} className="ring-node" buttons={buttons} select={select} setHover={setHover} selection={state.selection} />
      </div>
      <aside className="view-aside" aria-labelledby={`${titleId}-bridges`}>
        <Legend entries={colours.legend} title={t(`colourBy.${state.colourBy}`)} />
        <h2 id={`${titleId}-bridges`}>{t('rings.bridges')}</h2>
        <p className="muted">{t('rings.bridgesHint')}</p>
        <p className="link-key">
          <span className="line-swatch" style={{ background: CROSS_LEVEL }} aria-hidden="true" /> {t('rings.crossLinks', { count: crossCount })}
          <br />
          <span className="line-swatch" style={{ background: SAME_LEVEL }} aria-hidden="true" /> {t('rings.sameLinks', { count: drawn.length - crossCount })}
        </p>
        {connectors.length === 0 ? (
          <p>{t('rings.noBridges')}</p>
        ) : (
          <ol className="ranked-list">
            {connectors.slice(0, 12).map((c) => (
              <li key={c.id}>
                <button type="button" className="link" onClick={() => select(c.id)} onMouseEnter={() => setHover(c.id)} onMouseLeave={() => setHover(null)}>
                  {nameOf(c.id)}
                </button>{' '}
                <span className="muted">{t('rings.bridgeStats', { levels: c.levels + 1, links: c.links })}</span>
              </li>
            ))}
          </ol>
        )}
        {drawn.length < links.length && <p className="muted">{t('rings.linksCapped', { shown: drawn.length, total: links.length })}</p>}
        <p className="muted">{t('rings.actorsOnly', { count: data.nodes.length - actors.length })}</p>
      </aside>
    </div>
  );
}

/** Ring bands (level colours, the "no level" band dashed) and wedge separators, in drawing coordinates. */
function drawRings(world: SVGGElement, layout: RingsLayout): void {
  const band = svgElement('g');
  layout.rings.forEach((r, i) => {
    const none = r.key === 'none';
    const inner = i === 0 ? 0 : r.radius - UNIT / 2;
    const outer = r.radius + UNIT / 2;
    // An annulus: two circles, even-odd fill.
    const d = `M${outer},0A${outer},${outer} 0 1,1 ${-outer},0A${outer},${outer} 0 1,1 ${outer},0Z` + (inner > 0 ? `M${inner},0A${inner},${inner} 0 1,0 ${-inner},0A${inner},${inner} 0 1,0 ${inner},0Z` : '');
    band.append(svgElement('path', { d, 'fill-rule': 'evenodd', fill: none ? '#f2f3f5' : LEVEL_COLOURS[r.key], 'fill-opacity': none ? 0.7 : 0.08 }));
    band.append(
      svgElement('circle', {
        r: r.radius, fill: 'none', stroke: none ? '#9aa3ad' : LEVEL_COLOURS[r.key], 'stroke-opacity': 0.6, 'vector-effect': 'non-scaling-stroke',
        ...(none ? { 'stroke-dasharray': '4 4' } : {}),
      }),
    );
  });
  if (layout.wedges.length > 1) {
    for (const w of layout.wedges) {
      const a = w.start - 0.02;
      band.append(svgElement('line', {
        x1: Math.cos(a) * UNIT * 0.4, y1: Math.sin(a) * UNIT * 0.4, x2: Math.cos(a) * (layout.outer + UNIT * 0.5), y2: Math.sin(a) * (layout.outer + UNIT * 0.5),
        stroke: '#c9d0d8', 'vector-effect': 'non-scaling-stroke',
      }));
    }
  }
  world.append(band);
}

/** Ring names at 12 o'clock and wedge titles outside the last ring: text in pixels, anchored to drawing points. */
function ringTitles(layout: RingsLayout, ringName: (key: string) => string, groupName: (g: string) => string) {
  const group = svgElement('g', { 'font-size': 12, 'font-weight': 600, fill: '#1f2933', stroke: '#ffffff', 'stroke-width': 4, 'paint-order': 'stroke' });
  const items: Array<{ el: SVGTextElement; x: number; y: number }> = [];
  for (const r of layout.rings) {
    const el = svgElement('text', { 'text-anchor': 'middle', dy: '0.35em' }, ringName(r.key));
    items.push({ el, x: 0, y: -r.radius });
  }
  for (const w of layout.wedges) {
    const mid = (w.start + w.end) / 2;
    const rr = layout.outer + UNIT * 0.5 + 12;
    const anchor = Math.abs(Math.cos(mid)) < 0.25 ? 'middle' : Math.cos(mid) >= 0 ? 'start' : 'end';
    const el = svgElement('text', { 'text-anchor': anchor, dy: '0.35em', 'font-weight': 500, fill: '#52606d' }, `${groupName(w.group)} (${w.count})`);
    items.push({ el, x: Math.cos(mid) * rr, y: Math.sin(mid) * rr });
  }
  for (const i of items) group.append(i.el);
  return { group, items };
}

