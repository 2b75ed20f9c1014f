// Report tables as files: CSV (UTF-8 with a BOM, so Excel reads Chinese correctly) and XLSX
// (one sheet per table). Place × category tables leave out cells of fewer than three people.
import type { ReportTable } from '../../common/contract/reports.ts';
import { suppressedRows } from '../../common/report-cells.ts';

type Cell = string | number | null;

const csvCell = (cell: Cell) => {
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function toCsv(t: ReportTable): Buffer {
  const lines = [t.columns.map((c) => c.label), ...suppressedRows(t)].map((row) => row.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Excel refuses these characters in sheet names and more than 31 characters. */
const sheetName = (title: string, used: Set<string>) => {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28);
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}${i}`;
  used.add(name);
  return name;
};

export async function toXlsx(tables: readonly ReportTable[], title: string): Promise<Buffer> {
  // Loaded at the first export: a large package the server need not hold from its start.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.title = title;
  book.creator = title;
  const used = new Set<string>();
  for (const t of tables) {
    const sheet = book.addWorksheet(sheetName(t.title, used));
    sheet.addRow(t.columns.map((c) => c.label)).font = { bold: true };
    for (const row of suppressedRows(t)) sheet.addRow(row.map((cell) => cell ?? ''));
    sheet.columns.forEach((column, i) => (column.width = i === 0 ? 24 : 12));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
