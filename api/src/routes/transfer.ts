import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { AtlasError, ValidationError, type FieldError, type GraphStore } from '@atlas/graph';
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO, IMPORT_FORMATS, ON_ERROR, exportGraph, importGraph, type ImportFile, type ImportProgress } from '@atlas/graph/codecs/index.ts';
import { problemFrom } from '../http/problem.ts';
import type { Config } from '../config.ts';
import { writeContext } from '../http/actor.ts';
import { documentRoute } from '../openapi/registry.ts';
import { parseRequest } from '../http/validate.ts';
import { storeViewFor } from '../auth/personal-data.ts';
import { NetworkFilterQuery, boolParam, labelsParam, single } from '../http/params.ts';
import type { LayoutService } from '@atlas/graph/layout/service.ts';
import { ATLAS_LANGUAGES, ATLAS_VIEWS } from '@atlas/graph/publish/atlas-format.ts';
import { MAP_SVG_DEFAULT_WIDTH } from '@atlas/graph/publish/map-svg.ts';
import { PUBLISH_FORMATS, isPublishFormat, publish } from '../publish/publish.ts';

export const ImportQuery = z.object({
  format: single(z.enum(IMPORT_FORMATS)).optional().describe('Forces the format; default: detected from each file name and first bytes'),
  mode: single(z.enum(['merge', 'replace']).default('merge')).describe('merge: create/update, keep the rest; replace: the store holds exactly the import'),
  dryRun: boolParam(false).describe('Check everything and report what would change, write nothing'),
  name: single(z.string().regex(/^[\w. -]{1,200}$/, 'a plain file name')).optional().describe('File name of a raw (non-multipart) body'),
  onError: single(z.enum(ON_ERROR).default('reject')).describe('reject: any bad row fails the import; skip: bad rows (and what needed them) are left out and listed in `skipped`'),
  columns: single(z.string().max(20_000))
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return undefined;
      try {
        const parsed: unknown = JSON.parse(text);
        const ok = parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Object.values(parsed).every((v) => v === null || typeof v === 'string');
        if (ok) return parsed as Record<string, string | null>;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object {"header in the file": "column" | null}' });
      return z.NEVER;
    })
    .describe('CSV column mapping as JSON: {"header as written in the file": "column of the import format" | null to keep it in properties}; overrides the guess, which the (dry-run) report returns in files[].columns'),
  enrich: boolParam(true).describe('Geocode places from the bundled gazetteer and infer missing levels (false: import the files exactly as they are)'),
});

/** Data formats for tools, and formats published for people (the one-file atlas, the map as an image). */
const ALL_FORMATS = [...EXPORT_FORMATS, ...PUBLISH_FORMATS] as const;
/** Largest image side in px (a 2× PNG of a 4000-px figure). */
const MAX_IMAGE_WIDTH = 8000;

export const ExportQuery = NetworkFilterQuery.extend({
  format: single(z.enum(ALL_FORMATS).default('json')),
  view: single(z.enum(ATLAS_VIEWS).default('network')).describe('html/svg/png: the map drawn (network, or the actor–actor collaboration projection)'),
  labels: labelsParam,
  lang: single(z.enum(ATLAS_LANGUAGES).default('es')).describe('html: the language the atlas opens in (es, ca, en; its reader can switch)'),
  width: single(z.coerce.number().int().min(200).max(MAX_IMAGE_WIDTH)).optional().describe(`svg/png: figure width in px (default ${MAP_SVG_DEFAULT_WIDTH})`),
  scale: single(z.coerce.number().int().min(1).max(4).default(1)).describe('png: pixel density (1×, 2×…); the PNG is width × scale px wide'),
  title: single(z.string().trim().min(1).max(200)).optional().describe('html/svg/png: title (default: "Atlas del ecosistema" in the chosen language)'),
  attribution: single(z.string().trim().min(1).max(1000)).optional().describe('html/svg/png: licence and attribution text (default: the data sources, most used first)'),
}).refine((q) => (q.width ?? MAP_SVG_DEFAULT_WIDTH) * q.scale <= MAX_IMAGE_WIDTH, { path: ['scale'], message: `width × scale must be at most ${MAX_IMAGE_WIDTH} px` });

const Counts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), deleted: z.number().int() });
const ImportReportSchema = Counts.extend({
  nodes: Counts,
  relationships: Counts,
  errors: z.array(z.object({ path: z.string(), message: z.string(), file: z.string().optional(), row: z.number().int().optional(), column: z.string().optional() })),
  errorCount: z.number().int(),
  dryRun: z.boolean(),
  revision: z.number().int(),
  format: z.string(),
  mode: z.enum(['merge', 'replace']),
  files: z.array(
    z.object({
      name: z.string(),
      format: z.string(),
      kind: z.string().optional(),
      encoding: z.string().optional(),
      delimiter: z.string().optional(),
      rows: z.number().int(),
      columns: z
        .array(z.object({ header: z.string(), field: z.string().nullable(), by: z.enum(['name', 'synonym', 'override', 'none']), suggestion: z.string().optional() }))
        .optional()
        .describe('csv: the column of the import format each header was read as (null: kept in properties)'),
    }),
  ),
  warnings: z.array(z.string()),
  onError: z.enum(ON_ERROR),
  skipped: z.array(z.object({ file: z.string().optional(), row: z.number().int(), problems: z.array(z.string()) })).optional(),
  skippedCount: z.number().int().optional(),
  coverage: z
    .object({ places: z.record(z.string(), z.unknown()), levels: z.record(z.string(), z.unknown()) })
    .optional()
    .describe('Places: actors placed at municipality / province / region / country / not placed, by method, ambiguities; levels: given, inferred (by rule), none'),
});

