// How a host configures a widget (`Options` in widget.rs), read here: reading each property
// from Rust, one call at a time, costs the module more.

/** The options given as text, in the order `Options::read` takes them. */
const TEXT = ['coalition', 'asOf', 'select', 'theme', 'credit', 'dataName', 'lang'];

/** The values of a host's options object: those of TEXT, then `hash` and `exporter`. An absent,
 * `undefined` or `null` option is not given (`undefined`; `hash` then is false); a value of
 * any other type throws an Error naming the option. */
export function readOptions(options) {
  const read = (key, ok, what) => {
    const value = options?.[key] ?? undefined;
    if (value !== undefined && !ok(value)) throw new Error(`widget options: \`${key}\` must be ${what}`);
    return value;
  };
  return [
    ...TEXT.map((key) => read(key, (v) => typeof v === 'string', 'text')),
    read('hash', (v) => typeof v === 'boolean', 'true or false') ?? false,
    read('exporter', (v) => typeof v === 'function', 'a function'),
  ];
}
