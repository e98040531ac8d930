// Centrality ranking: a d3 bar chart of the top actors for a measure
// (GET /api/analytics/centrality); a bar opens the node; the views can be
// sized by the same measure.
import { useEffect, useId, useState } from 'react';
import { scaleLinear } from 'd3';
import type { ToolProps } from '../../state/types.ts';
import type { RankedScore } from '../../api/types.ts';
import { useT } from '../../i18n/index.ts';
import '../paths/tools.css';

const MEASURES = ['degree', 'betweenness', 'closeness', 'pagerank', 'eigenvector'] as const;
type Measure = (typeof MEASURES)[number];
const TOP = 15;
const WIDTH = 290;
const BAR = 18;
const NAME_WIDTH = 132;

export function CentralityTool({ state, update, select, api }: ToolProps) {
  const t = useT();
  const id = useId();
  const measure: Measure = (MEASURES as readonly string[]).includes(state.params['centrality.measure'] ?? '') ? (state.params['centrality.measure'] as Measure) : 'betweenness';
  const projection = state.params['centrality.projection'] === 'full' ? 'full' : 'collaboration';
  const [scores, setScores] = useState<RankedScore[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setError(null);
    api
      .centrality(measure, { projection, limit: TOP, at: state.at ?? undefined, levels: state.filters.levels, kinds: state.filters.kinds })
      .then((s) => live && setScores(s))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [api, measure, projection, state.at, state.filters.levels, state.filters.kinds]);

  const max = Math.max(1e-9, ...(scores ?? []).map((s) => s.score));
  const x = scaleLinear().domain([0, max]).range([0, WIDTH - NAME_WIDTH - 44]);
  const format = (v: number) => t.formatNumber(v, { maximumSignificantDigits: 3 });
  return (
    <div className="centrality-tool">
      <div className="tool-form">
        <div>
          <label htmlFor={`${id}-m`}>{t('centrality.measure')}</label>
          <select id={`${id}-m`} value={measure} onChange={(e) => update({ params: { 'centrality.measure': e.target.value } })}>
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(`sizeBy.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-p`}>{t('centrality.projection')}</label>
          <select id={`${id}-p`} value={projection} onChange={(e) => update({ params: { 'centrality.projection': e.target.value === 'full' ? 'full' : '' } })}>
            <option value="collaboration">{t('centrality.collaboration')}</option>
            <option value="full">{t('centrality.full')}</option>
          </select>
        </div>
        <p className="tool-note">{t(`centrality.explain.${measure}`)}</p>
      </div>
      <div className="tool-results" aria-live="polite">
        {error && <p className="error" role="alert">{t('error.generic', { message: error })}</p>}
        {scores && scores.length === 0 && <p>{t('centrality.none')}</p>}
        {scores && scores.length > 0 && (
          <>
            <svg
              className="chart-svg"
              width={WIDTH}
              height={scores.length * (BAR + 4) + 4}
              role="group"
              aria-label={t('centrality.chart', { measure: t(`sizeBy.${measure}`), count: scores.length })}
              data-testid="centrality-chart"
            >
              {scores.map((s, i) => {
                const shortName = s.name.length > 18 ? `${s.name.slice(0, 17)}…` : s.name;
                return (
                <g
                  key={s.id}
                  transform={`translate(0,${i * (BAR + 4) + 2})`}
                  role="button"
                  tabIndex={0}
                  aria-label={t('centrality.bar', { rank: s.rank, name: shortName, score: format(s.score) })}
                  style={{ cursor: 'pointer' }}
                  onClick={() => select(s.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      select(s.id);
                    }
                  }}
                >
                  <title>{`${s.rank}. ${s.name}: ${format(s.score)}`}</title>
                  <rect x={NAME_WIDTH} y={0} width={Math.max(1, x(s.score))} height={BAR} rx={3} fill={state.selection === s.id ? '#b3261e' : '#1d5fa8'} />
                  {/* One text element, so the visible text reads "name score" like the accessible name. */}
                  <text y={BAR / 2} dy="0.35em" fill="#1f2933">
                    <tspan x={NAME_WIDTH - 6} textAnchor="end">
                      {shortName}
                    </tspan>
                    <tspan x={NAME_WIDTH + Math.max(1, x(s.score)) + 4} fill="#52606d">
                      {` ${format(s.score)}`}
                    </tspan>
                  </text>
                </g>
                );
              })}
            </svg>
            <div className="row">
              <button type="button" onClick={() => update({ highlight: scores.map((s) => s.id) })}>{t('centrality.highlight')}</button>
              <button type="button" onClick={() => update({ sizeBy: measure })} aria-pressed={state.sizeBy === measure}>
                {t('centrality.sizeBy')}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
