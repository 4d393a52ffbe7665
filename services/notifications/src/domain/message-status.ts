import { defineMachine } from '@bazar/kit/machine';

export const MESSAGE_STATUSES = ['pending', 'sent', 'failed', 'stored'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * A message's lifecycle. `pending` waits for its gateway (retried with backoff while it fails);
 * `failed` gave up after the last attempt and waits for an operator, who may send it again;
 * `stored` was never sent because no gateway for its channel is configured: it lives in the inbox only.
 */
export const messageMachine = defineMachine<MessageStatus>(
  {
    pending: ['sent', 'failed'],
    failed: ['pending'],
    sent: [],
    stored: [],
  },
  'notifications.illegal_transition',
);
