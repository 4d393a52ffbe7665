import fc from 'fast-check';

/** A JSON Schema node as `/openapi.json` carries it. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
}

/** Stands in for a number JSON.stringify cannot write; the serializer swaps it for the raw text. */
export const RAW_HUGE_NUMBER = '\u0001RAW_1e999\u0001';

/** Text that has broken servers before: NUL, half surrogates, operators of query languages, huge and odd numbers. */
export const HOSTILE_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '🦄',
  '!!!',
  ':*',
  '& | !',
  "'; DROP TABLE users; --",
  '%',
  '_',
  '\\',
  '"',
  '<script>alert(1)</script>',
  '=HYPERLINK("x")',
  'Infinity',
  '-Infinity',
  'NaN',
  '1e999',
  '-1',
  '0',
  '9007199254740993',
  '00000000-0000-0000-0000-000000000000',
  '------------------------------------',
  '../../etc/passwd',
  'a'.repeat(300),
  'é'.repeat(70),
  '\r\n\t',
  '{"$ne":null}',
  'null',
  'true',
];

export const HOSTILE_NUMBERS = [0, -1, 1, 0.5, -0.0001, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 - 1, 2 ** 53 + 2, 1e308, -1e308, Number.MIN_VALUE];

const hostileScalar = fc.oneof(
  fc.constantFrom<unknown>(...HOSTILE_TEXT),
  fc.constantFrom<unknown>(...HOSTILE_NUMBERS),
  fc.constantFrom<unknown>(true, false, null, RAW_HUGE_NUMBER, [], {}, [null], { $gt: '' }),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
);

/** Any JSON value at all, wrong for most fields. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileScalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...HOSTILE_TEXT.slice(0, 8)), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 3 }),
  ),
})).value;

export type Resolver = (schema: JsonSchema) => JsonSchema;

/** Resolves `#/components/schemas/X` and bare `X` references against the document's components. */
export function resolverFor(components: Record<string, JsonSchema>): Resolver {
  return function resolve(schema: JsonSchema): JsonSchema {
    if (!schema.$ref) return schema;
    const name = schema.$ref.split('/').pop() ?? '';
    const target = components[name];
    return target ? resolve(target) : {};
  };
}

/**
 * Values shaped by a schema, each part sometimes valid (a real id, a value in range) and
 * sometimes hostile (wrong type, out of range, a field missing or extra), so requests get past
 * the first check and reach the handlers, the domain and the database.
 */
export function fromSchema(schema: JsonSchema, resolve: Resolver, ids: string[], depth = 0, mode: Mode = 'hostile'): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  const shaped = shapedBy(s, resolve, ids, depth, mode);
  return mode === 'plausible' ? shaped : fc.oneof({ arbitrary: shaped, weight: 5 }, { arbitrary: hostileValue, weight: 1 });
}

/** `plausible`: every field of the right type and in range, so the request reaches the domain; `hostile`: anything goes. */
export type Mode = 'hostile' | 'plausible';

/** Text of the right type that the edge lets through: it must survive the handlers and the database. */
const AWKWARD_TEXT = ['🦄', '!!!', ':*', '& | !', "'; DROP TABLE users; --", '%', '_', '\\', '"', '<b>x</b>', '=1+1', 'é'.repeat(5), ' x '];

