import { EventEmitter } from 'node:events';

/** A NUL, or half of a UTF-16 surrogate pair: text PostgreSQL refuses to store or compare. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the NUL character is the point.
const UNSAFE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface UnsafeValue {
  path: string;
  message: string;
}

const MAX_DEPTH = 64;

/**
 * The first value of a request part no handler should ever see: text PostgreSQL cannot hold,
 * or a number that is not finite (`1e999` parses to Infinity and slips past every limit) or not exact.
 */
export function findUnsafeValue(value: unknown, path: string[] = [], depth = 0): UnsafeValue | undefined {
  if (typeof value === 'string') {
    return UNSAFE_TEXT.test(value) ? { path: pathOf(path), message: 'must not contain NUL characters or unpaired surrogates' } : undefined;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { path: pathOf(path), message: 'must be a finite number' };
    // Beyond 2^53 a JSON number is no longer the integer that was sent, and no column holds it.
    if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      return { path: pathOf(path), message: `must be between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}` };
    }
    return undefined;
  }
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return undefined;
  // Only parsed JSON is walked: a body left as a stream (the gateway passes bodies through) is the
  // upstream's to check, and walking a socket's object graph never ends.
  if (value instanceof EventEmitter || ArrayBuffer.isView(value)) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeValue(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (UNSAFE_TEXT.test(key)) return { path: pathOf(path), message: 'has a field name with NUL characters or unpaired surrogates' };
    const found = findUnsafeValue(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

const pathOf = (path: string[]) => path.join('.') || '(root)';
