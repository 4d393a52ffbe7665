/** What a channel's gateway is handed; `id` is our message id (the e-mail's Message-ID). */
export interface OutgoingMessage {
  id: string;
  to: string;
  subject: string | null;
  text: string;
  html: string | null;
}

/** A channel's way out. `send` resolves with the gateway's id for the message, or throws when it was not accepted. */
export interface Gateway {
  send(message: OutgoingMessage): Promise<string>;
  close?(): void;
}

/** A refusal that will not change on a retry (a malformed number, an unknown address): no more attempts. */
export class PermanentSendError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentSendError';
  }
}
