// The fault run with several seeds: `npm run fault -- --seeds 5` (or `--seed 42` for one).
import { parseArgs } from 'node:util';
import { runFaults } from '../test/faults/fault-run.ts';

const { values } = parseArgs({
  options: { seeds: { type: 'string', default: '1' }, seed: { type: 'string' }, load: { type: 'string', default: '45' } },
});
const seeds = values.seed
  ? [Number(values.seed)]
  : Array.from({ length: Number(values.seeds) }, () => Math.floor(Math.random() * 1_000_000));
const results = [];
for (const seed of seeds) {
  console.log(`\n=== fault run, seed ${seed} ===`);
  results.push(await runFaults({ seed, loadSeconds: Number(values.load), print: (line) => console.log(line) }));
}
console.log('\nseed     accepted  agreement  violations');
for (const r of results) {
  const agreement = r.agreementMs === undefined ? 'never' : `${(r.agreementMs / 1000).toFixed(1)} s`;
  console.log(`${String(r.seed).padEnd(9)}${String(r.accepted).padEnd(10)}${agreement.padEnd(11)}${r.violations.length}`);
}
process.exitCode = results.every((r) => r.violations.length === 0 && r.agreementMs !== undefined && r.agreementMs < 60_000) ? 0 : 1;
