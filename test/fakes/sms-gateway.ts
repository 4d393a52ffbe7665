import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedSms {
  apiId: string;
  to: string;
  msg: string;
  /** When it was accepted (ms since the epoch), for latency measurements. */
  at: number;
}

/**
 * A local SMS gateway speaking SMS.ru's HTTP protocol (`POST /sms/send`, form fields `api_id`,
 * `to`, `msg`, `json=1`; JSON answer per number). It records what it accepted and can be told to
 * be down (5xx) for the next requests, or to refuse a number. Held, it keeps requests unanswered
 * and unaccepted until released; one whose client went away meanwhile is never accepted (a
 * gateway accepts what it answers).
 */
export async function startSmsGateway(options: { apiId?: string } = {}) {
  const received: ReceivedSms[] = [];
  let failNext = 0;
  const refused = new Set<string>();
  let counter = 0;
  let holding = false;
  const held: { accept: () => void; gone: () => boolean }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || !req.url?.startsWith('/sms/send')) return answer(404, { status: 'ERROR', status_code: 404 });
      if (failNext > 0) {
        failNext--;
        return answer(503, { status: 'ERROR', status_code: 500, status_text: 'service unavailable' });
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const apiId = form.get('api_id') ?? '';
      const to = form.get('to') ?? '';
      const msg = form.get('msg') ?? '';
      if (options.apiId && apiId !== options.apiId) return answer(200, { status: 'ERROR', status_code: 200, status_text: 'wrong api_id' });
      if (refused.has(to)) {
        return answer(200, {
          status: 'OK',
          status_code: 100,
          sms: { [to]: { status: 'ERROR', status_code: 202, status_text: 'wrong number' } },
        });
      }
      const accept = () => {
        if (res.destroyed || req.socket.destroyed) return;
        received.push({ apiId, to, msg, at: Date.now() });
        answer(200, {
          status: 'OK',
          status_code: 100,
          sms: { [to]: { status: 'OK', status_code: 100, sms_id: `sms-${++counter}` } },
          balance: 100,
        });
      };
      if (holding) held.push({ accept, gone: () => res.destroyed || req.socket.destroyed });
      else accept();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    /** Answers 503 to the next `n` requests. */
    failNext(n: number) {
      failNext = n;
    },
    refuse(number: string) {
      refused.add(number);
    },
    /** Keeps the next requests unanswered (and not accepted) until `release`. */
    hold() {
      holding = true;
    },
    /** Requests waiting unanswered now. */
    held: () => held.length,
    /** Held requests whose client is still connected. */
    heldAlive: () => held.filter((h) => !h.gone()).length,
    /** Answers (accepts) the held requests whose client is still there, and stops holding. */
    release() {
      holding = false;
      for (const { accept } of held.splice(0)) accept();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
