#!/usr/bin/env node
// The `bazar` command. It runs dist/bazar.mjs (made by scripts/build.mjs) while that bundle is
// newer than every source file, else the TypeScript sources through tsx: no stale build can run.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bundle = join(root, 'dist', 'bazar.mjs');

function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const group of ['apps', 'services', 'packages']) {
    for (const unit of readdirSync(join(root, group))) {
      const src = join(root, group, unit, 'src');
      if (existsSync(src)) walk(src);
    }
  }
  return newest;
}

if (process.env.BAZAR_FROM_SOURCE !== '1' && existsSync(bundle) && statSync(bundle).mtimeMs > newestSource()) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
