#!/usr/bin/env python3
"""Leaves out of a widget module's glue what www/widget.js, its only caller, never needs.

wasm-bindgen's `initSync` takes its argument in two forms, and warns about the older one in a
sentence of its own; and it compiles the module itself when given bytes. widget.js always passes
`{ module }` with the module compiled (`compiled` there), so those branches go: 0.1 KB of
embed.html's gzipped weight (issue 6's budget).

Usage: trim-glue.py GLUE.js  (rewrites GLUE.js in place)

Fails, leaving GLUE.js as it was, if a passage is not found exactly once, so that a wasm-bindgen
version that writes its glue differently stops the build instead of shipping it untrimmed or
broken.
"""

import sys

# Each passage of wasm-bindgen 0.2's `initSync`, and what replaces it.
PASSAGES = [
    (
        """    if (module !== undefined) {
        if (Object.getPrototypeOf(module) === Object.prototype) {
            ({module} = module)
        } else {
            console.warn('using deprecated parameters for `initSync()`; pass a single object instead')
        }
    }
""",
        "    ({module} = module);\n",
    ),
    (
        """    if (!(module instanceof WebAssembly.Module)) {
        module = new WebAssembly.Module(module);
    }
""",
        "",
    ),
]


def fail(message):
    sys.exit(f"trim-glue: {message}")


def trim(glue):
    """`glue` without the passages, or an error naming the first not found exactly once."""
    for old, new in PASSAGES:
        count = glue.count(old)
        if count != 1:
            fail(f"a passage of initSync is there {count} times, not once: {old.splitlines()[0].strip()!r}")
        glue = glue.replace(old, new)
    return glue


def main(path):
    with open(path, encoding="utf-8") as f:
        glue = f.read()
    trimmed = trim(glue)
    with open(path, "w", encoding="utf-8") as f:
        f.write(trimmed)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        fail("usage: trim-glue.py GLUE.js")
    main(sys.argv[1])
