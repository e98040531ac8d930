// Level rings: actors on concentric rings by level (local at the centre,
// international outside), grouped in wedges by kind or region; links between
// rings are drawn strong so the actors that connect levels stand out, and are
// listed beside the chart. Drawn in SVG (d3 for zoom and arcs) so the export
// tool gets both SVG and PNG.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { nodeButtonHandlers } from './nodeButton.ts';
import { HaloLabels } from './HaloLabels.tsx';
import { arc } from 'd3';
import type { ViewProps } from '../../state/types.ts';
import { useT } from '../../i18n/index.ts';
import { LEVEL_COLOURS } from '../../graph-data/palette.ts';
import { actorColouring } from './actorColouring.ts';
import { term } from '../../graph-data/terms.ts';
import { Legend } from '../network/Legend.tsx';
import { svgMarkup, svgToPNG } from '../../export/svgImage.ts';
import { actorLinks } from './actorLinks.ts';
import { INNER, levelConnectors, ringsLayout, type GroupBy, type RingNode } from './layout.ts';
import { nodeRadius, neighbourSet } from './nodeSizes.ts';
import { useSize } from './useSize.ts';
import { visibleLabels, type LabelCandidate } from './labels.ts';
import { useZoom } from './useZoom.ts';
import './views.css';

const SAME_LEVEL = '#b8c0cc';
const CROSS_LEVEL = '#6a3d9a';
const DIMMED = '#e4e7eb';
const MAX_LINKS = 4000;

/** Quadratic curve between two nodes, bent towards the centre (more for links inside one ring). */
function linkPath(a: RingNode, b: RingNode): string {
  const pull = a.ring === b.ring ? 0.45 : 0.8;
  const cx = ((a.x + b.x) / 2) * pull;
  const cy = ((a.y + b.y) / 2) * pull;
  return `M${a.x.toFixed(1)},${a.y.toFixed(1)}Q${cx.toFixed(1)},${cy.toFixed(1)} ${b.x.toFixed(1)},${b.y.toFixed(1)}`;
}

