// The document's plain text with every candidate mention marked by its
// character offsets, coloured by candidate type. Each mark is focusable: Enter
// or a click jumps to the candidate's card in the list.
import { useMemo, type ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import { term } from '../graph-data/terms.ts';
import type { NodeCandidate, ReviewStatus } from '../review/types.ts';

export interface Mark {
  start: number;
  end: number;
  candidate: NodeCandidate;
}

/**
 * Non-overlapping marks in text order: when mentions overlap (the place inside
 * "Ayuntamiento de Zaragoza"), the longer one wins.
 */
export function layoutMarks(candidates: NodeCandidate[], textLength: number): Mark[] {
  const all = candidates
    .flatMap((c) => c.mentions.map((m) => ({ start: m.start, end: m.end, candidate: c })))
    .filter((m) => m.start >= 0 && m.end <= textLength && m.end > m.start)
    .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Mark[] = [];
  for (const m of all) if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

interface Props {
  text: string;
  candidates: NodeCandidate[];
  /** Decision per candidate key (accepted marks are drawn solid, rejected struck through). */
  statusOf(candidate: NodeCandidate): ReviewStatus | null;
  onOpen(candidate: NodeCandidate): void;
}

export function HighlightedText({ text, candidates, statusOf, onOpen }: Props) {
  const t = useT();
  const marks = useMemo(() => layoutMarks(candidates, text.length), [candidates, text.length]);
  const parts: ReactNode[] = [];
  let at = 0;
  marks.forEach((m, i) => {
    if (m.start > at) parts.push(text.slice(at, m.start));
    const c = m.candidate;
    const status = statusOf(c);
    const describe = `${term(t, 'label', c.label)} · ${term(t, 'kind', c.kind)} · ${t.formatNumber(c.confidence, { style: 'percent', maximumFractionDigits: 0 })}${status ? ` · ${t(`review.status.${status}`)}` : ''}`;
    parts.push(
      <mark
        key={i}
        className={`cand cand-${c.label.toLowerCase()}${status ? ` is-${status}` : ''}`}
        tabIndex={0}
        role="button"
        title={describe}
        data-testid="candidate-mark"
        data-label={c.label}
        data-key={c.key}
        onClick={() => onOpen(c)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            onOpen(c);
          }
        }}
      >
        {text.slice(m.start, m.end)}
        <span className="sr-only"> ({describe})</span>
      </mark>,
    );
    at = m.end;
  });
  if (at < text.length) parts.push(text.slice(at));
  return (
    <div className="document-text" data-testid="document-text">
      {parts}
    </div>
  );
}

/** The colour key of the marks. */
export function MarkLegend({ labels }: { labels: Array<NodeCandidate['label']> }) {
  const t = useT();
  return (
    <ul className="mark-legend" aria-label={t('documents.legend')}>
      {labels.map((l) => (
        <li key={l}>
          <mark className={`cand cand-${l.toLowerCase()}`}>{term(t, 'label', l)}</mark>
        </li>
      ))}
    </ul>
  );
}
