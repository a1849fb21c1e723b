#!/usr/bin/env python3
"""Minifies an HTML page of the site in place for readers: drops its comments and the
indentation between tags, and minifies its inline scripts with esbuild (ESBUILD, the path of the
pinned binary). The readable source stays in www/; scripts/serve.py hashes the inline scripts as
served, for its CSP.

Usage: minify-html.py ESBUILD PAGE.html
"""

import re
import subprocess
import sys


def minify_script(esbuild, match):
    code = subprocess.run([esbuild, "--minify", "--log-level=warning"], input=match[2], check=True,
                          capture_output=True, text=True).stdout.strip()
    return f"{match[1]}{code}</script>"


def main(esbuild, path):
    with open(path, encoding="utf-8") as f:
        page = f.read()
    page = re.sub(r"<!--.*?-->", "", page, flags=re.S)
    page = re.sub(r"(<script>)(.*?)</script>", lambda m: minify_script(esbuild, m), page, flags=re.S)
    page = re.sub(r">\s+<", "><", page).strip() + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
