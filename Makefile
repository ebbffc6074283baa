# Ecosol: the two commands of the README, and the steps they are made of.
#   make run    install what is missing, build, load the demo ecosystem, serve on :8080
#   make test   install what is missing, build, run every test (C++ on SQLite and PostgreSQL,
#               web unit tests, browser tests in headless Chromium)

BUILD_DIR ?= build/release
DB ?= data/ecosol.db
HOST ?= 127.0.0.1
PORT ?= 8080
ECOSOL := $(BUILD_DIR)/ecosol

.PHONY: run test deps build web demo serve format format-check bench asan fuzz clean

run: deps build web demo serve

test: deps
	scripts/test.sh

deps:
	scripts/bootstrap.sh

build:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_DIR)

web:
	cd web && npm run build

# Loads (or refreshes: re-running changes nothing that is unchanged) the demo ecosystem, with the
# UNDP SDG Innovation Commons as knowledge cases when the shared data has it.
UNDP := $(wildcard ../shared/data/undp-sdg-innovation-commons.jsonl)
demo:
	$(ECOSOL) --db $(DB) demo $(if $(UNDP),--undp $(UNDP))

serve:
	$(ECOSOL) --db $(DB) serve --host $(HOST) --port $(PORT) --web-root web/dist

format:
	git ls-files '*.cc' '*.h' | xargs clang-format -i

format-check:
	git ls-files '*.cc' '*.h' | xargs clang-format --dry-run -Werror

bench: deps build
	scripts/bench.sh

# The C++ tests again under AddressSanitizer and UndefinedBehaviorSanitizer (clang, build/asan).
asan: deps
	ECOSOL_SANITIZE=1 ECOSOL_SKIP_WEB=1 scripts/test.sh

# The libFuzzer targets (fuzz/), built in build/asan with clang, each run for FUZZ_SECONDS
# (default 60).
fuzz: deps
	scripts/fuzz.sh

clean:
	rm -rf build web/dist
