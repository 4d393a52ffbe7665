/**
 * How one combined statement reports a compare-and-set that missed (`deferWrite(…, { expectRows })`):
 * it calls this function, which raises an error of its own SQLSTATE. A statement that ran without
 * BEGIN has no later moment at which the client could still undo it, so the check has to fail the
 * statement itself.
 */
export const STALE_WRITE_FUNCTION = 'bazar_platform.stale_write';
export const STALE_WRITE_SQLSTATE = 'BZ001';

/**
 * Creates the function once per database (idempotent; an advisory lock keeps two processes starting
 * at once from racing on it).
 */
export const CREATE_STALE_WRITE_FUNCTION = `DO $do$
BEGIN
  PERFORM pg_advisory_xact_lock(74021);
  IF to_regprocedure('${STALE_WRITE_FUNCTION}()') IS NULL THEN
    CREATE SCHEMA IF NOT EXISTS bazar_platform;
    CREATE FUNCTION ${STALE_WRITE_FUNCTION}() RETURNS integer LANGUAGE plpgsql VOLATILE AS $fn$
    BEGIN
      RAISE EXCEPTION 'a compare-and-set write found its row changed; nothing was written'
        USING ERRCODE = '${STALE_WRITE_SQLSTATE}';
    END
    $fn$;
  END IF;
END
$do$`;
