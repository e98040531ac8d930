// "Who collaborates with whom": the actor–actor projection (GET /api/collaboration)
// drawn with sigma on the server's collaboration layout (GET /api/layout?view=collaboration).
// Edge thickness by weight (items shared), nodes coloured by community of the
// projection (the largest in the legend, the rest "other"), hovering a link
// lists the shared items. Filters: level and kind from the filter panel, the
// date (state.at), and the region chosen here (param 'collab.region').
import { useEffect, useMemo, useRef, useState } from 'react';
import Sigma from 'sigma';
import Graph from 'graphology';
import type { ViewProps } from '../../state/types.ts';
import { useT } from '../../i18n/index.ts';
import { CATEGORICAL, NO_VALUE_COLOUR, type LegendEntry } from '../../graph-data/palette.ts';
import { fetchServerLayout, type LayoutQuery, type PositionTable } from '../../graph-data/serverLayout.ts';
import { fetchCollaboration, type Collaboration } from '../../graph-data/collaboration.ts';
import { COMMON_SETTINGS, labelSettings, scaleSettings } from '../network/sigmaSettings.ts';
import { LayoutProgress, type LayoutStatus } from '../network/LayoutProgress.tsx';
import { Legend } from '../network/Legend.tsx';
import { useCameraZoom } from '../network/useCameraZoom.ts';
import { sigmaToPNG } from '../network/exportImage.ts';
import '../network/scale.css';

interface NodeAttrs { x: number; y: number; size: number; color: string; label: string; community: number }
interface EdgeAttrs { size: number; color: string; link: number }
type Renderer = Sigma<NodeAttrs, EdgeAttrs>;

/** Communities coloured by name in the legend (with "other", 8 entries: the legend does not fold); the rest are "other". */
export const COLOURED_COMMUNITIES = 7;
const OTHER_COLOUR = '#b9c0c9';
const EDGE_COLOUR = '#a3adba';
const HOVER_EDGE = '#1f2933';
const REGION_PARAM = 'collab.region';

interface Tip { x: number; y: number; link: number }

