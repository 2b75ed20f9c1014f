// Whether the page has more content below what is on screen, so the kiosk can say so (people who
// rarely use touchscreens do not think of scrolling).
import { useEffect, useState } from 'preact/hooks';

export function useMoreBelow(): boolean {
  const [more, setMore] = useState(false);
  useEffect(() => {
    const check = () => {
      const root = document.documentElement;
      setMore(root.scrollHeight - (window.scrollY + window.innerHeight) > 8);
    };
    // The body is as tall as the screen (base.css); its content is what grows.
    const observer = new ResizeObserver(check);
    for (const child of document.body.children) observer.observe(child);
    window.addEventListener('scroll', check, { passive: true });
    window.addEventListener('resize', check);
    check();
    return () => {
      observer.disconnect();
      window.removeEventListener('scroll', check);
      window.removeEventListener('resize', check);
    };
  }, []);
  return more;
}
