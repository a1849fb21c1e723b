# coalition-tracker. The two commands the README gives:
#   make demo   builds the site into dist/ and serves it on http://127.0.0.1:$(PORT)/
#   make test   runs every test: native, the build's scripts, wasm in headless Chrome and
#               Firefox, and the built page end to end in Chromium (screenshots in
#               target/screenshots/)
# Both install what they need first (scripts/ensure-tools.sh), idempotently.

SHELL := bash
, := ,
.SHELLFLAGS := -eu -o pipefail -c
PORT ?= 8000
export PATH := $(HOME)/.cargo/bin:$(PATH)

TARGET_WASM := target/shipped/wasm32-unknown-unknown/shipped/coalition_tracker.wasm
CLI := target/release/coalition
DATA := $(wildcard data/*.toml)
# The dataset a widget shows unless told otherwise, the one its module embeds (build.rs's DEFAULT).
DEFAULT_DATA := data/it-coalition.toml
# The wasm features rustc enables by default for wasm32-unknown-unknown; wasm-opt must accept them.
WASM_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
	--enable-mutable-globals --enable-reference-types --enable-multivalue

# The nightly Rust that builds the modules readers load (and runs the fuzzers); pinned, so that
# every machine builds the same bytes. scripts/ensure-tools.sh installs it with rust-src.
NIGHTLY := nightly-2026-05-20
# Readers' modules are built with the standard library rebuilt for size, with
# `panic=immediate-abort`: a panic traps at once, so no panic message, location or the
# formatting code behind them is linked (5.8 KB less of the English widget, gzipped). There is
# then no panic hook; www/widget.js stops the graphic when a trap escapes (see web::stop).
# Cargo.toml's `shipped` profile builds them for size (native builds are for speed). Three of
# LLVM's optimisations that trade size for speed are turned off for them (on the English widget
# module, gzipped): loop strength reduction, which gives a loop's addresses induction variables
# of their own (wasm has no addressing modes for them to serve, and the browser's compiler does
# its own), 0.6 KB; GVN's partial redundancy elimination, which copies a computation into the
# branches that lack it, 0.3 KB; IndVarSimplify's rewriting of the values a loop leaves behind
# as expressions after it, 0.05 KB. With those off, rustc's own MIR optimisations, which LLVM
# then mostly redoes, cost 0.13 KB more than they save. Redraws timed in pairs of loads of each
# build (200 selections and 200 slider steps, back to back and one per frame, 10 loads each)
# were no slower beyond the spread between runs, and the aggregation in the browser took the
# same 0.40 ms.
SHIPPED_RUST := RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zmir-opt-level=0 \
	-Cllvm-args=-disable-lsr -Cllvm-args=-enable-pre=false -Cllvm-args=-replexitval=never" cargo +$(NIGHTLY) rustc \
	-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size --target-dir target/shipped

# $(call wasm,DIR,FEATURES[,ROOTS[,--named]]): builds the crate's cdylib with FEATURES into DIR
# (split with its function names kept if --named: `make sizes`). Only an
# rlib is declared in Cargo.toml: building the cdylib on its own keeps LTO. wasm-opt also gives
# the imports and exports short names (wasm-bindgen's carry 16-digit hashes) and prints the
# renaming, which scripts/minify-names.py applies to the glue: about 4.7 KB less gzipped. It
# inlines no function of over 200 instructions into its one caller (`-ocimfs`), so that a ROOT
# stays a function of its own (and the module is 0.1 KB smaller). Before `-Oz`, it flattens the
# code and rebuilds its control flow with the relooper (`--flatten --rereloop`), from which `-Oz`
# then finds smaller code: 0.2 KB less gzipped, with the first pixels, the redraws and the
# aggregation level (bench/ab.js, paired; the redraws and `Bench.aggregate` timed alternately,
# as `make bench` times them). `--low-memory-unused` lets it
# fold constant offsets into loads and stores (0.4 KB less): true of these modules, whose stack
# grows down from 1 MB towards address 0 and would reach the lowest 1 KB only 1,047 KB deep. Before
# that, scripts/split-module.py empties the table slots wasm-bindgen leaves to closure shims that
# nothing calls, and those of js-sys's waker of tasks the module never runs, which wasm-opt would
# otherwise keep (0.5 KB less gzipped). With ROOTS,
# scripts/split-module.py then moves the code only they reach to coalition_tracker_more.wasm and
# orders each part's functions for gzip (0.3 KB less of the module readers load first, for 12 s
# of build per language: see `order` there).
define wasm
	$(SHIPPED_RUST) --lib --profile shipped --target wasm32-unknown-unknown --crate-type cdylib $(2)
	rm -rf $(1)/linked && mkdir -p $(1)/linked
	python3 scripts/split-module.py prepare $(TARGET_WASM) $(1)/linked/coalition_tracker.wasm
	wasm-bindgen --target web --no-typescript --out-dir $(1) $(1)/linked/coalition_tracker.wasm
	python3 scripts/split-module.py prune $(1)/coalition_tracker_bg.wasm
	wasm-opt --flatten --rereloop -Oz -ocimfs 200 --low-memory-unused $(WASM_FEATURES) -g --strip-producers --minify-imports-and-exports-and-modules \
		$(1)/coalition_tracker_bg.wasm -o $(1)/coalition_tracker_bg.wasm > $(1)/names.txt
	python3 scripts/minify-names.py $(1)/coalition_tracker.js $(1)/names.txt
	python3 scripts/split-module.py split $(4) $(1) $(3)
	rm -r $(1)/names.txt $(1)/linked
endef

# What scripts/split-module.py splits off the widget module: the code only a reader's own events
# and the timers they set run (Inner::interact), the details panel and the table view they open,
# and the repainting of the marks whose look they change.
INTERACTION := 'Inner>::interact' 'Inner>::fill_details' 'Inner>::build_table' 'Session>::repaint_rects'

.PHONY: demo build bench-tools test test-native test-scripts test-wasm test-page test-budget test-fuzz fuzz budget sizes bench validate tools clean

demo: build
	python3 scripts/serve.py --dir dist --port $(PORT)

build: validate tools/node_modules/.package-lock.json
	scripts/ensure-tools.sh build
	rm -rf dist && mkdir -p dist
	# The widget module, once per language (a reader downloads one language's words), and the
	# loader that only pages showing an editor-hosted data file fetch (it validates and packs
	# the file for the widget) or readers asking for a CSV or JSON download.
	$(call wasm,dist/pkg,--no-default-features --features widget$(,)en$(,)deferred-texts,$(INTERACTION))
	$(call wasm,dist/pkg-uk,--no-default-features --features widget$(,)uk$(,)deferred-texts,$(INTERACTION))
	# They embed the default dataset without the texts only the details panel and the table
	# view show (notes, descriptions and the like: 1.5 KB gzipped), and without what the module
	# never reads, other languages' names among them (0.5 KB less of the English module); its
	# split-off part, which those views need anyway, brings the texts, made for that module's
	# copy (codec::split_texts).
	# The part also brings the words only the details panel, the table view and the copy-link
	# status write, in the module's language, which the modules leave out (i18n::PanelWords).
	for d in pkg:en pkg-uk:uk; do \
		part=dist/$${d%:*}/coalition_tracker_more.wasm; \
		$(CLI) pack $(DEFAULT_DATA) --texts $${d#*:} --out dist/texts.bin; \
		python3 scripts/split-module.py section $$part ct-texts dist/texts.bin; \
		$(CLI) words $${d#*:} --out dist/words.bin; \
		python3 scripts/split-module.py section $$part ct-words dist/words.bin; \
	done
	rm dist/texts.bin dist/words.bin
	$(call wasm,dist/loader,--no-default-features --features loader$(,)en$(,)uk)
	cp www/* dist/
	# Every built-in dataset packed (the widget module carries only the default one, build.rs's
	# DEFAULT; widget.js fetches the others from here).
	mkdir -p dist/data
	for f in $(DATA); do $(CLI) pack "$$f" --out "dist/data/$$(basename "$$f" .toml).bin"; done
	# Readers get the JavaScript and CSS minified (about 3.7 KB less gzipped); the readable
	# sources are www/ and wasm-bindgen's output. Each module's glue is bundled with its copies
	# of the snippets it imports (src/web/events.js, intl.js, page.js, in snippets/), which
	# it would otherwise fetch only once it has itself arrived: fewer requests on the way to the
	# first drawing, and fewer bytes. A widget module's glue is bundled from an entry that
	# re-exports only what widget.js calls, so that wasm-bindgen's asynchronous loader (`default`)
	# and its warnings go: widget.js compiles the module itself and instantiates it with `initSync`,
	# and tells events.js where the split-off part is (`placeMore`). scripts/trim-glue.py takes out
	# of `initSync` the branches for arguments widget.js never passes.
	cd dist && for d in pkg pkg-uk; do \
		python3 ../scripts/trim-glue.py $$d/coalition_tracker.js; \
		events=$$(cd $$d && ls snippets/*/src/web/events.js); \
		echo "export { initSync, Widget, stop } from './coalition_tracker.js'; export { placeMore } from './$$events';" > $$d/entry.js; \
		../tools/node_modules/.bin/esbuild --minify --allow-overwrite --log-level=warning --bundle --format=esm \
			$$d/entry.js --outfile=$$d/coalition_tracker.js; \
		rm $$d/entry.js; \
	done
	# The loader's glue goes into hosted.js, what widget.js does with it, which widget.js imports
	# only for editor-hosted data and downloads: one request for both, and no byte of either in
	# what every reader loads.
	cd dist && ../tools/node_modules/.bin/esbuild --minify --allow-overwrite --log-level=warning \
		--bundle --format=esm hosted.js --outfile=hosted.js
	rm dist/loader/coalition_tracker.js
	cd dist && rm -rf */snippets && ../tools/node_modules/.bin/esbuild --minify --allow-overwrite \
		--outdir=. --outbase=. --log-level=warning $$(ls *.js *.css | grep -vxE 'embed-page.js|hosted.js')
	# embed.html's script carries its own copy of widget.js (host pages load widget.js itself):
	# one request fewer for the iframe, and 0.2 KB less gzipped than the two files. Its Ukrainian
	# words are written as UTF-8, not as \u escapes (a module script is always read as UTF-8).
	# What a widget shows when it cannot be shown stays out of it, in failure.js, which widget.js
	# imports only then.
	# It carries the widget modules' glue too (widget.js's carryGlue), which must then be the same
	# for every language: it is, as the modules import and export alike.
	cmp dist/pkg/coalition_tracker.js dist/pkg-uk/coalition_tracker.js
	cd dist && ../tools/node_modules/.bin/esbuild --bundle --format=esm --minify --charset=utf8 --allow-overwrite \
		--log-level=warning '--external:./hosted.js' '--external:./failure.js' embed-page.js --outfile=embed-page.js
	# Then terser: its repeated compression passes take a further 0.2 KB (gzipped) off the
	# modules' glue and the pages' scripts, beyond esbuild's single pass (issue 6's weight budget).
	cd dist && for f in pkg/coalition_tracker.js pkg-uk/coalition_tracker.js hosted.js embed-page.js widget.js failure.js; do \
		../tools/node_modules/.bin/terser $$f --module --compress passes=3 --mangle --output $$f; \
	done
	# embed.html itself is minified too (0.2 KB less gzipped), with the minified widget.css in it:
	# its preload script and module then wait for no stylesheet request (a few ms sooner to the
	# first pixels); scripts/serve.py --csp prints the hashes a host's CSP allows it by.
	python3 scripts/minify-html.py tools/node_modules/.bin/esbuild dist/embed.html
	# The static version, for readers without JavaScript or wasm, drawn by the same code as SVG.
	$(CLI) render data/it-coalition.toml --out dist --inject dist/index.html --inject dist/embed-static.html
	@echo "dist/ is ready: $$(du -sh dist | cut -f1), wasm $$(gzip -9c dist/pkg/coalition_tracker_bg.wasm | wc -c) bytes gzipped"

