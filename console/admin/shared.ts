// What several administration panels share: a list loaded from the server, the weekday names.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../common/ui/api.ts';

/** The list under `key` of the reply to GET `path`, and a function to load it again. */
export function useList<T>(path: string, key: string, deps: unknown[] = []): [T[], () => void] {
  const [items, setItems] = useState<T[]>([]);
  const load = () => void api<Record<string, T[]>>('GET', path).then((r) => setItems(r[key] ?? []), () => undefined);
  useEffect(load, deps);
  return [items, load];
}

/** Index 1 is Monday, 7 Sunday (ISO weekdays, as the server stores them). */
export const WEEKDAYS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];
