import { AjvCompiler } from '@fastify/ajv-compiler';
import { findUnsafeValue } from './unsafe-values.ts';

type HttpPart = 'body' | 'querystring' | 'params' | 'headers';
interface RouteSchema {
  schema?: unknown;
  method?: string;
  url?: string;
  httpPart?: HttpPart | string;
}
interface AjvLikeError {
  instancePath: string;
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}
type ValidateFunction = ((data: unknown, context?: { parentData: object; parentDataProperty: string }) => boolean) & {
  errors?: AjvLikeError[] | null;
  schemaEnv?: unknown;
};
type CompilerFactory = (externalSchemas: unknown, options: Record<string, unknown>) => (route: RouteSchema) => ValidateFunction;

const common = { allErrors: true, removeAdditional: false, useDefaults: true };
const pool = AjvCompiler() as unknown as CompilerFactory;

/**
 * Fastify's validator factory: JSON bodies are taken exactly as sent (a number sent as a string
 * is a 400), while path and query values, which are always text, are converted. Either way a
 * value that is not finite after conversion (`?limit=Infinity`) is refused like any bad value.
 */
export function buildValidator(externalSchemas: unknown, options?: object) {
  const strict = pool(externalSchemas, { ...options, customOptions: { ...common, coerceTypes: false } });
  const converting = pool(externalSchemas, { ...options, customOptions: { ...common, coerceTypes: 'array' } });
  return (route: RouteSchema): ValidateFunction => refuseNonFinite((route.httpPart === 'body' ? strict : converting)(route));
}

function refuseNonFinite(validate: ValidateFunction): ValidateFunction {
  const checked: ValidateFunction = (data, context) => {
    const valid = context ? validate(data, context) : validate(data);
    checked.errors = validate.errors;
    if (!valid) return false;
    const converted = context ? (context.parentData as Record<string, unknown>)[context.parentDataProperty] : data;
    const unsafe = findUnsafeValue(converted);
    if (!unsafe) return true;
    const instancePath = unsafe.path === '(root)' ? '' : `/${unsafe.path.split('.').join('/')}`;
    checked.errors = [{ instancePath, keyword: 'unsafe', message: unsafe.message, params: {} }];
    return false;
  };
  checked.schemaEnv = validate.schemaEnv;
  return checked;
}
