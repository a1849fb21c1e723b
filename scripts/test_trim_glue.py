"""Tests of trim-glue.py on wasm-bindgen 0.2.129's `initSync` (`make test-scripts`)."""

import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SCRIPT = Path(__file__).with_name("trim-glue.py")

# As wasm-bindgen 0.2.129 writes it for `--target web`.
INIT_SYNC = """function initSync(module) {
    if (wasm !== undefined) return wasm;


    if (module !== undefined) {
        if (Object.getPrototypeOf(module) === Object.prototype) {
            ({module} = module)
        } else {
            console.warn('using deprecated parameters for `initSync()`; pass a single object instead')
        }
    }

    const imports = __wbg_get_imports();
    if (!(module instanceof WebAssembly.Module)) {
        module = new WebAssembly.Module(module);
    }
    const instance = new WebAssembly.Instance(module, imports);
    return __wbg_finalize_init(instance, module);
}
"""

TRIMMED = """function initSync(module) {
    if (wasm !== undefined) return wasm;


    ({module} = module);

    const imports = __wbg_get_imports();
    const instance = new WebAssembly.Instance(module, imports);
    return __wbg_finalize_init(instance, module);
}
"""


class TrimGlue(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.path = Path(self.tmp.name) / "glue.js"

    def tearDown(self):
        self.tmp.cleanup()

    def trim(self, glue):
        self.path.write_text(glue)
        return subprocess.run([sys.executable, str(SCRIPT), str(self.path)], capture_output=True, text=True)

    def test_init_sync_keeps_only_what_a_compiled_module_in_an_object_needs(self):
        result = self.trim("let wasm;\n" + INIT_SYNC)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.path.read_text(), "let wasm;\n" + TRIMMED)

    def test_the_trimmed_init_sync_instantiates_a_module_passed_as_widget_js_passes_it(self):
        self.assertEqual(self.trim(INIT_SYNC).returncode, 0)
        # An empty module, compiled, in an object: the trimmed initSync instantiates it.
        program = self.path.read_text() + """
let wasm;
const __wbg_get_imports = () => ({});
const __wbg_finalize_init = (instance, module) => [instance instanceof WebAssembly.Instance, module instanceof WebAssembly.Module];
const module = new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
console.log(JSON.stringify(initSync({ module })));
"""
        run = subprocess.run(["node", "-e", program], capture_output=True, text=True)
        self.assertEqual(run.stdout.strip(), "[true,true]", run.stderr)

    def test_a_glue_written_otherwise_is_refused_and_left_as_it_was(self):
        changed = INIT_SYNC.replace("({module} = module)", "module = module.module")
        result = self.trim(changed)
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("a passage of initSync is there 0 times, not once", result.stderr)
        self.assertEqual(self.path.read_text(), changed)


if __name__ == "__main__":
    unittest.main()
