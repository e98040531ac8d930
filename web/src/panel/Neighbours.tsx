import { useState } from 'react';
import { useT } from '../i18n/index.ts';
import type { GraphNode, GraphRelationship } from '../state/types.ts';
import { term } from '../graph-data/terms.ts';

const SHOWN = 25;

/** Directly linked nodes, grouped by relationship type and direction. */
export function Neighbours({ id, relationships, byId, select }: { id: string; relationships: GraphRelationship[]; byId: Map<string, GraphNode>; select(id: string): void }) {
  const t = useT();
  const [all, setAll] = useState(false);
  if (!relationships.length) return null;
  const rows = relationships.map((r) => {
    const other = r.from === id ? r.to : r.from;
    return { r, other, name: byId.get(other)?.name ?? other, outgoing: r.from === id };
  });
  rows.sort((a, b) => a.r.type.localeCompare(b.r.type) || a.name.localeCompare(b.name));
  const shown = all ? rows : rows.slice(0, SHOWN);
  return (
    <section>
      <h3>{t('panel.neighbours', { count: rows.length })}</h3>
      <ul className="neighbours">
        {shown.map(({ r, other, name, outgoing }) => (
          <li key={r.id}>
            <span className="rel-type">{outgoing ? '→' : '←'} {term(t, 'type', r.type)}{r.properties?.role ? ` (${term(t, 'role', String(r.properties.role))})` : ''}</span>{' '}
            <button type="button" className="link" onClick={() => select(other)}>{name}</button>
          </li>
        ))}
      </ul>
      {rows.length > SHOWN && (
        <button type="button" className="link" onClick={() => setAll(!all)}>
          {all ? t('common.showLess') : t('common.showAll', { count: rows.length })}
        </button>
      )}
    </section>
  );
}
