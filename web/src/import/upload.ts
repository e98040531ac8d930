// POST /api/import with the files as multipart/form-data. XMLHttpRequest
// rather than fetch because only it reports upload progress.
import type { BulkReport, Problem } from '../api/types.ts';
import { queryString } from '../api/client.ts';

export interface ImportReport extends BulkReport {
  errorCount?: number;
  warnings?: string[];
  files?: Array<{ name: string; format: string; rows: number }>;
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
  options: { mode: 'merge' | 'replace'; dryRun: boolean; token: string | null; base?: string },
  onProgress: (fraction: number) => void,
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const f of files) form.append('file', f, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${options.base ?? '/api'}/import${queryString({ mode: options.mode, dryRun: options.dryRun })}`);
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
