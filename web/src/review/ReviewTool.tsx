// The review queue (editors): suggestions from documents and self-registrations
// waiting outside the graph, filtered by status, origin and source; each is
// accepted (as proposed, edited, or merged into an existing node) or rejected.
// Viewers never get here: the tool is editor-only in the registry and the API
// refuses them anyway.
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { ToolProps } from '../state/types.ts';
import { useT } from '../i18n/index.ts';
import { ProblemMessage } from '../editing/ProblemMessage.tsx';
import { ReviewItemCard } from './ReviewItemCard.tsx';
import type { ReviewItem, ReviewOrigin, ReviewStatus } from './types.ts';
import { withEnds } from './ends.ts';
import './review.css';

const STATUS_CHOICES = ['pending', 'accepted', 'rejected', 'all'] as const;

export function ReviewTool({ api, data, role, refresh, update }: ToolProps) {
  const t = useT();
  const id = useId();
  const [status, setStatus] = useState<(typeof STATUS_CHOICES)[number]>('pending');
  const [origin, setOrigin] = useState<'' | ReviewOrigin>('');
  const [source, setSource] = useState('');
  const [query, setQuery] = useState({ status: 'pending', origin: '', source: '' });
  const [items, setItems] = useState<ReviewItem[] | null>(null);
  const [ends, setEnds] = useState<Map<string, ReviewItem>>(new Map());
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const editor = role === 'editor' || role === 'admin';

  useEffect(() => {
    if (!editor) return;
    let live = true;
    setError(null);
    api
      .reviewItems({
        status: query.status === 'all' ? undefined : [query.status as ReviewStatus],
        origin: (query.origin || undefined) as ReviewOrigin | undefined,
        source: query.source || undefined,
        limit: 500,
      })
      .then(async (list) => {
        const all = await withEnds(api, list);
        if (!live) return;
        setItems(list);
        setEnds(all);
      })
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [api, editor, query, version]);

  const itemsById = useMemo(() => new Map([...ends, ...(items ?? []).map((i) => [i.id, i] as const)]), [ends, items]);
  const onDecided = useCallback(
    (decided: ReviewItem) => {
      setItems((list) => list?.map((i) => (i.id === decided.id ? decided : i)) ?? null);
      setEnds((m) => (m.has(decided.id) ? new Map(m).set(decided.id, decided) : m));
      if (decided.status === 'accepted') refresh();
    },
    [refresh],
  );

  if (!editor) return <p>{t('review.editorsOnly')}</p>;
  const pendingCount = items?.filter((i) => i.status === 'pending').length ?? 0;
  return (
    <div className="review-tool" data-testid="review-tool">
      <form
        className="tool-form"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ status, origin, source: source.trim() });
          setVersion((v) => v + 1);
        }}
      >
        <div className="row">
          <div>
            <label htmlFor={`${id}-status`}>{t('review.filter.status')}</label>
            <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as typeof status)} data-testid="review-filter-status">
              {STATUS_CHOICES.map((s) => (
                <option key={s} value={s}>{t(`review.status.${s}`)}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-origin`}>{t('review.filter.origin')}</label>
            <select id={`${id}-origin`} value={origin} onChange={(e) => setOrigin(e.target.value as typeof origin)} data-testid="review-filter-origin">
              <option value="">{t('review.origin.all')}</option>
              <option value="suggestion">{t('review.origin.suggestion')}</option>
              <option value="submission">{t('review.origin.submission')}</option>
            </select>
          </div>
        </div>
        <label htmlFor={`${id}-source`}>{t('review.filter.source')}</label>
        <input id={`${id}-source`} type="text" value={source} onChange={(e) => setSource(e.target.value)} placeholder={t('review.filter.sourceHint')} />
        <button type="submit">{t('review.filter.apply')}</button>
      </form>
      <ProblemMessage error={error} />
      <p className="tool-note" role="status" data-testid="review-count">
        {items === null ? t('review.loading') : t('review.count', { count: items.length, pending: pendingCount })}
      </p>
      {items && items.length > 0 && (
        <div className="review-list">
          {items.map((item) => (
            <ReviewItemCard
              key={item.id}
              item={item}
              itemsById={itemsById}
              nodes={data.nodes}
              api={api}
              onDecided={onDecided}
              onShow={(nodeId) => update({ view: 'network', selection: nodeId, highlight: [nodeId] })}
            />
          ))}
        </div>
      )}
    </div>
  );
}
