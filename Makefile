# SPDX-License-Identifier: GPL-2.0
#
# condis: out-of-tree build and the project's two commands.
#
#   make                 build every module against KDIR
#   make run             the demo, in Debian's stock kernel under qemu
#   make check           every check (see README.md); ends "N passed, N failed"
#   make docs            Documentation/ as HTML in build/docs (the API page from kernel-doc)
#   make bench [BENCH=name]   a benchmark in the stock VM (default: sap_table)
#   make kunit [SUITE=glob]   only the KUnit suites, in the debug VM
#   make itest [TEST=name]    only the integration tests, in the debug VM
#   make stock [TEST=name]    only the stock kernel's VM job (smoke, conic, ndis, nl)
#   make install         modules_install into /lib/modules/<release>/updates
#   make tool            the condis tool (tools/condis; needs libmnl-dev)
#   make install-tool    install it and its man page [DESTDIR=] [PREFIX=/usr/local]
#
# KDIR defaults to the newest installed Debian 6.12 headers, found at run
# time, or to the running kernel's build directory when there are none.

KDIR ?= $(shell tools/vm/kernel kdir 2>/dev/null || echo /lib/modules/$$(uname -r)/build)

MAKEFLAGS += --no-print-directory

.PHONY: all modules clean install check docs run bench kunit itest stock deps help tool install-tool

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean
	$(MAKE) -C tools/condis clean
	rm -rf build

install: modules
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules_install

deps:
	tools/setup/deps

tool:
	$(MAKE) -C tools/condis

install-tool:
	$(MAKE) -C tools/condis install

check:
	tools/check/check

docs:
	tools/check/docs

run:
	tools/demo/run

bench:
	tools/bench/run $(or $(BENCH),sap_table)

kunit:
	tools/check/check --only kunit $(if $(SUITE),--suite '$(SUITE)')

itest:
	tools/check/check --only itest $(if $(TEST),--test '$(TEST)')

stock:
	tools/check/check --only stock $(if $(TEST),--test '$(TEST)')

help:
	@sed -n '3,19p' Makefile | sed 's/^# \{0,1\}//'
