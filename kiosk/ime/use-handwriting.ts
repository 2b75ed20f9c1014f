// Candidates for what is on the pad: asks the server a moment after each stroke ends; an answer to
// older strokes than the newest question is dropped.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HandwritingReply } from '../../common/contract/ime.ts';
import { api, ApiError } from '../../common/ui/api.ts';
import { toInk, type InkStroke } from './ink.ts';

/** Wait after a stroke ends before asking: a quick next stroke makes the first question moot. */
export const RECOGNISE_AFTER_MS = 250;

interface Handwriting {
  candidates: string[];
  /** A polite reason when the server could not answer, else null. */
  problem: string | null;
  /** Ask for candidates for these strokes (debounced); no strokes clears the candidates. */
  strokesChanged: (strokes: readonly InkStroke[], side: number) => void;
  /** A stroke begins: the question pending (or on its way) is out of date. */
  strokeStarted: () => void;
}

export function useHandwriting(): Handwriting {
  const [candidates, setCandidates] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const asked = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const strokesChanged = (strokes: readonly InkStroke[], side: number) => {
    clearTimeout(timer.current);
    const question = ++asked.current;
    if (strokes.length === 0) {
      setCandidates([]);
      setProblem(null);
      return;
    }
    const ink = toInk(strokes, side);
    timer.current = setTimeout(async () => {
      try {
        const reply = await api<HandwritingReply>('POST', '/api/ime/handwriting', { strokes: ink });
        if (question !== asked.current) return;
        setCandidates(reply.candidates);
        setProblem(null);
      } catch (err) {
        if (question !== asked.current) return;
        setProblem(err instanceof ApiError ? err.message : '手写识别暂时不能使用，请稍候再写。');
      }
    }, RECOGNISE_AFTER_MS);
  };

  const strokeStarted = () => {
    clearTimeout(timer.current);
    asked.current++;
  };

  return { candidates, problem, strokesChanged, strokeStarted };
}
