#!/usr/bin/env bash
# End-to-end smoke test of the built site: serves dist/ on a free loopback port, loads the page
# in headless Chromium, and checks that the wasm core (not hand-written HTML) filled the widget.
set -euo pipefail
dir=${1:-dist}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 scripts/serve.py --dir "$dir" --port "$port" >/dev/null 2>&1 &
server=$!
profile=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$profile"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
dom=$(chromium --headless=new --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --no-first-run --user-data-dir="$profile" \
  --virtual-time-budget=10000 --dump-dom "http://127.0.0.1:$port/" 2>/dev/null)
passed=0 failed=0
check() { # check DESCRIPTION NEEDLE
  if grep -qF -- "$2" <<<"$dom"; then passed=$((passed + 1)); echo "ok: $1"
  else failed=$((failed + 1)); echo "FAILED: $1 (page lacks: $2)"; fi
}
check "widget reports ready" 'data-state="ready"'
check "headline figures come from the wasm core" '12 members · €58 million reported · as of 26 July 2024'
check "the Netherlands is listed with its join date" 'Netherlands — since 23 January 2024'
check "the pooled pledge is shown once, undivided" 'Pooled: LU, IS, EE, BE — €22 million together, split not reported'
echo "page smoke: $passed passed, $failed failed"
[ "$failed" = 0 ]
