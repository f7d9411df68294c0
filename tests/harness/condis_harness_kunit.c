// SPDX-License-Identifier: GPL-2.0
/*
 * A KUnit suite with one case that fails on purpose.  The harness self-test
 * loads it and expects the KTAP parser to count exactly one failure and one
 * pass; if the failure went unnoticed the self-test itself fails.
 */
#include <kunit/test.h>
#include <linux/module.h>

static void condis_harness_passes(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 2 + 2, 4);
}

static void condis_harness_fails_on_purpose(struct kunit *test)
{
	int got = 2 + 2;

	KUNIT_EXPECT_EQ_MSG(test, got, 5, "harness self-test: this failure is intended");
}

static struct kunit_case condis_harness_cases[] = {
	KUNIT_CASE(condis_harness_passes),
	KUNIT_CASE(condis_harness_fails_on_purpose),
	{}
};

static struct kunit_suite condis_harness_suite = {
	.name = "condis_harness_selftest",
	.test_cases = condis_harness_cases,
};

kunit_test_suite(condis_harness_suite);

MODULE_DESCRIPTION("condis harness self-test: a KUnit case that fails on purpose");
MODULE_LICENSE("GPL");
