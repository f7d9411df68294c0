// SPDX-License-Identifier: GPL-2.0
/*
 * The core's own workqueue.  Pended operations and deregistration run here,
 * never on the system workqueues, so that unloading condis can wait for
 * exactly the work condis queued and nothing else.
 */
#include <linux/workqueue.h>
#include <kunit/visibility.h>

#include "core.h"

static struct workqueue_struct *condis_wq;

int condis_wq_init(void)
{
	/*
	 * Unbound: completions run in process context on any CPU.
	 * WQ_MEM_RECLAIM: teardown must make progress under memory pressure,
	 * because a pended completion that never runs would leak its caller.
	 */
	condis_wq = alloc_workqueue("condis", WQ_UNBOUND | WQ_MEM_RECLAIM, 0);
	if (!condis_wq)
		return -ENOMEM;
	return 0;
}

void condis_wq_uninit(void)
{
	/* destroy_workqueue() drains: every queued completion still runs once. */
	destroy_workqueue(condis_wq);
	condis_wq = NULL;
}

/* The core's workqueue, for condis's own files (and its KUnit suites). */
struct workqueue_struct *condis_wq_get(void)
{
	return condis_wq;
}
EXPORT_SYMBOL_IF_KUNIT(condis_wq_get);
