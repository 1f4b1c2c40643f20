import type { RequestFacts } from '../email/outbox-repository.js';
import type { RescheduleRequest } from './reschedule-request-repository.js';

/** A request as its emails describe it, with the names of the staff its suggestions are with. */
export function requestFacts(
  request: Pick<
    RescheduleRequest,
    'id' | 'status' | 'message' | 'respondBy' | 'suggestedTimes' | 'responseMessage'
  >,
  staff: ReadonlyArray<{ id: string; name: string }>,
): RequestFacts {
  const nameOf = new Map(staff.map((member) => [member.id, member.name]));
  return {
    id: request.id,
    status: request.status,
    message: request.message,
    respondBy: request.respondBy,
    suggestedTimes: request.suggestedTimes.map((time) => ({
      ...time,
      staffName: nameOf.get(time.staffId) ?? '',
    })),
    responseMessage: request.responseMessage,
  };
}
