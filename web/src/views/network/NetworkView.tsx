// The network map: sigma v3 over a graphology graph laid out by the server
// (GET /api/layout, ForceAtlas2 computed once per revision + filters and
// cached; ForceAtlas2 in a browser worker only when the server has no layout
// endpoint, or on demand), hover/selection/highlight drawn through reducers
// (the graph is never mutated for them), camera mirrored in the URL, positions
// saved between visits so the first frame is already the known map.
import { useEffect, useMemo, useRef, useState } from 'react';
import Sigma from 'sigma';
import type { ViewProps } from '../../state/types.ts';
import { useT } from '../../i18n/index.ts';
import { colouring } from '../../graph-data/palette.ts';
import { buildGraph, nodeSizes, type AtlasGraph, type EdgeAttributes, type NodeAttributes } from './buildGraph.ts';
import { clearPositions, loadPositions, savePositions } from './positions.ts';
import { layoutBudget, runLayout, type LayoutRun } from './layout.ts';
import { Legend } from './Legend.tsx';
import { sigmaToPNG } from './exportImage.ts';
import { COMMON_SETTINGS, HUGE_EDGES, applyPositions, labelSettings, scaleSettings } from './sigmaSettings.ts';
import { cachedLayout, fetchServerLayout, type LayoutQuery } from '../../graph-data/serverLayout.ts';
import { LayoutProgress, type LayoutStatus } from './LayoutProgress.tsx';
import { useCameraZoom } from './useCameraZoom.ts';
import './scale.css';

type Renderer = Sigma<NodeAttributes, EdgeAttributes>;

const DIMMED_NODE = '#e4e7eb';
const DIMMED_EDGE = '#f0f2f4';
const STRONG_EDGE = '#4a5563';

/** Above this many actors the view suggests the collaboration view for "who works with whom". */
const SUGGEST_COLLABORATION_ACTORS = 200;

/** What the server layout of the network view depends on: the filters and the date (focus and compare only subset it). */
export function networkLayoutQuery(state: ViewProps['state']): LayoutQuery {
  const f = state.filters;
  return { at: state.compare ? state.compare.to : state.at, labels: f.labels, levels: f.levels, kinds: f.kinds, types: f.types, topics: f.topics };
}

function publishLayout(status: { view: string; source: 'server' | 'browser'; converged: boolean; iterations: number; revision?: number }) {
  (window as unknown as { __atlasLayout?: unknown }).__atlasLayout = status;
  performance.mark(`atlas:layout-${status.view}`);
  window.dispatchEvent(new CustomEvent('atlas:layout', { detail: status }));
}

