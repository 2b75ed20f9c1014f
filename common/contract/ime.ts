// Handwriting at the kiosk (手写输入): the strokes of one character and the candidates for it.
import { Type, type Static } from 'typebox';
import { INK_BOX, INK_LIMITS } from '../ink.ts';

const InkCoordinate = Type.Integer({ minimum: 0, maximum: INK_BOX });

export const HandwritingBodySchema = Type.Object(
  {
    strokes: Type.Array(
      Type.Array(Type.Tuple([InkCoordinate, InkCoordinate]), { minItems: 1, maxItems: INK_LIMITS.points, description: 'Points [x, y] in drawing order' }),
      { minItems: 1, maxItems: INK_LIMITS.strokes, description: 'Strokes in writing order' },
    ),
  },
  { additionalProperties: false },
);

export const HandwritingReplySchema = Type.Object({
  candidates: Type.Array(Type.String({ minLength: 1, maxLength: 2 }), { maxItems: 10, description: 'Best first' }),
});
export type HandwritingReply = Static<typeof HandwritingReplySchema>;
