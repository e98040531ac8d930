// The React side of fixedSigma's focus (rings, Spain map): the renderer and the
// focus state live in refs, selection/highlight come from the view state, and
// each change is one refresh({skipIndexation}) of the running renderer.
import { useEffect, useRef } from 'react';
import type Sigma from 'sigma';
import type { ViewState } from '../../state/types.ts';
import { labelSettings } from './sigmaSettings.ts';
import type { FocusState } from './fixedSigma.ts';

export function useFixedFocus(state: Pick<ViewState, 'selection' | 'highlight' | 'labels'>) {
  const rendererRef = useRef<Sigma | null>(null);
  const focusRef = useRef<FocusState>({ hover: null, selection: state.selection, highlight: new Set(state.highlight) });
  focusRef.current = { ...focusRef.current, selection: state.selection, highlight: new Set(state.highlight) };

  const highlightKey = state.highlight.join('\n');
  useEffect(() => {
    rendererRef.current?.refresh({ skipIndexation: true });
  }, [state.selection, highlightKey]);
  useEffect(() => {
    const renderer = rendererRef.current;
    renderer?.setSettings(labelSettings(state.labels, renderer.getGraph().order > 2000));
  }, [state.labels]);
  const setHover = (id: string | null) => {
    focusRef.current = { ...focusRef.current, hover: id };
    rendererRef.current?.refresh({ skipIndexation: true });
  };
  return { rendererRef, focusRef, setHover };
}
