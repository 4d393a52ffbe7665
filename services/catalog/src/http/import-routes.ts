import { Readable } from 'node:stream';
import { Uuid } from '@bazar/contracts/common';
import type { HttpApp } from '@bazar/kit/http/app';
import { bearer } from '@bazar/kit/http/auth';
import { Type } from 'typebox';
import type { CatalogContext } from '../app/context.ts';
import { exportProducts } from '../app/export-products.ts';
import { getImport } from '../app/get-import.ts';
import { startImport } from '../app/start-import.ts';
import { ImportSchema } from './schemas.ts';

const problems = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, Type.Ref('Problem')]));
const tags = ['catalog'];
const CSV_LIMIT = 50 * 1024 * 1024;

/** CSV import (202, runs in the background) and export, in one format. */
export async function importRoutes(app: HttpApp, ctx: CatalogContext) {
  const staff = ctx.deps.auth.roles('manager', 'admin');
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_LIMIT }, (_req, body, done) => done(null, body));

  app.post(
    '/api/v1/products/import',
    {
      preHandler: staff,
      bodyLimit: CSV_LIMIT,
      schema: {
        tags,
        summary: 'Import products from CSV (text/csv; columns as in the export)',
        ...bearer,
        consumes: ['text/csv'],
        body: Type.String({ minLength: 1 }),
        response: { 202: Type.Object({ id: Uuid }), ...problems(400, 401, 403, 415) },
      },
    },
    async (req, reply) => reply.status(202).send(await startImport(ctx, { csv: req.body, userId: req.user?.id ?? null })),
  );

  app.get(
    '/api/v1/products/export',
    {
      preHandler: staff,
      schema: { tags, summary: 'Export live products as CSV (the import format)', ...bearer, produces: ['text/csv'] },
    },
    async (_req, reply) => {
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="products.csv"');
      return reply.send(Readable.from(exportProducts(ctx)));
    },
  );

  app.get(
    '/api/v1/imports/:id',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: "An import's progress and refused rows",
        ...bearer,
        params: Type.Object({ id: Uuid }),
        response: { 200: ImportSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getImport(ctx, req.params.id),
  );
}
