// The side panel of the selected node: facts, provenance with the quoted source
// text, neighbours, collaborators, history; actions that hand over to tools.
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../i18n/index.ts';
import type { ApiClient } from '../api/client.ts';
import type { GraphData, GraphNode, ViewState, ViewStatePatch } from '../state/types.ts';
import { term } from '../graph-data/terms.ts';
import { Facts } from './Facts.tsx';
import { ProvenanceList } from './ProvenanceList.tsx';
import { Neighbours } from './Neighbours.tsx';
import { Collaborators } from './Collaborators.tsx';
import { History } from './History.tsx';

interface Props {
  id: string;
  node: GraphNode | null;
  all: GraphData | null;
  state: ViewState;
  update(patch: ViewStatePatch): void;
  select(id: string | null): void;
  api: ApiClient;
  editor: boolean;
  refresh(): void;
}

export function SidePanel({ id, node: known, all, state, update, select, api, editor }: Props) {
  const t = useT();
  const [fetched, setFetched] = useState<GraphNode | null>(null);
  const [missing, setMissing] = useState(false);
  // The loaded data holds summaries (no description, no source quotes): the
  // full document is always fetched; the summary shows until it arrives. A node
  // filtered out of the loaded data (other date, deleted) has only the fetch.
  useEffect(() => {
    setMissing(false);
    let live = true;
    api
      .node(id)
      .then((n) => live && setFetched(n))
      .catch(() => live && !known && setMissing(true));
    return () => {
      live = false;
    };
  }, [id, known, api]);
  const node = fetched?.id === id ? fetched : known;
  const relationships = useMemo(() => (all ? all.relationships.filter((r) => r.from === id || r.to === id) : []), [all, id]);
  const byId = useMemo(() => new Map((all?.nodes ?? []).map((n) => [n.id, n])), [all]);

  const depth = Number(state.params['depth'] ?? 0) || 0;
  const focused = state.params['focus'] === id;

  return (
    <aside className="side-panel" aria-labelledby="side-panel-title" data-testid="side-panel">
      <div className="panel-head">
        <h2 id="side-panel-title">{node ? node.name : id}</h2>
        <button type="button" className="close" onClick={() => select(null)} aria-label={t('panel.close')}>×</button>
      </div>
      {missing && <p className="error">{t('panel.notFound')}</p>}
      {node && (
        <>
          <p className="panel-subtitle">
            {term(t, 'label', node.label)} · {term(t, 'kind', node.kind)}
            {node.level && <> · <strong>{term(t, 'level', node.level)}</strong></>}
          </p>
          <div className="panel-actions">
            <button
              type="button"
              onClick={() => update({ params: { focus: id, depth: String(focused ? Math.min(3, depth + 1) : 1) } })}
              disabled={focused && depth >= 3}
            >
              {focused ? t('panel.expand') : t('panel.focus')}
            </button>
            {!state.embed && (
              <>
                <button type="button" onClick={() => update({ tool: 'paths', params: { 'path.from': id } })}>{t('panel.findPath')}</button>
                {node.label === 'Actor' && (
                  <button type="button" onClick={() => update({ tool: 'partners', params: { 'partners.actor': id } })}>{t('panel.findPartners')}</button>
                )}
                {editor && <button type="button" onClick={() => update({ tool: 'edit', params: { 'edit.id': id } })}>{t('panel.edit')}</button>}
              </>
            )}
          </div>
          <Facts node={node} />
          <section>
            <h3>{t('panel.provenance')}</h3>
            <ProvenanceList provenance={node.provenance} />
          </section>
          <Neighbours id={id} relationships={relationships} byId={byId} select={select} />
          {node.label === 'Actor' && <Collaborators api={api} id={id} at={state.at} select={select} />}
          {!state.embed && <History api={api} id={id} />}
        </>
      )}
    </aside>
  );
}
