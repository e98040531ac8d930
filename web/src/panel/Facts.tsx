import { derivations } from '@atlas/graph/places/provenance.ts';
import { term } from '../graph-data/terms.ts';
import { useT } from '../i18n/index.ts';
import type { GraphNode } from '../state/types.ts';

function placeText(node: GraphNode): string | null {
  const p = node.place;
  if (!p) return null;
  return [p.municipality, p.province, p.region, p.country].filter(Boolean).join(', ') || null;
}

/** "inferred · rule" / "geocoded · method" after a value the import derived (see graph/src/places/provenance.ts). */
function Derived({ what, how }: { what: 'inferred' | 'geocoded'; how: string }) {
  const t = useT();
  const key = `facts.${what}.${how}`;
  return (
    <span className="muted derived" data-derived={what} title={t(`facts.${what}.title`)}>
      {' '}
      ({t(`facts.${what}`)}: {t.has(key) ? t(key) : how.replace(/-/g, ' ')})
    </span>
  );
}

/** The node's own fields as a definition list (only those that are set). */
export function Facts({ node }: { node: GraphNode }) {
  const t = useT();
  const rows: Array<[string, React.ReactNode]> = [];
  const place = placeText(node);
  const derived = derivations(node.provenance ?? []);
  if (node.description) rows.push(['field.description', node.description]);
  if (node.summary) rows.push(['field.summary', node.summary]);
  if (node.level && derived.levelRule) rows.push(['field.level', <>{term(t, 'level', node.level)}<Derived what="inferred" how={derived.levelRule} /></>]);
  if (place) rows.push(['field.place', derived.geocodedBy ? <>{place}<Derived what="geocoded" how={derived.geocodedBy} /></> : place]);
  if (node.website) rows.push(['field.website', <a href={node.website} target="_blank" rel="noopener noreferrer">{node.website}</a>]);
  if (node.status) rows.push(['field.status', node.status]);
  if (node.budget) rows.push(['field.budget', t.formatNumber(node.budget.amount, { style: 'currency', currency: node.budget.currency ?? 'EUR', maximumFractionDigits: 0 }) + (node.budget.period ? ` (${node.budget.period})` : '')]);
  if (node.startDate || node.endDate) rows.push(['field.period', `${node.startDate ? t.formatDate(node.startDate) : '…'} – ${node.endDate ? t.formatDate(node.endDate) : '…'}`]);
  if (node.date) rows.push(['field.date', t.formatDate(node.date)]);
  if (node.methods?.length) rows.push(['field.methods', node.methods.join(', ')]);
  if (node.outcomes) rows.push(['field.outcomes', node.outcomes]);
  if (node.transferable !== undefined) rows.push(['field.transferable', node.transferable ? t('common.yes') : t('common.no')]);
  if (node.role) rows.push(['field.role', node.role]);
  if (node.affiliation) rows.push(['field.affiliation', node.affiliation]);
  if (node.validFrom || node.validTo) rows.push(['field.valid', `${node.validFrom ? t.formatDate(node.validFrom) : '…'} – ${node.validTo ? t.formatDate(node.validTo) : '…'}`]);
  if (node.aliases?.length) rows.push(['field.aliases', node.aliases.join(', ')]);
  if (node.tags.length) rows.push(['field.tags', node.tags.join(', ')]);
  if (!rows.length) return null;
  return (
    <dl className="facts">
      {rows.map(([key, value]) => (
        <div key={key}>
          <dt>{t(key)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
