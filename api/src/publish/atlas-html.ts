// The one-file atlas: the viewer template built by `npm run build:web`
// (web/dist-atlas/atlas.html, every script and style inlined by
// web/vite.atlas.config.ts) with the atlas document put into its JSON block.
// The page makes no request when opened: it works from file:// and any static host.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AtlasError } from '@atlas/graph';
import { jsonForScript, type AtlasDocument } from '@atlas/graph/publish/atlas-format.ts';
import { escapeXml } from '@atlas/graph/publish/map-svg.ts';

/** Where the viewer build puts its template, next to the web app's dist folder. */
export function atlasTemplatePath(webDist: string): string {
  return path.join(path.dirname(path.resolve(webDist)), 'dist-atlas', 'atlas.html');
}

/** The marker the template carries inside `<script id="atlas-data" type="application/json">`. */
export const DATA_MARKER = '"__ATLAS_DATA__"';

let cached: { file: string; text: string } | null = null;

export async function readAtlasTemplate(file: string): Promise<string> {
  if (cached?.file === file) return cached.text;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new AtlasError('unavailable', `the static atlas viewer is not built (${file} is missing): run \`npm run build:web\``);
  }
  if (!text.includes(DATA_MARKER)) throw new AtlasError('unavailable', `${file} is not an atlas viewer template (no data block): run \`npm run build:web\` again`);
  cached = { file, text };
  return text;
}

/** The template with the document in its data block, and its title and language set. */
export function atlasHtml(template: string, doc: AtlasDocument): string {
  const title = escapeXml(`${doc.title} · ${doc.generatedAt.slice(0, 10)}`);
  return template
    .replace(/<html lang="[^"]*"/, `<html lang="${doc.lang}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`)
    // A function replacement: `$` in the data must not be read as a pattern.
    .replace(DATA_MARKER, () => jsonForScript(doc));
}

export async function writeAtlasHtml(templateFile: string, doc: AtlasDocument): Promise<string> {
  return atlasHtml(await readAtlasTemplate(templateFile), doc);
}
