import { foldText } from '@atlas/graph/model/text.ts';

export type SortDir = 'asc' | 'desc';

export interface Column<Row> {
  id: string;
  titleKey: string;
  /** Value used for sorting and text filtering. */
  value(row: Row): string | number;
  numeric?: boolean;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function sortRows<Row>(rows: Row[], column: Column<Row> | undefined, dir: SortDir): Row[] {
  if (!column) return rows;
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = column.value(a);
    const vb = column.value(b);
    if (typeof va === 'number' && typeof vb === 'number') return (va - vb) * sign;
    return collator.compare(String(va), String(vb)) * sign;
  });
}

/** Keeps rows where every word of the query appears in some column (accent- and case-insensitive). */
export function filterRows<Row>(rows: Row[], columns: Column<Row>[], query: string): Row[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (!words.length) return rows;
  return rows.filter((row) => {
    const text = foldText(columns.map((c) => String(c.value(row))).join(' '));
    return words.every((w) => text.includes(w));
  });
}
