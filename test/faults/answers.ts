/** A service's answer as the fault run reads it: the status and the parsed JSON, of no known shape. */
export type Answer = { status: number; body: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a path of object keys and array indexes, or undefined where the path leaves the JSON. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let here = value;
  for (const step of path) {
    if (typeof step === 'number') here = Array.isArray(here) ? here[step] : undefined;
    else here = isRecord(here) ? here[step] : undefined;
  }
  return here;
}

/** The text at a path, or undefined when it is absent or not text. */
export function textAt(value: unknown, ...path: (string | number)[]): string | undefined {
  const found = at(value, ...path);
  return typeof found === 'string' ? found : undefined;
}

/** The text at a path; an answer without it stops the run with what came instead. */
export function requireText(answer: Answer, ...path: (string | number)[]): string {
  const found = textAt(answer.body, ...path);
  if (found === undefined) throw new Error(`no ${path.join('.')} in ${answer.status} ${JSON.stringify(answer.body)}`);
  return found;
}

/** A listing's rows: a bare array, or the `items` of a page. */
export function rowsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  const items = at(body, 'items');
  return Array.isArray(items) ? items : [];
}
