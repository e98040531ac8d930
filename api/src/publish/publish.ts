// One published file (the one-file atlas, or the map as SVG/PNG) for the
// export route and the export CLI: the atlas document under the query's view
// and filters, then the page, the figure or its raster.

import type { GraphStore } from '@atlas/graph';
import type { LayoutService } from '@atlas/graph/layout/service.ts';
import type { AtlasLanguage, AtlasView } from '@atlas/graph/publish/atlas-format.ts';
import { MAP_SVG_DEFAULT_WIDTH, renderMapSvg } from '@atlas/graph/publish/map-svg.ts';
import { buildAtlasDocument, type AtlasFilters } from './atlas-document.ts';
import { writeAtlasHtml } from './atlas-html.ts';
import { svgToPng } from './map-png.ts';

export const PUBLISH_FORMATS = ['html', 'svg', 'png'] as const;
export type PublishFormat = (typeof PUBLISH_FORMATS)[number];
export const isPublishFormat = (f: unknown): f is PublishFormat => (PUBLISH_FORMATS as readonly unknown[]).includes(f);

/** The map's filters (AtlasFilters) plus what to publish and how. */
export interface PublishRequest extends AtlasFilters {
  format: PublishFormat;
  view: AtlasView;
  lang: AtlasLanguage;
  width?: number;
  scale: number;
  title?: string;
  attribution?: string;
}

export interface PublishContext {
  layouts: LayoutService;
  /** The built viewer template (atlasTemplatePath). */
  atlasTemplate: string;
  /** Where the data came from, as the page states it. */
  source: string;
  /** How long to wait for the layout to settle before using its best positions so far (default 60 s). */
  layoutWaitMs?: number;
}

export interface PublishedFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
  nodes: number;
  edges: number;
  converged: boolean;
}

export async function publish(store: GraphStore, q: PublishRequest, context: PublishContext): Promise<PublishedFile> {
  const doc = await buildAtlasDocument(store, context.layouts, {
    view: q.view,
    lang: q.lang,
    filters: { at: q.at, levels: q.levels, kinds: q.kinds, labels: q.labels, types: q.types, topics: q.topics },
    source: context.source,
    title: q.title,
    attribution: q.attribution,
    layoutWaitMs: context.layoutWaitMs,
  });
  const stem = `atlas-${q.view}-${doc.generatedAt.slice(0, 10)}`;
  const counts = { nodes: doc.nodes.id.length, edges: doc.edges.from.length, converged: doc.converged };
  if (q.format === 'html') return { fileName: `${stem}.html`, contentType: 'text/html; charset=utf-8', body: await writeAtlasHtml(context.atlasTemplate, doc), ...counts };
  const svg = renderMapSvg(doc, { width: q.width });
  if (q.format === 'svg') return { fileName: `${stem}.svg`, contentType: 'image/svg+xml; charset=utf-8', body: svg, ...counts };
  return { fileName: `${stem}.png`, contentType: 'image/png', body: svgToPng(svg, (q.width ?? MAP_SVG_DEFAULT_WIDTH) * q.scale), ...counts };
}
