import { ErrorSchema } from '../../common/contract/base.ts';
import { HandwritingBodySchema, HandwritingReplySchema } from '../../common/contract/ime.ts';
import { PERMISSIONS } from '../auth/principal.ts';
import { HallError } from '../errors.ts';
import { guard } from '../http/auth-hooks.ts';
import { perKioskLimit } from '../http/rate-limits.ts';
import { RecognizerUnavailable } from '../ime/recognizer.ts';
import { errorReplies, routePlugin } from './route-kit.ts';

/** On-screen Chinese entry at the kiosk: handwriting recognition (the kiosk has no system input method). */
export default routePlugin('ime-routes', ['config', 'handwriting'], async (app, { config, handwriting }) => {
  app.post(
    '/api/ime/handwriting',
    {
      preValidation: guard(PERMISSIONS.registerAtKiosk),
      config: perKioskLimit(config.kiosk.handwriting.perMinute),
      schema: {
        tags: ['ime'],
        summary: 'Candidate characters for the strokes written on the kiosk\'s 手写 pad (one character)',
        description:
          'Strokes in writing order, points as integers in a 1000×1000 box (y downwards). Answers at most 10 ' +
          'characters, best first. 503 `handwriting_unavailable` while the recogniser is off, missing, restarting ' +
          'or busy; rate-limited per kiosk (`kiosk.handwriting.perMinute`).',
        body: HandwritingBodySchema,
        response: { 200: HandwritingReplySchema, ...errorReplies(400, 401, 403, 429), 503: ErrorSchema },
      },
    },
    async (request) => {
      const recogniser = handwriting;
      if (!recogniser) throw new HallError(503, 'handwriting_unavailable');
      try {
        const candidates = await recogniser.recognize(request.body.strokes);
        // Single characters only (the model also knows a few symbols written as letters).
        return { candidates: candidates.filter((c) => /^\p{Script=Han}$/u.test(c)).slice(0, 10) };
      } catch (err) {
        if (err instanceof RecognizerUnavailable) throw new HallError(503, 'handwriting_unavailable');
        throw err;
      }
    },
  );
});
