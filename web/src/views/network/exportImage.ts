import type Sigma from 'sigma';

/**
 * Composes sigma's stacked canvases (edges, nodes, labels…) into one PNG on a
 * white background, over the view's SVG background layer when it has one.
 * Rendering synchronously right before copying is what makes the WebGL layers
 * readable without `preserveDrawingBuffer`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function sigmaToPNG(renderer: Sigma<any, any>, layers: { under?: SVGSVGElement; over?: SVGSVGElement } = {}): Promise<Blob> {
  const { width, height } = renderer.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = Math.round(width * ratio);
  out.height = Math.round(height * ratio);
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  const under = layers.under ? await svgImage(layers.under, width, height) : null;
  const over = layers.over ? await svgImage(layers.over, width, height) : null;
  if (under) ctx.drawImage(under, 0, 0, out.width, out.height);
  renderer.refresh();
  const canvases = renderer.getCanvases();
  for (const name of ['edges', 'nodes', 'edgeLabels', 'labels', 'hovers', 'hoverNodes', 'mouse']) {
    if (name === 'labels' && over) ctx.drawImage(over, 0, 0, out.width, out.height);
    const c = canvases[name];
    if (c) ctx.drawImage(c, 0, 0, out.width, out.height);
  }
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

function svgImage(svg: SVGSVGElement, width: number, height: number): Promise<HTMLImageElement> {
  const markup = standalone(svg, width, height).outerHTML;
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('background image failed'));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  });
}

function standalone(svg: SVGSVGElement, width: number, height: number): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.removeAttribute('style');
  copy.removeAttribute('aria-hidden');
  copy.setAttribute('font-family', 'system-ui, sans-serif');
  return copy;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * The view as SVG: the background layer as it is on screen, then the drawn
 * edges (as lines), nodes (as circles) and the labels sigma shows, all at
 * their viewport positions — what the user sees, in vector form.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function sigmaToSVG(renderer: Sigma<any, any>, layers: { under?: SVGSVGElement; over?: SVGSVGElement } = {}): string {
  const { width, height } = renderer.getDimensions();
  const parts: string[] = [];
  const graph = renderer.getGraph();
  const at = (id: string) => {
    const d = renderer.getNodeDisplayData(id);
    if (!d || d.hidden) return null;
    const v = renderer.framedGraphToViewport(d);
    return { x: v.x, y: v.y, size: renderer.scaleSize(d.size), colour: d.color, label: d.label };
  };
  parts.push('<g class="edges">');
  graph.forEachEdge((edge: string, _a: unknown, s: string, t: string) => {
    const e = renderer.getEdgeDisplayData(edge);
    const [a, b] = [at(s), at(t)];
    if (!e || e.hidden || !a || !b) return;
    parts.push(`<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="${e.color}" stroke-width="${Math.max(0.5, e.size).toFixed(1)}" stroke-opacity="0.8"/>`);
  });
  parts.push('</g><g class="nodes">');
  graph.forEachNode((id: string) => {
    const n = at(id);
    if (n) parts.push(`<circle cx="${n.x.toFixed(1)}" cy="${n.y.toFixed(1)}" r="${n.size.toFixed(1)}" fill="${n.colour}" stroke="#ffffff" stroke-width="0.8"/>`);
  });
  parts.push('</g>');
  if (layers.over) parts.push(standalone(layers.over, width, height).innerHTML);
  parts.push('<g class="labels" font-size="12" fill="#1f2933" stroke="#ffffff" stroke-width="3" paint-order="stroke">');
  for (const id of renderer.getNodeDisplayedLabels()) {
    const n = at(id);
    if (n?.label) parts.push(`<text x="${(n.x + n.size + 3).toFixed(1)}" y="${(n.y + 4).toFixed(1)}">${escape(n.label)}</text>`);
  }
  parts.push('</g>');
  const base = layers.under ? standalone(layers.under, width, height) : null;
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`;
  const inner = base ? base.innerHTML : '';
  return `${open}<rect width="100%" height="100%" fill="#ffffff"/>${inner}${parts.join('')}</svg>`;
}
