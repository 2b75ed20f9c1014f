// The handwriting pad's coordinates as the server reads them. Its own module (no TypeBox), so the
// kiosk's pad imports the numbers without the schema library.

/** The pad scales its strokes into this square (x to the right, y downwards) before sending. */
export const INK_BOX = 1000;
/** At most this many strokes per character and points per stroke (the pad thins longer strokes). */
export const INK_LIMITS = { strokes: 40, points: 120 } as const;
