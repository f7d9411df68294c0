// SPDX-License-Identifier: GPL-2.0
/*
 * conic.ko: a connection-oriented NIC for condis (see conic.h).
 */
#include <linux/module.h>

#include "conic.h"

struct workqueue_struct *conic_wq;
DEFINE_MUTEX(conic_ports_lock);	/* the port list, every link change */
LIST_HEAD(conic_ports);
struct dentry *conic_debugfs;
struct condis_miniport *conic_plain_mp;
struct condis_miniport *conic_mcm_mp;

static int __init conic_init(void)
{
	int err;

	conic_wq = alloc_workqueue("conic", WQ_MEM_RECLAIM, 0);
	if (!conic_wq)
		return -ENOMEM;
	conic_debugfs = debugfs_create_dir("conic", NULL);
	err = condis_register_miniport(&conic_plain_desc, NULL, &conic_plain_mp);
	if (err)
		goto err_wq;
	err = condis_register_miniport(&conic_mcm_desc, NULL, &conic_mcm_mp);
	if (err)
		goto err_plain;
	err = conic_eth_init();
	if (err)
		goto err_mcm;
	err = conic_bus_init();
	if (err)
		goto err_eth;
	err = conic_netlink_init();
	if (err)
		goto err_bus;
	return 0;

err_bus:
	conic_bus_exit();
err_eth:
	conic_eth_exit();
err_mcm:
	condis_deregister_miniport(conic_mcm_mp);
err_plain:
	condis_deregister_miniport(conic_plain_mp);
err_wq:
	debugfs_remove_recursive(conic_debugfs);
	destroy_workqueue(conic_wq);
	return err;
}

static void __exit conic_exit(void)
{
	conic_netlink_exit();
	conic_port_del_all();
	conic_bus_exit();
	conic_eth_exit();
	condis_deregister_miniport(conic_mcm_mp);
	condis_deregister_miniport(conic_plain_mp);
	debugfs_remove_recursive(conic_debugfs);
	destroy_workqueue(conic_wq);
}

module_init(conic_init);
module_exit(conic_exit);
MODULE_DESCRIPTION("conic: a connection-oriented NIC for condis (plain CO miniport or MCM)");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(CONDIS);
