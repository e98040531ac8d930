// Filters (labels, levels, kinds, relationship types, topics) + date controls.
// Each choice is written to the URL; the app filters the loaded data.
import { useEffect, useMemo, useState } from 'react';
import { LEVELS, NODE_LABELS, RELATIONSHIP_TYPES } from '@atlas/graph/model/vocabulary.ts';
import { useT } from '../../i18n/index.ts';
import type { Filters, GraphNode, ToolProps } from '../../state/types.ts';
import { term } from '../../graph-data/terms.ts';
import { emptyFilters } from '../../state/url.ts';
import { DateControls } from './DateControls.tsx';

function CheckGroup<V extends string>({ legend, group, values, chosen, onChange }: { legend: string; group: string; values: readonly V[]; chosen: V[]; onChange(next: V[]): void }) {
  const t = useT();
  return (
    <fieldset className="check-group">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v}>
          <input
            type="checkbox"
            checked={chosen.includes(v)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, v] : chosen.filter((c) => c !== v))}
          />
          {term(t, group, v)}
        </label>
      ))}
    </fieldset>
  );
}

export function FiltersTool({ state, update, api }: ToolProps) {
  const t = useT();
  const f = state.filters;
  const set = (patch: Partial<Filters>) => update({ filters: patch });
  const [topics, setTopics] = useState<GraphNode[]>([]);
  const [kinds, setKinds] = useState<string[]>([]);
  // Topics and kinds come from the whole store, not the filtered view, so a filter can be widened again.
  useEffect(() => {
    let live = true;
    api.listAll<GraphNode>('/nodes', { label: 'Topic' }).then((list) => live && setTopics(list)).catch(() => undefined);
    api
      .listAll<GraphNode>('/nodes', { label: 'Actor' })
      .then((list) => live && setKinds([...new Set(list.map((n) => n.kind))].sort()))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api]);
  const sortedTopics = useMemo(() => [...topics].sort((a, b) => a.name.localeCompare(b.name)), [topics]);

  return (
    <div className="filters">
      <CheckGroup legend={t('filters.labels')} group="label" values={NODE_LABELS} chosen={f.labels} onChange={(labels) => set({ labels })} />
      <CheckGroup legend={t('filters.levels')} group="level" values={LEVELS} chosen={f.levels} onChange={(levels) => set({ levels })} />
      {kinds.length > 0 && <CheckGroup legend={t('filters.kinds')} group="kind" values={kinds} chosen={f.kinds} onChange={(k) => set({ kinds: k })} />}
      <CheckGroup legend={t('filters.types')} group="type" values={RELATIONSHIP_TYPES} chosen={f.types} onChange={(types) => set({ types })} />
      {sortedTopics.length > 0 && (
        <fieldset className="check-group">
          <legend>{t('filters.topics')}</legend>
          {sortedTopics.map((topic) => (
            <label key={topic.id}>
              <input
                type="checkbox"
                checked={f.topics.includes(topic.id)}
                onChange={(e) => set({ topics: e.target.checked ? [...f.topics, topic.id] : f.topics.filter((x) => x !== topic.id) })}
              />
              {topic.name}
            </label>
          ))}
        </fieldset>
      )}
      <button type="button" onClick={() => update({ filters: emptyFilters() })}>{t('status.clearFilters')}</button>
      <DateControls state={state} update={update} />
    </div>
  );
}
