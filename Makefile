# git-sync-work-items — see README.md.
PREFIX ?= /usr/local
BINDIR = $(PREFIX)/bin
SWIFT ?= swift
APT_PACKAGES = libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config

.PHONY: all build deps demo test bench install uninstall clean

all: build

# Debian's C libraries the build links against (libgit2, cmark-gfm). Installs them when missing (needs root).
deps:
	@if pkg-config --exists libgit2 libcmark-gfm 2>/dev/null && [ -e /usr/include/cmark-gfm-core-extensions.h ]; then :; else \
		echo "installing $(APT_PACKAGES)"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PACKAGES); \
	fi

build: deps
	$(SWIFT) build

# The main job: builds, starts the bundled tracker simulator, makes a scratch repository with work items and
# shows a preview, a real sync and the commit it made. No account needed.
demo: build
	./scripts/demo.sh

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps
	$(SWIFT) build -c release --product git-sync-work-items
	$(SWIFT) build -c release --product tracker-simulator
	./scripts/bench.sh

install: deps
	$(SWIFT) build -c release --product git-sync-work-items
	install -d $(DESTDIR)$(BINDIR)
	install -m 0755 "$$($(SWIFT) build -c release --show-bin-path)/git-sync-work-items" $(DESTDIR)$(BINDIR)/git-sync-work-items

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/git-sync-work-items

clean:
	rm -rf .build
