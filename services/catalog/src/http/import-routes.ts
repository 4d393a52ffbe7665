import { Readable } from 'node:stream';
import { Uuid } from '@bazar/contracts/common';
import type { HttpApp } from '@bazar/kit/http/app';
import { bearer } from '@bazar/kit/http/auth';
import { problems } from '@bazar/kit/http/problem';
import { Type } from 'typebox';
import type { CatalogContext } from '../app/context.ts';
import { exportProducts } from '../app/export-products.ts';
import { getImport } from '../app/get-import.ts';
import { startImport } from '../app/start-import.ts';
import { CSV_COLUMNS } from '../domain/csv-row.ts';
import { CSV_LIMITS, dropUpload, spoolCsv } from '../uploads/csv-spool.ts';
import { ImportSchema } from './schemas.ts';

const tags = ['catalog'];
// The body is a stream, so the schema only documents it (Unsafe: no string type forced on the handler).
const CsvExample = Type.Unsafe<unknown>({
  type: 'string',
  examples: [
    `${CSV_COLUMNS.join(',')}\nkrasnye-krossovki,Красные кроссовки,Лёгкие беговые,shoes,{},,RED-42,4600000000011,42,{},4990.00,RUB,5\n`,
  ],
});

/** CSV import (202, runs in the background) and export, in one format. */
export async function importRoutes(app: HttpApp, ctx: CatalogContext) {
  const staff = ctx.deps.auth.roles('manager', 'admin');
  // The upload streams to a file while its limits are checked; the handler gets the file's path.
  app.addContentTypeParser('text/csv', (_req, payload, done) => {
    spoolCsv(payload, ctx.config).then(
      (file) => done(null, file),
      (error: Error) => done(error, undefined),
    );
  });

  app.post(
    '/api/v1/products/import',
    {
      preHandler: staff,
      bodyLimit: CSV_LIMITS.maxBytes,
      schema: {
        tags,
        summary: 'Import products from CSV (text/csv; columns as in the export)',
        description:
          "Manager or admin. Answers 202 with the import's id at once and upserts rows by SKU in the background, in batches; refused rows are listed by `GET /api/v1/imports/{id}`. At most 50 MB, 64 columns and 65,536 characters a row: past a limit → 400 naming it (`catalog.csv_too_large`, `catalog.csv_too_many_columns`, `catalog.csv_line_too_long`).",
        ...bearer,
        consumes: ['text/csv'],
        body: Type.String({ minLength: 1 }),
        response: { 202: Type.Object({ id: Uuid }), ...problems(400, 401, 403, 415) },
      },
    },
    async (req, reply) => {
      try {
        return reply.status(202).send(await startImport(ctx, { upload: req.body, userId: req.user?.id ?? null }));
      } finally {
        await dropUpload(req.body);
      }
    },
  );

  app.get(
    '/api/v1/products/export',
    {
      preHandler: staff,
      schema: {
        tags,
        summary: 'Export live products as CSV (the import format)',
        description:
          'Manager or admin. Streams every product that is not archived, one row per variant, in the columns the import reads back.',
        ...bearer,
        produces: ['text/csv'],
        response: { 200: { description: 'CSV, one row per variant', content: { 'text/csv': { schema: CsvExample } } } },
      },
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
        description:
          'Manager or admin. Status (`queued`, `running`, `completed`, `failed`), rows processed of the total, and each refused row with its reason.',
        ...bearer,
        params: Type.Object({ id: Uuid }),
        response: { 200: ImportSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getImport(ctx, req.params.id),
  );
}
