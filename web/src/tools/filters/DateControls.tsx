// The date slider (the network as it was on a day) and "what changed" between
// two days. The slider moves by months; the date field sets an exact day.
import { useId, useState } from 'react';
import { useT } from '../../i18n/index.ts';
import type { ViewState, ViewStatePatch } from '../../state/types.ts';

const START_YEAR = 2010;

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
function monthIndex(iso: string): number {
  return (Number(iso.slice(0, 4)) - START_YEAR) * 12 + Number(iso.slice(5, 7)) - 1;
}
function monthStart(index: number): string {
  const y = START_YEAR + Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}-01`;
}

export function DateControls({ state, update }: { state: ViewState; update(p: ViewStatePatch): void }) {
  const t = useT();
  const id = useId();
  const today = todayIso();
  const max = monthIndex(today);
  const value = state.at ? Math.max(0, Math.min(max, monthIndex(state.at))) : max;
  const [from, setFrom] = useState(state.compare?.from ?? `${Number(today.slice(0, 4)) - 2}-01-01`);
  const [to, setTo] = useState(state.compare?.to ?? today);
  const validRange = from < to;

  return (
    <>
      <fieldset>
        <legend>{t('filters.date')}</legend>
        <label htmlFor={`${id}-slider`} className="sr-only">{t('filters.dateSlider')}</label>
        <input
          id={`${id}-slider`}
          type="range"
          min={0}
          max={max}
          step={1}
          value={value}
          aria-valuetext={state.at ? t.formatDate(state.at) : t('filters.today')}
          onChange={(e) => {
            const v = Number(e.target.value);
            update({ at: v >= max ? null : monthStart(v), compare: null });
          }}
          data-testid="date-slider"
        />
        <div className="date-row">
          <label htmlFor={`${id}-at`}>{t('filters.at')}</label>
          <input id={`${id}-at`} type="date" value={state.at ?? ''} max={today} onChange={(e) => update({ at: e.target.value || null, compare: null })} />
          <button type="button" onClick={() => update({ at: null })} disabled={!state.at}>{t('filters.today')}</button>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('filters.compare')}</legend>
        <div className="date-row">
          <label htmlFor={`${id}-from`}>{t('filters.from')}</label>
          <input id={`${id}-from`} type="date" value={from} max={today} onChange={(e) => setFrom(e.target.value)} />
          <label htmlFor={`${id}-to`}>{t('filters.to')}</label>
          <input id={`${id}-to`} type="date" value={to} max={today} onChange={(e) => setTo(e.target.value)} />
        </div>
        {!validRange && <p className="error">{t('filters.badRange')}</p>}
        <div className="date-row">
          <button type="button" disabled={!validRange} onClick={() => update({ compare: { from, to }, at: null, colourBy: state.colourBy })}>
            {t('filters.showChanges')}
          </button>
          <button type="button" disabled={!state.compare} onClick={() => update({ compare: null })}>{t('filters.stopCompare')}</button>
        </div>
        {state.compare && <p className="muted">{t('filters.compareHint')}</p>}
      </fieldset>
    </>
  );
}
