// Untouched kiosk: after `idleSeconds` a countdown warning, then `onTimeout` (clear everything).
import { useEffect, useRef, useState } from 'preact/hooks';

const countdownSeconds = (idleSeconds: number) => Math.min(20, Math.max(5, Math.round(idleSeconds / 3)));

/** Seconds left before the timeout while warning, else null. */
export function useIdle(enabled: boolean, idleSeconds: number, onTimeout: () => void): number | null {
  const last = useRef(Date.now());
  const [left, setLeft] = useState<number | null>(null);
  const timeout = useRef(onTimeout);
  timeout.current = onTimeout;

  useEffect(() => {
    if (!enabled) return setLeft(null);
    last.current = Date.now();
    const touch = () => {
      last.current = Date.now();
      setLeft(null);
    };
    const events = ['pointerdown', 'keydown', 'input'] as const;
    events.forEach((e) => document.addEventListener(e, touch, { capture: true, passive: true }));
    const countdown = countdownSeconds(idleSeconds);
    const timer = setInterval(() => {
      const idle = (Date.now() - last.current) / 1000;
      if (idle >= idleSeconds + countdown) {
        setLeft(null);
        timeout.current();
      } else setLeft(idle >= idleSeconds ? Math.ceil(idleSeconds + countdown - idle) : null);
    }, 250);
    return () => {
      clearInterval(timer);
      events.forEach((e) => document.removeEventListener(e, touch, { capture: true }));
    };
  }, [enabled, idleSeconds]);

  return left;
}
