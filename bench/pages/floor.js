// floor.html's script: instantiates floor.wasm (one function, which answers 42: bench/run.js
// writes it) and draws one rectangle as wide as its answer, then records the time as the
// benchmark's pages do (window.firstDrawn, see bench/first-pixels.js).
const { instance } = await WebAssembly.instantiateStreaming(fetch('floor.wasm'));
const context = document.querySelector('canvas').getContext('2d');
context.fillRect(0, 0, instance.exports.width(), 40);
window.firstDrawn = performance.now();