export function NetworkView({ data, state, update, select, metrics, api, exporter }: ViewProps) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<Renderer | null>(null);
  const graphRef = useRef<AtlasGraph | null>(null);
  const layoutRef = useRef<LayoutRun | null>(null);
  const hoverRef = useRef<{ node: string; neighbours: Set<string> } | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const [layoutRunning, setLayoutRunning] = useState(false);
  const [layoutStatus, setLayoutStatus] = useState<LayoutStatus>({ phase: 'idle' });
  const [empty, setEmpty] = useState(false);
  const layoutQuery = networkLayoutQuery(state);
  const layoutKey = JSON.stringify(layoutQuery);
  const layoutQueryRef = useRef(layoutQuery);
  layoutQueryRef.current = layoutQuery;

  const colours = useMemo(() => colouring(data.nodes, state.colourBy, metrics), [data.nodes, state.colourBy, metrics]);
  const coloursRef = useRef(colours);
  coloursRef.current = colours;
  const metricsRef = useRef(metrics);
  metricsRef.current = metrics;
  const builtWithRef = useRef<{ graph: AtlasGraph; colours: typeof colours; metrics: typeof metrics } | null>(null);

  const startLayout = (duration: number) => {
    const graph = graphRef.current;
    if (!graph || graph.order === 0) return;
    layoutRef.current?.stop();
    setLayoutRunning(true);
    layoutRef.current = runLayout(graph, duration, (positions) => {
      savePositions(positions);
      setLayoutRunning(false);
      publishLayout({ view: 'network', source: 'browser', converged: false, iterations: 0 });
    });
  };

  // Graph + renderer: rebuilt when the data changes (filters, date, focus).
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    setEmpty(data.nodes.length === 0);
    performance.mark('atlas:network-start');
    const positions = loadPositions();
    const known = cachedLayout('network', layoutQueryRef.current);
    if (known) for (const [id, p] of Object.entries(known.positions)) positions.set(id, p);
    const { graph, placed } = buildGraph(data, coloursRef.current, metricsRef.current, positions);
    performance.mark('atlas:graph-built');
    builtWithRef.current = { graph, colours: coloursRef.current, metrics: metricsRef.current };
    graphRef.current = graph;
    // Big graphs: nothing but nodes drawn while the camera moves, edges as 1-px
    // GL lines, fewer labels (sigmaSettings.ts).
    const big = graph.size > HUGE_EDGES;
    const renderer: Renderer = new Sigma<NodeAttributes, EdgeAttributes>(graph, el, {
      ...COMMON_SETTINGS,
      ...labelSettings(stateRef.current.labels, big),
      ...scaleSettings(graph.size, graph.order),
      enableEdgeEvents: false,
      nodeReducer: (node, attrs) => {
        const s = stateRef.current;
        const hover = hoverRef.current;
        // The common case (nothing hovered, highlighted or selected) allocates nothing.
        if (!hover && !s.highlight.length && node !== s.selection) return attrs;
        const out: Partial<NodeAttributes> & { forceLabel?: boolean } = { ...attrs };
        if (hover) {
          if (node === hover.node || hover.neighbours.has(node)) {
            out.zIndex = 2;
            out.forceLabel = true;
          } else {
            out.color = DIMMED_NODE;
            out.label = '';
            out.zIndex = 0;
          }
        } else if (s.highlight.length) {
          if (s.highlight.includes(node)) {
            out.zIndex = 2;
            out.forceLabel = true;
            out.highlighted = true;
          } else {
            out.color = DIMMED_NODE;
            out.label = '';
          }
        }
        if (node === s.selection) {
          out.highlighted = true;
          out.forceLabel = true;
          out.zIndex = 3;
        }
        return out;
      },
      edgeReducer: (edge, attrs) => {
        const s = stateRef.current;
        const hover = hoverRef.current;
        if (!hover && !s.highlight.length && !s.selection) return attrs;
        const [a, b] = graph.extremities(edge);
        const out: Partial<EdgeAttributes> = { ...attrs };
        if (hover) {
          if (a === hover.node || b === hover.node) {
            out.color = STRONG_EDGE;
            out.zIndex = 1;
          } else out.hidden = true;
        } else if (s.highlight.length) {
          if (s.highlight.includes(a) && s.highlight.includes(b)) {
            out.color = STRONG_EDGE;
            out.size = (attrs.size ?? 1) + 1.5;
            out.zIndex = 1;
          } else out.color = DIMMED_EDGE;
        } else if (s.selection && (a === s.selection || b === s.selection)) {
          out.color = STRONG_EDGE;
          out.zIndex = 1;
        }
        return out;
      },
    });
    rendererRef.current = renderer;

    // Sigma's constructor draws the first frame synchronously: the map is on screen now.
    performance.mark('atlas:first-map');
    window.dispatchEvent(new CustomEvent('atlas:first-map', { detail: { nodes: graph.order, edges: graph.size } }));
    renderer.on('enterNode', ({ node }) => {
      hoverRef.current = { node, neighbours: new Set(graph.neighbors(node)) };
      el.style.cursor = 'pointer';
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on('leaveNode', () => {
      hoverRef.current = null;
      el.style.cursor = '';
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on('clickNode', ({ node }) => select(node));

    const camera = renderer.getCamera();
    if (stateRef.current.camera) camera.setState(stateRef.current.camera);
    let cameraTimer: ReturnType<typeof setTimeout> | undefined;
    camera.on('updated', (c) => {
      clearTimeout(cameraTimer);
      cameraTimer = setTimeout(() => update({ camera: { x: c.x, y: c.y, ratio: c.ratio, angle: c.angle } }), 400);
    });

    exporter.current = { toPNG: () => sigmaToPNG(renderer) };
    (window as unknown as { __atlasSigma?: Renderer }).__atlasSigma = renderer;

    // Positions from the server's layout; only a server without the endpoint
    // makes the browser lay out what has no stored position.
    const abort = new AbortController();
    let layoutTimer: ReturnType<typeof setTimeout> | undefined;
    if (graph.order > 0) {
      const query = layoutQueryRef.current;
      const ready = cachedLayout('network', query);
      // Intermediate positions are drawn only while nothing better is on screen and the graph is small enough to redraw often.
      const showProgress = placed < graph.order * 0.8 && graph.size <= HUGE_EDGES;
      if (ready) {
        setLayoutStatus({ phase: 'done' });
        publishLayout({ view: 'network', source: 'server', converged: ready.converged, iterations: ready.iterations, revision: ready.revision });
      } else {
        setLayoutStatus({ phase: 'running', progress: 0 });
        fetchServerLayout(api, 'network', query, abort.signal, (p) => {
          setLayoutStatus({ phase: 'running', progress: p.progress });
          if (showProgress && !abort.signal.aborted) applyPositions(graph, p.positions);
        })
          .then((layout) => {
            if (abort.signal.aborted) return;
            if (!layout) {
              // No layout endpoint: ForceAtlas2 in a browser worker, as before.
              setLayoutStatus({ phase: 'idle' });
              if (placed < graph.order) layoutTimer = setTimeout(() => startLayout(layoutBudget(graph.order, placed > graph.order * 0.8)), 50);
              return;
            }
            applyPositions(graph, layout.positions);
            savePositions(new Map(Object.entries(layout.positions)));
            setLayoutStatus({ phase: 'done' });
            publishLayout({ view: 'network', source: 'server', converged: layout.converged, iterations: layout.iterations, revision: layout.revision });
          })
          .catch((e: unknown) => {
            if (abort.signal.aborted) return;
            setLayoutStatus({ phase: 'error', message: e instanceof Error ? e.message : String(e) });
          });
      }
    }

    return () => {
      abort.abort();
      clearTimeout(cameraTimer);
      clearTimeout(layoutTimer);
      if (layoutRef.current?.isRunning()) layoutRef.current.stop({ draw: false });
      layoutRef.current = null;
      exporter.current = null;
      renderer.kill();
      rendererRef.current = null;
      graphRef.current = null;
      delete (window as unknown as { __atlasSigma?: Renderer }).__atlasSigma;
    };
    // select/update are stable; colours and metrics are applied by the next effect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, layoutKey]);

  // Colours and sizes change in place (no relayout, camera kept). Skipped when
  // the graph was just built with these very colours and metrics: every
  // attribute update makes sigma reprocess all edges (seconds at 100k edges).
  useEffect(() => {
    const graph = graphRef.current;
    if (!graph) return;
    const built = builtWithRef.current;
    if (built?.graph === graph && built.colours === colours && built.metrics === metrics) return;
    builtWithRef.current = { graph, colours, metrics };
    const degree = new Map<string, number>();
    graph.forEachNode((id, a) => degree.set(id, a.degree));
    const sizes = nodeSizes(data, metrics, degree);
    const byId = new Map(data.nodes.map((n) => [n.id, n]));
    graph.updateEachNodeAttributes((id, a) => {
      const n = byId.get(id);
      return { ...a, color: n ? colours.colourOf(n) : a.color, size: sizes.get(id) ?? a.size };
    });
  }, [colours, metrics, data]);

  // Selection, highlight and label density only need the reducers re-run, and
  // only when they really changed: a camera move rewrites the state (URL) with
  // equal values, and a refresh reprocesses every edge.
  const highlightKey = state.highlight.join('\n');
  const appliedRef = useRef<{ renderer: Renderer; key: string; labels: number } | null>(null);
  useEffect(() => {
    const renderer = rendererRef.current;
    if (!renderer) return;
    const key = `${state.selection ?? ''}\n${highlightKey}`;
    const applied = appliedRef.current;
    appliedRef.current = { renderer, key, labels: state.labels };
    // A renderer just built has drawn this state already.
    if (!applied || applied.renderer !== renderer) return;
    if (applied.labels !== state.labels) renderer.setSettings(labelSettings(state.labels, renderer.getGraph().size > 20_000));
    else if (applied.key !== key) renderer.refresh({ skipIndexation: true });
  }, [state.selection, highlightKey, state.labels]);

  // A node selected elsewhere (search, table, panel) is brought into view when it sits near an edge.
  // On load, a camera from the URL wins over centring the selection.
  const shownSelection = useRef(state.camera ? state.selection : null);
  useEffect(() => {
    const renderer = rendererRef.current;
    const id = state.selection;
    if (!renderer || !id || id === shownSelection.current) return;
    shownSelection.current = id;
    const d = renderer.getNodeDisplayData(id);
    if (!d) return;
    const p = renderer.framedGraphToViewport(d);
    const { width, height } = renderer.getDimensions();
    if (p.x < width * 0.15 || p.x > width * 0.85 || p.y < height * 0.2 || p.y > height * 0.85) {
      void renderer.getCamera().animate({ x: d.x, y: d.y }, { duration: 400 });
    }
  }, [state.selection]);

  // A camera in the URL that differs from the renderer's (Back button, pasted link) is applied.
  useEffect(() => {
    const renderer = rendererRef.current;
    if (!renderer || !state.camera) return;
    const c = renderer.getCamera().getState();
    const d = state.camera;
    if (Math.abs(c.x - d.x) + Math.abs(c.y - d.y) + Math.abs(c.ratio - d.ratio) > 1e-3) renderer.getCamera().setState(d);
  }, [state.camera]);

  const zoom = useCameraZoom(rendererRef);
  const fit = () => void rendererRef.current?.getCamera().animatedReset({ duration: 400 });
  const focusSelection = () => {
    const renderer = rendererRef.current;
    const graph = graphRef.current;
    const id = state.selection;
    if (!renderer || !graph || !id || !graph.hasNode(id)) return;
    const ids = [id, ...graph.neighbors(id)];
    const pts = ids.map((n) => renderer.getNodeDisplayData(n)).filter((p): p is NonNullable<typeof p> => !!p);
    const xs = pts.map((p) => p.x);
    const ys = pts.map((p) => p.y);
    const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 0.02);
    void renderer.getCamera().animate(
      { x: (Math.max(...xs) + Math.min(...xs)) / 2, y: (Math.max(...ys) + Math.min(...ys)) / 2, ratio: Math.min(1, span * 1.3) },
      { duration: 500 },
    );
  };
  const relayout = () => {
    if (layoutRunning) {
      layoutRef.current?.stop();
      return;
    }
    startLayout(layoutBudget(graphRef.current?.order ?? 0, false));
  };
  const resetPositions = () => {
    clearPositions();
    const graph = graphRef.current;
    if (!graph) return;
    // Back to the shared server layout when there is one.
    const server = cachedLayout('network', layoutQueryRef.current);
    if (server) {
      applyPositions(graph, server.positions);
      return;
    }
    const n = graph.order;
    let i = 0;
    graph.updateEachNodeAttributes((_, a) => {
      const angle = i * 2.399963;
      const r = Math.sqrt(n) * 10 * Math.sqrt((i++ + 0.5) / (n + 1));
      return { ...a, x: r * Math.cos(angle), y: r * Math.sin(angle) };
    });
    startLayout(layoutBudget(n, false));
  };

  // "Who collaborates with whom" is the collaboration view's question: suggested
  // when there are many actors, or when only actors are shown (they are linked
  // through projects, so alone they have no relationships here).
  const actorCount = useMemo(() => data.nodes.reduce((n, node) => n + (node.label === 'Actor' ? 1 : 0), 0), [data.nodes]);
  const onlyActors = state.filters.labels.length === 1 && state.filters.labels[0] === 'Actor';
  const suggestCollaboration = actorCount > 0 && (actorCount > SUGGEST_COLLABORATION_ACTORS || onlyActors);

  return (
    <div className="network-view">
      <div
        ref={container}
        className="sigma-container"
        role="img"
        aria-label={t('network.aria', { nodes: data.nodes.length, relationships: data.relationships.length })}
        data-testid="network-canvas"
      />
      {empty && <p className="view-empty">{t('view.empty')}</p>}
      <div className="map-controls" role="toolbar" aria-label={t('network.controls')}>
        <button type="button" onClick={() => zoom(1.5)} aria-label={t('network.zoomIn')} title={t('network.zoomIn')}>+</button>
        <button type="button" onClick={() => zoom(1 / 1.5)} aria-label={t('network.zoomOut')} title={t('network.zoomOut')}>−</button>
        <button type="button" onClick={fit}>{t('network.fit')}</button>
        <button type="button" onClick={focusSelection} disabled={!state.selection}>{t('network.focus')}</button>
        <button type="button" onClick={relayout} aria-pressed={layoutRunning}>
          {layoutRunning ? t('network.stopLayout') : t('network.runLayout')}
        </button>
        {!state.embed && (
          <button type="button" onClick={resetPositions} title={t('network.resetPositionsHint')}>{t('network.resetPositions')}</button>
        )}
        <label className="density">
          {t('network.labels')}
          <input
            type="range"
            min={0}
            max={1}
            step={0.1}
            value={state.labels}
            onChange={(e) => update({ labels: Number(e.target.value) })}
          />
        </label>
      </div>
      <LayoutProgress status={layoutStatus} />
      {!state.embed && suggestCollaboration && (
        <aside className="view-hint" data-testid="collaboration-hint">
          <span>{t('collab.hint', { count: actorCount })}</span>
          <button type="button" onClick={() => update({ view: 'collaboration' })}>{t('collab.open')}</button>
        </aside>
      )}
      <Legend entries={colours.legend} title={t(`colourBy.${state.colourBy}`)} />
      <p className="sr-only">{t('network.srHint')}</p>
    </div>
  );
}
