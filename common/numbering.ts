/** Display number: series prefix + at least three digits (A001 … A999, then A1000). */
export function formatTicketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}
