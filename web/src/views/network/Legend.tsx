import { useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { termOfKey } from '../../graph-data/terms.ts';
import type { LegendEntry } from '../../graph-data/palette.ts';

/** Entries shown before the legend collapses the rest behind "show all". */
export const LEGEND_SHOWN = 8;

/** Colour legend (collapsible); entries read "colour · name (count)". Past 8 entries the rest fold behind "and N more". */
export function Legend({ entries, title }: { entries: LegendEntry[]; title: string }) {
  const t = useT();
  const [open, setOpen] = useState(true);
  const [all, setAll] = useState(false);
  const shown = all ? entries.slice(0, 40) : entries.slice(0, LEGEND_SHOWN);
  const hidden = entries.length - shown.length;
  return (
    <section className="legend" aria-label={title} data-testid="legend">
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
          {entries.length > LEGEND_SHOWN && (
            <li>
              <button type="button" className="link" aria-expanded={all} onClick={() => setAll(!all)}>
                {all ? t('legend.showFewer') : t('legend.more', { count: hidden })}
              </button>
            </li>
          )}
          {all && hidden > 0 && <li className="muted">{t('legend.more', { count: hidden })}</li>}
        </ul>
      )}
    </section>
  );
}