documentRoute({
  method: 'post',
  path: '/api/import',
  operationId: 'importGraph',
  tag: 'Import and export',
  summary: 'Import csv (elements.csv + connections.csv), json, gexf or graphml — all or nothing',
  description:
    'Send multipart/form-data with one or more files (e.g. elements.csv and connections.csv, or a zip of both), or a raw body (use `name` to give it a file name). ' +
    'Bodies larger than IMPORT_MAX_BYTES get 413. If any row is wrong nothing is written and the answer is 400 problem+json whose `errors[]` name file, row and column; ' +
    'with dryRun=true the answer is always 200 with the report (its `errors[]` filled in when the import would fail). ' +
    'With `Accept: application/x-ndjson` the answer streams progress lines `{event: "progress", phase, file, rows, elements, bytesRead, totalBytes}` ' +
    'and ends with `{event: "report", report}` or `{event: "problem", problem}`.',
  query: ImportQuery,
  body: {
    description: 'The files',
    content: {
      'multipart/form-data': 'one or more files',
      'text/csv': 'one CSV file',
      'application/json': 'a JSON export',
      'application/xml': 'GEXF or GraphML',
      'application/zip': 'a zip of elements.csv and connections.csv',
    },
  },
  write: true,
  responses: { 200: { description: 'The import report', schema: ImportReportSchema, name: 'ImportReport' }, 413: { description: 'Larger than IMPORT_MAX_BYTES' } },
});
documentRoute({
  method: 'get',
  path: '/api/export',
  operationId: 'exportGraph',
  tag: 'Import and export',
  summary: 'The whole graph as json, csv (zip of elements + connections), gexf, graphml or cypher (streamed download); the map as a one-file atlas (html) or an image (svg, png)',
  description:
    'format=html writes ONE self-contained HTML page (data, server layout positions, viewer with search, legend, filters, side panel with provenance quotes, es/ca/en) that makes no request when opened, from file:// or any static host. ' +
    'format=svg|png draw the map of `view` on the server from the layout positions, with legend and attribution. ' +
    'These three take the filters of the map (at, levels, kinds, labels, types, topics) and always redact personal data as for an anonymous reader (the file is meant to be published).',
  query: ExportQuery,
  responses: {
    200: {
      description: 'A download (Content-Disposition: attachment)',
      content: {
        ...Object.fromEntries(EXPORT_FORMATS.map((f) => [EXPORT_FORMAT_INFO[f].contentType.split(';')[0], `format=${f}`])),
        'text/html': 'format=html',
        'image/svg+xml': 'format=svg',
        'image/png': 'format=png',
      },
    },
    503: { description: 'format=html: the viewer template is not built (npm run build:web)' },
  },
});

const MAX_FILES = 20;

