// One report table: its caption, the figures formatted by column kind, and (on screen) the link
// that exports it as CSV. Place × category cells under three people show as `<3`, as in exports.
import type { ReportColumn, ReportTable } from '../../common/contract/reports.ts';
import { suppressedRows } from '../../common/report-cells.ts';

type Cell = ReportTable['rows'][number][number];

export function formatCell(cell: Cell, kind: ReportColumn['kind']): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  if (kind === 'percent') return `${cell.toFixed(1)}%`;
  if (kind === 'minutes') return cell.toFixed(1);
  return cell.toLocaleString('zh-CN');
}

/** `onDrill`, for a table whose rows lead to their registrations: asked with the row's key and label. */
export function ReportTableView({ table, exportUrl, onDrill }: { table: ReportTable; exportUrl: string; onDrill?: (key: string, label: string) => void }) {
  const drillKey = (r: number) => (onDrill && table.drill ? table.drill.keys[r] : undefined);
  const wide = table.columns.length > 10;
  return (
    <div class={wide ? 'report-table wide' : 'report-table'} data-table={table.id}>
      <table>
        <caption>
          {table.title}
          <a class="no-print export" href={exportUrl} download>
            导出CSV
          </a>
        </caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" class={c.kind === 'text' ? undefined : 'num'}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 ? (
            <tr>
              <td colSpan={table.columns.length} class="muted">
                本期没有数据
              </td>
            </tr>
          ) : (
            suppressedRows(table).map((row, r) => (
              <tr key={r}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {formatCell(cell, table.columns[i]!.kind)}
                      {drillKey(r) !== undefined && (
                        <button type="button" class="link no-print" aria-label={`${String(cell)}的登记明细`} onClick={() => onDrill!(drillKey(r)!, String(cell))}>
                          明细
                        </button>
                      )}
                    </th>
                  ) : (
                    <td key={i} class={table.columns[i]!.kind === 'text' ? undefined : 'num'}>
                      {formatCell(cell, table.columns[i]!.kind)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
