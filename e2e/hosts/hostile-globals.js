// A host page's scripts at their worst: an old library's Array.prototype additions and
// replacements (enumerable, so for..in loops see them), and a window.fetch replaced by one that
// always fails (an ad blocker's or a broken analytics wrapper's).
/* eslint-disable no-extend-native */
Array.prototype.first = function first() { return this[0]; };
const map = Array.prototype.map;
Array.prototype.map = function patchedMap(f, self) { window.patchedMapCalls = (window.patchedMapCalls || 0) + 1; return map.call(this, f, self); };
Array.prototype.includes = function patchedIncludes(x) { return this.indexOf(x) !== -1; };
Array.from = ((from) => function patchedFrom(...args) { return from.apply(Array, args); })(Array.from);
window.fetch = () => Promise.reject(new TypeError('fetch is blocked on this page'));
