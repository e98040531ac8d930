import type Sigma from 'sigma';

/**
 * Composes sigma's stacked canvases (edges, nodes, labels…) into one PNG on a
 * white background. Rendering synchronously right before copying is what makes
 * the WebGL layers readable without `preserveDrawingBuffer`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function sigmaToPNG(renderer: Sigma<any, any>): Promise<Blob> {
  renderer.refresh();
  const canvases = renderer.getCanvases();
  const { width, height } = renderer.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const out = document.createElement('canvas');
  out.width = Math.round(width * ratio);
  out.height = Math.round(height * ratio);
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  for (const name of ['edges', 'nodes', 'edgeLabels', 'labels', 'hovers', 'hoverNodes', 'mouse']) {
    const c = canvases[name];
    if (c) ctx.drawImage(c, 0, 0, out.width, out.height);
  }
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
