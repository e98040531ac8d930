// A background drawn under sigma's canvases that moves with its camera: an
// <svg> inserted below the edges layer, whose "world" group is drawn in the
// view's drawing coordinates (x right, y down; nodes sit at (x, -y) in the
// graph) and re-transformed after every sigma render, and whose "screen" group
// holds text placed in pixels (labels that keep their size at every zoom).
import type Sigma from 'sigma';

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export type ToViewport = (x: number, y: number) => [number, number];

export interface BackgroundLayer {
  /** Under sigma's edges. */
  readonly svg: SVGSVGElement;
  /** Above edges and nodes, under sigma's labels: holds `screen`. */
  readonly overlay: SVGSVGElement;
  /** Geometry in drawing coordinates (use vector-effect="non-scaling-stroke" for constant line widths). */
  readonly world: SVGGElement;
  /** Pixel-positioned content, placed by the `place` callback after each render. */
  readonly screen: SVGGElement;
  /** Pixels per drawing unit at the current camera. */
  scale(): number;
  kill(): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function backgroundLayer(renderer: Sigma<any, any>, place?: (toViewport: ToViewport, scale: number) => void): BackgroundLayer {
  const layer = (name: string) => {
    const el = svgElement('svg', { class: `sigma-${name}`, 'aria-hidden': 'true' });
    Object.assign(el.style, { position: 'absolute', inset: '0', width: '100%', height: '100%', pointerEvents: 'none' });
    return el;
  };
  const svg = layer('background');
  const overlay = layer('overlay');
  const world = svgElement('g');
  const screen = svgElement('g');
  svg.append(world);
  overlay.append(screen);
  const canvases = renderer.getCanvases();
  canvases.edges.before(svg);
  // Titles stay readable over a dense drawing, and node labels still win.
  canvases.labels.before(overlay);
  let pixels = 1;
  const toViewport: ToViewport = (x, y) => {
    const v = renderer.graphToViewport({ x, y: -y });
    return [v.x, v.y];
  };
  const update = () => {
    // The graph → viewport map is affine: three points give its matrix.
    const o = renderer.graphToViewport({ x: 0, y: 0 });
    const ex = renderer.graphToViewport({ x: 1, y: 0 });
    const ey = renderer.graphToViewport({ x: 0, y: -1 });
    world.setAttribute('transform', `matrix(${ex.x - o.x} ${ex.y - o.y} ${ey.x - o.x} ${ey.y - o.y} ${o.x} ${o.y})`);
    pixels = Math.hypot(ex.x - o.x, ex.y - o.y);
    place?.(toViewport, pixels);
  };
  renderer.on('afterRender', update);
  renderer.on('resize', update);
  update();
  return {
    svg,
    overlay,
    world,
    screen,
    scale: () => pixels,
    kill() {
      renderer.off('afterRender', update);
      renderer.off('resize', update);
      svg.remove();
      overlay.remove();
    },
  };
}
