// POST /api/import with the files as multipart/form-data. XMLHttpRequest
// rather than fetch because only it reports upload progress.
import type { BulkReport, Problem } from '../api/types.ts';
import { queryString } from '../api/client.ts';

export interface ColumnRead {
  header: string;
  field: string | null;
  by: 'name' | 'synonym' | 'override' | 'none';
  suggestion?: string;
}

export interface ImportReport extends BulkReport {
  errorCount?: number;
  warnings?: string[];
  files?: Array<{ name: string; format: string; rows: number; kind?: string; encoding?: string; delimiter?: string; columns?: ColumnRead[] }>;
  onError?: 'reject' | 'skip';
  skipped?: Array<{ file?: string; row: number; problems: string[] }>;
  skippedCount?: number;
  coverage?: {
    places: { actors: number; municipality: number; province: number; region: number; country: number; none: number; ambiguous: number };
    levels: { explicit: number; inferred: number; none: number };
  };
}

export interface ImportRequest {
  mode: 'merge' | 'replace';
  dryRun: boolean;
  token: string | null;
  onError?: 'reject' | 'skip';
  /** Header as written in the file → column of the import format, or null to keep it in properties. */
  columns?: Record<string, string | null>;
  base?: string;
}

export class UploadError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title);
  }
}

export function uploadImport(
  files: File[],
  options: ImportRequest,
  onProgress: (fraction: number) => void,
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    const xhr = new XMLHttpRequest();
    const columns = options.columns && Object.keys(options.columns).length ? JSON.stringify(options.columns) : undefined;
    xhr.open('POST', `${options.base ?? '/api'}/import${queryString({ mode: options.mode, dryRun: options.dryRun, onError: options.onError, columns })}`);
    xhr.setRequestHeader('accept', 'application/json');
    if (options.token) xhr.setRequestHeader('authorization', `Bearer ${options.token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new UploadError(0, { title: 'Network error', status: 0 }));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportReport);
      else reject(new UploadError(xhr.status, (body as Problem) ?? { title: xhr.statusText, status: xhr.status }));
    };
    xhr.send(form);
  });
}
