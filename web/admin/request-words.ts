import type { Actor, Channel } from '../shared/api-types';
import type { RequestStatus } from './admin-queries';

/** The office's words for reschedule requests, in one place. */
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  pending: 'Waiting for the customer',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
};

export const REQUEST_STATUS_ORDER: readonly RequestStatus[] = [
  'pending',
  'accepted',
  'declined',
  'expired',
  'withdrawn',
];

const WHO: Record<Actor, string> = { admin: 'the office', customer: 'the customer', system: 'Rebook' };
const HOW: Record<Channel, string> = {
  admin: 'in the admin portal',
  portal: 'in the customer portal',
  email_link: 'from the email link',
  api: 'through the API',
  system: 'at the respond-by time',
};

/** "by the customer from the email link" */
export const answeredBy = (by: { actor: Actor; channel: Channel }) =>
  `by ${WHO[by.actor]} ${HOW[by.channel]}`;

export const progressText = (progress: { total: number; answered: number }) =>
  `${progress.answered} of ${progress.total} answered`;
