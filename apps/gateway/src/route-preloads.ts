/**
 * The web build's `preloads.json`: per storefront page path (a trailing `/*` covers everything
 * below it), the scripts and styles of its lazily loaded chunk.
 */
export type RoutePreloads = Record<string, { js: string[]; css: string[] }>;

const ASSET = /^\/assets\/[\w.-]+\.(?:js|css)$/;

/** The `<link>` tags that let the browser fetch a page's own chunk alongside the main script. */
export function preloadTags(preloads: RoutePreloads, path: string): string {
  const hit = Object.entries(preloads).find(([pattern]) =>
    pattern.endsWith('/*') ? path.startsWith(pattern.slice(0, -1)) && path.length > pattern.length - 1 : path === pattern,
  );
  if (!hit) return '';
  const { js, css } = hit[1];
  // Only the build's own hashed files: the list is data, the HTML must not be at its mercy.
  return [
    ...js.filter((href) => ASSET.test(href)).map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
    // Fetched early, applied only when the page's code asks for them: the first paint does not wait.
    ...css.filter((href) => ASSET.test(href)).map((href) => `<link rel="preload" as="style" crossorigin href="${href}">`),
  ].join('');
}

/** index.html with the tags at the end of its head. */
export const withPreloads = (html: string, tags: string) => (tags ? html.replace('</head>', `${tags}</head>`) : html);
