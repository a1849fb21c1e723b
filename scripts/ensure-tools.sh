#!/usr/bin/env bash
# Installs, idempotently and at pinned versions, every tool `make demo` and `make test` need on a
# fresh Debian machine. Each step checks first, so a second run costs a few seconds.
# Usage: scripts/ensure-tools.sh [build|test|bench|sizes]   (build: wasm toolchain only; test:
# also browsers; bench: also valgrind, whose callgrind `make bench` counts instructions with;
# sizes: the wasm toolchain and twiggy, with which `make sizes` lists what costs bytes)
set -euo pipefail

WASM_BINDGEN_VERSION=0.2.129   # must equal the `wasm-bindgen = "=..."` pin in Cargo.toml
WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1
CARGO_FUZZ_VERSION=0.13.2
TWIGGY_VERSION=0.8.0
what=${1:-test}

log() { printf '[ensure-tools] %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

sudo_if_needed() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ $apt_updated = 0 ]; then sudo_if_needed apt-get update -qq; apt_updated=1; fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

cargo_tool() { # cargo_tool CRATE VERSION BINARY
  # The output is captured first: `tool --version | grep -q` under pipefail fails when grep
  # stops reading early (SIGPIPE), which reinstalled tools that were already there.
  if command -v "$3" >/dev/null 2>&1 && [[ "$("$3" --version 2>/dev/null)" == *"$2"* ]]; then return 0; fi
  log "cargo install $1@$2"
  cargo install --locked --quiet "$1" --version "=$2"
}

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
# The pinned nightly (the Makefile's NIGHTLY) builds the modules readers load, rebuilding the
# standard library from its sources (rust-src); the fuzzers run on it too.
NIGHTLY=$(sed -n 's/^NIGHTLY := //p' "$(dirname "$0")/../Makefile")
if ! rustup component list --toolchain "$NIGHTLY" --installed 2>/dev/null | grep -q '^rust-src'; then
  log "rustup toolchain install $NIGHTLY with rust-src"
  rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src
fi
apt_install binaryen gzip
cargo_tool wasm-bindgen-cli "$WASM_BINDGEN_VERSION" wasm-bindgen

if [ "$what" = test ] || [ "$what" = bench ]; then
  apt_install chromium chromium-driver firefox-esr
  # Node runs the end-to-end tests; keep a Node the machine already has (20 here).
  command -v npm >/dev/null 2>&1 || apt_install nodejs npm
  cargo_tool wasm-pack "$WASM_PACK_VERSION" wasm-pack
  cargo_tool geckodriver "$GECKODRIVER_VERSION" geckodriver
  # Fuzzing (the smoke runs in `make test`, and `make fuzz`) needs the nightly and cargo-fuzz.
  cargo_tool cargo-fuzz "$CARGO_FUZZ_VERSION" cargo-fuzz
fi
[ "$what" = bench ] && apt_install valgrind
[ "$what" = sizes ] && cargo_tool twiggy "$TWIGGY_VERSION" twiggy
log "tools ready ($what)"
