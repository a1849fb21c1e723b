// Time from navigation start to a page's first drawn chart pixels, as `make bench` measures it
// (bench/run.js) and as `bench/ab.js` compares two builds by it.

/** Fresh loads per page. */
export const LOADS = 20;
/** Milliseconds after navigation before the harness reads a page's first-pixel time. */
export const SETTLE = 1500;

/** The median of `xs`. */
export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
/** The 95th percentile of `xs`. */
export const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };
/** The median and the 95th percentile of `xs`. */
export const figures = (xs) => ({ median: median(xs), p95: p95(xs) });

/** Compares paired samples (`a[i]` and `b[i]` from the same round of loads; NaN where a load gave
 * none): the median of the differences `b[i] − a[i]` (`diff`), a 95% confidence interval for it
 * (`low`, `high`), the number of pairs (`n`) and what they say (`verdict`): 'B faster', 'B slower',
 * or 'level' where the interval holds 0. The interval is the sign test's, from the differences'
 * order statistics: it assumes nothing of their distribution, which here has long tails (a slow
 * spell of the machine), and needs at least 6 pairs. Medians of separate runs have swung by more
 * than the gap between our page and Chart.js's (×0.87 to ×1.04 in three runs of one day), so a
 * verdict on which is faster takes this interval, not a ratio of medians. */
export function paired(a, b) {
  const d = a.map((x, i) => b[i] - x).filter((x) => !Number.isNaN(x)).sort((x, y) => x - y);
  const n = d.length;
  // The largest k with P(Binomial(n, 1/2) < k) <= 2.5%: the interval is [d_k, d_(n+1-k)].
  let k = 0;
  for (let below = 0, term = 0.5 ** n; below + term <= 0.025; k++) {
    below += term;
    term *= (n - k) / (k + 1);
  }
  const [low, high] = k > 0 ? [d[k - 1], d[n - k]] : [NaN, NaN];
  const verdict = high < 0 ? 'B faster' : low > 0 ? 'B slower' : 'level';
  return { diff: median(d) ?? NaN, low, high, n, verdict };
}

/** Median time from navigation start to the first drawn chart of each page, over fresh browser
 * contexts (`samples`: each load's time, in the order of the loads, for paired comparisons).
 * The harness keeps its hands off a loading page: Playwright's `waitForFunction` (or any first
 * `evaluate`) injects its own scripts into the page, a main-thread task of 15–25 ms in a trace
 * here. Called once `goto` returns at the load event, that task fell between our module's
 * arrival and its first drawing, but after Chart.js's, which draws before the load event.
 * Measured both ways, loads alternating (20 of each): it added 30 and 36 ms to ours in two
 * runs, and moved Chart.js's by 5 ms, within the noise. So the page records the time itself
 * (`recordFirstDrawn`) and is read once, `SETTLE` ms after navigation. */
export async function firstPixels(browser, pages, loads = LOADS) {
  const times = pages.map(() => ({ first: [], all: [] }));
  await eachLoad(browser, pages, loads, false, (k, { first, all }) => {
    times[k].first.push(first);
    times[k].all.push(all);
  });
  return times.map(({ first, all }) => ({ ...figures(first), all: figures(all), samples: first }));
}

/** Loads each of `pages` (`[url, readyScript]`) `loads` times, each in a fresh context, traced
 * if `traced`, and calls `read(k, drawn, events)` for the `k`th page: its first drawn pixels and
 * everything drawn (`{ first, all }`, ms from navigation), and the trace's events if traced.
 * Loads alternate between the pages, so that a slower spell of the machine falls on both, and
 * so does which page goes first in a round. */
