# The two commands of the README: `make demo` (set up, build, convert the sample) and `make test`.
BUILD ?= build
JOBS ?= $(shell nproc)
SAMPLE := fixtures/text/sample/sample_secretaria_planeacion/input.txt

.PHONY: demo test build setup setup-test clean

setup:
	@scripts/setup-deps.sh

setup-test:
	@scripts/setup-deps.sh --test

build: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS) --target poa 2>&1 | grep -E "(error|warning):" || true
	@test -x $(BUILD)/poa

demo: build
	@mkdir -p out
	$(BUILD)/poa convert $(SAMPLE) -o out --format json,csv
	@ls -l out

test: setup-test
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD) out
