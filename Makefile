# SPDX-License-Identifier: ISC
# rooster: one Makefile. Each layer is a static archive so that an upward
# call fails at link time; `make check-layers` also greps the includes.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
DESTDIR ?=

BUILD   ?= build
# `make V=1` shows the commands; by default one short line per file.
ifeq ($(V),1)
Q =
say = @true
else
Q = @
say = @printf '  %-6s %s\n'
endif
CC      ?= cc
PKGS     = ncursesw sqlite3 jansson inih
# Compiled against, not linked: src/ics/ics_mime.c loads GMime with dlopen()
# when mail is read, src/ics/ics_lib.c libical and ICU when iCalendar is
# first read or written, so no other command pays for linking them.
PKGS_LOADED = gmime-3.0 libical icu-i18n
VERSION  = 0.1.0

WARN = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
       -Wmissing-prototypes -Wwrite-strings
ifdef CI
WARN += -Werror
endif

CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=600 -D_DEFAULT_SOURCE $(WARN) \
	-Iinclude -DROOSTER_VERSION='"$(VERSION)"' \
	-DLOCALEDIR='"$(LOCALEDIR)"' $(CFLAGS) \
	$(shell pkg-config --cflags $(PKGS) $(PKGS_LOADED) 2>/dev/null) -MMD -MP
LDLIBS_ALL = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lm

ifdef SANITIZE
ALL_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
endif

# Fuzz targets (tests/fuzz): clang's libFuzzer with ASan and UBSan, the
# same warnings as errors under CI as the gcc build.
ifdef FUZZ
ALL_CFLAGS += -fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize-recover=undefined -fno-omit-frame-pointer
endif

