import { useEffect, useState } from 'react';
import { useT } from '../i18n/index.ts';
import type { ApiClient } from '../api/client.ts';
import type { Collaborator } from '../api/types.ts';

/** Actors sharing projects or events with this one (GET /api/actors/:id/collaborators). */
export function Collaborators({ api, id, at, select }: { api: ApiClient; id: string; at: string | null; select(id: string): void }) {
  const t = useT();
  const [items, setItems] = useState<Collaborator[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setItems(null);
    setFailed(false);
    api
      .collaborators(id, { at: at ?? undefined })
      .then((answer) => live && setItems(answer.collaborators))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [api, id, at]);
  return (
    <section>
      <h3>{t('panel.collaborators')}</h3>
      {failed ? (
        <p className="muted">{t('panel.unavailable')}</p>
      ) : items === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('panel.noCollaborators')}</p>
      ) : (
        <ul className="neighbours">
          {items.slice(0, 30).map((c) => (
            <li key={c.id}>
              <button type="button" className="link" onClick={() => select(c.id)}>{c.name}</button>
              {c.shared.length > 0 && <span className="muted"> — {c.shared.map((s) => s.name).join(', ')}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
