// SPDX-License-Identifier: GPL-2.0
/*
 * cosig.ko: the conic signaling protocol engine, used by the conic NIC in
 * MCM mode and by the stand-alone call manager cocm.
 */
#include <linux/module.h>
#include <linux/workqueue.h>

#include "internal.h"

struct workqueue_struct *cosig_wq;

unsigned int cosig_retry_ms = 200;
module_param_named(retry_ms, cosig_retry_ms, uint, 0644);
MODULE_PARM_DESC(retry_ms, "milliseconds before an unanswered message is sent again");

unsigned int cosig_retries = 8;
module_param_named(retries, cosig_retries, uint, 0644);
MODULE_PARM_DESC(retries, "times a message is sent before the engine gives up");

unsigned int cosig_connect_timeout_ms = 10000;
module_param_named(connect_timeout_ms, cosig_connect_timeout_ms, uint, 0644);
MODULE_PARM_DESC(connect_timeout_ms, "how long a caller waits for CONNECT after CALL PROCEEDING");

unsigned int cosig_linger_ms = 3000;
module_param_named(linger_ms, cosig_linger_ms, uint, 0644);
MODULE_PARM_DESC(linger_ms, "how long a released incoming call absorbs late duplicates");

static int __init cosig_init(void)
{
	cosig_wq = alloc_workqueue("cosig", WQ_UNBOUND | WQ_MEM_RECLAIM, 0);
	return cosig_wq ? 0 : -ENOMEM;
}

static void __exit cosig_exit(void)
{
	destroy_workqueue(cosig_wq);
}

module_init(cosig_init);
module_exit(cosig_exit);
MODULE_DESCRIPTION("conic signaling protocol engine (call manager of a conic link)");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(CONDIS);