/** POST /api/import (mounted before the JSON body parser: bodies are streamed to temp files). */
export function importRouter(store: GraphStore, guardWrite: RequestHandler, config: Config): Router {
  const router = Router();
  router.post('/', guardWrite, async (req, res) => {
    const q = parseRequest(ImportQuery, req.query, 'query');
    const dir = await mkdtemp(path.join(tmpdir(), 'atlas-import-'));
    try {
      const files = await receiveFiles(req, dir, config.IMPORT_MAX_BYTES, q.name);
      if (!files.length) throw new ValidationError('no file in the request', [{ path: 'body', message: 'send a file (multipart/form-data or a raw body)' }]);
      const options = { format: q.format, mode: q.mode, dryRun: q.dryRun, onError: q.onError, columns: q.columns, enrich: q.enrich, ctx: writeContext(req, 'import') };
      const rejected = (report: { errorCount: number; errors: FieldError[] }) =>
        new ValidationError(`the import was rejected and nothing was written: ${report.errorCount} error(s)`, report.errors);
      if (req.accepts(['application/json', 'application/x-ndjson']) === 'application/x-ndjson') {
        await streamImport(res, (onProgress) => importGraph(store, files, { ...options, onProgress }), rejected, (err) => req.log?.error({ err }, 'streamed import failed'));
        return;
      }
      const report = await importGraph(store, files, options);
      if (report.errors.length && !q.dryRun) throw rejected(report);
      res.json(report);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  return router;
}

/**
 * Streamed progress for long imports (`Accept: application/x-ndjson`): one JSON
 * line `{event: "progress", phase, file, rows, elements, bytesRead, totalBytes}`
 * at most every 250 ms while the files are read, checked and written, then a
 * last line `{event: "report", report}` or `{event: "problem", problem}` (the
 * problem+json body the plain request would have had).
 * The status is 200 once the upload is accepted: the outcome is in the last line.
 */
async function streamImport(
  res: Response,
  run: (onProgress: (p: ImportProgress) => void) => Promise<Awaited<ReturnType<typeof importGraph>>>,
  rejected: (report: { errorCount: number; errors: FieldError[] }) => AtlasError,
  logFailure: (err: unknown) => void,
): Promise<void> {
  // no-transform keeps the compression middleware from buffering the lines.
  res.status(200).type('application/x-ndjson').setHeader('Cache-Control', 'no-cache, no-transform');
  res.flushHeaders();
  let last = 0;
  const line = (value: object) => res.write(`${JSON.stringify(value)}\n`);
  try {
    const report = await run((p) => {
      const now = Date.now();
      if (p.phase !== 'done' && now - last < 250) return;
      last = now;
      line({ event: 'progress', ...p });
    });
    line(report.errors.length && !report.dryRun ? { event: 'problem', problem: problemFrom(rejected(report)) } : { event: 'report', report });
  } catch (error) {
    if (!(error instanceof AtlasError)) logFailure(error);
    const known = error instanceof AtlasError ? error : new AtlasError('unavailable', 'the import failed on our side; nothing was written');
    line({ event: 'problem', problem: problemFrom(known) });
  } finally {
    res.end();
  }
}

export interface PublishDeps {
  /** The layout service GET /api/layout uses (same cache, same positions). */
  layouts: LayoutService;
  /** The built viewer template (api/src/publish/atlas-html.ts atlasTemplatePath). */
  atlasTemplate: string;
  /** How long format=html|svg|png wait for the layout to settle (default 60 s), then use its best positions so far. */
  layoutWaitMs?: number;
}

/** GET /api/export?format= */
export function exportRouter(store: GraphStore, deps: PublishDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const q = parseRequest(ExportQuery, req.query, 'query');
    const { format } = q;
    if (isPublishFormat(format)) {
      const file = await publish(store, { ...q, format }, { ...deps, source: `${req.protocol}://${req.get('host') ?? 'localhost'}/` });
      res.status(200).attachment(file.fileName).type(file.contentType).send(file.body);
      return;
    }
    const info = EXPORT_FORMAT_INFO[format];
    // attachment() guesses a type from the extension (.gexf → octet-stream): set ours after it.
    res.status(200).attachment(info.fileName).type(info.contentType);
    await exportGraph(storeViewFor(req, store), format, res);
    res.end();
  });
  return router;
}

function tooLarge(max: number): AtlasError {
  return new AtlasError('payload_too_large', `the upload is larger than the ${max}-byte import limit`);
}

/** Counts bytes across every file of the request and fails past the cap. */
function byteCap(counter: { bytes: number }, max: number): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      counter.bytes += chunk.length;
      if (counter.bytes > max) callback(tooLarge(max));
      else callback(null, chunk);
    },
  });
}

function safeName(name: string, index: number): string {
  const base = path.basename(name).replace(/[^\w.-]+/g, '_').slice(0, 100) || 'upload';
  return `${index}-${base}`;
}

const NAME_BY_TYPE: Record<string, string> = {
  'text/csv': 'upload.csv',
  'application/json': 'upload.json',
  'application/zip': 'upload.zip',
  'application/gexf+xml': 'upload.gexf',
  'application/graphml+xml': 'upload.graphml',
  'application/xml': 'upload.xml',
  'text/xml': 'upload.xml',
};

/** Streams the request's file(s) to `dir`: multipart parts, or the raw body as one file. */
async function receiveFiles(req: Request, dir: string, max: number, rawName?: string): Promise<ImportFile[]> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  const counter = { bytes: 0 };
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();

  if (type !== 'multipart/form-data') {
    const name = rawName ?? NAME_BY_TYPE[type] ?? 'upload';
    const target = path.join(dir, safeName(name, 0));
    await pipeline(req, byteCap(counter, max), createWriteStream(target));
    return counter.bytes ? [{ name, path: target }] : [];
  }

  return new Promise<ImportFile[]>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: MAX_FILES, fileSize: max, fields: 50 } });
    } catch (error) {
      reject(new ValidationError('malformed multipart body', [{ path: 'body', message: (error as Error).message }]));
      return;
    }
    const files: ImportFile[] = [];
    const writes: Promise<void>[] = [];
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      reject(error);
    };
    parser.on('file', (field: string, stream: Readable, info: { filename?: string }) => {
      const name = info.filename || field || `upload-${files.length}`;
      const target = path.join(dir, safeName(name, files.length));
      files.push({ name, path: target });
      writes.push(pipeline(stream, byteCap(counter, max), createWriteStream(target)).catch((error) => fail(error)));
    });
    parser.on('filesLimit', () => fail(new ValidationError(`at most ${MAX_FILES} files per import`, [{ path: 'body', message: 'too many files' }])));
    parser.on('error', (error: Error) => fail(new ValidationError('malformed multipart body', [{ path: 'body', message: error.message }])));
    parser.on('close', () => {
      void Promise.all(writes).then(() => {
        if (!failed) resolve(files);
      });
    });
    req.pipe(parser);
  });
}
