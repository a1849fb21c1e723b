#!/usr/bin/env python3
"""Splits the code that only a reader's interaction runs off a widget module, so that what every
reader loads first is smaller (issue 6's weight budget); the rest comes when the reader first
points at, touches or focuses the graphic.

    split-module.py prepare LINKED.wasm OUT.wasm
        Before wasm-bindgen: keeps only the function names of the linker's output (the split
        finds functions by name; binaryen 108 misreads the names of tables) and drops the
        `target_features` section, which the shipped build used to lose with its symbols: with
        it, wasm-bindgen would switch to reference types, 1 KB heavier here.

    split-module.py prune MODULE.wasm
        After wasm-bindgen: wasm-bindgen leaves in the function table the closure shims of
        js-sys and web-sys imports the module never calls (their descriptors took the shims'
        addresses), and wasm-opt keeps whatever a table slot holds, with all it calls. The glue
        calls each closure the module does create through an export of its own, never through
        the table, and Rust code never calls a shim: a slot holding a shim that is not exported
        is never called. Each such slot gets wasm-bindgen's throw import instead, so that
        wasm-opt then drops the shims (0.4 KB less of the widget module, gzipped). So do the
        slots of js-sys's waker of JSPI tasks, where the module neither imports nor exports
        anything of those tasks, so that none runs (0.1 KB).

    split-module.py split [--named] DIR [ROOT...]
        After `wasm-opt -g` and minify-names.py: DIR/coalition_tracker_bg.wasm still has its
        function names. Without ROOTs it is only stripped of them. With them, every function
        that can only be reached through a ROOT (a function whose name ends with one) goes
        to DIR/coalition_tracker_more.wasm (binaryen's wasm-split); the module keeps every other
        function and calls the moved ones through its table.

        Each of the two is then given the order of functions that gzip compresses best, as far
        as a short search finds it (see `order`).

        With --named, both keep their function names and their order (the search needs the
        functions unnamed): the same split, for `make sizes` to show what each function weighs.

    split-module.py order MODULE.wasm [MOVES]
        That ordering, on its own (trying MOVES moves, `ORDER_MOVES` if not given).

    split-module.py section PART.wasm NAME FILE
        Appends FILE's bytes to the split-off part as the custom section NAME, which
        `web/events.js` reads when the part arrives: the texts of the default dataset that the
        module leaves out (`coalition pack --texts LANG`) come with the code that shows them.

The module's calls to moved functions go through placeholders until the split-off part is
instantiated against the module's exports, which fills their table slots (`web/events.js`). The
placeholders are wasm-bindgen's `throw` import: the widget reaches the roots only once the part
is in (`Inner::more` in web/widget.rs), and if it ever did before, the call would throw and the
widget would stop with an error instead of running on without its code.
"""

import random
import re
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

WASM_FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
                 "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"]
# wasm-split's names: the module the placeholders are imported from.
PLACEHOLDERS = b"placeholder"
# wasm-bindgen's closure shims, as it names them (demangled, with the crate's hash).
SHIM = re.compile(rb"wasm_bindgen\[[0-9a-f]+\]::convert::closures::_::invoke::<")
# The waker of the tasks js-sys runs under JSPI: its functions sit in the table, as its vtable
# (in the data) holds their addresses, but only such a task calls them, and a task is started by
# the glue (through an import or export of js-sys's with `jspi` in its name) or by Rust code
# that imports one.
WAKER = re.compile(rb"js_sys\[[0-9a-f]+\]::futures::jspi::task_waker::raw_")
# wasm-bindgen's import that throws an error, as the named module declares it: its module and
# field as wasm-opt renamed them, then its function's name.
THROW = re.compile(r'^ \(import "([^"]+)" "([^"]+)" \(func \$\S*__wbg___wbindgen_throw_[0-9a-f]+ ', re.M)


def fail(message):
    sys.exit(f"split-module: {message}")


def leb(data, i):
    """The unsigned LEB128 number at `i`, and the offset after it."""
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def uleb(value):
    out = bytearray()
    while True:
        byte, value = value & 0x7F, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def name(data, i):
    length, i = leb(data, i)
    return data[i:i + length], i + length


def encode_name(text):
    return uleb(len(text)) + text


def sections(data):
    """(id, body) of every section of a wasm module."""
    if data[:4] != b"\0asm":
        fail("not a wasm module")
    i = 8
    while i < len(data):
        size, start = leb(data, i + 1)
        yield data[i], data[start:start + size]
        i = start + size


