# openclaw-security: build, install and package the release binary.
#
#   make install PREFIX=/usr/local    # bin, man page, bash/zsh/fish completions
#   make uninstall PREFIX=/usr/local
#   make dist                         # .build/dist/openclaw-security-VERSION-OS-ARCH.tar.gz + .sha256
#
# The Swift runtime and Foundation are linked statically (--static-swift-stdlib) and the
# binary is stripped, so the installed file runs on a machine without the Swift toolchain
# and starts without loading the runtime's shared libraries.

PREFIX ?= /usr/local
DESTDIR ?=
SWIFT ?= swift
NAME := openclaw-security
RELEASE_FLAGS := -c release --static-swift-stdlib
STAGE := .build/stage
DIST := .build/dist

BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d

# The files `make install` puts under PREFIX, relative to it (uninstall removes these).
INSTALLED := bin/$(NAME) share/man/man1/$(NAME).1 share/bash-completion/completions/$(NAME) \
	share/zsh/site-functions/_$(NAME) share/fish/vendor_completions.d/$(NAME).fish

.PHONY: all build stage install uninstall dist

all: build

build:
	$(SWIFT) build $(RELEASE_FLAGS) --product $(NAME)

# The install tree, laid out under $(STAGE) exactly as under PREFIX.
stage: build
	rm -rf $(STAGE)
	mkdir -p $(STAGE)/bin $(STAGE)/share/man/man1 $(STAGE)/share/bash-completion/completions \
		$(STAGE)/share/zsh/site-functions $(STAGE)/share/fish/vendor_completions.d
	cp "$$($(SWIFT) build $(RELEASE_FLAGS) --show-bin-path)/$(NAME)" $(STAGE)/bin/$(NAME)
	strip $(STAGE)/bin/$(NAME)
	chmod 755 $(STAGE)/bin/$(NAME)
	$(STAGE)/bin/$(NAME) --generate-completion-script bash > $(STAGE)/share/bash-completion/completions/$(NAME)
	$(STAGE)/bin/$(NAME) --generate-completion-script zsh > $(STAGE)/share/zsh/site-functions/_$(NAME)
	$(STAGE)/bin/$(NAME) --generate-completion-script fish > $(STAGE)/share/fish/vendor_completions.d/$(NAME).fish
	scripts/generate-man-page.sh $(STAGE)/bin/$(NAME) $(STAGE)/share/man/man1/$(NAME).1

install: stage
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 $(STAGE)/bin/$(NAME) $(BINDIR)/$(NAME)
	install -m 644 $(STAGE)/share/man/man1/$(NAME).1 $(MANDIR)/$(NAME).1
	install -m 644 $(STAGE)/share/bash-completion/completions/$(NAME) $(BASHDIR)/$(NAME)
	install -m 644 $(STAGE)/share/zsh/site-functions/_$(NAME) $(ZSHDIR)/_$(NAME)
	install -m 644 $(STAGE)/share/fish/vendor_completions.d/$(NAME).fish $(FISHDIR)/$(NAME).fish

uninstall:
	for file in $(INSTALLED); do rm -f "$(DESTDIR)$(PREFIX)/$$file"; done

dist: stage
	mkdir -p $(DIST)
	set -e; version=$$($(STAGE)/bin/$(NAME) --version); \
	archive=$(NAME)-$$version-$$(uname -s | tr A-Z a-z)-$$(uname -m); \
	rm -rf $(DIST)/$$archive; mkdir -p $(DIST)/$$archive; cp -R $(STAGE)/. $(DIST)/$$archive/; \
	cp README.md $(DIST)/$$archive/; \
	tar -C $(DIST) --owner=0 --group=0 --numeric-owner --sort=name -czf $(DIST)/$$archive.tar.gz $$archive; \
	rm -rf $(DIST)/$$archive; \
	(cd $(DIST) && sha256sum $$archive.tar.gz > $$archive.tar.gz.sha256); \
	echo "$(DIST)/$$archive.tar.gz"; cat $(DIST)/$$archive.tar.gz.sha256
