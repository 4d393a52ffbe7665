/**
 * The value as JSON would carry it — `JSON.parse(JSON.stringify(value))` — without the text in
 * between: dates (anything with `toJSON`) become what `toJSON` answers, properties that are
 * undefined or functions are left out, and in arrays become null, as do numbers JSON cannot write
 * (-0 becomes 0).
 * An in-process service call answers through it so callers see what they would over HTTP, for
 * less than the round trip through text costs (0024).
 */
export function wireCopy(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null; // -0 is written as 0
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return wireCopy((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = wireCopy(value[i]);
      copy[i] = carried(item) ? item : null;
    }
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = wireCopy((value as Record<string, unknown>)[key]);
    if (carried(item)) copy[key] = item;
  }
  return copy;
}

const carried = (value: unknown) => value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
