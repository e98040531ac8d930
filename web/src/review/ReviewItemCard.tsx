// One item of the review queue (a candidate node or relationship from a
// document, or a self-registration) with its evidence and the editor's
// decisions: accept (as proposed, with edits, linked to the matched node or as
// a new node), merge into an existing node, reject. Shared by the review queue
// tool and "Add from a document".
import { useId, useState } from 'react';
import { KINDS_BY_LABEL } from '@atlas/graph/model/vocabulary.ts';
import { useT } from '../i18n/index.ts';
import { term } from '../graph-data/terms.ts';
import type { ApiClient } from '../api/client.ts';
import type { GraphNode } from '../state/types.ts';
import { NodePicker } from '../tools/paths/NodePicker.tsx';
import { ProblemMessage } from '../editing/ProblemMessage.tsx';
import type { AcceptResult, ReviewItem } from './types.ts';

export interface ReviewItemCardProps {
  item: ReviewItem;
  /** Other items by id (the ends of a proposed relationship). */
  itemsById: Map<string, ReviewItem>;
  /** Nodes on the map (merge targets, names of relationship ends). */
  nodes: GraphNode[];
  api: ApiClient;
  onDecided(item: ReviewItem, result?: AcceptResult): void;
  /** Selects the written node on the map. */
  onShow?(nodeId: string): void;
  /** Set when the card is the target of a highlight in the document. */
  cardId?: string;
}

/** The name of a relationship end: an item's proposed or written node, or a node of the map. */
export function endName(ref: { item: string } | { node: string }, itemsById: Map<string, ReviewItem>, nodes: GraphNode[]): string {
  if ('node' in ref) return nodes.find((n) => n.id === ref.node)?.name ?? ref.node;
  return itemsById.get(ref.item)?.node?.name ?? ref.item;
}

/** Why a relationship cannot be accepted yet (an end pending or rejected), or null. */
export function blockedEnd(item: ReviewItem, itemsById: Map<string, ReviewItem>): { name: string; status: string } | null {
  if (!item.relationship) return null;
  for (const ref of [item.relationship.from, item.relationship.to]) {
    if (!('item' in ref)) continue;
    const end = itemsById.get(ref.item);
    if (!end || end.status !== 'accepted') return { name: end?.node?.name ?? ref.item, status: end?.status ?? 'pending' };
  }
  return null;
}

