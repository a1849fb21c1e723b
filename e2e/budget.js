// The weight budget: loads embed.html in Chromium, in English and in Ukrainian (each loads the
// widget module of its language), records every response each makes, and sums each body as
// `gzip -9` compresses it (the issue's measure). Prints the breakdown per file and the distances
// to the 60 KB budget and the 40 KB goal.
//
//   node budget.js
//
// Exits 1 when either total exceeds the 60 KB budget (`make test` and `make budget` run it). What
// the reader's first interaction fetches (scripts/split-module.py) is printed, not counted.
import fs from 'node:fs';
import path from 'node:path';
import { gzipped, launch, serve, weigh, ROOT } from './lib.js';

const BUDGET = 60 * 1024;
const GOAL = 40 * 1024;

const server = await serve();
const browser = await launch();
try {
  for (const page of ['embed.html', 'embed.html?lang=uk']) {
    const files = await weigh(browser, `${server.url}${page}`);
    const total = files.reduce((sum, f) => sum + f.gz, 0);
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`What ${page} loads (gzip -9):`);
    for (const f of files) console.log(`  ${f.file.padEnd(34)} ${String(f.raw).padStart(8)} B raw ${String(f.gz).padStart(8)} B gz`);
    console.log(`  ${'total'.padEnd(34)} ${' '.repeat(15)} ${String(total).padStart(8)} B gz = ${kb(total)}`);
    // Not in the budget: what the reader's first interaction fetches (scripts/split-module.py).
    const module = files.find((f) => f.file.endsWith('_bg.wasm'));
    const more = module && path.join(ROOT, 'dist', module.file.replace(/_bg\.wasm$/, '_more.wasm'));
    if (more && fs.existsSync(more)) {
      console.log(`  then, on the reader's first interaction: ${path.relative(path.join(ROOT, 'dist'), more)} ${gzipped(fs.readFileSync(more))} B gz`);
    }
    console.log(`Budget 60 KB: ${total <= BUDGET ? `met, ${kb(BUDGET - total)} to spare` : `${kb(total - BUDGET)} over`}; goal 40 KB: ${total <= GOAL ? 'met' : `${kb(total - GOAL)} to go`}.`);
    if (total > BUDGET) {
      console.error(`FAIL: ${page}: ${total} B is over the budget of ${BUDGET} B.`);
      process.exitCode = 1;
    }
  }
} finally {
  await browser.close();
  server.stop();
}