validate:
	cargo build --release --bin coalition
	for f in $(DATA); do $(CLI) validate "$$f"; done

test: tools test-native test-scripts build test-wasm test-page test-budget test-fuzz

tools:
	scripts/ensure-tools.sh test

# What `make test` needs, and valgrind, whose callgrind `make bench` counts instructions with.
bench-tools:
	scripts/ensure-tools.sh bench

test-native:
	cargo test

# The build's own steps: split-module.py's table pruning and ordering, on small modules assembled
# by binaryen, trim-glue.py on wasm-bindgen's initSync, and minify-html.py's inline stylesheet
# with the CSP serve.py allows it by.
test-scripts:
	python3 -m unittest discover -s scripts -p 'test_*.py'
	node --test bench/

test-wasm:
	# Only the browser test targets (web_panic runs alone: a stopped graphic stays stopped);
	# the native suites compile to nothing on wasm32.
	wasm-pack test --headless --chrome --firefox -- --test web --test web_panic --features loader

test-page: e2e/node_modules/.package-lock.json
	cd e2e && npm test

# The weight of everything embed.html loads, in English and in Ukrainian (each fetches its
# language's widget module), gzip -9, printed per file and held to the issue's 60 KB (61,440 B),
# with the distance to its 40 KB goal. `make budget` builds first.
test-budget: e2e/node_modules/.package-lock.json
	cd e2e && node budget.js

