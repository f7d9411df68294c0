/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal declarations shared by the files of condis.ko.  Nothing here is
 * part of the driver-facing API, which lives in include/net/condis.h.
 */
#ifndef _CONDIS_CORE_H
#define _CONDIS_CORE_H

#include <linux/workqueue.h>

struct dentry;

/* Bumped with every change to the driver-facing API or the debugfs layout. */
#define CONDIS_VERSION "0.1"

/*
 * Symbol namespaces: the driver API is exported with
 * EXPORT_SYMBOL_NS_GPL(sym, CONDIS); internals that only condis's own test
 * and benchmark modules use, with EXPORT_SYMBOL_NS_GPL(sym, CONDIS_INTERNAL).
 * The bare-identifier form works on 6.1 and 6.12 (6.13 wants a string).
 */

int condis_wq_init(void);
void condis_wq_uninit(void);
struct workqueue_struct *condis_wq_get(void);

int condis_debugfs_init(void);
void condis_debugfs_uninit(void);

#if IS_ENABLED(CONFIG_KUNIT)
struct seq_file;
struct dentry *condis_debugfs_root(void);
int condis_objects_show(struct seq_file *m, void *v);
#endif

#endif /* _CONDIS_CORE_H */
