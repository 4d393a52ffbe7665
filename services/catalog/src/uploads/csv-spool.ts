import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '@bazar/kit/errors';
import { parse } from 'csv-parse';
import type { CatalogConfig } from '../config.ts';

/** What one upload may hold: the route's body limit, and per row far more than the import format needs (13 columns). */
export const CSV_LIMITS = { maxBytes: 50 * 1024 * 1024, maxColumns: 64, maxLineChars: 65_536 } as const;

export const TooManyColumns = (line: number, columns: number) =>
  new DomainError(
    'catalog.csv_too_many_columns',
    400,
    `Line ${line} has ${columns} columns; at most ${CSV_LIMITS.maxColumns} are allowed`,
    { limit: CSV_LIMITS.maxColumns, line },
  );
export const LineTooLong = (line: number) =>
  new DomainError(
    'catalog.csv_line_too_long',
    400,
    `Line ${line} is longer than ${CSV_LIMITS.maxLineChars} characters, the most one row may have`,
    { limit: CSV_LIMITS.maxLineChars, line },
  );
export const BodyTooLarge = () =>
  new DomainError('catalog.csv_too_large', 400, `The CSV is larger than ${CSV_LIMITS.maxBytes} bytes, the most one import takes`, {
    limit: CSV_LIMITS.maxBytes,
  });
export const EmptyCsv = () => new DomainError('catalog.csv_empty', 400, 'The CSV is empty');

export const importDir = (config: CatalogConfig) => config.CATALOG_IMPORT_DIR ?? join(tmpdir(), 'bazar-imports');
/** Where an accepted import's file waits until it is processed. */
export const importFile = (config: CatalogConfig, importId: string) => join(importDir(config), `${importId}.csv`);

/** The parser's options for the limits; an import reads with the same ones. */
export const limitOptions = { bom: true, max_record_size: CSV_LIMITS.maxLineChars, relax_column_count: true, skip_empty_lines: true };

/**
 * Streams an upload into a file of its own while a CSV parser checks the limits chunk by chunk, so
 * the request never holds the event loop for long; answers the file's path. A file that breaks a
 * limit is refused and removed; other malformed CSV is left for the import to report by line.
 */
export async function spoolCsv(source: NodeJS.ReadableStream, config: CatalogConfig): Promise<string> {
  await mkdir(importDir(config), { recursive: true });
  const file = join(importDir(config), `upload-${randomUUID()}.csv`);
  let bytes = 0;
  let checking = true;
  let refusal: DomainError | undefined;
  // Records are looked at as they are parsed and dropped at once: nothing piles up in memory.
  const checker = parse({
    ...limitOptions,
    on_record: (record: string[], context: { lines: number }) => {
      if (record.length > CSV_LIMITS.maxColumns) refusal ??= TooManyColumns(context.lines, record.length);
      return null;
    },
  });
  checker.on('error', (error: Error & { code?: string; lines?: number }) => {
    checking = false;
    if (error.code === 'CSV_MAX_RECORD_SIZE') refusal ??= LineTooLong(error.lines ?? checker.info.lines);
  });
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > CSV_LIMITS.maxBytes) refusal ??= BodyTooLarge();
      if (checking && !refusal) checker.write(chunk);
      done(refusal, refusal ? undefined : chunk);
    },
    flush(done) {
      if (!checking || refusal) return done(refusal);
      checker.end(() => done(refusal));
    },
  });
  try {
    await pipeline(source, check, createWriteStream(file));
    if (refusal) throw refusal;
    if (bytes === 0) throw EmptyCsv();
    return file;
  } catch (error) {
    await rm(file, { force: true });
    throw refusal ?? error;
  }
}

/** Gives an accepted upload its import's name. */
export const keepUpload = (config: CatalogConfig, upload: string, importId: string) => rename(upload, importFile(config, importId));
/** Removes an upload no import took (the request failed after it was stored). */
export const dropUpload = (upload: string) => rm(upload, { force: true });