function shapedBy(s: JsonSchema, resolve: Resolver, ids: string[], depth: number, mode: Mode): fc.Arbitrary<unknown> {
  if (depth > 5) return hostileScalar;
  const branches = s.anyOf ?? s.oneOf;
  if (branches?.length) return fc.oneof(...branches.map((b) => fromSchema(b, resolve, ids, depth + 1, mode)));
  if (s.allOf?.length) return fromSchema(s.allOf[0] as JsonSchema, resolve, ids, depth + 1, mode);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object':
      return objectFrom(s, resolve, ids, depth, mode);
    case 'array':
      return fc.array(s.items ? fromSchema(s.items, resolve, ids, depth + 1, mode) : hostileValue, {
        minLength: mode === 'plausible' ? 1 : 0,
        maxLength: 3,
      });
    case 'integer':
    case 'number': {
      // Whole numbers inside the bounds (a fractional bound such as 0.25 hours rounds inwards).
      const inRange = fc.integer({
        min: Math.ceil(Math.max(s.minimum ?? 0, -(2 ** 31))),
        max: Math.floor(Math.min(s.maximum ?? 10_000, 2 ** 31)),
      });
      if (mode === 'plausible') return inRange;
      return fc.oneof(
        fc.integer({ min: Math.ceil(Math.max(s.minimum ?? -1000, -(2 ** 31))), max: Math.floor(Math.min(s.maximum ?? 100_000, 2 ** 31)) }),
        fc.constantFrom(...HOSTILE_NUMBERS, RAW_HUGE_NUMBER),
        ...(type === 'number' ? [fc.double({ noNaN: true, noDefaultInfinity: true })] : []),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'string':
      return stringFrom(s, ids, mode);
    default:
      return hostileValue;
  }
}

function stringFrom(s: JsonSchema, ids: string[], mode: Mode): fc.Arbitrary<unknown> {
  const hostile = mode === 'plausible' ? fc.constantFrom(...AWKWARD_TEXT) : fc.constantFrom(...HOSTILE_TEXT);
  switch (s.format) {
    case 'uuid':
      if (mode === 'plausible') return fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 4 }, { arbitrary: fc.uuid(), weight: 1 });
      return fc.oneof(
        { arbitrary: fc.constantFrom(...ids), weight: 4 },
        { arbitrary: fc.uuid(), weight: 2 },
        { arbitrary: hostile, weight: 1 },
      );
    case 'email':
      return fc.oneof(fc.emailAddress(), hostile, fc.constantFrom('a@b.test', 'A\u0000@b.test', `${'x'.repeat(250)}@b.test`));
    case 'date-time':
      return fc.oneof(
        fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
        hostile,
        fc.constantFrom('2026-13-45T99:99:99Z', '0000-01-01T00:00:00Z', '275760-09-13T00:00:00Z'),
      );
    case 'date':
      return fc.oneof(fc.constantFrom('2026-01-31', '2026-02-30', '0000-00-00', '9999-12-31'), hostile);
    default: {
      const max = Math.min(s.maxLength ?? 40, 60);
      if (mode === 'plausible') {
        const min = Math.min(s.minLength ?? 0, max);
        return fc
          .oneof(
            fc.string({ minLength: min, maxLength: max }),
            fc.constantFrom('RUB', 'USD', 'test', 'tok_success', 'customer', 'manager', 'goods', ...AWKWARD_TEXT),
          )
          .filter((v) => v.length >= min && v.length <= max);
      }
      return fc.oneof(
        fc.string({ minLength: Math.min(s.minLength ?? 0, max), maxLength: max }),
        fc.constantFrom('RUB', 'USD', 'EUR', 'test', 'tok_success', 'tok_3ds', 'customer', 'manager', 'SUMMER10', 'goods'),
        hostile,
        fc.constantFrom(...ids),
      );
    }
  }
}

function objectFrom(s: JsonSchema, resolve: Resolver, ids: string[], depth: number, mode: Mode): fc.Arbitrary<unknown> {
  const properties = s.properties ?? {};
  const required = new Set(s.required ?? []);
  const fields = Object.entries(properties).map(([key, inner]) =>
    fc
      .tuple(
        fc.constant(key),
        fromSchema(inner, resolve, ids, depth + 1, mode),
        // A required field is left out now and then (never when plausible), an optional one half the time.
        required.has(key) ? fc.integer({ min: mode === 'plausible' ? 1 : 0, max: 9 }).map((n) => n > 0) : fc.boolean(),
      )
      .map(([k, v, present]) => (present ? ([k, v] as const) : undefined)),
  );
  const extra =
    mode === 'plausible'
      ? fc.constant(null)
      : fc.option(fc.tuple(fc.constantFrom('unexpected', '__proto__', 'constructor', '\u0000'), hostileValue), { freq: 8 });
  return fc.tuple(fc.tuple(...fields), extra).map(([entries, more]) => {
    const object: Record<string, unknown> = {};
    for (const entry of entries) if (entry) object[entry[0]] = entry[1];
    if (more) Object.defineProperty(object, more[0], { value: more[1], enumerable: true, configurable: true, writable: true });
    return object;
  });
}

/** JSON text for a value, with the huge-number stand-in written as the literal `1e999`. */
export const toJsonText = (value: unknown): string =>
  JSON.stringify(value).replaceAll(`"${RAW_HUGE_NUMBER.replaceAll('\u0001', '\\u0001')}"`, '1e999');

/** A value as it would appear in a URL: lone surrogates and other unencodable text as raw bytes. */
export function toUrlText(value: unknown): string {
  const text = value === RAW_HUGE_NUMBER ? '1e999' : typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}
