#!/usr/bin/env node
// Bundles the `bazar` command (our TypeScript only; npm packages stay external) into
// dist/bazar.mjs, so a start does not pay for transforming ~400 modules through the tsx loader.
// apps/server/bin/bazar.js runs the bundle while it is newer than every source file.
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
await build({
  absWorkingDir: root,
  entryPoints: ['apps/server/src/main.ts'],
  outfile: 'dist/bazar.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __bazarRequire } from 'node:module'; const require = __bazarRequire(import.meta.url);" },
  plugins: [
    {
      name: 'bazar-sources',
      setup(bundler) {
        // Workspace packages are TypeScript and get bundled; everything else loads from node_modules.
        bundler.onResolve({ filter: /^[^./]/ }, (args) =>
          args.path.startsWith('@bazar/') || args.path.startsWith('node:') ? undefined : { path: args.path, external: true },
        );
        // Each service finds its migrations next to its source: keep every module's own URL.
        bundler.onLoad({ filter: /\.ts$/ }, async (args) => ({
          contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
          loader: 'ts',
        }));
      },
    },
  ],
});
if (!process.argv.includes('--quiet')) console.log(`built dist/bazar.mjs in ${Math.round(performance.now() - started)} ms`);
