interface OpenApiDocument {
  paths?: Record<string, unknown>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
  [key: string]: unknown;
}

/** One OpenAPI document from the services' own: paths and shared schemas merged, first one wins. */
export function mergeOpenApi(base: OpenApiDocument, documents: OpenApiDocument[]): OpenApiDocument {
  const paths: Record<string, unknown> = { ...base.paths };
  const schemas: Record<string, unknown> = { ...base.components?.schemas };
  for (const document of documents) {
    for (const [path, item] of Object.entries(document.paths ?? {})) paths[path] ??= item;
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) schemas[name] ??= schema;
  }
  return { ...base, paths, components: { ...base.components, schemas } };
}