def assemble(header, parts):
    return header + b"".join(bytes([sid]) + uleb(len(body)) + body for sid, body in parts)


def prepare(linked, out):
    data = Path(linked).read_bytes()
    parts = []
    for sid, body in sections(data):
        if sid == 0:
            section, i = name(body, 0)
            if section == b"target_features":
                continue
            if section == b"name":
                # 0: the module's name, 1: the functions' names.
                body = body[:i] + b"".join(whole for sub, whole, _ in name_subsections(body) if sub in (0, 1))
        parts.append((sid, body))
    Path(out).write_bytes(assemble(data[:8], parts))


def name_subsections(body):
    """(id, bytes with their header, contents) of each subsection of a `name` section's body."""
    _, i = name(body, 0)
    while i < len(body):
        size, start = leb(body, i + 1)
        yield body[i], body[i:start + size], body[start:start + size]
        i = start + size


def function_names(body):
    """Each function's index and name, from the body of a `name` section."""
    for subsection, _, contents in name_subsections(body):
        if subsection == 1:
            count, j = leb(contents, 0)
            for _ in range(count):
                index, j = leb(contents, j)
                text, j = name(contents, j)
                yield index, text


def exported_functions(body):
    """The index of each function an export section exports."""
    count, i = leb(body, 0)
    for _ in range(count):
        _, i = name(body, i)
        kind = body[i]
        index, i = leb(body, i + 1)
        if kind == 0:
            yield index


def imports(body, path):
    """(module, field, kind, description) of each entry of the import section of the module at
    `path`, with the description's bytes as they are."""
    count, i = leb(body, 0)
    for _ in range(count):
        mod, i = name(body, i)
        fld, i = name(body, i)
        start = i
        kind = body[i]
        i += 1
        if kind == 0:  # a function: its type
            _, i = leb(body, i)
        elif kind in (1, 2):  # a table (its element type, then limits) or a memory
            i += kind == 1
            flags = body[i]
            _, i = leb(body, i + 1)
            if flags & 1:
                _, i = leb(body, i)
        elif kind == 3:  # a global: its type and mutability
            i += 2
        else:
            fail(f"{path}: an import of kind {kind}")
        yield mod, fld, kind, body[start:i]


def constant_expression(body, i):
    """The offset after an element segment's offset: `i32.const N` or `global.get G`, `end`."""
    if body[i] not in (0x41, 0x23):
        fail(f"an element segment's offset of opcode {body[i]:#x}")
    _, i = leb(body, i + 1)
    if body[i] != 0x0B:
        fail("an element segment's offset longer than one instruction")
    return i + 1


def prune(path):
    """Points the table slots of closure shims that are not exported at the throw import."""
    data = Path(path).read_bytes()
    parts = list(sections(data))
    custom = {name(body, 0)[0]: body for sid, body in parts if sid == 0}
    if b"name" not in custom:
        fail(f"{path} has no function names")
    names = dict(function_names(custom[b"name"]))
    exported = {f for sid, body in parts if sid == 7 for f in exported_functions(body)}
    # Imported functions take the lowest indices.
    imported = sum(kind == 0 for sid, body in parts if sid == 2 for _, _, kind, _ in imports(body, path))
    throws = [f for f in range(imported) if b"__wbindgen_throw" in names.get(f, b"")]
    if len(throws) != 1:
        fail(f"{path}: wasm-bindgen's throw import not found once")
    # Without an import or export of js-sys's JSPI tasks, no task runs, so none is woken.
    tasks = any(b"jspi" in names.get(f, b"") for f in [*range(imported), *exported])
    unused = {f for f, text in names.items()
              if (SHIM.match(text) or (WAKER.match(text) and not tasks)) and f not in exported}
    emptied = 0
    for k, (sid, body) in enumerate(parts):
        if sid != 9:
            continue
        count, i = leb(body, 0)
        out = bytearray(uleb(count))
        for _ in range(count):
            start = i
            flags, i = leb(body, i)
            if flags != 0:
                fail(f"{path}: an element segment of kind {flags}")
            i = constant_expression(body, i)
            out += body[start:i]
            slots, i = leb(body, i)
            out += uleb(slots)
            for _ in range(slots):
                f, i = leb(body, i)
                emptied += f in unused
                out += uleb(throws[0] if f in unused else f)
        parts[k] = (sid, bytes(out))
    Path(path).write_bytes(assemble(data[:8], parts))
    print(f"split-module: {emptied} table slots of unused closure shims and task wakers emptied in {path}")


