# git-sync-work-items — see README.md.
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
SWIFT ?= swift
APT_PACKAGES = libgit2-dev zlib1g-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config

.PHONY: all build deps demo test contract bench bench-status soak install uninstall clean hook-script

all: build

# Release builds carry the Swift runtime and Foundation inside the binary: an installed tool then needs no Swift
# toolchain beside it, and every run starts 8-11 ms sooner (no dozen Swift libraries to load and link).
RELEASE_BUILD = $(SWIFT) build -c release --static-swift-stdlib

# Debian's C libraries the build links against (libgit2, zlib, cmark-gfm). Installs them when missing (needs root).
deps:
	@if pkg-config --exists libgit2 zlib libcmark-gfm 2>/dev/null && [ -e /usr/include/cmark-gfm-core-extensions.h ]; then :; else \
		echo "installing $(APT_PACKAGES)"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PACKAGES); \
	fi

build: deps
	$(SWIFT) build

# The main job: builds, starts the bundled tracker simulator, makes a scratch repository with work items and
# shows a preview, a real sync and the commit it made. No account needed.
TRACKER ?= github
demo: build
	TRACKER=$(TRACKER) ./scripts/demo.sh

# Everything that needs only the repository (the fixtures are vendored in Tests/Fixtures).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The simulators' and clients' HTTP exchanges checked against the vendors' own API descriptions by checkers this
# project did not write. Needs the shared folder (api/ and tools/; SHARED, default ../shared), python3 and the
# Python packages jsonschema and graphql-core.
SHARED ?= ../shared
contract: deps
	@if [ ! -d "$(SHARED)/api" ] || [ ! -d "$(SHARED)/tools" ]; then \
		echo "make contract: $(SHARED) has no api/ and tools/: set SHARED to the shared folder with the vendor descriptions and checkers" >&2; \
		exit 1; \
	fi
	GIT_SYNC_WORK_ITEMS_CONTRACT=1 $(SWIFT) build --build-tests
	GIT_SYNC_WORK_ITEMS_CONTRACT=1 SHARED="$(abspath $(SHARED))" $(SWIFT) test --skip-build --filter ContractTests

bench: deps
	$(RELEASE_BUILD) --product git-sync-work-items
	$(RELEASE_BUILD) --product tracker-simulator
	./scripts/bench.sh

# `git sync-work-items status` beside `git status` on 10,000 real-size work items, never synced and synced.
bench-status: deps
	$(RELEASE_BUILD) --product git-sync-work-items
	./scripts/bench-status.sh

# The kill harness's full set: the scenario killed after every durable step and every request count, and every
# simulator fault on the reads and on each write, for every tracker (SOAK_TRACKERS=github,jira narrows it). Prints
# the counts per tracker. `make test` runs a spread of it.
soak: deps
	$(SWIFT) build --build-tests
	GIT_SYNC_WORK_ITEMS_SOAK=1 SOAK_TRACKERS="$(SOAK_TRACKERS)" $(SWIFT) test --skip-build --filter soakEveryStepAndEveryFault

MANDIR = $(PREFIX)/share/man/man1
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR = $(PREFIX)/share/fish/vendor_completions.d

install: deps
	$(RELEASE_BUILD) --product git-sync-work-items
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 0755 "$$($(SWIFT) build -c release --show-bin-path)/git-sync-work-items" $(DESTDIR)$(BINDIR)/git-sync-work-items
	install -m 0644 doc/git-sync-work-items.1 $(DESTDIR)$(MANDIR)/git-sync-work-items.1
	install -m 0644 contrib/completions/git-sync-work-items.bash $(DESTDIR)$(BASHCOMPDIR)/git-sync-work-items
	install -m 0644 contrib/completions/_git-sync-work-items $(DESTDIR)$(ZSHCOMPDIR)/_git-sync-work-items
	install -m 0644 contrib/completions/git-sync-work-items.fish $(DESTDIR)$(FISHCOMPDIR)/git-sync-work-items.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/git-sync-work-items $(DESTDIR)$(MANDIR)/git-sync-work-items.1 \
		$(DESTDIR)$(BASHCOMPDIR)/git-sync-work-items $(DESTDIR)$(ZSHCOMPDIR)/_git-sync-work-items \
		$(DESTDIR)$(FISHCOMPDIR)/git-sync-work-items.fish

clean:
	rm -rf .build

# The executable embeds hooks/pre-push; regenerate after editing it (a test fails while they differ).
hook-script:
	./scripts/embed-hook.py
