import type { HttpApp } from '@bazar/kit/http/app';
import { bearer, userOf } from '@bazar/kit/http/auth';
import { Page } from '@bazar/kit/http/pagination';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import type { BettingContext } from '../app/context.ts';
import { getBudget } from '../app/get-budget.ts';
import { getLeaderboard } from '../app/get-leaderboard.ts';
import { betView, listBetsPage } from '../app/list-bets.ts';
import { placeBet } from '../app/place-bet.ts';
import { BetSchema, BudgetSchema, LeaderboardQuery, LeaderboardSchema, ListBetsQuery, PlaceBetBody } from './schemas.ts';

const tags = ['betting'];

/** The manager bets of CONTRACT.md, plus the caller's budget. */
export function bettingRoutes(app: HttpApp, ctx: BettingContext) {
  const managers = ctx.deps.auth.roles('manager');
  app.addSchema(BetSchema);

  app.post(
    '/api/v1/bets',
    {
      onRequest: managers,
      schema: {
        tags,
        summary: "Stake points from this week's budget on an order's outcome",
        description:
          'Manager only. 404 for an order betting does not know, 409 if its outcome is already known or it is their own order, 422 if the stake exceeds the points left this week.',
        ...bearer,
        body: PlaceBetBody,
        response: { 201: Type.Ref('Bet'), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(betView(await placeBet(ctx, { ...req.body, managerId: userOf(req).id }))),
  );

  app.get(
    '/api/v1/bets',
    {
      onRequest: managers,
      schema: {
        tags,
        summary: "Bets, newest first: an order's (orderId) or the caller's own (mine=true)",
        description: 'Manager only; other roles get 403. Filter by orderId or mine=true.',
        ...bearer,
        querystring: ListBetsQuery,
        response: { 200: Page(Type.Ref('Bet')), ...problems(400, 401, 403) },
      },
    },
    async (req) => listBetsPage(ctx, { ...req.query, managerId: userOf(req).id }),
  );

  app.get(
    '/api/v1/bets/leaderboard',
    {
      onRequest: managers,
      schema: {
        tags,
        summary: 'Managers by net points won this week or this month',
        description:
          'Manager only; other roles get 403. Net payouts minus stakes of settled bets per manager for the week (default) or month.',
        ...bearer,
        querystring: LeaderboardQuery,
        response: { 200: LeaderboardSchema, ...problems(400, 401, 403) },
      },
    },
    async (req) => getLeaderboard(ctx, req.query.period),
  );

  app.get(
    '/api/v1/bets/budget',
    {
      onRequest: managers,
      schema: {
        tags,
        summary: "The caller's points left this week",
        description: "Manager only; other roles get 403. The week's budget and the points the caller has left to stake.",
        ...bearer,
        response: { 200: BudgetSchema, ...problems(401, 403) },
      },
    },
    async (req) => getBudget(ctx, userOf(req).id),
  );
}
