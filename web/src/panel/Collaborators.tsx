import { useT } from '../i18n/index.ts';
import type { ApiClient } from '../api/client.ts';
import type { Collaborator } from '../api/types.ts';
import { LoadedSection, useLoadedList } from './LoadedSection.tsx';

/** Actors sharing projects or events with this one (GET /api/actors/:id/collaborators). */
export function Collaborators({ api, id, at, select }: { api: ApiClient; id: string; at: string | null; select(id: string): void }) {
  const t = useT();
  const state = useLoadedList<Collaborator>(
    () => api.collaborators(id, { at: at ?? undefined }).then((answer) => answer.collaborators),
    [api, id, at],
  );
  return (
    <LoadedSection title={t('panel.collaborators')} empty={t('panel.noCollaborators')} state={state}>
      {(items) => (
        <ul className="neighbours">
          {items.slice(0, 30).map((c) => (
            <li key={c.id}>
              <button type="button" className="link" onClick={() => select(c.id)}>{c.name}</button>
              {c.shared.length > 0 && <span className="muted"> — {c.shared.map((s) => s.name).join(', ')}</span>}
            </li>
          ))}
        </ul>
      )}
    </LoadedSection>
  );
}