def wasm_opt(*args):
    subprocess.run(["wasm-opt", *WASM_FEATURES, *args], check=True)


def disassemble(path):
    return subprocess.run(["wasm-dis", path], check=True, capture_output=True, text=True).stdout


def call_graph(text):
    """Each function's callees, and the functions the module's exports, table and start reach."""
    calls, roots, current = {}, set(), None
    for line in text.splitlines():
        head = re.match(r" \(func \$(\S+)", line)
        if head:
            current = head[1]
            calls[current] = set()
        elif re.match(r" \((elem|export|start)\b", line):
            current = None
            # Not the name of the table an element segment fills.
            roots.update(re.findall(r"\$([^\s)]+)", re.sub(r"\(table \$[^\s)]+\)", "", line)))
        elif current is not None:
            calls[current].update(re.findall(r"\((?:call|return_call|ref\.func) \$([^\s)]+)", line))
    return calls, roots & calls.keys()


def reach(calls, start, avoid=frozenset()):
    seen, todo = set(), [f for f in start if f not in avoid]
    while todo:
        f = todo.pop()
        if f not in seen:
            seen.add(f)
            todo.extend(c for c in calls.get(f, ()) if c not in avoid and c not in seen)
    return seen


def functions(text):
    return re.findall(r"^ \(func \$(\S+)", text, re.M)


def rename_placeholders(path, module, field):
    """Points the placeholder imports wasm-split adds at `module`.`field`."""
    data = Path(path).read_bytes()
    parts = []
    renamed = 0
    for sid, body in sections(data):
        if sid == 2:
            entries = list(imports(body, path))
            out = bytearray(uleb(len(entries)))
            for mod, fld, _, description in entries:
                if mod == PLACEHOLDERS:
                    mod, fld = module, field
                    renamed += 1
                out += encode_name(mod) + encode_name(fld) + description
            body = bytes(out)
        parts.append((sid, body))
    Path(path).write_bytes(assemble(data[:8], parts))
    return renamed


def split(directory, roots, keep_names=False):
    directory = Path(directory)
    module = directory / "coalition_tracker_bg.wasm"
    # binaryen writes a module's names only when asked to.
    names_kept = ["-g"] if keep_names else []
    with tempfile.TemporaryDirectory() as tmp:
        named = Path(tmp) / "named.wasm"
        named.write_bytes(module.read_bytes())
        # Stripping re-encodes the module without optimising it: function for function the
        # same, so the named module tells which of the stripped one's functions to move.
        if not keep_names:
            wasm_opt("--strip-debug", "--strip-producers", str(named), "-o", str(module))
        if not roots:
            return
        named_text, text = disassemble(str(named)), disassemble(str(module))
        names, plain = functions(named_text), functions(text)
        if len(names) != len(plain):
            fail("stripping the names changed the functions")
        calls, entries = call_graph(named_text)
        starts = {f for f in calls if f.endswith(tuple(roots))}
        if len(starts) != len(roots):
            fail(f"roots {roots} name the functions {sorted(starts)}: one each expected")
        if starts & entries:
            fail(f"a root is exported or in the table: {sorted(starts & entries)}")
        kept = reach(calls, entries, avoid=starts)
        moved = (reach(calls, starts) - kept) & calls.keys()
        plain_name = dict(zip(names, plain))
        listing = Path(tmp) / "moved.txt"
        listing.write_text("".join(plain_name[f] + "\n" for f in sorted(moved)))
        primary, more = Path(tmp) / "primary.wasm", directory / "coalition_tracker_more.wasm"
        subprocess.run(["wasm-split", *names_kept, *WASM_FEATURES, str(module),
                        "--split-funcs", f"@{listing}", "-o1", str(primary), "-o2", str(more)], check=True)
        throws = THROW.findall(named_text)
        if len(throws) != 1:
            fail("wasm-bindgen's throw import not found once")
        if rename_placeholders(primary, *(part.encode() for part in throws[0])) == 0:
            fail("wasm-split moved nothing")
        # Optimised again, each on its own: what the split left (the calls through the table,
        # the functions exported to the part) shrinks by about 0.2 KB gzipped.
        # (With the Makefile's assumption: the lowest 1 KB of memory is never used.)
        wasm_opt(*names_kept, "-Oz", "--low-memory-unused", str(primary), "-o", str(module))
        wasm_opt(*names_kept, "-Oz", "--low-memory-unused", str(more), "-o", str(more))
        print(f"split-module: {len(moved)} functions moved to {more}")
    if not keep_names:
        order(module)
        order(more)