LAYERS = util model plan store ics ops cli tui
define layer_objs
$(patsubst src/%.c,$(BUILD)/%.o,$(wildcard src/$(1)/*.c))
endef
$(foreach L,$(LAYERS),$(eval OBJS_$(L) := $(call layer_objs,$(L))))
ARCHIVES = $(foreach L,$(LAYERS),$(BUILD)/lib$(L).a)

# Link order: highest layer first.
LINK_ORDER = cli tui ops ics store plan model util
BIN = $(BUILD)/rooster

# Message catalogues: src/po/<lang>.po -> $(BUILD)/locale/<lang>/LC_MESSAGES/
LINGUAS = nl
MOS = $(foreach L,$(LINGUAS),$(BUILD)/locale/$(L)/LC_MESSAGES/rooster.mo)

.PHONY: pot all deps test-deps demo check test check-layers check-headers \
	install clean bench fuzz fuzz-build fuzz-bins
all: $(BIN) $(MOS)

$(BUILD)/locale/%/LC_MESSAGES/rooster.mo: src/po/%.po
	@mkdir -p $(dir $@)
	$(say) MSGFMT $@
	$(Q)msgfmt --check -o $@ $<

# `make pot` extracts the strings again and merges them into each .po.
pot:
	xgettext --keyword=_ --keyword=N_ --keyword=ngettext:1,2 --from-code=UTF-8 \
		--add-comments=TRANSLATORS: --package-name=rooster \
		--package-version=$(VERSION) --sort-by-file \
		-o src/po/rooster.pot src/main.c src/*/*.c
	for l in $(LINGUAS); do \
		msgmerge -q -U --backup=none src/po/$$l.po src/po/rooster.pot; \
	done

$(BUILD)/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(say) CC $@
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/lib%.a:
	@mkdir -p $(dir $@)
	$(say) AR $@
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

$(foreach L,$(LAYERS),$(eval $(BUILD)/lib$(L).a: $(OBJS_$(L))))

$(BUILD)/main.o: src/main.c
	@mkdir -p $(dir $@)
	$(say) CC $@
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BIN): $(BUILD)/main.o $(ARCHIVES)
	$(say) LD $@
	$(Q)$(CC) $(LDFLAGS) -o $@ $(BUILD)/main.o \
		$(foreach L,$(LINK_ORDER),$(BUILD)/lib$(L).a) $(LDLIBS_ALL)

# ---- unit tests: each links only the layers its layer may use ----------
UNIT_util  = util
UNIT_model = model util
UNIT_plan  = plan model util
UNIT_store = store model util
UNIT_ics   = ics model util
UNIT_ops   = ops ics store plan model util
UNIT_cli   = cli tui ops ics store plan model util
UNIT_tui   = tui ops ics store plan model util
UNIT_SRCS  = $(wildcard tests/unit/*/test_*.c)
UNIT_BINS  = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRCS))

# The layer of a test is the first directory under tests/unit.
unit_layer = $(firstword $(subst /, ,$(1)))
unit_libs = $(foreach L,$(UNIT_$(call unit_layer,$(1))),$(BUILD)/lib$(L).a)
.SECONDEXPANSION:
$(BUILD)/tests/%: tests/unit/%.c $$(call unit_libs,$$*)
	@mkdir -p $(dir $@)
	$(say) TEST $@
	$(Q)$(CC) $(ALL_CFLAGS) -Itests -o $@ $< $(call unit_libs,$*) \
		$(LDFLAGS) $(LDLIBS_ALL) $(shell pkg-config --libs cmocka)

# ---- fuzzing: `make fuzz FUZZ_SECONDS=N` runs each target N seconds -----
FUZZ_BUILD   = build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_BINS    = $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,\
	$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_LIBS    = $(foreach L,$(LINK_ORDER),$(BUILD)/lib$(L).a)

$(BUILD)/fuzz/%: tests/fuzz/%.c $(FUZZ_LIBS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIBS) \
		$(LDLIBS_ALL)

fuzz-bins: $(FUZZ_BINS)

fuzz-build:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=clang FUZZ=1 \
		fuzz-bins

fuzz: test-deps fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) ROOSTER_TOP=$(CURDIR) \
		sh tests/fuzz/test_fuzz.sh

deps:
	@sh src/deps.sh

test-deps:
	@sh src/deps.sh --test

demo: deps
	@$(MAKE) --no-print-directory all
	@sh tests/demo.sh $(BIN)

# `make check`: set-up, build, every test, then the whole suite again under
# AddressSanitizer and UndefinedBehaviorSanitizer. One closing line.
check: test-deps
	@$(MAKE) --no-print-directory all units check-layers-quiet check-headers-quiet
	@$(MAKE) --no-print-directory BUILD=build-san SANITIZE=1 all units
	@if command -v clang > /dev/null 2>&1; then \
		$(MAKE) --no-print-directory fuzz-build; fi
	@sh tests/run.sh $(BUILD) build-san

units: $(UNIT_BINS)

test: check

check-layers:
	@sh tests/check-layers.sh && echo "layers: ok"
check-layers-quiet:
	@sh tests/check-layers.sh
check-headers:
	@sh tests/check-headers.sh "$(CC) $(ALL_CFLAGS)" && echo "headers: ok"
check-headers-quiet:
	@sh tests/check-headers.sh "$(CC) $(ALL_CFLAGS)"

# `make bench`: data sets cached in build/bench/, one table, and the
# generated part of docs/PERFORMANCE.md. BENCH_SCALE=tiny: a smoke run.
bench:
	@sh src/deps.sh --bench
	@$(MAKE) --no-print-directory all
	@BENCH_SCALE=$(BENCH_SCALE) BENCH_RUNS=$(BENCH_RUNS) \
		sh tests/bench/bench.sh $(BIN)

install: $(BIN) $(MOS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/nl/man1
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/rooster
	install -m 644 docs/rooster.1 $(DESTDIR)$(MANDIR)/man1/rooster.1
	install -m 644 docs/rooster.nl.1 $(DESTDIR)$(MANDIR)/nl/man1/rooster.1
	for l in $(LINGUAS); do \
		install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		install -m 644 $(BUILD)/locale/$$l/LC_MESSAGES/rooster.mo \
			$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/rooster.mo; \
	done

clean:
	rm -rf build build-san build-fuzz

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
