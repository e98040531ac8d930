import type { ReactNode } from 'react';
import { useT } from '../i18n/index.ts';
import type { ToolEntry, ViewStatePatch } from '../state/types.ts';

/** The list of tools and, below it, the open tool's panel (one at a time; its id is in the URL). */
export function ToolDrawer({ tools, active, update, children }: { tools: ToolEntry[]; active?: ToolEntry; update(p: ViewStatePatch): void; children: ReactNode }) {
  const t = useT();
  return (
    <aside className={`tool-drawer${active ? ' open' : ''}`} aria-label={t('tool.drawer')}>
      <ul className="tool-list">
        {tools.map((tool) => (
          <li key={tool.id}>
            <button
              type="button"
              aria-expanded={active?.id === tool.id}
              aria-controls="tool-panel"
              onClick={() => update({ tool: active?.id === tool.id ? null : tool.id })}
            >
              {t(tool.titleKey)}
            </button>
          </li>
        ))}
      </ul>
      {active && (
        <section id="tool-panel" className="tool-panel" aria-label={t(active.titleKey)}>
          <h2>{t(active.titleKey)}</h2>
          {children}
        </section>
      )}
    </aside>
  );
}
