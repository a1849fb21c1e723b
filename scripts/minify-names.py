#!/usr/bin/env python3
"""Renames wasm-bindgen's glue to match a wasm module whose imports and exports wasm-opt has
minified (`--minify-imports-and-exports-and-modules`, which prints `old => new` per name).

wasm-bindgen names every import `__wbg_<method>_<16 hex digits>`: the digits are a hash, so
they are incompressible, and each name is written twice (in the wasm and in the glue). Short
names save about 4 KB gzipped across the two files. No minifier can do this on its own: the
names cross the boundary between the two files.

Usage: minify-names.py GLUE.js MAPPING.txt  (rewrites GLUE.js in place)

Fails, leaving GLUE.js as it was, if any old name is not found where the glue uses it or is
still there afterwards, so a new wasm-bindgen version that writes its glue differently stops
the build instead of shipping a widget that cannot link.
"""

import re
import sys

# The module name wasm-bindgen gives the glue's imports, and the one wasm-opt gives them all.
MODULE = '"./coalition_tracker_bg.js":'
MINIFIED_MODULE = '"a":'


def fail(message):
    sys.exit(f"minify-names: {message}")


def main(glue_path, mapping_path):
    with open(mapping_path, encoding="utf-8") as f:
        lines = [line.strip() for line in f if line.strip()]
    mapping = {}
    for line in lines:
        match = re.fullmatch(r"([\w$]+) => ([\w$]+)", line)
        if not match:
            fail(f"{mapping_path}: not a mapping line: {line!r}")
        mapping[match[1]] = match[2]
    with open(glue_path, encoding="utf-8") as f:
        glue = f.read()

    if glue.count(MODULE) != 1:
        fail(f"{glue_path}: expected the import module {MODULE} once")
    glue = glue.replace(MODULE, MINIFIED_MODULE)
    # The imports object: one `name: function(…)` per line in wasm-bindgen's output.
    key = re.compile(r"^(\s*)([\w$]+)(\s*:\s*function\b)", re.M)
    unknown = [m[2] for m in key.finditer(glue) if m[2] not in mapping]
    if unknown:
        fail(f"{glue_path}: imports the wasm does not name: {', '.join(unknown)}")
    glue = key.sub(lambda m: m[1] + mapping[m[2]] + m[3], glue)
    # The exports, used as properties of the instance's exports object.
    glue = re.sub(r"\bwasm\.([\w$]+)", lambda m: "wasm." + mapping.get(m[1], m[1]), glue)
    left = sorted(set(re.findall(r"\bwasm\.([\w$]+)", glue)) - set(mapping.values()))
    if left:
        fail(f"{glue_path}: exports the wasm does not name: {', '.join(left)}")
    with open(glue_path, "w", encoding="utf-8") as f:
        f.write(glue)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        fail("usage: minify-names.py GLUE.js MAPPING.txt")
    main(sys.argv[1], sys.argv[2])
