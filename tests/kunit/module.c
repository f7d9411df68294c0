// SPDX-License-Identifier: GPL-2.0
/*
 * condis_kunit.ko: the module that carries every condis KUnit suite.
 * The suites register themselves with kunit_test_suite() in their own files.
 */
#include <linux/module.h>

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
MODULE_IMPORT_NS(CONDIS);
MODULE_IMPORT_NS(CONDIS_INTERNAL);
MODULE_DESCRIPTION("KUnit suites for condis");
MODULE_LICENSE("GPL");
