# zhstats: one Makefile, no recursion. `make V=1` prints whole commands.
#
#   make run    install what is missing, build, write out/ from corpus/
#   make test   install what is missing, build, run every test, then
#               check-sanitize and check-valgrind (CI runs only this)
#   make deps   apt-get install the Debian packages (only those missing)
#   make check-sanitize   the test suite under ASan and UBSan
#   make check-valgrind   the end-to-end tests under valgrind
#   make fuzz   each libFuzzer harness for FUZZ_SECONDS (needs clang)
#   make bench  speed and memory against cat, grep -P and a peer (not a test)
#   make clean

CC ?= cc
BUILD ?= build
PKGS := glib-2.0 libpcre2-8

# Warning flags, one block (Lua's habit): strict C11, no silent surprises.
WARN := -Wall -Wextra -Werror \
        -Wshadow -Wpointer-arith -Wstrict-prototypes -Wmissing-prototypes \
        -Wformat=2 -Wundef -Wno-unused-parameter

CFLAGS ?= -O2 -g
CPPFLAGS += -std=c11 -D_GNU_SOURCE -Istages -Ipipeline \
            -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 \
            -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
            -DZS_DEFAULT_RULES=\"$(abspath rules)\"
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lpthread

ifeq ($(SAN),1)
  BUILD := build-san
  CFLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=undefined
  LDFLAGS += -fsanitize=address,undefined
endif

# FUZZ=1: clang, libFuzzer's coverage hooks and ASan+UBSan, into build-fuzz/.
ifeq ($(FUZZ),1)
  BUILD := build-fuzz
  CC := clang
  CFLAGS := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
            -fno-sanitize-recover=undefined
  LDFLAGS += -fsanitize=fuzzer,address,undefined
  # Small enough that inputs of a few KB reach the long-line code.
  CPPFLAGS += -DPIECE_BYTES=256u -DPIECE_MAX=1024u
endif

ifneq ($(V),1)
  Q := @
  say = @printf '  %-6s %s\n' $(1) $(2);
else
  Q :=
  say :=
endif

