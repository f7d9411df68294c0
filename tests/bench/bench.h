/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _CONDIS_BENCH_H
#define _CONDIS_BENCH_H

#include <linux/types.h>

/*
 * Every benchmark prints its figures as lines starting with "condis-bench:"
 * so the runner can pick them out of the kernel log.
 */
#define bench_print(fmt, ...) pr_info("condis-bench: " fmt "\n", ##__VA_ARGS__)

int sap_table_bench(const unsigned int *counts, unsigned int ncounts);
int datapath_bench(unsigned int packets, bool keep);
void datapath_bench_release(void);

#endif /* _CONDIS_BENCH_H */
