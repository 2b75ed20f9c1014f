// What several administration panels share: a list loaded from the server, the weekday names.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../common/ui/api.ts';

/** A reply holding one list (e.g. `{ devices: DeviceInfo[] }`, the contract's list replies). */
type ListReply = Record<string, unknown[]>;

/** The list under `key` of the reply `R` to GET `path`, and a function to load it again. */
export function useList<R extends ListReply>(path: string, key: keyof R & string, deps: unknown[] = []): [R[keyof R], () => void] {
  const [items, setItems] = useState<R[keyof R]>([] as unknown[] as R[keyof R]);
  const load = () => void api<R>('GET', path).then((r) => setItems(r[key] ?? ([] as unknown[] as R[keyof R])), () => undefined);
  useEffect(load, deps);
  return [items, load];
}

/** Index 1 is Monday, 7 Sunday (ISO weekdays, as the server stores them). */
export const WEEKDAYS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];
