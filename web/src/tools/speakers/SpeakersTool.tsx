// Speaker finder: a topic and a diversity slider → a shortlist with the
// evidence behind each name (GET /api/speakers), highlighted in the views,
// downloadable as CSV (the same endpoint with format=csv).
import { useEffect, useId, useState } from 'react';
import type { ToolProps } from '../../state/types.ts';
import type { SpeakerAnswer } from '../../api/types.ts';
import { queryString } from '../../api/client.ts';
import { useT } from '../../i18n/index.ts';
import { term } from '../../graph-data/terms.ts';
import { NodePicker } from '../paths/NodePicker.tsx';
import { speakerReasonSentences } from '../partners/reasons.ts';
import '../paths/tools.css';

const TOPIC: ['Topic'] = ['Topic'];

export function SpeakersTool({ data, state, update, select, api }: ToolProps) {
  const t = useT();
  const id = useId();
  const topic = state.params['speakers.topic'] || null;
  const diversity = Math.min(1, Math.max(0, Number(state.params['speakers.diversity'] ?? 0.5)));
  const [slider, setSlider] = useState(diversity);
  const [answer, setAnswer] = useState<SpeakerAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const query = { diversity, limit: 10, at: state.at ?? undefined, levels: state.filters.levels, kinds: state.filters.kinds };

  useEffect(() => setSlider(diversity), [diversity]);
  useEffect(() => {
    if (!topic) {
      setAnswer(null);
      return;
    }
    let live = true;
    setBusy(true);
    setError(null);
    api
      .speakers(topic, query)
      .then((a) => {
        if (!live) return;
        setAnswer(a);
        update({ highlight: a.speakers.map((s) => s.id) });
      })
      .catch((e: unknown) => {
        if (!live) return;
        setAnswer(null);
        setError(e instanceof Error ? e.message : String(e));
      })
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [topic, diversity, api, state.at, state.filters.levels, state.filters.kinds]);

  const csvUrl = topic ? `/api/speakers${queryString({ topic, ...query, format: 'csv' })}` : null;
  return (
    <div className="speakers-tool">
      <div className="tool-form">
        <NodePicker label={t('speakers.topic')} nodes={data.nodes} labels={TOPIC} value={topic} onChange={(v) => update({ params: { 'speakers.topic': v ?? '' } })} testId="speakers-topic" />
        <div>
          <label htmlFor={`${id}-div`}>{t('speakers.diversity', { value: Math.round(slider * 100) })}</label>
          <input
            id={`${id}-div`}
            type="range"
            min={0}
            max={1}
            step={0.1}
            value={slider}
            aria-valuetext={t('speakers.diversityValue', { value: Math.round(slider * 100) })}
            onChange={(e) => setSlider(Number(e.target.value))}
            onPointerUp={() => update({ params: { 'speakers.diversity': String(slider) } })}
            onKeyUp={() => update({ params: { 'speakers.diversity': String(slider) } })}
            style={{ width: '100%' }}
          />
          <div className="row tool-note" style={{ justifyContent: 'space-between' }}>
            <span>{t('speakers.relevance')}</span>
            <span>{t('speakers.mix')}</span>
          </div>
        </div>
      </div>
      <div className="tool-results" aria-live="polite" aria-busy={busy}>
        {busy && <p>{t('common.loading')}</p>}
        {error && <p className="error" role="alert">{t('error.generic', { message: error })}</p>}
        {answer && !busy && answer.speakers.length === 0 && <p>{t('speakers.none', { topic: answer.topic.name })}</p>}
        {answer && answer.speakers.length > 0 && (
          <>
            <h3>{t('speakers.for', { topic: answer.topic.name, count: answer.total })}</h3>
            {csvUrl && (
              <a className="button-link" href={csvUrl} download data-testid="speakers-csv">
                {t('speakers.csv')}
              </a>
            )}
            <ol className="result-list" data-testid="speaker-results">
              {answer.speakers.map((s) => (
                <li key={s.id}>
                  <div className="result-head">
                    <span className="rank">{s.rank}.</span>
                    <button type="button" className="link" onClick={() => select(s.id)}>
                      <strong>{s.name}</strong>
                    </button>
                    <span className="score">{t('speakers.evidence', { value: t.formatNumber(s.evidence, { maximumFractionDigits: 1 }) })}</span>
                  </div>
                  <div className="muted">{[term(t, 'kind', s.kind), s.level ? term(t, 'level', s.level) : '', s.region ?? ''].filter(Boolean).join(' · ')}</div>
                  <ul className="reasons" aria-label={t('speakers.why')}>
                    {speakerReasonSentences(t, s.reasons).map((r, j) => (
                      <li key={j}>{r}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
    </div>
  );
}
