"""Tests of split-module.py's `prune`, `split` and `order` on small modules assembled with
binaryen (`make test-scripts`).

The names follow wasm-bindgen's: demangled, with the crate's hash in brackets (`\\5b`, `\\5d`).
"""

import importlib.util
import random
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SCRIPT = Path(__file__).with_name("split-module.py")
FEATURES = ["--enable-reference-types"]
THROW = r"$wasm_bindgen\5b0a1b\5d::__wbindgen_throw::__wbg___wbindgen_throw_0a1b"
USED = r"$wasm_bindgen\5b0a1b\5d::convert::closures::_::invoke::<u32\2c\20true>"
UNUSED = r"$wasm_bindgen\5b0a1b\5d::convert::closures::_::invoke::<f64\2c\20true>"
WAKER = r"$js_sys\5b0a1b\5d::futures::jspi::task_waker::raw_wake"


def module(imports=f'(import "wbg" "throw" (func {THROW} (param i32 i32)))', elements=None):
    """A module like wasm-bindgen's output: a closure shim the glue calls (exported), one it
    never calls (only in the table), js-sys's waker of JSPI tasks (only in the table), and a Rust
    function pointer that `run` calls through it."""
    elements = elements or f"(elem (i32.const 1) {USED} {UNUSED} $sort {WAKER})"
    return f"""(module
 (type $pair (func (param i32 i32)))
 {imports}
 (table $0 5 5 funcref)
 {elements}
 (export "used" (func {USED}))
 (export "run" (func $run))
 (func {USED} (param i32 i32) (call $helper))
 (func {UNUSED} (param i32 i32) (call $only_shim))
 (func $sort (param i32 i32) (nop))
 (func $helper (nop))
 (func $only_shim (drop (i32.const 7)))
 (func {WAKER} (param i32 i32) (call $only_waker))
 (func $only_waker (drop (i32.const 8)))
 (func $run (param i32) (call_indirect (type $pair) (i32.const 0) (i32.const 0) (local.get 0))))
"""


def run(*args):
    return subprocess.run(args, capture_output=True, text=True)


