// The map of an atlas document as a standalone SVG figure (for a report or a
// slide): links, nodes coloured by kind and sized by degree at the layout's
// positions, the names of the best connected nodes, a title, a legend and the
// attribution line. Pure string building: the API serves it as is
// (format=svg) and rasterises it for format=png.

import { humanise, type AtlasDocument } from './atlas-format.ts';

export interface MapSvgOptions {
  /** Width in px (default 1600); the height follows (× 0.7). */
  width?: number;
  /** Names written next to the N best connected nodes (default 25). */
  labels?: number;
  /** Legend text of a kind (default: the humanised kind). */
  term?: (kind: string) => string;
}

export const MAP_SVG_DEFAULT_WIDTH = 1600;
const FONT = 'DejaVu Sans, Segoe UI, Helvetica, Arial, sans-serif';

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Node degrees (edges counted once per end). */
export function degrees(doc: AtlasDocument): Uint32Array {
  const degree = new Uint32Array(doc.nodes.id.length);
  for (let i = 0; i < doc.edges.from.length; i++) {
    degree[doc.edges.from[i]]++;
    degree[doc.edges.to[i]]++;
  }
  return degree;
}

export function renderMapSvg(doc: AtlasDocument, options: MapSvgOptions = {}): string {
  const width = Math.round(options.width ?? MAP_SVG_DEFAULT_WIDTH);
  const height = Math.round(width * 0.7);
  const term = options.term ?? humanise;
  const unit = width / 1600; // text and marks scale with the figure
  const header = 56 * unit;
  const footer = 40 * unit;
  const legendWidth = 260 * unit;
  const pad = 24 * unit;
  const n = doc.nodes.id.length;
  const degree = degrees(doc);

  // Fit the layout's bounding box into the map area (left of the legend, between header and footer).
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, doc.nodes.x[i]);
    maxX = Math.max(maxX, doc.nodes.x[i]);
    minY = Math.min(minY, doc.nodes.y[i]);
    maxY = Math.max(maxY, doc.nodes.y[i]);
  }
  if (!n) minX = maxX = minY = maxY = 0;
  const areaW = width - legendWidth - 2 * pad;
  const areaH = height - header - footer - 2 * pad;
  const scale = Math.min(areaW / Math.max(1, maxX - minX), areaH / Math.max(1, maxY - minY));
  const offX = pad + (areaW - (maxX - minX) * scale) / 2;
  const offY = header + pad + (areaH - (maxY - minY) * scale) / 2;
  // y grows upwards in the layout (as in sigma), downwards in SVG.
  const px = (i: number) => r1(offX + (doc.nodes.x[i] - minX) * scale);
  const py = (i: number) => r1(offY + (maxY - doc.nodes.y[i]) * scale);
  const radius = (i: number) => r1((2 + Math.sqrt(degree[i]) * 1.6) * unit);

  const out: string[] = [];
  out.push(
    `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<title>${escapeXml(doc.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  );

  out.push(`<g class="edges" stroke="#9aa5b4" stroke-opacity="0.55" stroke-width="${r1(0.8 * unit)}">`);
  for (let e = 0; e < doc.edges.from.length; e++) {
    const a = doc.edges.from[e];
    const b = doc.edges.to[e];
    const w = doc.edges.weight[e] > 1 ? ` stroke-width="${r1(Math.min(6, 0.8 * Math.sqrt(doc.edges.weight[e])) * unit)}"` : '';
    out.push(`<line x1="${px(a)}" y1="${py(a)}" x2="${px(b)}" y2="${py(b)}"${w}/>`);
  }
  out.push('</g>');

  // Small nodes first, so hubs are drawn on top.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => degree[a] - degree[b]);
  out.push(`<g class="nodes" stroke="#ffffff" stroke-width="${r1(0.6 * unit)}">`);
  for (const i of order) {
    const colour = doc.legend[doc.nodes.kind[i]]?.colour ?? '#9aa3ad';
    out.push(`<circle cx="${px(i)}" cy="${py(i)}" r="${radius(i)}" fill="${colour}"><title>${escapeXml(doc.nodes.name[i])}</title></circle>`);
  }
  out.push('</g>');

  const labelled = order.slice(-Math.min(n, options.labels ?? 25)).filter((i) => degree[i] > 0);
  const fontSize = r1(13 * unit);
  out.push(`<g class="labels" font-size="${fontSize}" fill="#1f2933" stroke="#ffffff" stroke-width="${r1(3 * unit)}" paint-order="stroke" stroke-linejoin="round">`);
  for (const i of labelled) {
    const name = doc.nodes.name[i].length > 40 ? `${doc.nodes.name[i].slice(0, 39)}…` : doc.nodes.name[i];
    out.push(`<text x="${r1(px(i) + radius(i) + 3 * unit)}" y="${r1(py(i) + 4 * unit)}">${escapeXml(name)}</text>`);
  }
  out.push('</g>');

  // Title and date.
  out.push(
    `<text x="${r1(pad)}" y="${r1(34 * unit)}" font-size="${r1(24 * unit)}" font-weight="bold" fill="#1f2933">${escapeXml(doc.title)}</text>`,
    `<text x="${r1(width - pad)}" y="${r1(34 * unit)}" font-size="${r1(14 * unit)}" fill="#52606d" text-anchor="end">${escapeXml(`${n.toLocaleString('en')} nodes · ${doc.edges.from.length.toLocaleString('en')} links · ${doc.generatedAt.slice(0, 10)}`)}</text>`,
  );

  // Legend (kinds by frequency; past 12 entries the rest are summed up).
  const shown = doc.legend.slice(0, 12);
  const rest = doc.legend.slice(12).reduce((sum, entry) => sum + entry.count, 0);
  const lx = width - legendWidth;
  const ly = header + pad;
  const row = 22 * unit;
  const rows = shown.length + (rest ? 1 : 0);
  out.push(
    `<g class="legend" font-size="${r1(13 * unit)}" fill="#1f2933">`,
    `<rect x="${r1(lx)}" y="${r1(ly)}" width="${r1(legendWidth - pad)}" height="${r1((rows + 1.6) * row)}" rx="${r1(6 * unit)}" fill="#f7f9fb" stroke="#d5dbe3"/>`,
    `<text x="${r1(lx + 12 * unit)}" y="${r1(ly + row)}" font-weight="bold">Legend</text>`,
  );
  shown.forEach((entry, k) => {
    const y = ly + (k + 2) * row;
    out.push(
      `<circle cx="${r1(lx + 20 * unit)}" cy="${r1(y - 4 * unit)}" r="${r1(6 * unit)}" fill="${entry.colour}"/>`,
      `<text x="${r1(lx + 34 * unit)}" y="${r1(y)}">${escapeXml(`${term(entry.kind)} (${entry.count.toLocaleString('en')})`)}</text>`,
    );
  });
  if (rest) out.push(`<text x="${r1(lx + 34 * unit)}" y="${r1(ly + (shown.length + 2) * row)}">${escapeXml(`+ ${doc.legend.length - 12} more (${rest.toLocaleString('en')})`)}</text>`);
  out.push('</g>');

  // Attribution line.
  const attribution = doc.attribution.length > 220 ? `${doc.attribution.slice(0, 219)}…` : doc.attribution;
  out.push(
    `<text class="attribution" x="${r1(pad)}" y="${r1(height - 14 * unit)}" font-size="${r1(12 * unit)}" fill="#52606d">${escapeXml(attribution)}</text>`,
    '</svg>\n',
  );
  return out.join('\n');
}
