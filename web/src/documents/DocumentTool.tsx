// "Add from a document" (editors): paste text or upload a .txt/.md/.html file
// with its title, URL and date; POST /api/suggestions finds candidate actors,
// projects/programmes/events, places and relationships and queues them for
// review. The text comes back with every candidate highlighted; each candidate
// is accepted, merged into an existing node or rejected through the review
// queue, and the accepted ones can be shown on the map.
import { useCallback, useId, useMemo, useState } from 'react';
import type { ToolProps } from '../state/types.ts';
import { useT } from '../i18n/index.ts';
import { ProblemMessage } from '../editing/ProblemMessage.tsx';
import { ReviewItemCard, blockedEnd } from '../review/ReviewItemCard.tsx';
import type { NodeCandidate, ReviewItem, SuggestionAnswer, SuggestionRequest } from '../review/types.ts';
import { HighlightedText, MarkLegend, layoutMarks } from './HighlightedText.tsx';
import { readDocumentFile, DOCUMENT_ACCEPT } from './readFile.ts';
import '../review/review.css';

type Format = SuggestionRequest['format'];

export function DocumentTool({ api, data, role, refresh, update }: ToolProps) {
  const t = useT();
  const id = useId();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [date, setDate] = useState('');
  const [text, setText] = useState('');
  const [format, setFormat] = useState<Format>('text');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [answer, setAnswer] = useState<SuggestionAnswer | null>(null);
  const [items, setItems] = useState<ReviewItem[]>([]);
  const [bulk, setBulk] = useState(false);

  const itemsById = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);
  const candidates = useMemo(() => answer?.nodes ?? [], [answer]);
  const cardIdOf = useCallback((itemId: string) => `${id}-card-${itemId}`, [id]);
  // Candidate keys hold spaces and colons ("Place:zaragoza"); ids may not.
  const placeIdOf = useCallback((key: string) => `${id}-place-${key.replace(/[^\p{L}\p{N}_-]/gu, '_')}`, [id]);

  if (role !== 'editor' && role !== 'admin') return <p>{t('review.editorsOnly')}</p>;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.suggest({ text, format, title: title.trim(), ...(url.trim() ? { url: url.trim() } : {}), ...(date ? { date } : {}) });
      setAnswer(res);
      setItems(res.items);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const onDecided = (decided: ReviewItem) => {
    setItems((list) => list.map((i) => (i.id === decided.id ? decided : i)));
    if (decided.status === 'accepted') refresh();
  };
  // Accepts every pending candidate as proposed (linked to its match when it has one), then every
  // relationship whose two ends are accepted; what cannot be accepted stays pending for the editor.
  const acceptAll = async () => {
    setBulk(true);
    setError(null);
    let list = items;
    const decide = async (item: ReviewItem) => {
      const { item: decided } = await api.acceptReviewItem(item.id, {});
      list = list.map((i) => (i.id === decided.id ? decided : i));
      setItems(list);
    };
    try {
      for (const item of list.filter((i) => i.node && i.status === 'pending')) await decide(item);
      for (const item of list.filter((i) => i.relationship && i.status === 'pending')) {
        if (!blockedEnd(item, new Map(list.map((i) => [i.id, i])))) await decide(item);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBulk(false);
      refresh();
    }
  };
  const statusOf = (c: NodeCandidate) => (c.reviewItem ? (itemsById.get(c.reviewItem)?.status ?? null) : null);
  const open = (c: NodeCandidate) => {
    const target = c.reviewItem ? document.getElementById(cardIdOf(c.reviewItem)) : document.getElementById(placeIdOf(c.key));
    target?.scrollIntoView({ block: 'nearest' });
    target?.focus();
  };
  const acceptedNodes = items.filter((i) => i.node && i.status === 'accepted' && i.result?.nodeId).map((i) => i.result!.nodeId!);
  const pending = items.filter((i) => i.status === 'pending').length;
  const places = candidates.filter((c) => c.label === 'Place');
  const nodeItems = items.filter((i) => i.node);
  const relationshipItems = items.filter((i) => i.relationship);
  // The legend names the types that are marked (a place inside a council's name is not).
  const labels = [...new Set(layoutMarks(candidates, answer?.text.length ?? 0).map((m) => m.candidate.label))];

  return (
    <div className="document-tool" data-testid="document-tool">
      <form
        className="tool-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label htmlFor={`${id}-title`}>{t('documents.title')}</label>
        <input id={`${id}-title`} type="text" required maxLength={500} value={title} onChange={(e) => setTitle(e.target.value)} data-testid="document-title" />
        <div className="row">
          <div className="grow">
            <label htmlFor={`${id}-url`}>{t('documents.url')}</label>
            <input id={`${id}-url`} type="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)} />
          </div>
          <div>
            <label htmlFor={`${id}-date`}>{t('documents.date')}</label>
            <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
        </div>
        <label htmlFor={`${id}-text`}>{t('documents.text')}</label>
        <textarea id={`${id}-text`} rows={8} required value={text} onChange={(e) => setText(e.target.value)} data-testid="document-text-input" />
        <div className="row">
          <label htmlFor={`${id}-file`} className="button-link">{t('documents.upload')}</label>
          <input
            id={`${id}-file`}
            className="sr-only"
            type="file"
            accept={DOCUMENT_ACCEPT}
            data-testid="document-file"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              try {
                const doc = await readDocumentFile(file);
                setText(doc.text);
                setFormat(doc.format);
                if (!title.trim()) setTitle(doc.title);
                setError(null);
              } catch (err) {
                setError(err);
              }
            }}
          />
          <div>
            <label htmlFor={`${id}-format`}>{t('documents.format')}</label>
            <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as Format)}>
              <option value="text">{t('documents.format.text')}</option>
              <option value="markdown">Markdown</option>
              <option value="html">HTML</option>
            </select>
          </div>
        </div>
        <button type="submit" className="primary" disabled={busy || !text.trim() || !title.trim()} data-testid="document-submit">
          {busy ? t('documents.reading') : t('documents.find')}
        </button>
      </form>
      <ProblemMessage error={error} />

      {answer && (
        <section className="tool-results" aria-labelledby={`${id}-found`}>
          <h3 id={`${id}-found`}>{t('documents.found')}</h3>
          <p className="tool-note" role="status" data-testid="document-summary">
            {t('documents.summary', { nodes: nodeItems.length, relationships: relationshipItems.length, places: places.length })}{' '}
            {answer.queued ? t('documents.queued') : ''}
          </p>
          {candidates.length > 0 && <MarkLegend labels={labels} />}
          <HighlightedText text={answer.text} candidates={candidates} statusOf={statusOf} onOpen={open} />
          <div className="row document-actions">
            <button
              type="button"
              className="primary"
              disabled={acceptedNodes.length === 0}
              data-testid="document-show"
              onClick={() => update({ view: 'network', selection: acceptedNodes[0], highlight: acceptedNodes })}
            >
              {t('documents.showOnMap', { count: acceptedNodes.length })}
            </button>
            <button type="button" disabled={bulk || pending === 0} onClick={() => void acceptAll()} data-testid="document-accept-all">
              {t('documents.acceptAll')}
            </button>
            <span className="tool-note" role="status">{t('documents.pending', { count: pending })}</span>
          </div>
          {nodeItems.length > 0 && <h4>{t('documents.candidates')}</h4>}
          <div className="review-list">
            {nodeItems.map((item) => (
              <ReviewItemCard key={item.id} cardId={cardIdOf(item.id)} item={item} itemsById={itemsById} nodes={data.nodes} api={api} onDecided={onDecided} onShow={(nodeId) => update({ view: 'network', selection: nodeId, highlight: [nodeId] })} />
            ))}
          </div>
          {relationshipItems.length > 0 && <h4>{t('documents.relationships')}</h4>}
          <div className="review-list">
            {relationshipItems.map((item) => (
              <ReviewItemCard key={item.id} item={item} itemsById={itemsById} nodes={data.nodes} api={api} onDecided={onDecided} />
            ))}
          </div>
          {places.length > 0 && (
            <>
              <h4>{t('documents.places')}</h4>
              <ul className="place-list">
                {places.map((p) => (
                  <li key={p.key} id={placeIdOf(p.key)} tabIndex={-1}>
                    {p.name} <span className="muted">· {t('documents.placeNote')}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
  );
}
