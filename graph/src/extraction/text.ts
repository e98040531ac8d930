// Plain text from the formats a document may come in, and sentences with their
// character offsets. Offsets always refer to the plain text returned here.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', middot: '·' };

/** HTML → text: scripts/styles dropped, block tags as line breaks, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/?(p|div|br|li|h[1-6]|tr|section|article|header|footer|ul|ol|table)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}

/** Markdown → text: markup characters removed, link texts kept. */
export function markdownToText(md: string): string {
  return md
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^\s*[-*+]\s+/gm, '• ')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/`([^`]*)`/g, '$1');
}

export type DocumentFormat = 'text' | 'markdown' | 'html';

export function toPlainText(content: string, format: DocumentFormat): string {
  if (format === 'html') return htmlToText(content);
  if (format === 'markdown') return markdownToText(content);
  return content;
}

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Sentences: split at . ! ? followed by space + capital, and at blank lines or bullets; offsets into `text`. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const boundary = /(?<=[.!?])\s+(?=[\p{Lu}“"‘'(¿¡0-9])|\n\s*\n|\n\s*[•·\-*]\s+|\n(?=\s*[\p{Lu}])/gu;
  let start = 0;
  const push = (s: number, e: number) => {
    let a = s;
    let b = e;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push({ start: a, end: b, text: text.slice(a, b) });
  };
  for (const m of text.matchAll(boundary)) {
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    // Abbreviations that end with a dot but not a sentence: S.L., coop. v., Sr., etc.
    if (/(\b[A-Z]\.|\bcoop\.|\bv\.|\bSr\.|\bSra\.|\bDr\.|\betc\.|\bp\.ej\.|\bNº\.)$/iu.test(before) && !m[0].includes('\n')) continue;
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return out;
}
