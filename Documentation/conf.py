# SPDX-License-Identifier: GPL-2.0
"""Sphinx configuration for condis's documentation (built by make docs).

The kernel-doc directive is the kernel's own Sphinx extension, taken from
Debian's linux-source package by tools/check/docs, which passes its
location and the kernel-doc script through the environment.
"""
import os
import sys

sys.path.insert(0, os.environ["CONDIS_SPHINX_EXT"])

project = "condis"
extensions = ["kerneldoc"]
kerneldoc_bin = os.environ["CONDIS_KERNELDOC"]
kerneldoc_srctree = os.environ["CONDIS_TOP"]
master_doc = "index"
exclude_patterns = ["netlink/specs"]
html_theme = "alabaster"
primary_domain = "c"
highlight_language = "none"
