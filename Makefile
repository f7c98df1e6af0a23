# Thin wrappers so that a fresh clone needs two commands: `make run` and
# `make test`. Both install the system packages first (packaging/install-deps),
# then configure and build with a CMake preset.
#
#   make run [ARGS="~/digests"]   build (release) and start the window
#   make test                     build, then run every test with ctest
#   make bench [ARGS="--papers 100000"]   build, then run the benchmark
#   make package                  build a .deb with CPack
#   make fuzz [ARGS="--time 300 query"]   build the fuzz preset, run the fuzzers
#   make format                   clang-format every source file
#   PRESET=dev|release|ci|asan    choose the CMake preset (default: release)
#   BUILD_DIR=...                 build elsewhere (default: build/$(PRESET))

PRESET ?= release
BUILD_DIR ?= build/$(PRESET)
ARGS ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# ccache (installed by install-deps) keeps compiled objects across clean
# clones: paths are taken relative to the clone, so CI's fresh checkout of an
# unchanged file is a cache hit.
LAUNCHER = $(if $(shell command -v ccache 2>/dev/null),-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1

.PHONY: all deps configure build run cli test bench fuzz package format clean

all: build

deps:
	@packaging/install-deps

configure: deps
	@mkdir -p $(BUILD_DIR)
	@cmake --preset $(PRESET) -B $(BUILD_DIR) $(LAUNCHER) >$(BUILD_DIR)/configure.log 2>&1 || \
		{ cat $(BUILD_DIR)/configure.log; exit 1; }
	@sed -n 's/^-- \(Gleaner .*\)/\1/p' $(BUILD_DIR)/configure.log

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	@$(BUILD_DIR)/app/gleaner $(ARGS)

cli: build
	@$(BUILD_DIR)/app/gleaner-cli $(ARGS)

test: build
	@cd $(BUILD_DIR) && ctest --output-on-failure --no-tests=error -j $(JOBS)

bench: build
	@$(BUILD_DIR)/tests/bench/gleaner-bench $(ARGS)

# Its own preset (clang, libFuzzer) in build/fuzz, whatever PRESET says.
fuzz:
	@packaging/ci/fuzz $(ARGS)

package: build
	@cd $(BUILD_DIR) && cpack -G DEB

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	@rm -rf build
