// An accessible data table: a real <table> with a caption, sort buttons in the
// column headers (aria-sort on the <th>), and pagination buttons — everything
// reachable with Tab and operable with Enter/Space.
import { useId } from 'react';
import { useT } from '../../i18n/index.ts';
import type { Column, SortDir } from './sorting.ts';

interface Props<Row> {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  total: number;
  rowKey(row: Row): string;
  cell(row: Row, column: Column<Row>): React.ReactNode;
  sort: string;
  dir: SortDir;
  onSort(column: string, dir: SortDir): void;
  page: number;
  pageSize: number;
  onPage(page: number): void;
  selectedKey?: string | null;
}

export function DataTable<Row>({ caption, columns, rows, total, rowKey, cell, sort, dir, onSort, page, pageSize, onPage, selectedKey }: Props<Row>) {
  const t = useT();
  const id = useId();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : page * pageSize + 1;
  const last = Math.min(total, (page + 1) * pageSize);
  return (
    <div className="data-table">
      <table aria-describedby={`${id}-range`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort === c.id;
              const next: SortDir = active && dir === 'asc' ? 'desc' : 'asc';
              return (
                <th key={c.id} scope="col" aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'} className={c.numeric ? 'num' : undefined}>
                  <button type="button" onClick={() => onSort(c.id, next)} title={t('table.sortBy', { column: t(c.titleKey) })}>
                    {t(c.titleKey)}
                    <span aria-hidden="true" className="sort-mark">{active ? (dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={selectedKey === rowKey(row) ? 'selected' : undefined}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.id} scope="row">{cell(row, c)}</th>
                ) : (
                  <td key={c.id} className={c.numeric ? 'num' : undefined}>{cell(row, c)}</td>
                ),
              )}
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="muted">{t('table.empty')}</td>
            </tr>
          )}
        </tbody>
      </table>
      <nav className="pager" aria-label={t('table.pagination')}>
        <button type="button" onClick={() => onPage(0)} disabled={page === 0}>{t('table.first')}</button>
        <button type="button" onClick={() => onPage(page - 1)} disabled={page === 0}>{t('table.previous')}</button>
        <span id={`${id}-range`} aria-live="polite">{t('table.range', { first, last, total })} · {t('table.page', { page: page + 1, pages })}</span>
        <button type="button" onClick={() => onPage(page + 1)} disabled={page >= pages - 1}>{t('table.next')}</button>
        <button type="button" onClick={() => onPage(pages - 1)} disabled={page >= pages - 1}>{t('table.last')}</button>
      </nav>
    </div>
  );
}
