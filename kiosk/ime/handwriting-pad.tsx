// The 手写 tab of the on-screen keyboard: write one character with a finger in the square, pick it
// from the candidates below. Strokes are drawn as the finger moves; candidates come from the
// server (use-handwriting.ts) after each stroke. 退一笔 takes back the last stroke, 重写 clears.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { InkStroke } from './ink.ts';
import { useHandwriting } from './use-handwriting.ts';
import './handwriting-pad.css';

/** Points closer than this (CSS px) to the last one are not recorded. */
const MIN_STEP_PX = 3;
/** Candidates shown: the server's ten, eight in 大字模式 (two rows beside the box on a portrait kiosk). */
const SHOWN = { normal: 10, large: 8 };

export function HandwritingPad(props: { onPick: (text: string) => void; large: boolean }): JSX.Element {
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<InkStroke[]>([]);
  const pointer = useRef<number | null>(null);
  const [strokeCount, setStrokeCount] = useState(0);
  const { candidates, problem, strokesChanged, strokeStarted } = useHandwriting();

  const side = () => canvas.current?.getBoundingClientRect().width ?? 1;

  /** Fits the bitmap to the displayed size (sharp on any pixel ratio) and draws every stroke again. */
  const redraw = () => {
    const el = canvas.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    const ratio = window.devicePixelRatio || 1;
    if (el.width !== Math.round(width * ratio) || el.height !== Math.round(height * ratio)) {
      el.width = Math.round(width * ratio);
      el.height = Math.round(height * ratio);
    }
    const g = el.getContext('2d');
    if (!g) return;
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    g.lineWidth = Math.max(6, width / 40);
    g.lineCap = 'round';
    g.lineJoin = 'round';
    g.strokeStyle = '#10243e';
    for (const stroke of strokes.current) drawStroke(g, stroke);
  };

  useEffect(() => {
    redraw();
    const observer = new ResizeObserver(() => redraw());
    if (canvas.current) observer.observe(canvas.current);
    return () => observer.disconnect();
  }, []);

  const changed = () => {
    setStrokeCount(strokes.current.length);
    redraw();
    strokesChanged(strokes.current, side());
  };

  const at = (event: PointerEvent): [number, number] => {
    const box = canvas.current!.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  };

  const onPointerDown = (event: PointerEvent) => {
    if (pointer.current !== null) return; // one finger writes; a palm or a second finger does not
    event.preventDefault();
    pointer.current = event.pointerId;
    canvas.current?.setPointerCapture?.(event.pointerId);
    strokes.current = [...strokes.current, [at(event)]];
    strokeStarted();
    redraw();
  };

  const onPointerMove = (event: PointerEvent) => {
    if (event.pointerId !== pointer.current) return;
    const stroke = strokes.current[strokes.current.length - 1]!;
    const last = stroke[stroke.length - 1]!;
    const point = at(event);
    if (Math.hypot(point[0] - last[0], point[1] - last[1]) < MIN_STEP_PX) return;
    stroke.push(point);
    const g = canvas.current?.getContext('2d');
    if (g) drawStroke(g, [last, point]);
  };

  const onPointerUp = (event: PointerEvent) => {
    if (event.pointerId !== pointer.current) return;
    pointer.current = null;
    changed();
  };

  const undo = () => {
    strokes.current = strokes.current.slice(0, -1);
    changed();
  };
  const clear = () => {
    strokes.current = [];
    changed();
  };
  const pick = (text: string) => {
    props.onPick(text);
    clear();
  };

  const hint = problem ?? (strokeCount === 0 ? '请用手指在框内写一个字' : candidates.length > 0 ? '请点选您写的字，或接着写' : '正在识别…');
  return (
    <div class={props.large ? 'hw-pad large' : 'hw-pad'} data-testid="handwriting-pad">
      <canvas
        ref={canvas}
        class="hw-box"
        role="img"
        aria-label={`手写框，已写${strokeCount}笔`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      />
      <div class="hw-side">
        <p class={problem ? 'hw-hint hw-problem' : 'hw-hint'} aria-live="polite">
          {hint}
        </p>
        <div class="hw-candidates" role="group" aria-label="候选字">
          {candidates.slice(0, props.large ? SHOWN.large : SHOWN.normal).map((c) => (
            <button type="button" key={c} class="hw-candidate" onClick={() => pick(c)} aria-label={`选“${c}”`}>
              {c}
            </button>
          ))}
        </div>
        <div class="hw-actions">
          <button type="button" class="hw-action" onClick={undo} disabled={strokeCount === 0} aria-label="退一笔，擦掉最后写的一笔">
            退一笔
          </button>
          <button type="button" class="hw-action" onClick={clear} disabled={strokeCount === 0} aria-label="重写，擦掉框内所有笔画">
            重写
          </button>
        </div>
      </div>
    </div>
  );
}

function drawStroke(g: CanvasRenderingContext2D, stroke: InkStroke) {
  const [first, ...rest] = stroke;
  if (!first) return;
  g.beginPath();
  g.moveTo(first[0], first[1]);
  if (rest.length === 0) g.lineTo(first[0] + 0.1, first[1] + 0.1); // a dot
  for (const [x, y] of rest) g.lineTo(x, y);
  g.stroke();
}
