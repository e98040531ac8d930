// Path finder: up to k shortest paths between two nodes (GET /api/paths), each
// listed step by step; the nodes of the paths are highlighted in every view.
import { useEffect, useState } from 'react';
import type { ToolProps } from '../../state/types.ts';
import type { GraphPath } from '../../api/types.ts';
import { useT } from '../../i18n/index.ts';
import { term } from '../../graph-data/terms.ts';
import { NodePicker } from './NodePicker.tsx';
import './tools.css';

export function PathsTool({ data, state, update, select, api }: ToolProps) {
  const t = useT();
  const from = state.params['path.from'] || null;
  const to = state.params['path.to'] || null;
  const k = Math.min(3, Math.max(1, Number(state.params['path.k']) || 1));
  const [paths, setPaths] = useState<GraphPath[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    if (!from || !to) return;
    setBusy(true);
    setError(null);
    try {
      const found = await api.paths(from, to, k, { at: state.at ?? undefined });
      setPaths(found);
      update({ highlight: [...new Set(found.flatMap((p) => p.nodes.map((n) => n.id)))] });
    } catch (e) {
      setPaths(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  // A permalink with both ends reopens with the answer.
  useEffect(() => {
    if (from && to) void run();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const set = (key: string, value: string | null) => {
    setPaths(null);
    update({ params: { [key]: value ?? '' } });
  };

  return (
    <div className="paths-tool">
      <form
        className="tool-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <NodePicker label={t('paths.from')} nodes={data.nodes} value={from} onChange={(id) => set('path.from', id)} testId="path-from" />
        <NodePicker label={t('paths.to')} nodes={data.nodes} value={to} onChange={(id) => set('path.to', id)} testId="path-to" />
        <div className="row">
          <label htmlFor="path-k">{t('paths.k')}</label>
          <select id="path-k" value={k} onChange={(e) => set('path.k', e.target.value === '1' ? null : e.target.value)}>
            {[1, 2, 3].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <button type="submit" className="primary" disabled={!from || !to || busy}>
            {busy ? t('common.loading') : t('paths.find')}
          </button>
        </div>
      </form>
      <div className="tool-results" aria-live="polite">
        {error && <p className="error" role="alert">{t('error.generic', { message: error })}</p>}
        {paths && paths.length === 0 && <p data-testid="path-none">{t('paths.none')}</p>}
        {paths && paths.length > 0 && (
          <>
            {paths.map((p, i) => (
              <section key={i} data-testid="path-result">
                <h3>{t('paths.path', { n: i + 1, count: p.length })}</h3>
                <ol className="path-steps">
                  {p.nodes.map((n, j) => {
                    const rel = p.relationships[j];
                    const forward = rel && rel.from === n.id;
                    return (
                      <li key={`${n.id}-${j}`}>
                        <button type="button" className="link" onClick={() => select(n.id)}>
                          {n.name}
                        </button>{' '}
                        <span className="muted">({term(t, 'label', n.label)})</span>
                        {rel && <div className="rel">{forward ? '↓' : '↑'} {term(t, 'type', rel.type)}</div>}
                      </li>
                    );
                  })}
                </ol>
              </section>
            ))}
            <button type="button" onClick={() => update({ highlight: [] })}>{t('tools.clearHighlight')}</button>
          </>
        )}
      </div>
    </div>
  );
}
