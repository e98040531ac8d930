import { useEffect, useState, type ReactNode } from 'react';
import { useT } from '../i18n/index.ts';

/**
 * Loads a list for a side-panel section and re-loads when `deps` change; an
 * answer that arrives after the deps moved on (another node selected) is dropped.
 */
export function useLoadedList<T>(load: () => Promise<T[]>, deps: readonly unknown[]): { items: T[] | null; failed: boolean } {
  const [items, setItems] = useState<T[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setItems(null);
    setFailed(false);
    load()
      .then((answer) => live && setItems(answer))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { items, failed };
}

/** A side-panel section: its title, then "unavailable", "loading", the empty message or the list. */
export function LoadedSection<T>({
  title,
  empty,
  state,
  children,
}: {
  title: string;
  empty: string;
  state: { items: T[] | null; failed: boolean };
  children: (items: T[]) => ReactNode;
}) {
  const t = useT();
  return (
    <section>
      <h3>{title}</h3>
      {state.failed ? (
        <p className="muted">{t('panel.unavailable')}</p>
      ) : state.items === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : state.items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        children(state.items)
      )}
    </section>
  );
}
