import type { FastifySchema } from 'fastify';

/** OpenAPI marker for routes that serve anonymous callers too and know the user when a token comes (carts). */
export const optionalBearer: { security: Record<string, string[]>[] } = { security: [{ bearerAuth: [] }, {}] };

interface QuerySchema {
  required?: string[];
  properties?: Record<string, { default?: unknown }>;
}

/**
 * `@fastify/swagger` transform: a query parameter with a default (`limit`) is optional for the
 * caller, though required in the schema so handlers always see it filled in.
 */
export function openApiTransform({ schema, url }: { schema: FastifySchema; url: string }) {
  const query = schema?.querystring as QuerySchema | undefined;
  if (!query?.required?.length || !query.properties) return { schema, url };
  const properties = query.properties;
  const required = query.required.filter((name) => properties[name]?.default === undefined);
  return { schema: { ...schema, querystring: { ...query, required } }, url };
}
