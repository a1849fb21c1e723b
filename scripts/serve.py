#!/usr/bin/env python3
"""Serves a built site on the loopback interface only, with the widget's Content-Security-Policy.

Usage: scripts/serve.py --dir dist [--port 8000]   (the PORT variable of `make demo` sets --port)
       scripts/serve.py --csp dist/embed.html       prints the CSP a host serves that page under
"""
import argparse
import base64
import functools
import gzip
import hashlib
import http.server
import io
import os
import re

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "img-src 'self' data: blob:")


@functools.lru_cache(maxsize=256)
def _page_csp(path, _mtime):
    with open(path, encoding="utf-8") as f:
        page = f.read()

    def hashes(pattern):
        return "".join(f" 'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                       for s in re.findall(pattern, page, flags=re.S))
    return (CSP.replace("script-src 'self'", "script-src 'self'" + hashes(r"<script>(.*?)</script>"))
            .replace("style-src 'self'", "style-src 'self'" + hashes(r"<style[^>]*>(.*?)</style>")))


def page_csp(path):
    """The CSP under which the page at `path` is served: the site's, allowing by its hash each
    inline script and style of the page (embed.html's preload of the module of its language,
    and its copy of widget.css), and no other."""
    return _page_csp(path, os.stat(path).st_mtime_ns)


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
    }

    # The site's own files go gzipped to clients that accept it, as any real host sends them (the
    # weight budget is measured gzipped too). Data files are sent as they are, so that their
    # declared size is their real size.
    COMPRESSED = (".html", ".js", ".css", ".wasm", ".svg")

    def served_file(self):
        """The file the request names: a directory's index.html for a URL ending in `/`."""
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        return path

    def send_head(self):
        path = self.served_file()
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.endswith(self.COMPRESSED) and os.path.isfile(path)):
            return super().send_head()
        body = self.gzipped(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    @staticmethod
    @functools.lru_cache(maxsize=256)
    def _gzip(path, _mtime):
        with open(path, "rb") as f:
            return gzip.compress(f.read(), 9)

    def gzipped(self, path):
        """The file gzipped, compressed once per version of the file."""
        return self._gzip(path, os.stat(path).st_mtime_ns)

    def csp(self):
        """The CSP of the file served: `page_csp` for a page."""
        path = self.served_file()
        if not (path.endswith(".html") and os.path.isfile(path)):
            return CSP
        return page_csp(path)

    def end_headers(self):
        self.send_header("Content-Security-Policy", self.csp())
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dir", default="dist")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--csp", metavar="PAGE", help="print the CSP for PAGE (with its inline hashes) and exit")
    args = parser.parse_args()
    if args.csp:
        print(page_csp(args.csp))
        return
    handler = functools.partial(Handler, directory=args.dir)
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        print(f"serving {args.dir}/ on http://127.0.0.1:{args.port}/ (Ctrl-C stops)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
