// The app's single source of view state, mirrored in the URL. Camera moves
// replace the history entry (no flood of entries); view, selection, tool and
// filter changes push one, so Back undoes them.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ViewState, ViewStatePatch } from './types.ts';
import { browserLanguage, parseLocation, toUrl } from './url.ts';

const PUSH_KEYS: Array<keyof ViewState> = ['view', 'tool', 'selection', 'filters', 'at', 'compare', 'lang'];

function readLocation(): ViewState {
  return parseLocation(window.location.pathname, window.location.search, browserLanguage());
}

export function applyPatch(state: ViewState, patch: ViewStatePatch): ViewState {
  const next: ViewState = { ...state, ...patch, filters: patch.filters ? { ...state.filters, ...patch.filters } : state.filters };
  // params merge key by key; an empty string removes a key.
  if (patch.params) next.params = Object.fromEntries(Object.entries({ ...state.params, ...patch.params }).filter(([, v]) => v !== ''));
  return next;
}

export function useViewState(): [ViewState, (patch: ViewStatePatch) => void] {
  const [state, setState] = useState<ViewState>(readLocation);
  const pending = useRef<'push' | 'replace' | null>(null);

  const update = useCallback((patch: ViewStatePatch) => {
    const push = PUSH_KEYS.some((k) => k in patch);
    if (push || pending.current === null) pending.current = push ? 'push' : 'replace';
    setState((s) => applyPatch(s, patch));
  }, []);

  useEffect(() => {
    const url = toUrl(state);
    const current = window.location.pathname + window.location.search;
    if (url !== current) {
      if (pending.current === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
    pending.current = null;
    document.documentElement.lang = state.lang === 'ca' ? 'ca' : state.lang;
  }, [state]);

  useEffect(() => {
    const onPop = () => setState(readLocation());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  return [state, update];
}
