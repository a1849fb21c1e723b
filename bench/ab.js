// Compares two builds' time to first drawn chart pixels and to the end of the frame that shows
// them, measured as `make bench` measures both (bench/first-pixels.js), with their loads
// alternating and paired (LOADS of each, then as many traced):
//   node bench/ab.js DIR_A DIR_B [LOADS]
// Each DIR is a built site, as `make build` leaves dist/ (copy it aside before a change, build
// again, and compare the copy with dist/). The machine's speed drifts by more than most changes
// are worth, so the figures to read are the median of the paired differences, B − A, and its 95%
// confidence interval (`paired`): a change is shown to help only where the interval is below 0.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launch, serve } from '../e2e/lib.js';
import { firstFrames, firstPixels, paired, widgetReady, LOADS } from './first-pixels.js';

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
  const pages = servers.map((server) => [`${server.url}embed.html`, widgetReady]);
  const ms = (x) => `${x.toFixed(1)} ms`;
  const signed = (x) => `${x >= 0 ? '+' : ''}${ms(x)}`;
  const compare = (what, [ra, rb], samples = 'samples') => {
    const { diff, low, high, n, verdict } = paired(ra[samples], rb[samples]);
    console.log(`${what}, B − A, median of ${n} paired loads: ${signed(diff)}; 95% confidence interval ${signed(low)} to ${signed(high)}: ${verdict}`);
  };
  const drawn = await firstPixels(browser, pages, loads);
  drawn.forEach((r, k) => {
    console.log(`${'AB'[k]} ${dirs[k]}: first pixels median ${ms(r.median)}, 95th percentile ${ms(r.p95)}; everything drawn median ${ms(r.all.median)}`);
  });
  compare('First drawn pixels', drawn);
  // What a reader sees: the end of the frame that shows those pixels, from as many traced loads.
  const shown = await firstFrames(browser, pages, loads);
  shown.forEach((r, k) => {
    console.log(`${'AB'[k]} ${dirs[k]}: on screen (traced) median ${ms(r.shown)}, of which the frame after the first drawn pixels ${ms(r.frame)}`);
  });
  compare('On screen', shown);
  // The frame alone: a change to the page's DOM or CSS shows here before the noise of the
  // whole start lets it show on screen.
  compare('The frame after the first drawn pixels', shown, 'frames');
} finally {
  await browser.close();
  for (const server of servers) server.stop();
}
