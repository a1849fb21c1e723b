// Compares two builds' time to first drawn chart pixels, measured as `make bench` measures it
// (bench/first-pixels.js), with their loads alternating and paired:
//   node bench/ab.js DIR_A DIR_B [LOADS]
// Each DIR is a built site, as `make build` leaves dist/ (copy it aside before a change, build
// again, and compare the copy with dist/). The machine's speed drifts by more than most changes
// are worth, so the figure to read is the median of the paired differences, B − A; take 40 or
// more loads before believing a difference of a few milliseconds.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launch, serve } from '../e2e/lib.js';
import { firstPixels, median, widgetReady, LOADS } from './first-pixels.js';

const [a, b, loadsArg] = process.argv.slice(2);
const loads = Number(loadsArg ?? LOADS);
const dirs = [a, b].map((dir) => dir && path.resolve(dir));
if (dirs.some((dir) => !dir || !existsSync(path.join(dir, 'embed.html'))) || !(loads > 0)) {
  console.error('usage: node bench/ab.js DIR_A DIR_B [LOADS]   (each DIR a built site with embed.html)');
  process.exit(2);
}
const servers = [];
const browser = await launch();
try {
  for (const dir of dirs) servers.push(await serve(dir));
  const results = await firstPixels(browser, servers.map((server) => [`${server.url}embed.html`, widgetReady]), loads);
  const ms = (x) => `${x.toFixed(1)} ms`;
  results.forEach((r, k) => {
    console.log(`${'AB'[k]} ${dirs[k]}: first pixels median ${ms(r.median)}, 95th percentile ${ms(r.p95)}; everything drawn median ${ms(r.all.median)}`);
  });
  const [ra, rb] = results;
  const diff = median(rb.samples.map((t, i) => t - ra.samples[i]));
  console.log(`B − A, median of ${loads} paired loads: ${diff >= 0 ? '+' : ''}${ms(diff)}`);
} finally {
  await browser.close();
  for (const server of servers) server.stop();
}
