import { type Gateway, PermanentSendError } from './gateway.ts';

/** SMS.ru's answer to `/sms/send?json=1`. */
interface SmsRuAnswer {
  status: 'OK' | 'ERROR';
  status_code: number;
  status_text?: string;
  sms?: Record<string, { status: 'OK' | 'ERROR'; status_code: number; sms_id?: string; status_text?: string }>;
}

/** Status codes SMS.ru gives for a number or text that no retry fixes (202 wrong number, 207 not allowed, 208 bad text). */
const PERMANENT = new Set([202, 207, 208]);

/**
 * SMS over the SMS.ru HTTP protocol: `POST {base}/sms/send` with `api_id`, `to`, `msg` and
 * `json=1` as a form; the answer says per number whether it was accepted. A 5xx, a timeout or an
 * overall ERROR is worth a retry; a refused number is not.
 */
export function smsRuGateway(options: { baseUrl: string; apiId: string; timeoutMs?: number }): Gateway {
  const endpoint = new URL('sms/send', options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  return {
    async send(message) {
      const body = new URLSearchParams({ api_id: options.apiId, to: message.to, msg: message.text, json: '1' });
      const res = await fetch(endpoint, { method: 'POST', body, signal: AbortSignal.timeout(options.timeoutMs ?? 10_000) });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
      const answer = (await res.json()) as SmsRuAnswer;
      const mine = answer.sms?.[message.to];
      if (answer.status !== 'OK' || !mine)
        throw new Error(`SMS gateway refused the request: ${answer.status_code} ${answer.status_text ?? ''}`);
      if (mine.status !== 'OK') {
        const reason = `SMS gateway refused ${message.to}: ${mine.status_code} ${mine.status_text ?? ''}`;
        throw PERMANENT.has(mine.status_code) ? new PermanentSendError(reason) : new Error(reason);
      }
      return mine.sms_id ?? '';
    },
  };
}
