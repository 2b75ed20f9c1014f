// The handwriting recogniser as the route sees it: strokes in, candidate characters out. One
// implementation today (zinnia.ts: Debian's zinnia with the Tegaki Simplified Chinese model in a
// long-lived child process); a WASM or native one would implement the same interface.

/** Points [x, y] of one stroke in drawing order, in a square box of `INK_BOX` (y downwards). */
export type Stroke = ReadonlyArray<readonly [number, number]>;

export interface HandwritingRecognizer {
  /** Candidate characters for one character's strokes, best first (at most 10). */
  recognize(strokes: readonly Stroke[]): Promise<string[]>;
  /** Stops the recogniser; pending recognitions are refused. */
  close(): Promise<void>;
}

/** The recogniser cannot answer now (not installed, restarting, overloaded or too slow). */
export class RecognizerUnavailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RecognizerUnavailable';
  }
}
