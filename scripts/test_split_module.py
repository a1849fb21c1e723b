"""Tests of split-module.py's `prune` on small modules assembled with binaryen (`make test-scripts`).

The names follow wasm-bindgen's: demangled, with the crate's hash in brackets (`\\5b`, `\\5d`).
"""

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


def module(imports=f'(import "wbg" "throw" (func {THROW} (param i32 i32)))', elements=None):
    """A module like wasm-bindgen's output: a closure shim the glue calls (exported), one it
    never calls (only in the table), and a Rust function pointer that `run` calls through it."""
    elements = elements or f"(elem (i32.const 1) {USED} {UNUSED} $sort)"
    return f"""(module
 (type $pair (func (param i32 i32)))
 {imports}
 (table $0 4 4 funcref)
 {elements}
 (export "used" (func {USED}))
 (export "run" (func $run))
 (func {USED} (param i32 i32) (call $helper))
 (func {UNUSED} (param i32 i32) (call $only_shim))
 (func $sort (param i32 i32) (nop))
 (func $helper (nop))
 (func $only_shim (drop (i32.const 7)))
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

    def test_the_slot_of_a_shim_nothing_calls_gets_the_throw_import(self):
        self.assemble(module())
        result = self.prune()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("1 table slots of unused closure shims emptied", result.stdout)
        elem = next(line for line in self.text().splitlines() if line.startswith(" (elem"))
        self.assertEqual(elem, f" (elem (i32.const 1) {USED} {THROW} $sort)")

    def test_then_wasm_opt_drops_the_shim_and_what_only_it_calls(self):
        self.assemble(module())
        self.assertEqual(self.prune().returncode, 0)
        self.assertEqual(self.functions_left(), {USED, "$sort", "$helper", "$run"})

    def test_without_it_wasm_opt_keeps_them(self):
        self.assemble(module())
        self.assertEqual(self.functions_left(), {USED, UNUSED, "$sort", "$helper", "$only_shim", "$run"})

    def test_a_module_without_the_throw_import_is_refused(self):
        self.assemble(module(imports=""))
        result = self.prune()
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("wasm-bindgen's throw import not found once", result.stderr)

    def test_an_element_segment_of_another_kind_is_refused_and_the_file_left_as_it_was(self):
        self.assemble(module(elements=f"(elem (i32.const 1) {USED} {UNUSED}) (elem func $sort)"))
        before = self.path.read_bytes()
        result = self.prune()
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("an element segment of kind 1", result.stderr)
        self.assertEqual(self.path.read_bytes(), before)


if __name__ == "__main__":
    unittest.main()
