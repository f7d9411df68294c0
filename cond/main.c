// SPDX-License-Identifier: GPL-2.0
/*
 * condis: a CoNDIS-compatible connection-oriented signaling core.
 *
 * This file only brings the subsystems of condis.ko up and down, in
 * reverse order of each other; the subsystems live in their own files.
 */
#include <linux/module.h>

#include "core.h"
#include "netlink.h"
#include "object.h"

static int __init condis_init(void)
{
	int err;

	err = condis_wq_init();
	if (err)
		return err;

	err = condis_obj_init_registry();
	if (err)
		goto err_uninit_wq;

	err = condis_debugfs_init();
	if (err)
		goto err_uninit_registry;

	err = condis_netlink_init();
	if (err)
		goto err_uninit_debugfs;

	pr_info("loaded\n");
	return 0;

err_uninit_debugfs:
	condis_debugfs_uninit();
err_uninit_registry:
	condis_obj_uninit_registry();
err_uninit_wq:
	condis_wq_uninit();
	return err;
}

static void __exit condis_exit(void)
{
	condis_netlink_uninit();
	condis_debugfs_uninit();
	/* Drivers using condis are gone; let their last completions and frees run. */
	flush_workqueue(condis_wq_get());
	rcu_barrier();
	flush_workqueue(condis_wq_get());	/* frees the RCU callbacks queued */
	if (condis_obj_live_count())
		pr_err("%u objects leaked by drivers that did not deregister\n",
		       condis_obj_live_count());
	condis_obj_uninit_registry();
	condis_wq_uninit();
	pr_info("unloaded\n");
}

module_init(condis_init);
module_exit(condis_exit);

MODULE_DESCRIPTION("condis: CoNDIS-compatible connection-oriented signaling core");
MODULE_VERSION(CONDIS_VERSION);
MODULE_LICENSE("GPL");