export function CollaborationView({ state, update, select, api, exporter, metrics }: ViewProps) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<Renderer | null>(null);
  const [collab, setCollab] = useState<Collaboration | null>(null);
  const [positions, setPositions] = useState<PositionTable | null>(null);
  const [community, setCommunity] = useState<Map<string, number> | null>(null);
  const [status, setStatus] = useState<LayoutStatus>({ phase: 'running', progress: 0 });
  const [tip, setTip] = useState<Tip | null>(null);
  const region = state.params[REGION_PARAM] ?? '';
  const f = state.filters;
  const query: LayoutQuery = { at: state.compare ? state.compare.to : state.at, levels: f.levels, kinds: f.kinds, types: f.types, topics: f.topics };
  const key = JSON.stringify(query);

  // Data, layout and communities: three requests, drawn when all are in.
  useEffect(() => {
    const abort = new AbortController();
    setStatus({ phase: 'running', progress: 0 });
    setCollab(null);
    const failed = (e: unknown) => {
      if (!abort.signal.aborted) setStatus({ phase: 'error', message: e instanceof Error ? e.message : String(e) });
    };
    fetchCollaboration(api, { ...query, region }, abort.signal).then((c) => !abort.signal.aborted && setCollab(c), failed);
    fetchServerLayout(api, 'collaboration', query, abort.signal, (p) => setStatus({ phase: 'running', progress: p.progress }))
      .then((l) => {
        if (abort.signal.aborted) return;
        setPositions(l?.positions ?? {});
        setStatus({ phase: 'done' });
      }, failed);
    api
      .communities({ projection: 'collaboration', at: query.at ?? undefined, levels: f.levels, kinds: f.kinds, types: f.types, topics: f.topics, limit: 1000 })
      .then((res) => {
        if (abort.signal.aborted) return;
        const m = new Map<string, number>();
        [...res.communities].sort((a, b) => b.size - a.size).forEach((c, i) => c.members.forEach((id) => m.set(id, i)));
        setCommunity(m);
      })
      .catch(() => !abort.signal.aborted && setCommunity(new Map()));
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, region]);

  const sizes = useMemo(() => {
    const out = new Map<number, number>();
    if (!collab || !community) return out;
    for (const id of collab.nodes.id) {
      const c = community.get(id);
      if (c !== undefined) out.set(c, (out.get(c) ?? 0) + 1);
    }
    return out;
  }, [collab, community]);

  const legend = useMemo((): LegendEntry[] => {
    const ranked = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const entries: LegendEntry[] = ranked.slice(0, COLOURED_COMMUNITIES).map(([c, count], i) => ({
      key: 'legend.community', params: { n: String(c + 1) }, colour: CATEGORICAL[i % CATEGORICAL.length], count,
    }));
    const rest = ranked.slice(COLOURED_COMMUNITIES).reduce((s, [, n]) => s + n, 0);
    if (rest > 0) entries.push({ key: 'collab.other', params: { count: String(ranked.length - COLOURED_COMMUNITIES) }, colour: OTHER_COLOUR, count: rest });
    return entries;
  }, [sizes]);

  useEffect(() => {
    const el = container.current;
    if (!el || !collab || !positions || !community) return;
    const ranked = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
    const colourOf = new Map(ranked.slice(0, COLOURED_COMMUNITIES).map((c, i) => [c, CATEGORICAL[i % CATEGORICAL.length]]));
    const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: 'undirected', multi: false });
    const n = collab.nodes.id.length;
    // Size by the centrality chosen in the top bar when loaded, else by collaboration strength.
    const centrality = metrics.centrality;
    let maxScore = 0;
    if (centrality) for (const id of collab.nodes.id) maxScore = Math.max(maxScore, centrality.get(id) ?? 0);
    collab.nodes.id.forEach((id, i) => {
      const p = positions[id] ?? [Math.cos((2 * Math.PI * i) / n) * 100, Math.sin((2 * Math.PI * i) / n) * 100];
      const c = community.get(id) ?? -1;
      graph.addNode(id, {
        x: p[0], y: p[1], label: collab.nodes.name[i], community: c,
        size: centrality && maxScore > 0 ? 2 + 12 * Math.sqrt((centrality.get(id) ?? 0) / maxScore) : 2 + Math.sqrt(collab.nodes.strength[i]) * 1.2,
        color: c < 0 ? NO_VALUE_COLOUR : (colourOf.get(c) ?? OTHER_COLOUR),
      });
    });
    const maxWeight = Math.max(1, ...collab.links.weight);
    collab.links.from.forEach((from, i) => {
      const w = collab.links.weight[i];
      graph.addEdgeWithKey(`l${i}`, collab.nodes.id[from], collab.nodes.id[collab.links.to[i]], {
        link: i, color: EDGE_COLOUR, size: 0.6 + 5 * Math.sqrt(w / maxWeight),
      });
    });
    let hoverEdge: string | null = null;
    const renderer: Renderer = new Sigma<NodeAttrs, EdgeAttrs>(graph, el, {
      ...COMMON_SETTINGS,
      ...labelSettings(state.labels, graph.size > 20_000),
      ...scaleSettings(graph.size, graph.order),
      enableEdgeEvents: true,
      edgeReducer: (edge, attrs) => (edge === hoverEdge ? { ...attrs, color: HOVER_EDGE, zIndex: 1 } : attrs),
    });
    rendererRef.current = renderer;
    (window as unknown as { __atlasSigma?: Renderer }).__atlasSigma = renderer;
    window.dispatchEvent(new CustomEvent('atlas:first-map', { detail: { nodes: graph.order, edges: graph.size, view: 'collaboration' } }));
    renderer.on('clickNode', ({ node }) => select(node));
    renderer.on('enterNode', () => (el.style.cursor = 'pointer'));
    renderer.on('leaveNode', () => (el.style.cursor = ''));
    renderer.on('enterEdge', ({ edge, event }) => {
      hoverEdge = edge;
      setTip({ x: event.x, y: event.y, link: graph.getEdgeAttribute(edge, 'link') });
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on('leaveEdge', () => {
      hoverEdge = null;
      setTip(null);
      renderer.refresh({ skipIndexation: true });
    });
    const camera = renderer.getCamera();
    if (state.camera) camera.setState(state.camera);
    let cameraTimer: ReturnType<typeof setTimeout> | undefined;
    camera.on('updated', (c) => {
      clearTimeout(cameraTimer);
      cameraTimer = setTimeout(() => update({ camera: { x: c.x, y: c.y, ratio: c.ratio, angle: c.angle } }), 400);
    });
    exporter.current = { toPNG: () => sigmaToPNG(renderer) };
    (window as unknown as { __atlasCollaboration?: unknown }).__atlasCollaboration = { nodes: graph.order, links: graph.size, maxWeight, communities: sizes.size };
    return () => {
      clearTimeout(cameraTimer);
      exporter.current = null;
      renderer.kill();
      rendererRef.current = null;
      setTip(null);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [collab, positions, community, sizes, metrics.centrality]);

  useEffect(() => {
    rendererRef.current?.setSettings(labelSettings(state.labels, (rendererRef.current?.getGraph().size ?? 0) > 20_000));
  }, [state.labels]);

  const zoom = useCameraZoom(rendererRef);
  const regions = useMemo(() => {
    const counts = new Map<string, number>();
    for (const r of collab?.nodes.region ?? []) if (r) counts.set(r, (counts.get(r) ?? 0) + 1);
    if (region && !counts.has(region)) counts.set(region, 0);
    return [...counts.keys()].sort((a, b) => a.localeCompare(b, 'es'));
  }, [collab, region]);

  const tipText = tip && collab ? sharedItems(collab, tip.link) : null;
  return (
    <div className="network-view collaboration-view">
      <div ref={container} className="sigma-container" role="img" data-testid="collaboration-canvas"
        aria-label={t('collab.aria', { actors: collab?.nodes.id.length ?? 0, links: collab?.links.from.length ?? 0 })} />
      <div className="map-controls" role="toolbar" aria-label={t('network.controls')}>
        <button type="button" onClick={() => zoom(1.5)} aria-label={t('network.zoomIn')} title={t('network.zoomIn')}>+</button>
        <button type="button" onClick={() => zoom(1 / 1.5)} aria-label={t('network.zoomOut')} title={t('network.zoomOut')}>−</button>
        <button type="button" onClick={() => void rendererRef.current?.getCamera().animatedReset({ duration: 400 })}>{t('network.fit')}</button>
        <label>
          {t('collab.region')}{' '}
          <select value={region} onChange={(e) => update({ params: { [REGION_PARAM]: e.target.value } })}>
            <option value="">{t('collab.allRegions')}</option>
            {regions.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
        {collab && <span className="muted" data-testid="collab-counts">{t('collab.counts', { actors: t.formatNumber(collab.nodes.id.length), links: t.formatNumber(collab.links.from.length) })}</span>}
      </div>
      <LayoutProgress status={status.phase === 'done' && !collab ? { phase: 'running', progress: 1 } : status} />
      {tip && tipText && (
        <div className="link-tip" role="tooltip" data-testid="link-tip" style={{ left: tip.x + 14, top: tip.y + 14 }}>
          <strong>{tipText.title}</strong>
          <div className="muted">{t('collab.shared', { count: tipText.count, weight: tipText.weight })}</div>
          <ul>{tipText.items.map((s, i) => <li key={i}>{s}</li>)}</ul>
          {tipText.count > tipText.items.length && <div className="muted">{t('legend.more', { count: tipText.count - tipText.items.length })}</div>}
        </div>
      )}
      <Legend entries={legend} title={t('colourBy.community')} />
    </div>
  );
}

function sharedItems(c: Collaboration, i: number) {
  const a = c.nodes.name[c.links.from[i]];
  const b = c.nodes.name[c.links.to[i]];
  return {
    title: `${a} — ${b}`,
    weight: c.links.weight[i],
    count: c.links.sharedCount[i],
    items: c.links.shared[i].map((k) => c.items.name[k]),
  };
}
