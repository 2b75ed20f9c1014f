// Strokes as the handwriting pad records them (CSS pixels in its square) and as the server reads
// them (integers in the INK_BOX square, at most INK_LIMITS points per stroke). Pure.
import { INK_BOX, INK_LIMITS } from '../../common/ink.ts';

export type Point = readonly [number, number];
export type InkStroke = Point[];

/** Scales strokes drawn in a square of `side` CSS pixels into the server's box, thinning long strokes. */
export function toInk(strokes: readonly InkStroke[], side: number): Array<Array<[number, number]>> {
  const scale = INK_BOX / Math.max(1, side);
  const clamp = (v: number) => Math.max(0, Math.min(INK_BOX, Math.round(v * scale)));
  return strokes
    .filter((stroke) => stroke.length > 0)
    .slice(0, INK_LIMITS.strokes)
    .map((stroke) => thin(stroke, INK_LIMITS.points).map(([x, y]) => [clamp(x), clamp(y)] as [number, number]));
}

/** At most `max` points of a stroke, evenly taken, always keeping its first and last point. */
export function thin(stroke: readonly Point[], max: number): Point[] {
  if (stroke.length <= max) return [...stroke];
  const out: Point[] = [];
  for (let i = 0; i < max; i++) out.push(stroke[Math.round((i * (stroke.length - 1)) / (max - 1))]!);
  return out;
}
