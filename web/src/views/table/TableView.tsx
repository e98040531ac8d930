// Table view: nodes or relationships of the current (filtered) data, sortable,
// filterable by text, paginated. Its tab, sort, page and query live in the URL
// (params table.*) so a permalink reopens the same page.
import { useId, useMemo } from 'react';
import { useT, type T } from '../../i18n/index.ts';
import type { GraphNode, GraphRelationship, ViewProps } from '../../state/types.ts';
import { term } from '../../graph-data/terms.ts';
import { DataTable } from './DataTable.tsx';
import { filterRows, sortRows, type Column, type SortDir } from './sorting.ts';

const PAGE_SIZES = [25, 50, 100, 250];

function placeOf(n: GraphNode): string {
  return [n.place?.municipality, n.place?.region, n.place?.country].filter(Boolean).join(', ');
}

function nodeColumns(t: T, degree: Map<string, number>): Column<GraphNode>[] {
  return [
    { id: 'name', titleKey: 'field.name', value: (n) => n.name },
    { id: 'label', titleKey: 'field.label', value: (n) => term(t, 'label', n.label) },
    { id: 'kind', titleKey: 'field.kind', value: (n) => term(t, 'kind', n.kind) },
    { id: 'level', titleKey: 'field.level', value: (n) => (n.level ? term(t, 'level', n.level) : '') },
    { id: 'place', titleKey: 'field.place', value: placeOf },
    { id: 'degree', titleKey: 'field.links', value: (n) => degree.get(n.id) ?? 0, numeric: true },
    { id: 'sources', titleKey: 'field.sources', value: (n) => n.provenance.length, numeric: true },
  ];
}

function relColumns(t: T, nameOf: (id: string) => string): Column<GraphRelationship>[] {
  return [
    { id: 'from', titleKey: 'field.from', value: (r) => nameOf(r.from) },
    { id: 'type', titleKey: 'field.type', value: (r) => term(t, 'type', r.type) },
    { id: 'to', titleKey: 'field.to', value: (r) => nameOf(r.to) },
    { id: 'role', titleKey: 'field.role', value: (r) => (r.properties?.role ? term(t, 'role', String(r.properties.role)) : '') },
    { id: 'since', titleKey: 'field.since', value: (r) => r.validFrom ?? '' },
    { id: 'until', titleKey: 'field.until', value: (r) => r.validTo ?? '' },
  ];
}

export function TableView({ data, state, update, select }: ViewProps) {
  const t = useT();
  const id = useId();
  const p = state.params;
  const tab = p['table.tab'] === 'relationships' ? 'relationships' : 'nodes';
  const q = p['table.q'] ?? '';
  const dir: SortDir = p['table.dir'] === 'desc' ? 'desc' : 'asc';
  const pageSize = PAGE_SIZES.includes(Number(p['table.size'])) ? Number(p['table.size']) : 50;
  const requestedPage = Math.max(0, (Number(p['table.page']) || 1) - 1);

  const byId = useMemo(() => new Map(data.nodes.map((n) => [n.id, n])), [data.nodes]);
  const degree = useMemo(() => {
    const d = new Map<string, number>();
    for (const r of data.relationships) {
      d.set(r.from, (d.get(r.from) ?? 0) + 1);
      d.set(r.to, (d.get(r.to) ?? 0) + 1);
    }
    return d;
  }, [data.relationships]);
  const nameOf = (nid: string) => byId.get(nid)?.name ?? nid;

  const setParams = (params: Record<string, string>) => update({ params });

  const nodeCols = useMemo(() => nodeColumns(t, degree), [t, degree]);
  const relCols = useMemo(() => relColumns(t, nameOf), [t, byId]); // eslint-disable-line react-hooks/exhaustive-deps

  const nodeView = useMemo(() => {
    if (tab !== 'nodes') return [];
    const sort = nodeCols.find((c) => c.id === (p['table.sort'] ?? 'name'));
    return sortRows(filterRows(data.nodes, nodeCols, q), sort, dir);
  }, [tab, data.nodes, nodeCols, q, p, dir]);
  const relView = useMemo(() => {
    if (tab !== 'relationships') return [];
    const sort = relCols.find((c) => c.id === (p['table.sort'] ?? 'from'));
    return sortRows(filterRows(data.relationships, relCols, q), sort, dir);
  }, [tab, data.relationships, relCols, q, p, dir]);

  const total = tab === 'nodes' ? nodeView.length : relView.length;
  const page = Math.min(requestedPage, Math.max(0, Math.ceil(total / pageSize) - 1));
  const slice = <R,>(rows: R[]) => rows.slice(page * pageSize, (page + 1) * pageSize);
  const common = {
    total,
    dir,
    page,
    pageSize,
    onSort: (column: string, d: SortDir) => setParams({ 'table.sort': column, 'table.dir': d, 'table.page': '' }),
    onPage: (n: number) => setParams({ 'table.page': n > 0 ? String(n + 1) : '' }),
  };

  return (
    <div className="table-view">
      <div className="table-toolbar">
        <div role="group" aria-label={t('table.show')} className="segmented">
          <button type="button" aria-pressed={tab === 'nodes'} onClick={() => setParams({ 'table.tab': '', 'table.sort': '', 'table.dir': '', 'table.page': '' })}>
            {t('table.nodes', { count: data.nodes.length })}
          </button>
          <button type="button" aria-pressed={tab === 'relationships'} onClick={() => setParams({ 'table.tab': 'relationships', 'table.sort': '', 'table.dir': '', 'table.page': '' })}>
            {t('table.relationships', { count: data.relationships.length })}
          </button>
        </div>
        <label htmlFor={`${id}-q`}>{t('table.filter')}</label>
        <input id={`${id}-q`} type="search" value={q} onChange={(e) => setParams({ 'table.q': e.target.value, 'table.page': '' })} data-testid="table-filter" />
        <label htmlFor={`${id}-size`}>{t('table.pageSize')}</label>
        <select id={`${id}-size`} value={pageSize} onChange={(e) => setParams({ 'table.size': e.target.value === '50' ? '' : e.target.value, 'table.page': '' })}>
          {PAGE_SIZES.map((s) => (
            <option key={s} value={s}>{s}</option>
          ))}
        </select>
      </div>
      {tab === 'nodes' ? (
        <DataTable
          {...common}
          caption={t('table.nodesCaption')}
          columns={nodeCols}
          rows={slice(nodeView)}
          rowKey={(n) => n.id}
          sort={p['table.sort'] ?? 'name'}
          selectedKey={state.selection}
          cell={(n, c) =>
            c.id === 'name' ? (
              <button type="button" className="link" onClick={() => select(n.id)} aria-current={state.selection === n.id ? 'true' : undefined}>
                {n.name}
              </button>
            ) : (
              c.value(n)
            )
          }
        />
      ) : (
        <DataTable
          {...common}
          caption={t('table.relationshipsCaption')}
          columns={relCols}
          rows={slice(relView)}
          rowKey={(r) => r.id}
          sort={p['table.sort'] ?? 'from'}
          cell={(r, c) =>
            c.id === 'from' || c.id === 'to' ? (
              <button type="button" className="link" onClick={() => select(c.id === 'from' ? r.from : r.to)}>{c.value(r)}</button>
            ) : (
              c.value(r)
            )
          }
        />
      )}
    </div>
  );
}
