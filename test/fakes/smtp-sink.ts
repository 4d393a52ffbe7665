import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The whole message as sent (headers and MIME parts). */
  raw: string;
  messageId: string | null;
  /** The text/plain part, decoded (base64 or quoted-printable, as nodemailer chose). */
  text: string;
}

/** The decoded text/plain part of a MIME message; enough MIME for what nodemailer writes. */
export function plainTextOf(raw: string): string {
  const part = /Content-Type: text\/plain[^\r\n]*\r?\n((?:[^\r\n]+\r?\n)*)\r?\n([\s\S]*?)(?:\r?\n--|$)/i.exec(raw);
  if (!part) return '';
  const [, headers = '', body = ''] = part;
  const encoding = /Content-Transfer-Encoding:\s*(\S+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
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
            text: plainTextOf(raw),
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
