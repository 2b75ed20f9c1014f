// `2026-11-26` → `11月26日（星期四）`: a day as the person reads it (pure).
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

export function dayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${m}月${d}日（星期${WEEKDAYS[weekday]}）`;
}
