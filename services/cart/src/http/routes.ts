import type { HttpApp } from '@bazar/kit/http/app';
import { userOf } from '@bazar/kit/http/auth';
import { optionalBearer } from '@bazar/kit/http/openapi';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import { addItem } from '../app/add-item.ts';
import { applyPromoCode } from '../app/apply-promo-code.ts';
import { changeItemQuantity } from '../app/change-item-quantity.ts';
import { checkOutCart } from '../app/check-out-cart.ts';
import { claimCart } from '../app/claim-cart.ts';
import type { CartContext } from '../app/context.ts';
import { createCart } from '../app/create-cart.ts';
import { getCart } from '../app/get-cart.ts';
import { removeItem } from '../app/remove-item.ts';
import { removePromoCode } from '../app/remove-promo-code.ts';
import { reopenCart } from '../app/reopen-cart.ts';
import {
  AddItemBody,
  CartParams,
  CartSchema,
  ChangeItemBody,
  CheckOutBody,
  CheckoutCartSchema,
  CreateCartBody,
  ItemParams,
  PromoBody,
  ReopenBody,
} from './schemas.ts';

const tags = ['cart'];
const cartReply = { 200: Type.Ref('Cart'), ...problems(400, 401, 403, 404, 409, 422) };
const ACCESS =
  'Anonymous carts are reachable by anyone holding their id (treat it as a secret); a cart created with a token belongs to that user.';

/** Cart routes of CONTRACT.md plus the internal routes checkout uses. */
export function cartRoutes(app: HttpApp, ctx: CartContext) {
  const { auth } = ctx.deps;
  app.addSchema(CartSchema);
  const userId = (req: { user: { id: string } | null }) => req.user?.id ?? null;

  app.post(
    '/api/v1/carts',
    {
      preHandler: auth.optional,
      // A bodyless POST is a cart in the default currency, not a 400.
      preValidation: async (req) => {
        req.body ??= {};
      },
      schema: {
        tags,
        summary: 'Open a cart',
        description: ACCESS,
        ...optionalBearer,
        body: CreateCartBody,
        response: { 201: Type.Ref('Cart'), ...problems(400, 401, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await createCart(ctx, { userId: userId(req), currency: req.body.currency })),
  );

  app.get(
    '/api/v1/carts/:id',
    {
      preHandler: auth.optional,
      schema: { tags, summary: 'A cart, priced now', description: ACCESS, ...optionalBearer, params: CartParams, response: cartReply },
    },
    async (req) => getCart(ctx, { cartId: req.params.id, userId: userId(req) }),
  );

  app.post(
    '/api/v1/carts/:id/items',
    {
      preHandler: auth.optional,
      schema: {
        tags,
        summary: 'Add a variant (the same variant again adds quantity)',
        description:
          "Adds `quantity` of a catalog variant at its current price. Anyone with the cart's id may change an anonymous cart; an owned cart only its owner. Unknown variant → 404, quantity under 1 → 400, a cart being checked out → 409 `cart.checked_out`.",
        ...optionalBearer,
        params: CartParams,
        body: AddItemBody,
        response: { 201: Type.Ref('Cart'), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await addItem(ctx, { cartId: req.params.id, userId: userId(req), ...req.body })),
  );

  app.patch(
    '/api/v1/carts/:id/items/:itemId',
    {
      preHandler: auth.optional,
      schema: {
        tags,
        summary: "Change a line's quantity",
        description:
          "Sets the quantity of one line (owner of the cart, or anyone holding an anonymous cart's id); the totals are priced afresh.",
        ...optionalBearer,
        params: ItemParams,
        body: ChangeItemBody,
        response: cartReply,
      },
    },
    async (req) => changeItemQuantity(ctx, { cartId: req.params.id, itemId: req.params.itemId, userId: userId(req), ...req.body }),
  );

  app.delete(
    '/api/v1/carts/:id/items/:itemId',
    {
      preHandler: auth.optional,
      schema: {
        tags,
        summary: 'Remove a line',
        description: "Removes one line from the cart (owner, or anyone holding an anonymous cart's id) and answers the cart priced afresh.",
        ...optionalBearer,
        params: ItemParams,
        response: cartReply,
      },
    },
    async (req) => removeItem(ctx, { cartId: req.params.id, itemId: req.params.itemId, userId: userId(req) }),
  );

  app.post(
    '/api/v1/carts/:id/promo',
    {
      preHandler: auth.optional,
      schema: {
        tags,
        summary: 'Apply a promo code (invalid, expired or exhausted → 422)',
        description:
          'Checks the code with promotions and shows its discount in the totals; the code is redeemed only at checkout. Works on anonymous carts too. Past `PROMO_MAX_WRONG_CODES` wrong codes for a cart or customer (4× that per address), each further try waits longer: a try during the wait → 429 with Retry-After.',
        ...optionalBearer,
        params: CartParams,
        body: PromoBody,
        response: { ...cartReply, ...problems(429) },
      },
    },
    async (req) => applyPromoCode(ctx, { cartId: req.params.id, userId: userId(req), code: req.body.code, ip: req.ip }),
  );

  app.delete(
    '/api/v1/carts/:id/promo',
    {
      preHandler: auth.optional,
      schema: {
        tags,
        summary: 'Remove the promo code',
        description: "Takes the promo code off the cart (owner, or anyone holding an anonymous cart's id); the discount leaves the totals.",
        ...optionalBearer,
        params: CartParams,
        response: cartReply,
      },
    },
    async (req) => removePromoCode(ctx, { cartId: req.params.id, userId: userId(req) }),
  );

  app.post(
    '/api/v1/carts/:id/claim',
    {
      preHandler: auth.user,
      schema: {
        tags,
        summary: 'Take over an anonymous cart after signing in',
        description:
          'The cart becomes the caller’s: only they may use it from then on. Claiming one’s own cart again changes nothing; a cart of someone else is 403, a checked-out one 409.',
        ...optionalBearer,
        params: CartParams,
        response: cartReply,
      },
    },
    async (req) => claimCart(ctx, { cartId: req.params.id, userId: userOf(req).id }),
  );

  app.post(
    '/internal/v1/carts/:id/check-out',
    {
      preHandler: ctx.deps.internal,
      schema: { hide: true, params: CartParams, body: CheckOutBody, response: { 200: CheckoutCartSchema } },
    },
    async (req) => checkOutCart(ctx, { cartId: req.params.id, ...req.body }),
  );

  app.post(
    '/internal/v1/carts/:id/reopen',
    { preHandler: ctx.deps.internal, schema: { hide: true, params: CartParams, body: ReopenBody } },
    async (req) => reopenCart(ctx, { cartId: req.params.id, orderId: req.body.orderId }),
  );
}
