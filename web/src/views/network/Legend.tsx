import { useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { termOfKey } from '../../graph-data/terms.ts';
import type { LegendEntry } from '../../graph-data/palette.ts';

/** Colour legend (collapsible); entries read "colour · name (count)". */
export function Legend({ entries, title }: { entries: LegendEntry[]; title: string }) {
  const t = useT();
  const [open, setOpen] = useState(true);
  const shown = entries.slice(0, 14);
  return (
    <section className="legend" aria-label={title}>
      <button type="button" className="legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {title}
      </button>
      {open && (
        <ul>
          {shown.map((e) => (
            <li key={e.key + (e.params ? JSON.stringify(e.params) : '')}>
              <span className="swatch" style={{ background: e.colour }} aria-hidden="true" />
              {e.raw ? e.key : termOfKey(t, e.key, e.params)} <span className="muted">({t.formatNumber(e.count)})</span>
            </li>
          ))}
          {entries.length > shown.length && <li className="muted">{t('legend.more', { count: entries.length - shown.length })}</li>}
        </ul>
      )}
    </section>
  );
}