class Prune(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.path = Path(self.tmp.name) / "m.wasm"

    def tearDown(self):
        self.tmp.cleanup()

    def assemble(self, text):
        source = Path(self.tmp.name) / "m.wat"
        source.write_text(text)
        subprocess.run(["wasm-as", "-g", *FEATURES, str(source), "-o", str(self.path)], check=True)

    def text(self):
        return run("wasm-dis", str(self.path)).stdout

    def functions_left(self):
        """The functions wasm-opt keeps once it has dropped what nothing reaches."""
        subprocess.run(["wasm-opt", "-g", *FEATURES, "--remove-unused-module-elements", str(self.path),
                        "-o", str(self.path)], check=True)
        return {line.split()[1] for line in self.text().splitlines() if line.startswith(" (func ")}

    def prune(self):
        return run(sys.executable, str(SCRIPT), "prune", str(self.path))

    def elements(self):
        return next(line for line in self.text().splitlines() if line.startswith(" (elem"))

    def test_the_slots_of_a_shim_nothing_calls_and_of_the_task_waker_get_the_throw_import(self):
        self.assemble(module())
        result = self.prune()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("2 table slots of unused closure shims and task wakers emptied", result.stdout)
        self.assertEqual(self.elements(), f" (elem (i32.const 1) {USED} {THROW} $sort {THROW})")

    def test_then_wasm_opt_drops_the_shim_the_waker_and_what_only_they_call(self):
        self.assemble(module())
        self.assertEqual(self.prune().returncode, 0)
        self.assertEqual(self.functions_left(), {USED, "$sort", "$helper", "$run"})

    def test_without_it_wasm_opt_keeps_them(self):
        self.assemble(module())
        self.assertEqual(self.functions_left(),
                         {USED, UNUSED, WAKER, "$sort", "$helper", "$only_shim", "$only_waker", "$run"})

    def test_the_waker_stays_in_a_module_that_imports_a_task_of_js_sys(self):
        spawn = r"$js_sys\5b0a1b\5d::futures::jspi::__wbg_jspi_spawn_0a1b"
        self.assemble(module(imports=f"""(import "wbg" "throw" (func {THROW} (param i32 i32)))
 (import "wbg" "spawn" (func {spawn} (param i32)))"""))
        result = self.prune()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("1 table slots of unused closure shims and task wakers emptied", result.stdout)
        self.assertEqual(self.elements(), f" (elem (i32.const 1) {USED} {THROW} $sort {WAKER})")

    def test_a_module_without_the_throw_import_is_refused(self):
        self.assemble(module(imports=""))
        result = self.prune()
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("wasm-bindgen's throw import not found once", result.stderr)

    def test_an_element_segment_of_another_kind_is_refused_and_the_file_left_as_it_was(self):
        self.assemble(module(elements=f"(elem (i32.const 1) {USED} {UNUSED} {WAKER}) (elem func $sort)"))
        before = self.path.read_bytes()
        result = self.prune()
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("an element segment of kind 1", result.stderr)
        self.assertEqual(self.path.read_bytes(), before)


ROOT = r"$coalition_tracker\5b0a1b\5d::Inner>::interact"


def splittable_module():
    """A module like the widget's, as `split` takes it: wasm-bindgen's throw import, an exported
    `run` that calls a ROOT only on its argument's say, and what only that ROOT calls."""
    return f"""(module
 (import "wbg" "throw" (func {THROW} (param i32 i32)))
 (export "run" (func $run))
 (func $run (param i32) (result i32) (if (result i32) (local.get 0) (then (call {ROOT})) (else (call $kept))))
 (func {ROOT} (result i32) (i32.add (call $only_root) (call $kept)))
 (func $only_root (result i32) (i32.const 40))
 (func $kept (result i32) (i32.const 2)))
"""


class Split(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)
        source = self.dir / "m.wat"
        source.write_text(splittable_module())
        subprocess.run(["wasm-as", "-g", *FEATURES, str(source), "-o", str(self.dir / "coalition_tracker_bg.wasm")],
                       check=True)

    def tearDown(self):
        self.tmp.cleanup()

    def functions(self, name):
        text = run("wasm-dis", str(self.dir / name)).stdout
        return {line.split()[1] for line in text.splitlines() if line.startswith(" (func ")}

    def split(self, *flags):
        result = run(sys.executable, str(SCRIPT), "split", *flags, str(self.dir), "Inner>::interact")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("split-module: 2 functions moved", result.stdout)

    def test_the_root_and_what_only_it_calls_go_to_the_part_unnamed(self):
        self.split()
        self.assertEqual(len(self.functions("coalition_tracker_bg.wasm")), 2)
        self.assertEqual(len(self.functions("coalition_tracker_more.wasm")), 1)
        for part in ("coalition_tracker_bg.wasm", "coalition_tracker_more.wasm"):
            self.assertFalse(self.functions(part) & {ROOT, "$only_root", "$kept", "$run"}, part)

    def test_named_the_same_split_keeps_every_function_name(self):
        self.split("--named")
        # (`-Oz` then inlines `$only_root` into the ROOT.)
        self.assertEqual(self.functions("coalition_tracker_bg.wasm"), {"$run", "$kept"})
        self.assertEqual(self.functions("coalition_tracker_more.wasm"), {ROOT})


def stores(values):
    """Instructions storing each (address, value) of `values`: code that `-Oz` keeps as it is."""
    return " ".join(f"(i32.store (i32.const {a}) (i32.const {v}))" for a, v in values)


def far_apart_module():
    """A module whose three alike functions lie 33 KB apart, each after a function as long of
    stores gzip cannot compress; `run` calls every function (two of them through the table) and
    sums what they stored. Each is exported, so that `-Oz` inlines none into `run`."""
    rng = random.Random(7)
    alike = [(4 * rng.randrange(16, 1000), rng.randrange(1 << 30)) for _ in range(150)]
    funcs = []
    for i in range(3):
        # Each ends differently (not only in a constant, which `-Oz` would merge them over).
        funcs.append(f"(func $alike{i} {stores(alike)} {stores([(4 * i, i + 1)] * (i + 1))})")
        noise = [(4 * rng.randrange(1000, 16000), rng.randrange(1 << 30)) for _ in range(3000)]
        funcs.append(f"(func $noise{i} {stores(noise)})")
    calls = " ".join(f"(call $alike{i}) (call $noise{i})" for i in (0, 2)) + " (call $noise1)"
    exports = " ".join(f'(export "{name}{i}" (func ${name}{i}))' for i in range(3) for name in ("alike", "noise"))
    total = "(i32.const 0)"
    for a in [0, 4, 8, 12, *range(64, 64000, 4000)]:
        total = f"(i32.add {total} (i32.load (i32.const {a})))"
    return f"""(module
 (type $none (func))
 (memory $0 1)
 (table $0 2 2 funcref)
 (elem (i32.const 0) $alike1 $noise1)
 (export "run" (func $run))
 {exports}
 {" ".join(funcs)}
 (func $run (result i32) {calls} (call_indirect (type $none) (i32.const 0)) {total}))
"""


class Order(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.path = Path(self.tmp.name) / "m.wasm"
        source = Path(self.tmp.name) / "m.wat"
        source.write_text(far_apart_module())
        subprocess.run(["wasm-opt", "-Oz", *FEATURES, str(source), "-o", str(self.path)], check=True)

    def tearDown(self):
        self.tmp.cleanup()

    def ran(self):
        """What the module's `run` returns, run by Node."""
        script = "WebAssembly.instantiate(require('fs').readFileSync(process.argv[1]))" \
            ".then(({ instance }) => console.log(instance.exports.run()))"
        return run("node", "-e", script, str(self.path)).stdout.strip()

    def test_the_functions_are_ordered_so_the_module_deflates_smaller_and_runs_the_same(self):
        before, ran = self.path.read_bytes(), self.ran()
        self.assertRegex(ran, r"^-?\d+$")
        result = run(sys.executable, str(SCRIPT), "order", str(self.path), "100")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("left as it was", result.stdout)
        deflated = lambda data: len(subprocess.run(["gzip", "-9c"], input=data, capture_output=True).stdout)
        # Side by side, the three alike functions cost little more than one.
        self.assertLess(deflated(self.path.read_bytes()), deflated(before) - 400)
        self.assertEqual(self.ran(), ran)

    def test_the_order_is_a_permutation_that_deflates_no_larger_than_by_size(self):
        spec = importlib.util.spec_from_file_location("split_module", SCRIPT)
        split_module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(split_module)
        bodies = split_module.function_bodies(self.path.read_bytes())
        self.assertEqual(len(bodies), 7)
        order = split_module.compressible_order(bodies, moves=200)
        self.assertEqual(sorted(order), list(range(7)))
        by_size = sorted(range(7), key=lambda k: len(bodies[k]))
        laid = lambda o: split_module.gzipped_size(b"".join(bodies[k] for k in o))
        self.assertLessEqual(laid(order), laid(by_size))


if __name__ == "__main__":
    unittest.main()