async function eachLoad(browser, pages, loads, traced, read) {
  for (let i = 0; i < loads; i++) {
    const order = [...pages.entries()];
    for (const [k, [url, readyScript]] of i % 2 ? order.reverse() : order) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript(recordFirstDrawn);
      await context.addInitScript(readyScript);
      const page = await context.newPage();
      if (traced) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
      await page.goto(url, { waitUntil: 'commit' });
      await new Promise((resolve) => setTimeout(resolve, SETTLE));
      // Resolves at once if the page has drawn; waits on if it took longer than SETTLE. A page
      // that draws in one go has drawn everything with its first pixels.
      const [first, all] = await page.evaluate(() => Promise.all([window.firstDrawnAt, window.allDrawnAt ?? window.firstDrawnAt]));
      const events = traced ? JSON.parse((await browser.stopTracing()).toString()).traceEvents : undefined;
      read(k, { first, all }, events);
      await context.close();
    }
  }
}

/** Makes `window.firstDrawn = t`, as either page sets it, resolve `window.firstDrawnAt` to t,
 * and mark the moment in a trace (`firstDrawn`), for `firstFrames`. */
const recordFirstDrawn = () => {
  let resolve;
  window.firstDrawnAt = new Promise((r) => { resolve = r; });
  Object.defineProperty(window, 'firstDrawn', { set: (t) => { performance.mark('firstDrawn'); resolve(t); } });
};

/** The frame that first puts each page's drawn chart on screen, from a trace of each of `loads`
 * fresh loads (alternating as in `firstPixels`): how long after the first drawn pixels that
 * frame's main-thread work (style, layout, paint and commit) ends (`frame`), and when that is
 * from navigation start (`shown`), as medians; each load's own, in the order of the loads and
 * NaN where a load gave no frame, in `frames` and `samples` (for `paired`). The first drawn
 * pixels are in a canvas; a reader sees them once that frame is done, and a page whose chart
 * comes with more DOM takes longer to lay it out. Tracing slows every page, so these loads are
 * apart from `firstPixels`'. */
export async function firstFrames(browser, pages, loads) {
  const times = pages.map(() => ({ frame: [], shown: [] }));
  await eachLoad(browser, pages, loads, true, (k, { first }, events) => {
    const mark = events.find((e) => e.name === 'firstDrawn');
    const commit = mark && events.find((e) => e.name === 'Commit' && e.ph === 'X' && e.pid === mark.pid && e.tid === mark.tid && e.ts > mark.ts);
    // NaN where a load gave no frame, so that samples stay paired by round.
    const frame = commit ? (commit.ts + commit.dur - mark.ts) / 1000 : NaN;
    times[k].frame.push(frame);
    times[k].shown.push(first + frame);
  });
  // NaN where no load gave a frame: the table then shows it rather than a number.
  return times.map(({ frame, shown }) => {
    const found = (xs) => xs.filter((x) => !Number.isNaN(x));
    return { frame: median(found(frame)) ?? NaN, shown: median(found(shown)) ?? NaN, loads: found(frame).length, samples: shown, frames: frame };
  });
}

// The widget's host gets data-state="ready" once `show()` has returned, with the map and the
// bars drawn: its first drawn chart pixels. The widget's own root, in the host's shadow root, gets
// data-state="ready" three frames later, with the timeline and the marks' buttons drawn too:
// everything drawn (`window.allDrawnAt`). Chart.js's page sets window.firstDrawn itself.
export const widgetReady = () => {
  let all;
  window.allDrawnAt = new Promise((resolve) => { all = resolve; });
  new MutationObserver((_, observer) => {
    const host = document.querySelector('[data-coalition-tracker][data-state="ready"]');
    if (!host) return;
    window.firstDrawn = performance.now();
    observer.disconnect();
    const root = host.shadowRoot.querySelector('.ct');
    const done = () => root.dataset.state === 'ready' && (all(performance.now()), true);
    if (!done()) new MutationObserver((_, o) => done() && o.disconnect()).observe(root, { attributes: true, attributeFilter: ['data-state'] });
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
};
/** For a page that sets `window.firstDrawn` itself (Chart.js's). */
export const noop = () => {};