budget: build e2e/node_modules/.package-lock.json
	cd e2e && node budget.js

# What each function weighs in the English widget module readers load first, and in its split-off
# part: `make build`'s module, split alike, with its function names kept (twiggy lists their
# section too) and not ordered for gzip; the SIZES_TOP largest items of each, by twiggy (pinned;
# scripts/ensure-tools.sh installs it).
SIZES_TOP ?= 40
sizes:
	scripts/ensure-tools.sh sizes
	$(call wasm,target/sizes,--no-default-features --features widget$(,)en$(,)deferred-texts,$(INTERACTION),--named)
	twiggy top -n $(SIZES_TOP) target/sizes/coalition_tracker_bg.wasm
	twiggy top -n $(SIZES_TOP) target/sizes/coalition_tracker_more.wasm

# Fuzzing (cargo-fuzz, nightly): load + validate of any bytes, and aggregation over the valid
# datasets reached from the seed corpus in fuzz/corpus/. New inputs go to target/fuzz-corpus/,
# never into the committed seeds; a crash leaves its input in fuzz/artifacts/. `make test` runs
# each target for FUZZ_SMOKE seconds; `make fuzz` for FUZZ_SECONDS.
FUZZ_TARGETS := load_validate aggregate
FUZZ_SMOKE ?= 60
FUZZ_SECONDS ?= 600

