// A document chosen from disk: its text, the format POST /api/suggestions should
// read it as (by extension or type), and a title from the file name.
import type { SuggestionRequest } from '../review/types.ts';

export const DOCUMENT_ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';
/** The API takes up to 500,000 characters (and JSON bodies up to 1 MB by default). */
export const DOCUMENT_MAX_BYTES = 900_000;

export class DocumentFileError extends Error {}

export function formatOfFile(name: string, type: string): SuggestionRequest['format'] {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (ext === 'html' || ext === 'htm' || type === 'text/html') return 'html';
  if (ext === 'md' || ext === 'markdown' || type === 'text/markdown') return 'markdown';
  return 'text';
}

export async function readDocumentFile(file: File): Promise<{ text: string; format: SuggestionRequest['format']; title: string }> {
  if (file.size > DOCUMENT_MAX_BYTES) throw new DocumentFileError(`${file.name}: ${Math.round(file.size / 1024)} kB, more than ${Math.round(DOCUMENT_MAX_BYTES / 1024)} kB`);
  const text = await file.text();
  return { text, format: formatOfFile(file.name, file.type), title: file.name.replace(/\.[^.]+$/, '') };
}
