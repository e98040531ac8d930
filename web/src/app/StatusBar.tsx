import { useT } from '../i18n/index.ts';
import type { GraphData, ViewState, ViewStatePatch } from '../state/types.ts';
import { hasActiveFilters, } from '../graph-data/filter.ts';
import { emptyFilters } from '../state/url.ts';

/** Counts, date and a one-click way out of filters / focus / compare. */
export function StatusBar({ state, data, all, update }: { state: ViewState; data: GraphData; all: GraphData | null; update(p: ViewStatePatch): void }) {
  const t = useT();
  const focus = state.params['focus'];
  return (
    <footer className="statusbar" role="status" aria-live="polite">
      <span data-testid="counts">
        {t('status.counts', { nodes: data.nodes.length, relationships: data.relationships.length })}
        {all && data.nodes.length !== all.nodes.length && ` ${t('status.ofTotal', { total: all.nodes.length })}`}
      </span>
      {state.at && !state.compare && <span>{t('status.at', { date: t.formatDate(state.at) })}</span>}
      {state.compare && <span>{t('status.compare', { from: t.formatDate(state.compare.from), to: t.formatDate(state.compare.to) })}</span>}
      {focus && (
        <button type="button" onClick={() => update({ params: { focus: '', depth: '' } })}>{t('status.clearFocus')}</button>
      )}
      {hasActiveFilters(state.filters) && (
        <button type="button" onClick={() => update({ filters: emptyFilters() })}>{t('status.clearFilters')}</button>
      )}
      {state.highlight.length > 0 && (
        <button type="button" onClick={() => update({ highlight: [] })}>{t('status.clearHighlight')}</button>
      )}
    </footer>
  );
}