export function ReviewItemCard({ item, itemsById, nodes, api, onDecided, onShow, cardId }: ReviewItemCardProps) {
  const t = useT();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [edit, setEdit] = useState<{ name: string; kind: string; website: string } | null>(null);
  const [mergeTarget, setMergeTarget] = useState<string | null>(null);
  const [mergeOpen, setMergeOpen] = useState(false);
  const pending = item.status === 'pending';
  const blocked = blockedEnd(item, itemsById);
  const proposal = item.node;

  const act = async (run: () => Promise<{ item: ReviewItem; result?: AcceptResult }>) => {
    setBusy(true);
    setError(null);
    try {
      const { item: decided, result } = await run();
      onDecided(decided, result);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const accept = (body: Parameters<ApiClient['acceptReviewItem']>[1]) =>
    act(async () => {
      const result = await api.acceptReviewItem(item.id, body);
      return { item: result.item, result };
    });
  const reject = () => act(async () => ({ item: await api.rejectReviewItem(item.id) }));

  const title = proposal ? proposal.name : item.relationship ? `${endName(item.relationship.from, itemsById, nodes)} → ${endName(item.relationship.to, itemsById, nodes)}` : item.id;
  const kindLine = proposal
    ? `${term(t, 'label', proposal.label)} · ${term(t, 'kind', proposal.kind)}`
    : item.relationship
      ? `${term(t, 'type', item.relationship.type)}${item.relationship.role ? ` · ${term(t, 'role', item.relationship.role)}` : ''}`
      : '';
  const writtenNode = item.result?.nodeId;
  const mergeable = nodes.filter((n) => !proposal || n.label === proposal.label);

  return (
    <article
      className={`review-card status-${item.status}${proposal ? ` cand-${proposal.label.toLowerCase()}` : ' cand-relationship'}`}
      id={cardId}
      tabIndex={cardId ? -1 : undefined}
      aria-labelledby={`${id}-title`}
      data-testid="review-item"
      data-item={item.id}
      data-status={item.status}
    >
      <div className="result-head">
        <h3 id={`${id}-title`} className="review-title">{title}</h3>
        <span className="review-status">{t(`review.status.${item.status}`)}</span>
      </div>
      <p className="review-kind">{kindLine}</p>
      <dl className="review-facts">
        <dt>{t('review.confidence')}</dt>
        <dd>{t.formatNumber(item.confidence, { style: 'percent', maximumFractionDigits: 0 })}</dd>
        <dt>{t('review.rule')}</dt>
        <dd><code>{item.rule}</code></dd>
        <dt>{t('review.source')}</dt>
        <dd>
          {item.source.url ? <a href={item.source.url} target="_blank" rel="noopener noreferrer">{item.source.title}</a> : item.source.title}
          {item.source.date ? ` · ${t.formatDate(item.source.date)}` : ''}
        </dd>
        {item.match && (
          <>
            <dt>{t('review.match')}</dt>
            <dd data-testid="review-match">
              {item.match.name} <span className="muted">({t(`review.match.${item.match.how}`)}, {t.formatNumber(item.match.score, { maximumFractionDigits: 2 })})</span>
            </dd>
          </>
        )}
        {proposal?.website && (
          <>
            <dt>{t('review.website')}</dt>
            <dd>{proposal.website}</dd>
          </>
        )}
        {proposal?.description && (
          <>
            <dt>{t('review.description')}</dt>
            <dd>{proposal.description}</dd>
          </>
        )}
        {proposal?.tags?.length ? (
          <>
            <dt>{t('review.topics')}</dt>
            <dd>{proposal.tags.join(', ')}</dd>
          </>
        ) : null}
        {proposal?.contact && (
          <>
            <dt>{t('review.contact')}</dt>
            <dd>{[proposal.contact.name, proposal.contact.email].filter(Boolean).join(' · ')}</dd>
          </>
        )}
      </dl>
      <blockquote className="review-quote">{item.quote}</blockquote>

      {pending && (
        <div className="review-actions">
          {blocked ? (
            <p className="tool-note" id={`${id}-blocked`}>{t('review.blocked', { name: blocked.name, status: t(`review.status.${blocked.status}`) })}</p>
          ) : null}
          <div className="row">
            <button type="button" className="primary" disabled={busy || blocked !== null} aria-describedby={blocked ? `${id}-blocked` : undefined} onClick={() => accept({})} data-testid="review-accept">
              {item.match ? t('review.acceptLinked', { name: item.match.name }) : t('review.accept')}
            </button>
            {item.match && (
              <button type="button" disabled={busy} onClick={() => accept({ createNew: true })}>{t('review.acceptNew')}</button>
            )}
            <button type="button" disabled={busy} onClick={reject} data-testid="review-reject">{t('review.reject')}</button>
          </div>
          {proposal && (
            <div className="row">
              <button type="button" aria-expanded={edit !== null} onClick={() => setEdit(edit ? null : { name: proposal.name, kind: proposal.kind, website: proposal.website ?? '' })}>
                {t('review.editToggle')}
              </button>
              <button type="button" aria-expanded={mergeOpen} onClick={() => setMergeOpen(!mergeOpen)}>{t('review.mergeToggle')}</button>
            </div>
          )}
          {proposal && edit && (
            <form
              className="tool-form review-edit"
              onSubmit={(e) => {
                e.preventDefault();
                const edits: Record<string, string> = {};
                if (edit.name.trim() && edit.name.trim() !== proposal.name) edits.name = edit.name.trim();
                if (edit.kind !== proposal.kind) edits.kind = edit.kind;
                if (edit.website.trim() && edit.website.trim() !== (proposal.website ?? '')) edits.website = edit.website.trim();
                void accept({ edits, createNew: true });
              }}
            >
              <label htmlFor={`${id}-name`}>{t('review.field.name')}</label>
              <input id={`${id}-name`} type="text" value={edit.name} required maxLength={300} onChange={(e) => setEdit({ ...edit, name: e.target.value })} />
              <label htmlFor={`${id}-kind`}>{t('review.field.kind')}</label>
              <select id={`${id}-kind`} value={edit.kind} onChange={(e) => setEdit({ ...edit, kind: e.target.value })}>
                {KINDS_BY_LABEL[proposal.label].map((k) => (
                  <option key={k} value={k}>{term(t, 'kind', k)}</option>
                ))}
              </select>
              <label htmlFor={`${id}-web`}>{t('review.field.website')}</label>
              <input id={`${id}-web`} type="url" value={edit.website} placeholder="https://" onChange={(e) => setEdit({ ...edit, website: e.target.value })} />
              <button type="submit" className="primary" disabled={busy}>{t('review.acceptEdited')}</button>
            </form>
          )}
          {proposal && mergeOpen && (
            <div className="tool-form review-merge">
              <NodePicker label={t('review.mergeInto')} nodes={mergeable} value={mergeTarget} onChange={setMergeTarget} testId="review-merge-target" />
              <button type="button" disabled={busy || !mergeTarget} onClick={() => mergeTarget && accept({ mergeInto: mergeTarget })}>{t('review.merge')}</button>
            </div>
          )}
        </div>
      )}
      {item.status === 'accepted' && (
        <p className="review-outcome" role="status">
          {item.result?.merged ? t('review.outcome.merged') : item.relationship ? t('review.outcome.relationship') : t('review.outcome.created')}
          {writtenNode && onShow && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => onShow(writtenNode)}>{t('review.showOnMap')}</button>
            </>
          )}
        </p>
      )}
      {item.status === 'rejected' && <p className="review-outcome muted" role="status">{t('review.outcome.rejected')}{item.result?.reason ? `: ${item.result.reason}` : ''}</p>}
      <ProblemMessage error={error} />
    </article>
  );
}
