// SPDX-License-Identifier: GPL-2.0
/*
 * condis_bench.ko: runs the benchmark named by run= when loaded, prints its
 * figures to the kernel log, and stays loaded until removed.
 *
 *   insmod condis_bench.ko run=sap_table sap_counts=1,1000,100000,1000000
 *   insmod condis_bench.ko run=datapath packets=2000000
 */
#include <linux/module.h>
#include <linux/string.h>

#include "bench.h"

static char *run = "sap_table";
module_param(run, charp, 0444);
MODULE_PARM_DESC(run, "benchmark to run at load: sap_table or datapath");

static unsigned int sap_counts[8] = { 1, 1000, 100000, 1000000 };
static unsigned int nr_sap_counts = 4;
module_param_array(sap_counts, uint, &nr_sap_counts, 0444);
MODULE_PARM_DESC(sap_counts, "numbers of registered SAPs to measure at");

static unsigned int packets = 2000000;
module_param(packets, uint, 0444);
MODULE_PARM_DESC(packets, "datapath: packets each variant sends");

static bool keep;
module_param(keep, bool, 0444);
MODULE_PARM_DESC(keep, "datapath: leave its calls live until the module is removed");

static int __init condis_bench_init(void)
{
	if (!strcmp(run, "sap_table"))
		return sap_table_bench(sap_counts, nr_sap_counts);
	if (!strcmp(run, "datapath"))
		return datapath_bench(packets, keep);
	pr_err("condis-bench: unknown benchmark '%s'\n", run);
	return -EINVAL;
}

static void __exit condis_bench_exit(void)
{
	datapath_bench_release();
}

module_init(condis_bench_init);
module_exit(condis_bench_exit);

MODULE_IMPORT_NS(CONDIS_INTERNAL);
MODULE_IMPORT_NS(CONDIS);
MODULE_DESCRIPTION("condis benchmarks");
MODULE_LICENSE("GPL");
