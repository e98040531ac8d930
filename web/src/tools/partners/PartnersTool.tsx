// Peer-partner finder: pick an actor → not-yet-connected actors ranked for peer
// learning (GET /api/recommendations/peers/:id), each with its reasons as
// sentences; the actor and its partners are highlighted in every view.
import { useEffect, useState } from 'react';
import type { ToolProps } from '../../state/types.ts';
import type { PeerAnswer } from '../../api/types.ts';
import { useT } from '../../i18n/index.ts';
import { term } from '../../graph-data/terms.ts';
import { NodePicker } from '../paths/NodePicker.tsx';
import { peerReasonSentences } from './reasons.ts';
import '../paths/tools.css';

const ACTOR: ['Actor'] = ['Actor'];

export function PartnersTool({ data, state, update, select, api }: ToolProps) {
  const t = useT();
  const selectedActor = state.selection && data.nodes.find((n) => n.id === state.selection && n.label === 'Actor') ? state.selection : null;
  const actor = state.params['partners.actor'] || selectedActor;
  const [answer, setAnswer] = useState<PeerAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!actor) {
      setAnswer(null);
      return;
    }
    let live = true;
    setBusy(true);
    setError(null);
    api
      .peers(actor, { limit: 10, at: state.at ?? undefined, levels: state.filters.levels, kinds: state.filters.kinds })
      .then((a) => {
        if (!live) return;
        setAnswer(a);
        update({ highlight: [a.actor.id, ...a.peers.map((p) => p.id)] });
      })
      .catch((e: unknown) => live && (setAnswer(null), setError(e instanceof Error ? e.message : String(e))))
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
    // `update` is stable; re-run when the actor, date or filters change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actor, api, state.at, state.filters.levels, state.filters.kinds]);

  const placeOf = (p: PeerAnswer['peers'][number]) => p.place?.municipality ?? p.place?.region ?? p.place?.country ?? '';
  return (
    <div className="partners-tool">
      <div className="tool-form">
        <NodePicker label={t('partners.actor')} nodes={data.nodes} labels={ACTOR} value={actor} onChange={(id) => update({ params: { 'partners.actor': id ?? '' } })} testId="partners-actor" />
        <p className="tool-note">{t('partners.hint')}</p>
      </div>
      <div className="tool-results" aria-live="polite" aria-busy={busy}>
        {busy && <p>{t('common.loading')}</p>}
        {error && <p className="error" role="alert">{t('error.generic', { message: error })}</p>}
        {answer && !busy && answer.peers.length === 0 && <p>{t('partners.none')}</p>}
        {answer && answer.peers.length > 0 && (
          <>
            <h3>{t('partners.for', { name: answer.actor.name, count: answer.total })}</h3>
            <div className="row">
              <button type="button" onClick={() => update({ view: 'map' })}>{t('partners.onMap')}</button>
              <button type="button" onClick={() => update({ view: 'rings' })}>{t('partners.onRings')}</button>
            </div>
            <ol className="result-list" data-testid="partner-results">
              {answer.peers.map((p, i) => (
                <li key={p.id}>
                  <div className="result-head">
                    <span className="rank">{i + 1}.</span>
                    <button type="button" className="link" onClick={() => select(p.id)}>
                      <strong>{p.name}</strong>
                    </button>
                    <span className="score" title={t('partners.scoreHint')}>{t('partners.score', { score: t.formatNumber(p.score, { maximumFractionDigits: 2 }) })}</span>
                  </div>
                  <div className="muted">
                    {[term(t, 'kind', p.kind), p.level ? term(t, 'level', p.level) : '', placeOf(p)].filter(Boolean).join(' · ')}
                  </div>
                  <div className="score-bar" aria-hidden="true">
                    <span style={{ width: `${Math.round(p.score * 100)}%` }} />
                  </div>
                  <ul className="reasons" aria-label={t('partners.why')}>
                    {peerReasonSentences(t, p.reasons, answer.actor.name, p.name).map((s, j) => (
                      <li key={j}>{s}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
            <details>
              <summary>{t('partners.how')}</summary>
              <p className="tool-note">{t('partners.formula')}</p>
            </details>
          </>
        )}
      </div>
    </div>
  );
}
