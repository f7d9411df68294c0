// SPDX-License-Identifier: GPL-2.0
/*
 * ndis.ko: the NDIS compat library.  Its one state is the wrapper contexts
 * condis holds for NDIS drivers (tramp.c): condis releases them as it
 * frees its objects, possibly after the drivers unloaded, so the module
 * waits for the last one before it goes.
 */
#include <linux/module.h>

#include "internal.h"

static void __exit ndis_exit(void)
{
	ndis_ctx_wait_all();
}
module_exit(ndis_exit);

MODULE_DESCRIPTION("NDIS compat library for CoNDIS drivers ported to condis");
MODULE_LICENSE("GPL");
