import { useEffect, useState } from 'preact/hooks';

/** Date, weekday and time in the hall's zone, updated every second on its own. */
export function Clock({ timeZone }: { timeZone: string }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const date = new Intl.DateTimeFormat('zh-CN', { timeZone, year: 'numeric', month: 'long', day: 'numeric', weekday: 'long' }).format(now);
  const time = new Intl.DateTimeFormat('zh-CN', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(now);
  return (
    <p class="clock">
      <span data-testid="date">{date}</span>
      <time data-testid="time">{time}</time>
    </p>
  );
}
