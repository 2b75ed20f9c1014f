// A report table's rows as they may be shown outside the figures' own screen — exported, printed:
// in a place × category table, a cell of fewer than three people could point at a person, so its
// counts become `<3`. Shared by the server's CSV/XLSX writers and the console's printed report.
import type { ReportTable } from './contract/reports.ts';

/** Place × category cells of fewer people than this are suppressed. */
const SMALL_CELL = 3;

type Cell = ReportTable['rows'][number][number];

export function suppressedRows(t: ReportTable): Cell[][] {
  if (!t.suppressSmall) return t.rows;
  const peopleAt = t.columns.findIndex((c) => c.kind === 'people');
  return t.rows.map((row) => {
    const small = typeof row[peopleAt] === 'number' && (row[peopleAt] as number) < SMALL_CELL;
    return small ? row.map((cell, i) => (t.columns[i]!.kind === 'count' || t.columns[i]!.kind === 'people' ? `<${SMALL_CELL}` : cell)) : row;
  });
}
