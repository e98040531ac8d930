import { useT } from '../i18n/index.ts';
import type { ApiClient } from '../api/client.ts';
import type { ChangeEntry } from '../api/types.ts';
import { LoadedSection, useLoadedList } from './LoadedSection.tsx';

/** Fields whose value differs between two versions of a record. */
function changedFields(entry: ChangeEntry): string[] {
  if (!entry.before || !entry.after) return [];
  const before = entry.before as unknown as Record<string, unknown>;
  const after = entry.after as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => k !== 'updatedAt' && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}

/** The audit log of this node (GET /api/changes?id=). */
export function History({ api, id }: { api: ApiClient; id: string }) {
  const t = useT();
  const state = useLoadedList<ChangeEntry>(() => api.changes({ id, limit: 50 }).then((p) => p.items), [api, id]);
  return (
    <LoadedSection title={t('panel.history')} empty={t('panel.noHistory')} state={state}>
      {(items) => (
        <ol className="history">
          {items.map((c) => (
            <li key={c.seq}>
              <time dateTime={c.at}>{t.formatDate(c.at)}</time> — {t(`op.${c.op}`)} · {c.actor}
              {c.via ? ` (${c.via})` : ''}
              {c.op === 'update' && changedFields(c).length > 0 && <span className="muted"> · {changedFields(c).join(', ')}</span>}
            </li>
          ))}
        </ol>
      )}
    </LoadedSection>
  );
}
