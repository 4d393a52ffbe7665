/** `NODE_ENV=production`: the settings a real shop runs with, where development conveniences are refused. */
export const isProduction = (env: Record<string, string | undefined>) => env.NODE_ENV === 'production';

/**
 * In production, a setting still at a value everyone can read in the README stops the start:
 * the message names the variable and says what to do instead.
 */
export function refuseDevelopmentDefaults(
  env: Record<string, string | undefined>,
  checks: { variable: string; unsafe: boolean; fix: string }[],
): void {
  if (!isProduction(env)) return;
  const refused = checks.filter((c) => c.unsafe);
  if (refused.length === 0) return;
  const lines = refused.map((c) => `  ${c.variable}: ${c.fix}`);
  throw new Error(`Refusing to start with NODE_ENV=production and development defaults:\n${lines.join('\n')}`);
}