LIB_SRC := $(sort $(wildcard stages/*.c) $(filter-out pipeline/main.c,$(wildcard pipeline/*.c)))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
TEST_SRC := $(sort $(wildcard tests/test_*.c))
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
BIN := zhstats
# Fuzz harnesses (tests/fuzz/fuzz_NAME.c). The normal build links each with
# tests/fuzz/replay.c into a test program that replays the seed corpus and
# the saved crashes; FUZZ=1 links it with libFuzzer instead.
FUZZ_NAMES := normalize numbers rules pipeline
FUZZ_BIN := $(FUZZ_NAMES:%=$(BUILD)/tests/fuzz/fuzz_%)
TEST_BIN += $(FUZZ_BIN)
FUZZ_MAIN := $(if $(filter 1,$(FUZZ)),,$(BUILD)/tests/fuzz/replay.o)
FUZZ_SECONDS ?= 60
.SECONDARY: $(FUZZ_BIN:=.o) $(FUZZ_MAIN)

# Debian packages needed to build, test and run.
DEB_PKGS := build-essential pkg-config libglib2.0-dev libpcre2-dev libcsv-dev \
            python3 valgrind parallel
# The interop tests open the dataset with the programs users use.
DEB_PKGS += python3-pandas libreoffice-calc-nogui
# The browser test of --report loads the page in chromium; a CJK font
# makes its screenshot readable.
DEB_PKGS += chromium fonts-wqy-microhei
# Only `make fuzz` needs these; `make test` does not.
FUZZ_DEB_PKGS := clang libclang-rt-14-dev

.PHONY: all deps run test unit-bins check-sanitize check-valgrind clean fuzz fuzz-deps
.PHONY: dataset check-dataset run-args bench
# Keep the test objects: they are intermediate files of a pattern chain.
.SECONDARY:
all: $(BIN)

deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" \
	    || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "deps: installing$$missing"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(call say,CC,$<)$(CC) $(CPPFLAGS) $(PKG_CFLAGS) $(CFLAGS) $(WARN) -MMD -MP -c $< -o $@

$(BUILD)/libzs.a: $(LIB_OBJ)
	$(call say,AR,$@)$(AR) rcs $@ $^

ifeq ($(SAN),1)
$(BUILD)/$(BIN): $(BUILD)/pipeline/main.o $(BUILD)/libzs.a
	$(call say,LD,$@)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)
else
$(BIN): $(BUILD)/pipeline/main.o $(BUILD)/libzs.a
	$(call say,LD,$@)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)
endif

$(BUILD)/tests/%: $(BUILD)/tests/%.o $(BUILD)/libzs.a
	$(call say,LD,$@)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

# A static pattern rule: it wins over the rule above for these targets.
$(FUZZ_BIN): $(BUILD)/tests/fuzz/fuzz_%: $(BUILD)/tests/fuzz/fuzz_%.o $(FUZZ_MAIN) $(BUILD)/libzs.a
	$(call say,LD,$@)$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

# The committed dataset: how out/ is made, and what it is made from.
RUN_ARGS := -o out/statistics.csv --articles out/articles.csv \
            --datapackage out/datapackage.json corpus/
DATASET := out/statistics.csv out/articles.csv out/datapackage.json
DATASET_IN := $(shell find corpus -type f ! -name '.*' 2>/dev/null | LC_ALL=C sort) \
              $(sort $(wildcard rules/*.rules))

run: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)mkdir -p out
	./$(BIN) $(RUN_ARGS) --report out/report.html
	@echo "wrote $(DATASET) out/report.html"

# Rebuilt only when an input, a rules file or the binary changed.
dataset: $(DATASET)
$(DATASET) &: $(BIN) $(DATASET_IN)
	$(Q)mkdir -p out
	$(call say,RUN,out/)./$(BIN) $(RUN_ARGS)

# Exit 1, with a summary of the rows that differ, when out/ is stale.
check-dataset: $(BIN)
	$(Q)./$(BIN) --check $(RUN_ARGS)

run-args:
	@echo '$(RUN_ARGS)'

# The sanitizer and valgrind runs first, the plain suite last: its closing
# "N passed, N failed" line is the one that counts every test.
test: deps
	@echo "== the tests under ASan and UBSan, then the end-to-end tests under valgrind"
	$(Q)$(MAKE) --no-print-directory check-sanitize check-valgrind
	@echo "== the whole suite"
	$(Q)$(MAKE) --no-print-directory all unit-bins
	$(Q)tests/run-tests.sh ./$(BIN) $(TEST_BIN)

unit-bins: $(TEST_BIN)

check-sanitize: deps
	$(Q)$(MAKE) --no-print-directory SAN=1 build-san/$(BIN) unit-bins
	$(Q)ASAN_OPTIONS=detect_leaks=1 ZS_TEST_SLOW=1 tests/run-tests.sh build-san/$(BIN) \
	  $(TEST_SRC:tests/%.c=build-san/tests/%) $(FUZZ_NAMES:%=build-san/tests/fuzz/fuzz_%)

# ---- hostile input: valgrind and fuzzing (see CONTRIBUTING.md) ----------
check-valgrind: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)tests/valgrind.sh ./$(BIN)

fuzz-deps:
	$(Q)$(MAKE) --no-print-directory deps DEB_PKGS="$(FUZZ_DEB_PKGS)"

fuzz: fuzz-deps
	$(Q)$(MAKE) --no-print-directory FUZZ=1 $(FUZZ_NAMES:%=build-fuzz/tests/fuzz/fuzz_%)
	$(Q)for n in $(FUZZ_NAMES); do \
	  tests/fuzz/run.sh $$n $(FUZZ_SECONDS) || exit 1; done

# A 500 MB corpus under build/bench (BENCH_MB=... for another size), the
# peer installed there with npm; prints one table (bench/bench.sh).
bench: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)bench/bench.sh ./$(BIN) $(BUILD)/bench

clean:
	rm -rf build build-san build-fuzz $(BIN)

-include $(LIB_OBJ:.o=.d) $(BUILD)/pipeline/main.d $(TEST_BIN:=.d)
