import { Uuid } from '@bazar/contracts/common';
import { unauthorized } from '@bazar/kit/errors';
import type { HttpApp } from '@bazar/kit/http/app';
import { type AuthUser, bearer } from '@bazar/kit/http/auth';
import { Page, PageQuery } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import { capturePayment } from '../app/capture-payment.ts';
import { confirmPayment } from '../app/confirm-payment.ts';
import type { PaymentsContext } from '../app/context.ts';
import { createPayment } from '../app/create-payment.ts';
import { loadVisiblePayment } from '../app/get-payment.ts';
import { listLedgerAccounts } from '../app/list-ledger-accounts.ts';
import { listLedgerEntries } from '../app/list-ledger-entries.ts';
import { refundPayment } from '../app/refund-payment.ts';
import { verifyLedger } from '../app/verify-ledger.ts';
import { voidPayment } from '../app/void-payment.ts';
import { toPaymentView } from '../domain/payment.ts';
import { AccountsSchema, CaptureBody, CreatePaymentBody, EntrySchema, LedgerCheckSchema, PaymentSchema, RefundBody } from './schemas.ts';
import { webhookRoutes } from './webhook-routes.ts';

const tags = ['payments'];
const IdParams = Type.Object({ id: Uuid });

/** Payments and ledger routes of CONTRACT.md plus the internal API of contracts/clients/payments.ts. */
export async function paymentsRoutes(app: HttpApp, ctx: PaymentsContext) {
  const { auth, internal } = ctx.deps;
  app.addSchema(PaymentSchema);
  app.addSchema(EntrySchema);
  const actorOf = (user: AuthUser | null): AuthUser => {
    if (!user) throw unauthorized();
    return user;
  };

  app.get(
    '/api/v1/payments/:id',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: 'A payment (its owner or staff)',
        description: 'The customer it belongs to, or staff. Status, amount, provider and what was refunded.',
        ...bearer,
        params: IdParams,
        response: { 200: Type.Ref('Payment'), ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => toPaymentView(await loadVisiblePayment(ctx, req.params.id, actorOf(req.user))),
  );

  app.post(
    '/api/v1/payments/:id/confirm',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: 'Complete a payment waiting for the customer (3-D Secure)',
        description:
          "The payment's owner, after the approval step (`tok_3ds` with the test provider). Captures it and marks the order paid; a payment not waiting → 409.",
        ...bearer,
        params: IdParams,
        response: { 200: Type.Ref('Payment'), ...problems(400, 401, 403, 404, 409, 503) },
      },
    },
    async (req) => toPaymentView(await confirmPayment(ctx, { paymentId: req.params.id, actor: actorOf(req.user) })),
  );

  app.get(
    '/api/v1/ledger/accounts',
    {
      preHandler: auth.roles('controller', 'admin'),
      schema: {
        tags: ['ledger'],
        summary: 'Account balances per currency (posted entries)',
        description: 'Controller or admin. Debits, credits and the balance of each ledger account per currency, from posted entries.',
        ...bearer,
        response: { 200: AccountsSchema, ...problems(401, 403) },
      },
    },
    async () => listLedgerAccounts(ctx),
  );

  app.get(
    '/api/v1/ledger/entries',
    {
      preHandler: auth.roles('controller', 'admin'),
      schema: {
        tags: ['ledger'],
        summary: 'Journal entries with their postings, newest first',
        description: 'Controller or admin. Each double-entry journal entry with its postings, filtered by order or payment; paged.',
        ...bearer,
        querystring: Type.Object(
          { orderId: Type.Optional(Uuid), paymentId: Type.Optional(Uuid), ...PageQuery },
          { additionalProperties: false },
        ),
        response: { 200: Page(Type.Ref('LedgerEntry')), ...problems(400, 401, 403) },
      },
    },
    async (req) => listLedgerEntries(ctx, req.query),
  );

  app.get(
    '/api/v1/ledger/check',
    {
      preHandler: auth.roles('controller', 'admin'),
      schema: {
        tags: ['ledger'],
        summary: 'Check the ledger now (what `bazar ledger verify` proves)',
        description:
          'Controller or admin. Read-only, while the shop runs: every entry balances per currency and has two or more postings, no posting names a missing entry or account, account balances equal their postings, the books balance, and every captured or refunded payment has matching entries. `ok` is false with the broken rules in `violations`.',
        ...bearer,
        response: { 200: LedgerCheckSchema, ...problems(401, 403) },
      },
    },
    async () => verifyLedger(ctx.deps.database),
  );

  const hidden = { hide: true };
  app.post(
    '/internal/v1/payments',
    {
      onRequest: internal,
      schema: { ...hidden, body: CreatePaymentBody, response: { 201: Type.Ref('Payment'), ...problems(400, 403, 422, 503) } },
    },
    async (req, reply) => reply.status(201).send(toPaymentView(await createPayment(ctx, req.body))),
  );

  app.post(
    '/internal/v1/payments/:id/void',
    {
      onRequest: internal,
      schema: { ...hidden, params: IdParams, response: { 200: Type.Ref('Payment'), ...problems(400, 403, 404, 422, 503) } },
    },
    async (req) => toPaymentView(await voidPayment(ctx, req.params.id)),
  );

  app.post(
    '/internal/v1/payments/:id/capture',
    {
      onRequest: internal,
      schema: {
        ...hidden,
        params: IdParams,
        body: CaptureBody,
        response: { 200: Type.Ref('Payment'), ...problems(400, 403, 404, 409, 422, 503) },
      },
    },
    async (req) => toPaymentView(await capturePayment(ctx, req.params.id, req.body.amount)),
  );

  app.post(
    '/internal/v1/payments/:id/refund',
    {
      onRequest: internal,
      schema: {
        ...hidden,
        params: IdParams,
        body: RefundBody,
        response: { 200: Type.Ref('Payment'), ...problems(400, 403, 404, 409, 422, 503) },
      },
    },
    async (req) => toPaymentView(await refundPayment(ctx, { paymentId: req.params.id, ...req.body })),
  );

  await app.register(async (scope) => webhookRoutes(scope as HttpApp, ctx));
}
