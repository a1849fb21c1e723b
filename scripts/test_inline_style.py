"""Tests of minify-html.py's inlining of a stylesheet, and of the CSP serve.py gives the page it
writes (`make test-scripts`).
"""

import base64
import hashlib
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).parent
PAGE = """<!doctype html>
<html>
<head>
  <!-- a comment readers need not download -->
  <link id="ct-css" rel="stylesheet" href="widget.css" data-inline>
  <link rel="stylesheet" href="other.css">
  <script>go()</script>
</head>
</html>
"""
CSS = ".ct > p{margin:0}\n"


def sha256(text):
    return base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


class InlineStyle(unittest.TestCase):
    def build(self, css):
        """The page minified beside a widget.css holding `css`: (exit status, stderr, page)."""
        with tempfile.TemporaryDirectory() as tmp:
            page = Path(tmp, "embed.html")
            page.write_text(PAGE)
            Path(tmp, "widget.css").write_text(css)
            # In esbuild's place, a stand-in that leaves inline scripts as they are.
            esbuild = Path(tmp, "esbuild")
            esbuild.write_text("#!/bin/sh\nexec cat\n")
            esbuild.chmod(0o755)
            done = subprocess.run([sys.executable, HERE / "minify-html.py", esbuild, page], capture_output=True, text=True)
            return done.returncode, done.stderr, page.read_text()

    def test_the_marked_stylesheet_goes_inline_with_its_id_and_no_other(self):
        status, _, page = self.build(CSS)
        self.assertEqual(status, 0)
        self.assertEqual(page, '<!doctype html><html><head><style id="ct-css">.ct > p{margin:0}</style>'
                               '<link rel="stylesheet" href="other.css"><script>go()</script></head></html>\n')

    def test_a_stylesheet_that_would_close_the_element_is_refused(self):
        status, stderr, _ = self.build("p{content:'</style>'}")
        self.assertNotEqual(status, 0)
        self.assertIn("widget.css: cannot go inline", stderr)

    def test_serve_allows_the_pages_inline_script_and_style_by_their_hashes(self):
        _, _, page = self.build(CSS)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp, "embed.html")
            path.write_text(page)
            csp = subprocess.run([sys.executable, HERE / "serve.py", "--csp", path], capture_output=True, text=True,
                                 check=True).stdout
        self.assertIn(f"script-src 'self' 'sha256-{sha256('go()')}' 'wasm-unsafe-eval';", csp)
        self.assertIn(f"style-src 'self' 'sha256-{sha256('.ct > p{margin:0}')}';", csp)


if __name__ == "__main__":
    unittest.main()
