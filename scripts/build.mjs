#!/usr/bin/env node
// Bundles the `bazar` command (our TypeScript only; npm packages stay external) into
// dist/bazar.mjs, so a start does not pay for transforming ~400 modules through the tsx loader.
// apps/server/bin/bazar.js runs the bundle while it is newer than every source file.
// Then builds the web app (apps/web/dist) when any of its sources is newer than the last build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
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

const web = join(root, 'apps', 'web');
const webBuilt = join(web, 'dist', 'index.html');
function newestWebSource() {
  let newest = 0;
  const visit = (path) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of ['src', 'public', 'index.html', 'vite.config.ts', 'package.json']) {
    if (existsSync(join(web, entry))) visit(join(web, entry));
  }
  return newest;
}
if (process.argv.includes('--force') || !existsSync(webBuilt) || statSync(webBuilt).mtimeMs < newestWebSource()) {
  const webStarted = performance.now();
  // A test runner's NODE_ENV=test would make Vite bundle React's development build.
  process.env.NODE_ENV = 'production';
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: join(web, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  if (!process.argv.includes('--quiet')) console.log(`built apps/web/dist in ${Math.round(performance.now() - webStarted)} ms`);
}
