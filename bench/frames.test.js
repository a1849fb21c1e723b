// `redrawFrames`, which `make bench` reads each redraw's whole frame from
// (`make test-scripts`: node --test bench/).
import assert from 'node:assert/strict';
import test from 'node:test';
import { redrawFrames } from './frames.js';

const main = { pid: 1, tid: 7 };
const mark = (name, ts) => ({ ...main, name, ts, ph: 'R', cat: 'blink.user_timing' });
const step = (name, ts, dur, thread = main) => ({ ...thread, name, ts, dur, ph: 'X', cat: 'devtools.timeline' });

test('each call with the rendering steps up to the next call, in ms', () => {
  const frames = redrawFrames([
    mark('redraw', 1000), mark('redrawn', 1800),
    step('UpdateLayoutTree', 5000, 300), step('Layout', 5300, 1200), step('Paint', 6600, 250), step('Commit', 7000, 900),
    mark('redraw', 20000), mark('redrawn', 20500),
    step('Layout', 25000, 400),
  ]);
  assert.deepEqual(frames, [
    { call: 0.8, rendering: 2.65, total: 3.45 },
    { call: 0.5, rendering: 0.4, total: 0.9 },
  ]);
});

test('a restyle forced inside the call counts; other threads and other events do not', () => {
  const [frame] = redrawFrames([
    mark('redraw', 0), step('UpdateLayoutTree', 100, 2000), mark('redrawn', 3000),
    step('Layout', 4000, 1000, { pid: 1, tid: 9 }), step('FunctionCall', 4000, 5000), step('Commit', 9000, 500),
  ]);
  assert.deepEqual(frame, { call: 3, rendering: 2.5, total: 5.5 });
});

test('a step nested in a counted step is counted once', () => {
  const [frame] = redrawFrames([
    mark('redraw', 0), mark('redrawn', 1000),
    step('Paint', 2000, 1000), step('Paint', 2200, 300), step('Layerize', 3500, 200),
  ]);
  assert.equal(frame.rendering, 1.2);
});

test('no marks, or unpaired marks, give no frames', () => {
  assert.deepEqual(redrawFrames([step('Layout', 0, 100)]), []);
  assert.deepEqual(redrawFrames([mark('redraw', 0), mark('redraw', 10), mark('redrawn', 5)]), []);
});
