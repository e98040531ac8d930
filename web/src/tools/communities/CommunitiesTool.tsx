// Communities: Louvain on the network (GET /api/analytics/communities, the same
// request the app makes to colour by community), listed with their members in
// the colours the views use; a community can be highlighted.
import { useState } from 'react';
import type { ToolProps } from '../../state/types.ts';
import type { CommunitiesResult } from '../../api/types.ts';
import { useT } from '../../i18n/index.ts';
import { colouring } from '../../graph-data/palette.ts';
import '../paths/tools.css';

export function CommunitiesTool({ data, state, update, select, metrics, api }: ToolProps) {
  const t = useT();
  const [result, setResult] = useState<CommunitiesResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.communities({ at: state.at ?? undefined, projection: 'full' }));
      update({ colourBy: 'community' });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const community = result ? new Map(result.communities.flatMap((c) => c.members.map((m) => [m, String(c.id)] as [string, string]))) : null;
  const colours = community ? colouring(data.nodes, 'community', { ...metrics, community }) : null;
  const shown = result ? result.communities.filter((c) => c.members.some((m) => byId.has(m))).sort((a, b) => b.size - a.size) : [];

  return (
    <div className="communities-tool">
      <p className="tool-note">{t('communities.hint')}</p>
      <button type="button" className="primary" onClick={() => void run()} disabled={busy} data-testid="communities-run">
        {busy ? t('common.loading') : t('communities.run')}
      </button>
      <div className="tool-results" aria-live="polite">
        {error && <p className="error" role="alert">{t('error.generic', { message: error })}</p>}
        {result && colours && (
          <>
            <p>{t('communities.summary', { count: result.communities.length, modularity: t.formatNumber(result.modularity, { maximumFractionDigits: 3 }) })}</p>
            <ol className="result-list" data-testid="community-list">
              {shown.slice(0, 30).map((c, i) => {
                const members = c.members.map((m) => byId.get(m)).filter((n) => n !== undefined);
                const colour = members[0] ? colours.colourOf(members[0]) : '#999';
                return (
                  <li key={String(c.id)}>
                    <div className="result-head">
                      <span className="swatch-square" style={{ background: colour }} aria-hidden="true" />
                      <strong>{t('legend.community', { n: i + 1 })}</strong>
                      <span className="score">{t('communities.size', { count: c.size })}</span>
                    </div>
                    <p className="tool-note">
                      {members
                        .slice(0, 8)
                        .map((n) => n.name)
                        .join(' · ')}
                      {members.length > 8 ? ` · ${t('legend.more', { count: members.length - 8 })}` : ''}
                    </p>
                    <div className="row">
                      <button type="button" onClick={() => update({ highlight: members.map((n) => n.id) })}>{t('communities.highlight')}</button>
                      {members[0] && (
                        <button type="button" onClick={() => select(members[0].id)}>
                          {t('communities.open', { name: members[0].name.length > 24 ? `${members[0].name.slice(0, 22)}…` : members[0].name })}
                        </button>
                      )}
                    </div>
                  </li>
                );
              })}
            </ol>
            {state.colourBy === 'community' && (
              <button type="button" onClick={() => update({ colourBy: 'kind' })}>{t('communities.stopColour')}</button>
            )}
          </>
        )}
      </div>
    </div>
  );
}
