// Stroke data of real characters for the handwriting tests: the stroke medians of Make Me a
// Hanzi (through the `hanzi-writer-data` package, a dev dependency; Arphic Public License), in
// writing order, moved into the pad's box: x to the right, y downwards, 0–INK_BOX.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { INK_BOX } from '../../common/ink.ts';

const dataDir = dirname(createRequire(import.meta.url).resolve('hanzi-writer-data/package.json'));

/** Make Me a Hanzi draws in a 1024 box with y upwards and the baseline at -124. */
const toBox = (x: number, y: number): [number, number] => [
  Math.max(0, Math.min(INK_BOX, Math.round((x * INK_BOX) / 1024))),
  Math.max(0, Math.min(INK_BOX, Math.round(((900 - y) * INK_BOX) / 1024))),
];

/** The strokes of one character, or null when the data set has none for it. */
export function inkOf(character: string): Array<Array<[number, number]>> | null {
  let medians: number[][][];
  try {
    medians = JSON.parse(readFileSync(join(dataDir, `${character}.json`), 'utf8')).medians;
  } catch {
    return null;
  }
  return medians.map((stroke) => stroke.map(([x, y]) => toBox(x!, y!)));
}
