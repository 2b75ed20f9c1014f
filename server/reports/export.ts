// Report tables as files: CSV (UTF-8 with a BOM, so Excel reads Chinese correctly) and XLSX
// (one sheet per table). Place × category tables leave out cells of fewer than three people.
import ExcelJS from 'exceljs';
import { SMALL_CELL, type ReportTable } from '../../common/contract/reports.ts';

type Cell = string | number | null;

/** A table's rows as they may leave the hall: small cells of a suppressed table become `<3`. */
function exportedRows(t: ReportTable): Cell[][] {
  if (!t.suppressSmall) return t.rows;
  const peopleAt = t.columns.findIndex((c) => c.kind === 'people');
  return t.rows.map((row) => {
    const small = typeof row[peopleAt] === 'number' && (row[peopleAt] as number) < SMALL_CELL;
    return small ? row.map((cell, i) => (t.columns[i]!.kind === 'count' || t.columns[i]!.kind === 'people' ? `<${SMALL_CELL}` : cell)) : row;
  });
}

const csvCell = (cell: Cell) => {
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function toCsv(t: ReportTable): Buffer {
  const lines = [t.columns.map((c) => c.label), ...exportedRows(t)].map((row) => row.map(csvCell).join(','));
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
  const book = new ExcelJS.Workbook();
  book.title = title;
  book.creator = title;
  const used = new Set<string>();
  for (const t of tables) {
    const sheet = book.addWorksheet(sheetName(t.title, used));
    sheet.addRow(t.columns.map((c) => c.label)).font = { bold: true };
    for (const row of exportedRows(t)) sheet.addRow(row.map((cell) => cell ?? ''));
    sheet.columns.forEach((column, i) => (column.width = i === 0 ? 24 : 12));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
