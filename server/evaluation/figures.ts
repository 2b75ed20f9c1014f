// Satisfaction figures by window, staff member, service, day or month, with their names.
import type { SatisfactionQuery, SatisfactionRow } from '../../common/contract/evaluation.ts';
import type { Store } from '../store/repositories.ts';
import { satisfactionRow, sumTallies } from './rules.ts';

export type GroupNames = (by: SatisfactionQuery['by'], key: string) => string;

/** Names for the keys of each group, read from the store. */
export function groupNames(store: Pick<Store, 'windows' | 'staff' | 'services'>): GroupNames {
  const services = new Map(store.services.list().map((s) => [s.code, s.name]));
  return (by, key) => {
    switch (by) {
      case 'window':
        return store.windows.get(Number(key))?.name ?? `${key}号窗口`;
      case 'staff':
        return (key && store.staff.get(key)?.displayName) || '（未值守）';
      case 'service':
        return services.get(key) ?? key;
      default:
        return key;
    }
  };
}

export function satisfactionFigures(store: Pick<Store, 'evaluations'>, names: GroupNames, query: SatisfactionQuery): { rows: SatisfactionRow[]; total: SatisfactionRow } {
  const tallies = store.evaluations.satisfaction(query.from, query.to, query.by);
  return { rows: tallies.map((t) => satisfactionRow(t, names(query.by, t.key))), total: satisfactionRow(sumTallies(tallies), '合计') };
}
