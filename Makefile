# Builds and installs feedspool: the binary (release, with the Swift runtime
# and Foundation linked in), the systemd units and sysusers entry, the example
# /etc/feedspool/feeds.conf (only when there is none), the man pages and the
# shell completions. `make && sudo make install`; PREFIX and DESTDIR as usual:
#   make install PREFIX=/usr DESTDIR=/tmp/package
# `make uninstall` removes what `make install` put there, except the
# configuration and the spool (yours).

PREFIX ?= /usr/local
SYSCONFDIR ?= /etc
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
SYSTEMUNITDIR = $(PREFIX)/lib/systemd/system
USERUNITDIR = $(PREFIX)/lib/systemd/user
SYSUSERSDIR = $(PREFIX)/lib/sysusers.d
BASHCOMPLETIONDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPLETIONDIR = $(PREFIX)/share/zsh/site-functions
FISHCOMPLETIONDIR = $(PREFIX)/share/fish/vendor_completions.d

SWIFT ?= swift
# Only Debian's own libraries stay shared (libxml2, libsqlite3, libhiredis, libc, and
# libcurl, loaded at the first transfer): the binary runs without the Swift
# toolchain. Its own symbols are not exported: nothing loads it as a library,
# and 2,000 exported symbols cost every start a tenth of its time in the
# dynamic loader (Benchmarks/startup).
SWIFTFLAGS = -c release --static-swift-stdlib -Xlinker --no-export-dynamic
RELEASE = .build/release
GENERATED = .build/install
# The man page's date: the last commit's, so a rebuild gives the same page.
MANDATE = $(shell git log -1 --format=%cs 2>/dev/null || date -u +%F)

INSTALLED = \
	$(BINDIR)/feedspool \
	$(SYSTEMUNITDIR)/feedspool.service \
	$(USERUNITDIR)/feedspool.service \
	$(SYSUSERSDIR)/feedspool.conf \
	$(MANDIR)/man1/feedspool.1 \
	$(MANDIR)/man5/feeds.conf.5 \
	$(BASHCOMPLETIONDIR)/feedspool \
	$(ZSHCOMPLETIONDIR)/_feedspool \
	$(FISHCOMPLETIONDIR)/feedspool.fish

.PHONY: all install uninstall clean

# SwiftPM decides what to rebuild; make always asks it. Then feedspool(1),
# from the command line's own definitions (swift-argument-parser's
# generate-manual reads `feedspool --experimental-dump-help`), and the
# completions, which the binary writes.
all:
	$(SWIFT) build $(SWIFTFLAGS) --product feedspool
	$(SWIFT) build $(SWIFTFLAGS) --product generate-manual
	mkdir -p $(GENERATED)
	$(RELEASE)/generate-manual $(RELEASE)/feedspool --date $(MANDATE) --output-directory $(GENERATED)
	for shell in bash zsh fish; do \
		$(RELEASE)/feedspool --generate-completion-script $$shell > $(GENERATED)/feedspool.$$shell || exit 1; \
	done
	touch $(GENERATED)/built

# `sudo make install` after `make` installs what was built, without building
# as root (nor needing swift in root's PATH).
$(GENERATED)/built:
	$(MAKE) --no-print-directory all

# The units name the binary and the configuration where PREFIX and
# SYSCONFDIR put them.
define install_unit
	install -d $(DESTDIR)$(dir $(2))
	sed -e 's|/usr/local/bin/feedspool|$(BINDIR)/feedspool|g' \
	    -e 's|/etc/feedspool/|$(SYSCONFDIR)/feedspool/|g' $(1) > $(DESTDIR)$(2)
	chmod 644 $(DESTDIR)$(2)
endef

install: $(GENERATED)/built
	install -D -m 755 $(RELEASE)/feedspool $(DESTDIR)$(BINDIR)/feedspool
	$(call install_unit,systemd/feedspool.service,$(SYSTEMUNITDIR)/feedspool.service)
	$(call install_unit,systemd/feedspool-user.service,$(USERUNITDIR)/feedspool.service)
	install -D -m 644 systemd/feedspool.sysusers $(DESTDIR)$(SYSUSERSDIR)/feedspool.conf
	install -D -m 644 $(GENERATED)/feedspool.1 $(DESTDIR)$(MANDIR)/man1/feedspool.1
	install -D -m 644 man/feeds.conf.5 $(DESTDIR)$(MANDIR)/man5/feeds.conf.5
	install -D -m 644 $(GENERATED)/feedspool.bash $(DESTDIR)$(BASHCOMPLETIONDIR)/feedspool
	install -D -m 644 $(GENERATED)/feedspool.zsh $(DESTDIR)$(ZSHCOMPLETIONDIR)/_feedspool
	install -D -m 644 $(GENERATED)/feedspool.fish $(DESTDIR)$(FISHCOMPLETIONDIR)/feedspool.fish
	# The example configuration, never over one already there.
	install -d -m 755 $(DESTDIR)$(SYSCONFDIR)/feedspool
	[ -e $(DESTDIR)$(SYSCONFDIR)/feedspool/feeds.conf ] || \
		install -m 644 systemd/feeds.conf $(DESTDIR)$(SYSCONFDIR)/feedspool/feeds.conf
	@[ -n "$(DESTDIR)" ] || echo "next: systemd-sysusers && systemctl daemon-reload && systemctl enable --now feedspool"

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))
	@echo "kept: $(SYSCONFDIR)/feedspool/feeds.conf and /var/lib/feedspool (the spool and state)"

clean:
	rm -rf $(GENERATED)
