#!/usr/bin/env python3
"""Minifies an HTML page of the site in place for readers: drops its comments and the
indentation between tags, minifies its inline scripts with esbuild (ESBUILD, the path of the
pinned binary), and puts each stylesheet linked with `data-inline` into the page as a `<style>`
with the link's id (the stylesheet as built beside the page, already minified): the page then
waits for no stylesheet request. The readable source stays in www/; scripts/serve.py hashes the
inline scripts and styles as served, for its CSP.

Usage: minify-html.py ESBUILD PAGE.html
"""

import os
import re
import subprocess
import sys


def minify_script(esbuild, match):
    # UTF-8 as it is (the pages say so), not as \u escapes: fewer bytes.
    code = subprocess.run([esbuild, "--minify", "--charset=utf8", "--log-level=warning"], input=match[2], check=True,
                          capture_output=True, text=True).stdout.strip()
    return f"{match[1]}{code}</script>"


def inline_style(path, match):
    sheet = os.path.join(os.path.dirname(path), match[2])
    with open(sheet, encoding="utf-8") as f:
        css = f.read().strip()
    if "</style" in css.lower():
        sys.exit(f"{sheet}: cannot go inline, it contains </style")
    return f'<style id="{match[1]}">{css}</style>'


def main(esbuild, path):
    with open(path, encoding="utf-8") as f:
        page = f.read()
    page = re.sub(r"<!--.*?-->", "", page, flags=re.S)
    page = re.sub(r"(<script>)(.*?)</script>", lambda m: minify_script(esbuild, m), page, flags=re.S)
    page = re.sub(r">\s+<", "><", page).strip() + "\n"
    page = re.sub(r'<link id="([^"]+)" rel="stylesheet" href="([^"]+)" data-inline>',
                  lambda m: inline_style(path, m), page)
    with open(path, "w", encoding="utf-8") as f:
        f.write(page)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
