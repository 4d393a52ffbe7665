import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// `npm run dev` proxies the API to a running `npm start` (PORT 3000 by default).
const api = process.env.BAZAR_API_URL ?? 'http://127.0.0.1:3000';

/** Writes `.br` and `.gz` beside each text file of the build, which the gateway serves pre-compressed. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'bazar-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const visit = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const path = join(dir, entry.name);
          if (entry.isDirectory()) visit(path);
          else if (/\.(js|css|html|json|svg|webmanifest|txt)$/.test(entry.name)) {
            const body = readFileSync(path);
            if (body.length < 1024) continue;
            writeFileSync(`${path}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
            writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
          }
        }
      };
      visit(outDir);
    },
  };
}

/**
 * Writes `preloads.json`: for each storefront page that is a lazily loaded chunk, the scripts and
 * styles it needs. The gateway names them in the page's HTML, so the browser fetches them alongside
 * the main script instead of after it has run. A path ending in `/*` covers everything below it.
 */
function routePreloads(routes: Record<string, string>): Plugin {
  let root = '';
  let outDir = '';
  return {
    name: 'bazar-route-preloads',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
    },
    // Once written: Vite drops the chunks that only carried styles before then.
    writeBundle(_, bundle) {
      const chunks = Object.values(bundle).flatMap((file) => (file.type === 'chunk' ? [file] : []));
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const entry = new Set(chunks.filter((chunk) => chunk.isEntry).flatMap((chunk) => [chunk.fileName, ...chunk.imports]));
      const hints: Record<string, { js: string[]; css: string[] }> = {};
      for (const [path, module] of Object.entries(routes)) {
        const page = chunks.find((chunk) => chunk.facadeModuleId === resolve(root, module));
        if (!page) throw new Error(`no chunk for ${module}`);
        const js = new Set<string>();
        const css = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = byName.get(fileName);
          if (!chunk || js.has(fileName) || entry.has(fileName)) return;
          js.add(fileName);
          for (const file of chunk.viteMetadata?.importedCss ?? []) css.add(file);
          for (const imported of chunk.imports) visit(imported);
        };
        visit(page.fileName);
        hints[path] = { js: [...js].map((file) => `/${file}`), css: [...css].map((file) => `/${file}`) };
      }
      writeFileSync(join(outDir, 'preloads.json'), JSON.stringify(hints));
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [
    react(),
    routePreloads({ '/search': 'src/features/storefront/search-page.tsx', '/products/*': 'src/features/storefront/product-page.tsx' }),
    precompress(),
  ],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 800 },
  server: { proxy: { '/api': api, '/.well-known': api } },
});
