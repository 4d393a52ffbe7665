import { describe, expect, it } from 'vitest';
import { combine } from './deferred-writes.ts';

describe('combine', () => {
  it('makes one statement of several writes, shifting each one’s parameters past the ones before it', () => {
    const combined = combine([
      { sql: 'insert into "a" ("x", "y") values ($1, $2)', params: [1, 'two'] },
      { sql: 'update "b" set "z" = $1 where "id" = $2', params: [3, 'four'] },
      { sql: 'insert into "c" ("q") values ($1), ($2), ($3)', params: [5, 6, 7] },
    ]);
    expect(combined).toEqual({
      sql:
        'WITH w0 AS (insert into "a" ("x", "y") values ($1, $2)), ' +
        'w1 AS (update "b" set "z" = $3 where "id" = $4), ' +
        'w2 AS (insert into "c" ("q") values ($5), ($6), ($7)) SELECT 1',
      params: [1, 'two', 3, 'four', 5, 6, 7],
    });
  });

  it('renumbers two-digit parameters as numbers, not as text', () => {
    const ten = Array.from({ length: 10 }, (_, i) => `$${i + 1}`).join(', ');
    const { sql } = combine([
      { sql: 'select 1 where 1 = $1', params: [1] },
      { sql: `insert into "t" values (${ten})`, params: Array(10).fill(0) },
    ]);
    expect(sql).toContain('values ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11)');
  });

  it('counts compare-and-set parts in the final select, which raises the stale-write error when one missed', () => {
    const { sql } = combine([
      { sql: 'update "o" set "s" = $1 where "id" = $2 and "s" = $3', params: ['paid', 1, 'open'], expectRows: 1 },
      { sql: 'insert into "h" ("x") values ($1)', params: [1] },
      { sql: 'update "p" set "s" = $1 where "id" = $2 returning "id"', params: ['x', 2], expectRows: 1 },
    ]);
    expect(sql).toBe(
      'WITH w0 AS (update "o" set "s" = $1 where "id" = $2 and "s" = $3 returning 1), ' +
        'w1 AS (insert into "h" ("x") values ($4)), ' +
        'w2 AS (update "p" set "s" = $5 where "id" = $6 returning "id") ' +
        'SELECT CASE WHEN (SELECT count(*) FROM w0) = 1 AND (SELECT count(*) FROM w2) = 1 THEN 1 ELSE bazar_platform.stale_write() END',
    );
  });
});
