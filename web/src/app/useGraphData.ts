// Loads the whole network once (and again after writes), then derives what the
// views get: filtered by ViewState filters and date on the client, plus the
// "what changed" overlay and the focused neighbourhood.
import { useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api/client.ts';
import type { Diff } from '../api/types.ts';
import type { GraphData, Metrics, ViewState } from '../state/types.ts';
import { filterGraph } from '../graph-data/filter.ts';
import { neighbourhoodIds, subgraph } from '../graph-data/neighbourhood.ts';

export interface LoadStatus {
  loading: boolean;
  loaded: number;
  error: string | null;
}

export function useAllData(api: ApiClient, version: number): [GraphData | null, LoadStatus] {
  const [all, setAll] = useState<GraphData | null>(null);
  const [status, setStatus] = useState<LoadStatus>({ loading: true, loaded: 0, error: null });
  useEffect(() => {
    const abort = new AbortController();
    setStatus({ loading: true, loaded: 0, error: null });
    performance.mark('atlas:load-start');
    api
      .loadGraph(null, abort.signal)
      .then((data) => {
        performance.mark('atlas:data');
        setAll(data);
        setStatus({ loading: false, loaded: data.nodes.length + data.relationships.length, error: null });
      })
      .catch((e: unknown) => {
        if (abort.signal.aborted) return;
        setStatus({ loading: false, loaded: 0, error: e instanceof Error ? e.message : String(e) });
      });
    return () => abort.abort();
  }, [api, version]);
  return [all, status];
}

function useAsync<T>(key: string | null, run: () => Promise<T>): T | null {
  const [value, setValue] = useState<{ key: string; value: T } | null>(null);
  useEffect(() => {
    if (key === null) return;
    let live = true;
    run()
      .then((v) => live && setValue({ key, value: v }))
      .catch(() => live && setValue(null));
    return () => {
      live = false;
    };
    // `run` closes over what `key` encodes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return key !== null && value?.key === key ? value.value : null;
}

/** Centrality, communities and diff from the API, each fetched only when the state asks for it. */
export function useMetrics(api: ApiClient, state: ViewState, version: number): Metrics {
  const q = { at: state.at ?? undefined };
  const centrality = useAsync(state.sizeBy !== 'none' && state.sizeBy !== 'degree' ? `${state.sizeBy}|${state.at}|${version}` : null, () =>
    api.centrality(state.sizeBy, { ...q, projection: 'full', all: true }),
  );
  const communities = useAsync(state.colourBy === 'community' ? `${state.at}|${version}` : null, () => api.communities({ ...q, projection: 'full' }));
  const diff = useAsync<Diff>(state.compare ? `${state.compare.from}|${state.compare.to}|${version}` : null, () =>
    api.diff(state.compare!.from, state.compare!.to),
  );
  return useMemo<Metrics>(() => {
    const ids = (list: Array<{ id: string }> | undefined) => new Set((list ?? []).map((x) => x.id));
    return {
      centrality: centrality ? new Map(centrality.map((s) => [s.id, s.score])) : null,
      community: communities
        ? new Map(communities.communities.flatMap((c) => c.members.map((m) => [m, String(c.id)] as [string, string])))
        : null,
      diff: diff
        ? {
            added: new Set([...ids(diff.appeared.nodes), ...ids(diff.appeared.relationships)]),
            changed: ids(diff.changed),
            removed: new Set([...ids(diff.ended.nodes), ...ids(diff.ended.relationships)]),
          }
        : null,
    };
  }, [centrality, communities, diff]);
}

/** What the views draw: filters and date applied, removed elements kept in compare mode, focus applied. */
export function useViewData(all: GraphData | null, state: ViewState, metrics: Metrics): GraphData {
  return useMemo(() => {
    if (!all) return { nodes: [], relationships: [] };
    const at = state.compare ? state.compare.to : state.at;
    let data = filterGraph(all, state.filters, at, metrics.diff?.removed);
    const focus = state.params['focus'];
    if (focus && data.nodes.some((n) => n.id === focus)) {
      const depth = Math.min(3, Math.max(1, Number(state.params['depth'] ?? 1) || 1));
      data = subgraph(data, neighbourhoodIds(data, focus, depth));
    }
    return data;
  }, [all, state.filters, state.at, state.compare, state.params, metrics.diff]);
}
