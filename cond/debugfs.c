// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/condis: the introspection directory of the core.
 *
 * debugfs failures are not fatal (debugfs may be disabled or not mounted);
 * the directory is an aid, and the netlink family is the stable interface.
 */
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/utsname.h>
#include <kunit/visibility.h>

#include "core.h"

static struct dentry *condis_debugfs_dir;

static int condis_version_show(struct seq_file *m, void *v)
{
	seq_printf(m, "condis %s on %s\n", CONDIS_VERSION, init_utsname()->release);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(condis_version);

int condis_debugfs_init(void)
{
	condis_debugfs_dir = debugfs_create_dir("condis", NULL);
	debugfs_create_file("version", 0444, condis_debugfs_dir, NULL,
			    &condis_version_fops);
	return 0;
}

void condis_debugfs_uninit(void)
{
	debugfs_remove_recursive(condis_debugfs_dir);
	condis_debugfs_dir = NULL;
}

#if IS_ENABLED(CONFIG_KUNIT)
/* For the condis_core KUnit suite only. */
struct dentry *condis_debugfs_root(void)
{
	return condis_debugfs_dir;
}
EXPORT_SYMBOL_IF_KUNIT(condis_debugfs_root);
#endif
