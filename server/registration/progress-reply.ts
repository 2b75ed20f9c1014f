// The progress query's answer (kiosk 查询办理进度 and the phone page of the ticket's QR): the
// registrations' progress and, asked by the ticket's code, whether its service may still be rated.
import type { ProgressQuery, ProgressReply } from '../../common/contract/progress.ts';
import type { HallContext } from '../context.ts';

export function progressReply({ intakes, evaluations }: Pick<HallContext, 'intakes' | 'evaluations'>, query: ProgressQuery): ProgressReply {
  const evaluation = 'queryCode' in query ? evaluations.ratableByCode(query.queryCode) : null;
  // A ticket without a registration (issued at the desk) may still be rated by its code.
  return { records: intakes.progress(query, evaluation !== null), evaluation };
}
