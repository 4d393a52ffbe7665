/**
 * Parses a duration as used in settings: `90` or `90s` (seconds), `30m`, `2h`, `1d`, or ISO 8601
 * like `PT30M`. Returns seconds; anything else is undefined so config can refuse it.
 */
export function parseDurationSeconds(text: string): number | undefined {
  const value = text.trim();
  const simple = /^(\d+)\s*(s|m|h|d)?$/i.exec(value);
  if (simple) {
    const unit = (simple[2] ?? 's').toLowerCase() as 's' | 'm' | 'h' | 'd';
    return Number(simple[1]) * { s: 1, m: 60, h: 3600, d: 86_400 }[unit];
  }
  const iso = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(value);
  if (iso && value.length > 1 && !/T$/i.test(value)) {
    const [, d = '0', h = '0', m = '0', s = '0'] = iso;
    return Number(d) * 86_400 + Number(h) * 3600 + Number(m) * 60 + Number(s);
  }
  return undefined;
}