# How many moves `order` tries: 10 s for the widget module here. More find less and less: on
# the English widget module, 1,500 took 375 B off its gzipped size, 3,000 402 B, 9,000 476 B.
ORDER_MOVES = 1500


def gzipped_size(data):
    """The size of `data` deflated as `gzip -9` does (less gzip's 18 bytes of header and trailer)."""
    return len(zlib.compress(data, 9, -15))


def function_bodies(data):
    """The body of each function the module defines, in the order of its code section."""
    for sid, body in sections(data):
        if sid == 10:
            count, i = leb(body, 0)
            bodies = []
            for _ in range(count):
                size, i = leb(body, i)
                bodies.append(body[i:i + size])
                i += size
            return bodies
    return []


def compressible_order(bodies, moves=ORDER_MOVES, seed=1):
    """An order of `bodies` (their indices) that deflates to fewer bytes, laid end to end, than
    their own. gzip finds repeats only within its last 32 KB and codes what it finds by how far
    back it lies, so which functions sit near which matters: the linker's order of the widget
    module deflated 1 KB smaller than random orders, and 0.1 KB larger than one by size. From the
    order by size, it tries moving a run of 1 to 8 functions elsewhere, keeping each move that
    helps (a local search; seeded, so each build orders alike). The function indices that calls
    carry change with the order, which this does not model: it gets most of what it finds."""
    order = sorted(range(len(bodies)), key=lambda k: (len(bodies[k]), k))
    if len(order) < 2:
        return order
    size = lambda o: gzipped_size(b"".join(bodies[k] for k in o))
    best, rng = size(order), random.Random(seed)
    for _ in range(moves):
        start, to = rng.randrange(len(order)), rng.randrange(len(order))
        run = order[start:start + rng.choice((1, 1, 1, 2, 4, 8))]
        rest = order[:start] + order[start + len(run):]
        tried = rest[:to] + run + rest[to:]
        if (got := size(tried)) < best:
            best, order = got, tried
    return order


def order(path, moves=ORDER_MOVES):
    """Rewrites the module at `path` with its functions in `compressible_order`, then optimised
    again (`-Oz`, as `split` leaves it), if that deflates smaller; else leaves it as it is."""
    data = Path(path).read_bytes()
    ordered = compressible_order(function_bodies(data), moves)
    text = disassemble(str(path))
    # The module's text, cut before each function: wasm-dis writes them last, each from a line
    # of its own, named by its place in the code section, and calls name their callee.
    head, *funcs = re.split(r"(?m)^(?= \(func )", text.rstrip().removesuffix(")") + "\n")
    if len(funcs) != len(ordered) or functions(text) != [str(k) for k in range(len(funcs))]:
        fail(f"{path}: its functions are not as wasm-dis names them")
    with tempfile.TemporaryDirectory() as tmp:
        source, out = Path(tmp) / "ordered.wat", Path(tmp) / "ordered.wasm"
        source.write_text(head + "".join(funcs[k] for k in ordered) + ")\n")
        wasm_opt("-Oz", "--low-memory-unused", str(source), "-o", str(out))
        before, after = gzipped_size(data), gzipped_size(out.read_bytes())
        if after < before:
            Path(path).write_bytes(out.read_bytes())
        print(f"split-module: {path} ordered for gzip: {before} -> {after} B deflated"
              + ("" if after < before else ", not smaller: left as it was"))


def add_section(part, section, file):
    data = Path(part).read_bytes()
    if data[:4] != b"\0asm":
        fail(f"{part} is not a wasm module")
    body = encode_name(section.encode()) + Path(file).read_bytes()
    Path(part).write_bytes(data + assemble(b"", [(0, body)]))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "prepare":
        prepare(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "prune":
        prune(sys.argv[2])
    elif len(sys.argv) >= 4 and sys.argv[1:3] == ["split", "--named"]:
        split(sys.argv[3], sys.argv[4:], keep_names=True)
    elif len(sys.argv) >= 3 and sys.argv[1] == "split":
        split(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) in (3, 4) and sys.argv[1] == "order":
        order(sys.argv[2], *map(int, sys.argv[3:]))
    elif len(sys.argv) == 5 and sys.argv[1] == "section":
        add_section(*sys.argv[2:])
    else:
        fail(__doc__)