test-fuzz:
	$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=$(FUZZ_SMOKE)

fuzz: tools
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p target/fuzz-corpus/$$t; \
	  (cd fuzz && cargo +$(NIGHTLY) fuzz run $$t ../target/fuzz-corpus/$$t corpus/$$t -- -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=2048 2>&1 \
	    | grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|Done [0-9]+ runs|==[0-9]+== ERROR|SUMMARY|thread .* panicked)' ); \
	done

# Benchmarks (not tests): native criterion runs, then the browser, page, Lighthouse and Chart.js
# measurements of bench/run.js, which prints every figure and writes BENCHMARKS.md, and counts
# the core's instructions with callgrind (valgrind) in examples/instructions.rs.
EDITOR_MAX := 39000
bench: bench-tools build e2e/node_modules/.package-lock.json bench/node_modules/.package-lock.json
	cargo bench --bench core
	cargo build --profile instructions --example instructions
	rm -rf target/bench-site && mkdir -p target/bench-site
	$(call wasm,target/bench-site/benchpkg,--no-default-features --features loader$(,)bench$(,)en$(,)uk)
	cargo run --release --example synthetic -- 100000 > target/bench-site/synthetic-100000.json
	# The most contributions an editor's file can hold under load.rs's 5 MB limit (4.94 MB).
	cargo run --release --example synthetic -- $(EDITOR_MAX) > target/bench-site/synthetic-$(EDITOR_MAX).json
	EDITOR_MAX=$(EDITOR_MAX) node bench/run.js

bench/node_modules/.package-lock.json: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund

tools/node_modules/.package-lock.json: tools/package.json tools/package-lock.json
	cd tools && npm ci --no-audit --no-fund

e2e/node_modules/.package-lock.json: e2e/package.json e2e/package-lock.json
	cd e2e && npm ci --no-audit --no-fund

clean:
	rm -rf dist target
