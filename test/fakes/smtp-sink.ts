import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The whole message as sent (headers and MIME parts). */
  raw: string;
  messageId: string | null;
}

/**
 * A real SMTP server on a free local port that keeps every message it accepts, for tests. Held, it
 * answers no message's end of DATA until released, and never accepts one whose client has gone.
 */
export async function startSmtpSink() {
  const received: ReceivedMail[] = [];
  let holding = false;
  const held: { accept: () => void; gone: () => boolean }[] = [];
  const closed = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const accept = () => {
          if (closed.has(session.id)) return;
          received.push({
            from,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            messageId: /^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? null,
          });
          callback();
        };
        if (holding) held.push({ accept, gone: () => closed.has(session.id) });
        else accept();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}?tls=off`,
    received,
    /** Leaves the next messages' DATA unanswered (and not accepted) until `release`. */
    hold() {
      holding = true;
    },
    held: () => held.length,
    /** Held messages whose client is still connected. */
    heldAlive: () => held.filter((h) => !h.gone()).length,
    /** Accepts the held messages whose client is still connected, and stops holding. */
    release() {
      holding = false;
      for (const { accept } of held.splice(0)) accept();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
