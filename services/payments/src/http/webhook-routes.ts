import type { HttpApp } from '@bazar/kit/http/app';
import { Type } from 'typebox';
import type { PaymentsContext } from '../app/context.ts';
import { handleWebhook } from '../app/handle-webhook.ts';
import { WebhookResultSchema } from './schemas.ts';

const RAW_BODY = Symbol('rawBody');
type WithRaw = { [RAW_BODY]?: string };

/**
 * `POST /api/v1/payments/webhooks/{provider}`. Signatures are computed over the exact bytes the
 * provider sent, so this scope (and only this one) parses JSON itself and keeps the raw text.
 */
export function webhookRoutes(app: HttpApp, ctx: PaymentsContext) {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 256 * 1024 }, (req, body, done) => {
    (req as unknown as WithRaw)[RAW_BODY] = body as string;
    try {
      done(null, body === '' ? {} : JSON.parse(body as string));
    } catch {
      const error = Object.assign(new Error('Body is not valid JSON'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
      done(error, undefined);
    }
  });

  app.post(
    '/api/v1/payments/webhooks/:provider',
    {
      schema: {
        tags: ['payments'],
        summary: 'Provider webhooks: signature checked, deduplicated by event id, safe to replay in any order',
        description:
          "Called by the payment provider, not by clients: a bad signature → 400. Outcomes (captured, failed, refunds made in the provider's dashboard) are applied once.",
        params: Type.Object({ provider: Type.String({ pattern: '^[a-z0-9_-]{1,40}$' }) }),
        response: { 200: WebhookResultSchema, 400: Type.Ref('Problem'), 404: Type.Ref('Problem'), 503: Type.Ref('Problem') },
      },
    },
    async (req) =>
      handleWebhook(ctx, {
        provider: req.params.provider,
        rawBody: (req as unknown as WithRaw)[RAW_BODY] ?? '',
        headers: req.headers,
      }),
  );
}
