// The window screen's optional figure: the on-duty staff member's satisfaction this month, read
// when the person on duty changes and every five minutes.
import { useEffect, useState } from 'preact/hooks';
import type { WindowSatisfactionReply } from '../common/contract/evaluation.ts';
import { api } from '../common/ui/api.ts';

const REFRESH_MS = 5 * 60_000;

export function useMonthlySatisfaction(windowNo: number, onDuty: string | null): WindowSatisfactionReply | null {
  const [figure, setFigure] = useState<WindowSatisfactionReply | null>(null);
  useEffect(() => {
    if (!onDuty) return setFigure(null);
    const load = () => void api<WindowSatisfactionReply>('GET', `/api/windows/${windowNo}/satisfaction`).then(setFigure, () => undefined);
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [windowNo, onDuty]);
  return figure?.shown ? figure : null;
}