export function RingsView({ data, state, update, select, metrics, exporter }: ViewProps) {
  const t = useT();
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const { width, height } = useSize(box);
  const { transform, zoomIn, zoomOut, reset } = useZoom(svg);
  const [hover, setHover] = useState<string | null>(null);
  const groupBy: GroupBy = state.params['rings.group'] === 'region' ? 'region' : 'kind';

  const actors = useMemo(() => data.nodes.filter((n) => n.label === 'Actor'), [data.nodes]);
  const links = useMemo(() => actorLinks(data), [data]);
  const ringCount = actors.some((n) => !n.level) ? 5 : 4;
  // Room around the outer ring for the wedge labels (wider at the sides, where they run horizontally).
  const unit = Math.max(24, Math.min(width / 2 - 150, height / 2 - 45) / (ringCount - 1 + INNER + 0.5));
  const layout = useMemo(() => ringsLayout(actors, links, groupBy, unit), [actors, links, groupBy, unit]);
  const connectors = useMemo(() => levelConnectors(layout, links), [layout, links]);
  const connectorIds = useMemo(() => new Set(connectors.map((c) => c.id)), [connectors]);
  const colours = useMemo(() => actorColouring(data.nodes, actors, state.colourBy, metrics), [data.nodes, actors, state.colourBy, metrics]);

  const drawn = useMemo(
    () =>
      links
        .filter((l) => layout.nodes.has(l.source) && layout.nodes.has(l.target))
        .sort((a, b) => b.weight - a.weight)
        .slice(0, MAX_LINKS),
    [links, layout],
  );
  const sizeOf = useMemo(() => nodeRadius(actors, links, metrics, 4, 7), [actors, links, metrics]);
  const neighbours = useMemo(() => neighbourSet(hover, links), [hover, links]);
  const focus = neighbours ?? (state.highlight.length ? new Set(state.highlight) : null);

  const labelled = useMemo(() => {
    const ranked = [...actors].sort((a, b) => sizeOf(b.id) - sizeOf(a.id));
    const count = Math.max(12, Math.round(state.labels * ranked.length));
    return new Set(ranked.slice(0, count).map((n) => n.id));
  }, [actors, sizeOf, state.labels]);

  const labelFont = 11 / Math.sqrt(transform.k);
  const labels = useMemo(() => {
    const candidates: LabelCandidate[] = [];
    for (const p of layout.nodes.values()) {
      const id = p.node.id;
      const forced = state.selection === id || hover === id;
      if (!forced && !(focus ? focus.has(id) : labelled.has(id))) continue;
      const r = sizeOf(id) + 3;
      const text = p.node.name.length > 34 ? `${p.node.name.slice(0, 32)}…` : p.node.name;
      const anchor = Math.cos(p.angle) >= 0 ? 'start' : 'end';
      candidates.push({ id, x: p.x + Math.cos(p.angle) * r, y: p.y + Math.sin(p.angle) * r, anchor, text, priority: sizeOf(id), force: forced });
    }
    // The wedge titles are drawn anyway: node labels give way to them.
    for (const w of layout.wedges) {
      const mid = (w.start + w.end) / 2;
      const rr = layout.outer + unit * 0.5 + 10;
      const anchor = Math.abs(Math.cos(mid)) < 0.25 ? 'middle' : Math.cos(mid) >= 0 ? 'start' : 'end';
      candidates.push({ id: `wedge:${w.group}`, x: Math.cos(mid) * rr, y: Math.sin(mid) * rr, anchor, text: `${w.group} (${w.count})`, priority: 0, force: true });
    }
    const shown = visibleLabels(candidates, labelFont);
    return candidates.filter((c) => shown.has(c.id) && !c.id.startsWith('wedge:'));
  }, [layout, focus, labelled, sizeOf, state.selection, hover, labelFont, unit]);

  useEffect(() => {
    exporter.current = {
      toPNG: () => svgToPNG(svg.current!),
      toSVG: () => svgMarkup(svg.current!),
    };
    return () => {
      exporter.current = null;
    };
  }, [exporter]);

  const band = arc<{ inner: number; outer: number }>()
    .innerRadius((d) => d.inner)
    .outerRadius((d) => d.outer)
    .startAngle(0)
    .endAngle(Math.PI * 2);
  const cx = width / 2;
  const cy = height / 2;
  const crossCount = drawn.filter((l) => layout.nodes.get(l.source)!.ring !== layout.nodes.get(l.target)!.ring).length;
  const groupName = (g: string) => (groupBy === 'kind' ? term(t, 'kind', g) : g === '' ? t('rings.noRegion') : g === 'ES' ? t('rings.spainWide') : g);
  const nameOf = (id: string) => layout.nodes.get(id)?.node.name ?? id;

  return (
    <div className="rings-view tools-view" data-testid="rings-view">
      <div className="view-toolbar" role="toolbar" aria-label={t('rings.controls')}>
        <span className="segmented" role="group" aria-label={t('rings.groupBy')}>
          <span className="toolbar-label" aria-hidden="true">{t('rings.groupBy')}</span>
          {(['kind', 'region'] as const).map((g) => (
            <button key={g} type="button" aria-pressed={groupBy === g} onClick={() => update({ params: { 'rings.group': g === 'kind' ? '' : g } })}>
              {t(`rings.group.${g}`)}
            </button>
          ))}
        </span>
        <button type="button" onClick={zoomIn} aria-label={t('network.zoomIn')}>+</button>
        <button type="button" onClick={zoomOut} aria-label={t('network.zoomOut')}>−</button>
        <button type="button" onClick={reset}>{t('network.fit')}</button>
      </div>
      <div className="chart-box" ref={box}>
        {actors.length === 0 ? (
          <p className="view-empty">{t('rings.empty')}</p>
        ) : null}
        <svg ref={svg} width="100%" height="100%" role="group" aria-labelledby={titleId} className="rings-svg">
          <title id={titleId}>{t('rings.aria', { actors: actors.length, links: drawn.length, cross: crossCount })}</title>
          {width > 0 && actors.length > 0 && (
            <g transform={`translate(${transform.x + cx * transform.k},${transform.y + cy * transform.k}) scale(${transform.k})`}>
              {layout.rings.map((r) => (
                <g key={r.key} aria-hidden="true">
                  <path
                    d={band({ inner: r.key === layout.rings[0].key ? 0 : r.radius - unit / 2, outer: r.radius + unit / 2 }) ?? ''}
                    fill={r.key === 'none' ? '#f2f3f5' : LEVEL_COLOURS[r.key]}
                    fillOpacity={r.key === 'none' ? 0.6 : 0.07}
                  />
                  <circle r={r.radius} fill="none" stroke={r.key === 'none' ? '#9aa3ad' : LEVEL_COLOURS[r.key]} strokeOpacity={0.7} strokeDasharray={r.key === 'none' ? '4 4' : undefined} />
                </g>
              ))}
              {layout.wedges.length > 1 &&
                layout.wedges.map((w) => (
                  <line
                    key={`sep-${w.group}`}
                    x1={Math.cos(w.start - 0.02) * (unit * 0.4)}
                    y1={Math.sin(w.start - 0.02) * (unit * 0.4)}
                    x2={Math.cos(w.start - 0.02) * (layout.outer + unit * 0.5)}
                    y2={Math.sin(w.start - 0.02) * (layout.outer + unit * 0.5)}
                    stroke="#d9dee4"
                    aria-hidden="true"
                  />
                ))}
              <g aria-hidden="true">
                {drawn.map((l) => {
                  const a = layout.nodes.get(l.source)!;
                  const b = layout.nodes.get(l.target)!;
                  const cross = a.ring !== b.ring;
                  const on = !focus || (focus.has(l.source) && focus.has(l.target));
                  const touching = hover !== null && (l.source === hover || l.target === hover);
                  return (
                    <path
                      key={`${l.source}|${l.target}`}
                      d={linkPath(a, b)}
                      fill="none"
                      stroke={!on ? DIMMED : cross ? CROSS_LEVEL : SAME_LEVEL}
                      strokeOpacity={on ? (cross ? 0.75 : 0.9) : 0.5}
                      strokeWidth={(Math.min(4, 0.8 + Math.sqrt(l.weight) * 0.7) + (touching ? 1 : 0)) / Math.sqrt(transform.k)}
                    />
                  );
                })}
              </g>
              {[...layout.nodes.values()].map((p) => {
                const r = sizeOf(p.node.id);
                const on = !focus || focus.has(p.node.id);
                const selected = state.selection === p.node.id;
                const bridge = connectorIds.has(p.node.id);
                return (
                  <g
                    key={p.node.id}
                    transform={`translate(${p.x.toFixed(1)},${p.y.toFixed(1)})`}
                    role="button"
                    tabIndex={0}
                    aria-label={`${p.node.name} — ${term(t, 'level', p.node.level)}, ${term(t, 'kind', p.node.kind)}${bridge ? `, ${t('rings.bridge')}` : ''}`}
                    aria-pressed={selected}
                    className="ring-node"
                    data-id={p.node.id}
                    {...nodeButtonHandlers(p.node.id, select, setHover)}
                  >
                    <circle
                      r={r}
                      fill={on ? colours.colourOf(p.node) : DIMMED}
                      stroke={selected ? '#111827' : bridge && on ? '#1f2933' : '#ffffff'}
                      strokeWidth={selected ? 3 : bridge ? 2 : 1}
                    />
                  </g>
                );
              })}
              <HaloLabels labels={labels} fontSize={labelFont} selection={state.selection} />
              <g aria-hidden="true" fontSize={12} fontWeight={600} fill="#52606d">
                {layout.rings.map((r) => (
                  <text key={r.key} x={0} y={-r.radius} dy="0.35em" textAnchor="middle" stroke="#ffffff" strokeWidth={4} paintOrder="stroke" fill="#1f2933">
                    {r.key === 'none' ? t('rings.noLevel') : term(t, 'level', r.key)}
                  </text>
                ))}
                {layout.wedges.map((w) => {
                  const mid = (w.start + w.end) / 2;
                  const rr = layout.outer + unit * 0.5 + 10;
                  const right = Math.cos(mid) >= 0;
                  return (
                    <text key={w.group} x={Math.cos(mid) * rr} y={Math.sin(mid) * rr} dy="0.35em" textAnchor={Math.abs(Math.cos(mid)) < 0.25 ? 'middle' : right ? 'start' : 'end'}>
                      {groupName(w.group)} ({w.count})
                    </text>
                  );
                })}
              </g>
            </g>
          )}
        </svg>
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
