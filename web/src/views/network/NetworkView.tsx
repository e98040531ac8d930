// The network map: sigma v3 over a graphology graph, ForceAtlas2 in a worker,
// hover/selection/highlight drawn through reducers (the graph is never mutated
// for them), camera mirrored in the URL, positions saved between visits.
import { useEffect, useMemo, useRef, useState } from 'react';
import Sigma from 'sigma';
import { EdgeLineProgram } from 'sigma/rendering';
import type { ViewProps } from '../../state/types.ts';
import { useT } from '../../i18n/index.ts';
import { colouring } from '../../graph-data/palette.ts';
import { buildGraph, nodeSizes, type AtlasGraph, type EdgeAttributes, type NodeAttributes } from './buildGraph.ts';
import { clearPositions, loadPositions, savePositions } from './positions.ts';
import { layoutBudget, runLayout, type LayoutRun } from './layout.ts';
import { Legend } from './Legend.tsx';
import { sigmaToPNG } from './exportImage.ts';

type Renderer = Sigma<NodeAttributes, EdgeAttributes>;

const DIMMED_NODE = '#e4e7eb';
const DIMMED_EDGE = '#f0f2f4';
const STRONG_EDGE = '#4a5563';

/** Label settings from the density control (0 = only hubs, 1 = as many as fit). */
function labelSettings(density: number, big: boolean) {
  return {
    labelDensity: 0.1 + density * 1.4,
    labelGridCellSize: Math.round(220 - density * 160),
    // Thousands of small nodes: only the bigger ones get a label.
    labelRenderedSizeThreshold: 16 - density * 12 + (big ? 4 : 0),
  };
}

export function NetworkView({ data, state, update, select, metrics, exporter }: ViewProps) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<Renderer | null>(null);
  const graphRef = useRef<AtlasGraph | null>(null);
  const layoutRef = useRef<LayoutRun | null>(null);
  const hoverRef = useRef<{ node: string; neighbours: Set<string> } | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const [layoutRunning, setLayoutRunning] = useState(false);
  const [empty, setEmpty] = useState(false);

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
    });
  };

  // Graph + renderer: rebuilt when the data changes (filters, date, focus).
  useEffect(() => {
    const el = container.current;
    if (!el) return;
    setEmpty(data.nodes.length === 0);
    performance.mark('atlas:network-start');
    const positions = loadPositions();
    const { graph, placed } = buildGraph(data, coloursRef.current, metricsRef.current, positions);
    performance.mark('atlas:graph-built');
    builtWithRef.current = { graph, colours: coloursRef.current, metrics: metricsRef.current };
    graphRef.current = graph;
    // Big graphs: edges as 1-px GL lines (2 vertices instead of a 6-vertex quad
    // each), nothing but nodes drawn while the camera moves, fewer labels.
    const big = graph.size > 20_000;
    const renderer: Renderer = new Sigma<NodeAttributes, EdgeAttributes>(graph, el, {
      ...labelSettings(stateRef.current.labels, big),
      ...(big ? { defaultEdgeType: 'line', edgeProgramClasses: { line: EdgeLineProgram } } : null),
      allowInvalidContainer: true,
      // zIndex sorting costs a sort of every item per refresh; only hover/selection use it.
      zIndex: !big,
      enableEdgeEvents: false,
      hideEdgesOnMove: big,
      hideLabelsOnMove: big,
      labelFont: 'system-ui, sans-serif',
      labelSize: 13,
      labelWeight: '500',
      labelColor: { color: '#1f2933' },
      defaultEdgeColor: '#b8c0cc',
      minCameraRatio: 0.02,
      maxCameraRatio: 10,
      stagePadding: 60,
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

    // Lay out what has no stored position; a short warm run when most are known.
    // Started after the first frame is on screen (copying the graph for the worker takes a while).
    const layoutTimer =
      graph.order > 0 && placed < graph.order ? setTimeout(() => startLayout(layoutBudget(graph.order, placed > graph.order * 0.8)), 50) : undefined;

    return () => {
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
  }, [data]);

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

  const zoom = (factor: number) => {
    const camera = rendererRef.current?.getCamera();
    if (camera) void camera.animate({ ratio: camera.getState().ratio / factor }, { duration: 250 });
  };
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
    const n = graph.order;
    let i = 0;
    graph.updateEachNodeAttributes((_, a) => {
      const angle = i * 2.399963;
      const r = Math.sqrt(n) * 10 * Math.sqrt((i++ + 0.5) / (n + 1));
      return { ...a, x: r * Math.cos(angle), y: r * Math.sin(angle) };
    });
    startLayout(layoutBudget(n, false));
  };

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
      <Legend entries={colours.legend} title={t(`colourBy.${state.colourBy}`)} />
      <p className="sr-only">{t('network.srHint')}</p>
    </div>
  );
}
