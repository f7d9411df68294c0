// SPDX-License-Identifier: GPL-2.0
/*
 * ndis.ko: the NDIS compat library.  It holds no state of its own: every
 * function it exports converts and calls condis, so loading and unloading
 * it only make those functions available.
 */
#include <linux/module.h>

MODULE_DESCRIPTION("NDIS compat library for CoNDIS drivers ported to condis");
MODULE_LICENSE("GPL");
