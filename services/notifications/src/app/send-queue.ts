/** The job queue of message sends. */
export const SEND_QUEUE = 'notifications.send_message';
