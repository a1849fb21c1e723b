// What a redraw costs the main thread in the frame that shows it, as `make bench` measures it
// (bench/run.js): the call itself, and then the browser's rendering of that frame.

/** The browser's main-thread rendering steps of a frame: restyling, layout, paint and the commit
 * to the compositor. A forced restyle inside a call (a canvas font set after the DOM changed)
 * counts too: it is rendering work the redraw caused. */
export const RENDERING = ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'];

/** Each redraw's main-thread work, from a trace's `events` in which the page put the user-timing
 * marks `redraw` just before each call and `redrawn` just after it, one call a frame: the call
 * (`call`, ms), the rendering steps (`RENDERING`) on the same thread from that call until the
 * next one (`rendering`, ms), and their sum (`total`). A step nested in another counted step is
 * counted once, with the outer one. The last call's window ends with the trace. */
export function redrawFrames(events) {
  const marks = (name) => events.filter((e) => e.name === name && e.cat?.includes('user_timing')).sort((a, b) => a.ts - b.ts);
  const starts = marks('redraw');
  const ends = marks('redrawn');
  if (starts.length === 0 || starts.length !== ends.length) return [];
  const { pid, tid } = starts[0];
  const steps = events
    .filter((e) => e.ph === 'X' && e.pid === pid && e.tid === tid && RENDERING.includes(e.name))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  return starts.map((start, i) => {
    const until = starts[i + 1]?.ts ?? Infinity;
    let rendering = 0;
    let covered = -Infinity;
    for (const e of steps) {
      if (e.ts < start.ts || e.ts >= until || e.ts + e.dur <= covered) continue;
      rendering += e.dur;
      covered = e.ts + e.dur;
    }
    const call = (ends[i].ts - start.ts) / 1000;
    return { call, rendering: rendering / 1000, total: call + rendering / 1000 };
  });
}
