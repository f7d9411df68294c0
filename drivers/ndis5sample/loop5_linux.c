// SPDX-License-Identifier: GPL-2.0
/*
 * ndis5loop: the Linux side of the driver: module init and exit (which run
 * DriverEntry and, as NDIS does at unload, halt the adapters and call
 * MiniportUnload), the adapters made at load (what device arrival would
 * do), and /sys/kernel/debug/ndis5loop/:
 *
 *   ctl (write), one command per write(2):
 *     add NAME | remove NAME        bring an adapter up or down
 *     status NAME CODE VALUE        indicate status CODE (hex) with a ULONG
 *     closeaf NAME                  OID_CO_AF_CLOSE to the clients of NAME
 *     rxresources 0|1               indicate receives with NDIS_STATUS_RESOURCES
 *   events (read): what the driver did, one numbered line per event
 *   state (read): adapters, SAPs and VCs
 *
 * The module parameter rxresources is also the driver's "RxResources"
 * configuration keyword (NdisReadConfiguration at MiniportInitialize).
 */
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

#include "../ndissample/evlog.h"
#include "loop5.h"

static unsigned int adapters = 2;
module_param(adapters, uint, 0444);
MODULE_PARM_DESC(adapters, "adapters made at load, ndis5loop0..N-1 (default 2)");

static unsigned int rxresources;
module_param(rxresources, uint, 0644);
MODULE_PARM_DESC(rxresources, "RxResources: indicate receives with NDIS_STATUS_RESOURCES");

#define LOOP5_MAX_ADAPTERS	8

static DRIVER_OBJECT Loop5DriverObject;
static struct evlog loop5_log;
static struct dentry *loop5_dir;
/* Serialises ctl commands and protects loop5_handles. */
static DEFINE_MUTEX(loop5_ctl_mutex);
static NDIS_HANDLE loop5_handles[LOOP5_MAX_ADAPTERS];

void Loop5Log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	evlog_vadd(&loop5_log, fmt, ap);
	va_end(ap);
}

static int loop5_add(const char *name)
{
	PLIST_ENTRY l;
	NDIS_HANDLE h;
	unsigned int i;
	int err;

	for (i = 0; i < LOOP5_MAX_ADAPTERS && loop5_handles[i]; i++)
		;
	if (i == LOOP5_MAX_ADAPTERS || strlen(name) >= NDIS_COMPAT_NAME_MAX)
		return -ENOSPC;
	err = ndis_status_to_errno(NdisLinuxAddAdapter5(Loop5.WrapperHandle, name, &h));
	if (err)
		return err;
	NdisAcquireSpinLock(&Loop5.Lock);
	for (l = Loop5.Adapters.Flink; l != &Loop5.Adapters; l = l->Flink) {
		PLOOP5_ADAPTER a = CONTAINING_RECORD(l, LOOP5_ADAPTER, Link);

		if (a->MiniportAdapterHandle == h)
			strscpy(a->Name, name, sizeof(a->Name));
	}
	NdisReleaseSpinLock(&Loop5.Lock);
	loop5_handles[i] = h;
	Loop5Log("add adapter=%s", name);
	return 0;
}

static int loop5_remove(const char *name)
{
	NDIS_HANDLE h = NULL;
	PLOOP5_ADAPTER a;
	unsigned int i;

	NdisAcquireSpinLock(&Loop5.Lock);
	a = Loop5FindAdapter(name);
	if (a)
		h = a->MiniportAdapterHandle;
	NdisReleaseSpinLock(&Loop5.Lock);
	if (!h)
		return -ENOENT;
	for (i = 0; i < LOOP5_MAX_ADAPTERS; i++)
		if (loop5_handles[i] == h)
			loop5_handles[i] = NULL;
	NdisLinuxRemoveAdapter5(h);
	return 0;
}

static int loop5_ctl_run(int argc, char **argv)
{
	u32 code, value;

	if (argc == 2 && !strcmp(argv[0], "add"))
		return loop5_add(argv[1]);
	if (argc == 2 && !strcmp(argv[0], "remove"))
		return loop5_remove(argv[1]);
	if (argc == 4 && !strcmp(argv[0], "status") && !kstrtou32(argv[2], 16, &code) &&
	    !kstrtou32(argv[3], 0, &value))
		return Loop5IndicateStatus(argv[1], (NDIS_STATUS)code, value) ? 0 : -ENOENT;
	if (argc == 2 && !strcmp(argv[0], "closeaf"))
		return Loop5CloseAfs(argv[1]) ? 0 : -ENOENT;
	if (argc == 2 && !strcmp(argv[0], "rxresources") && !kstrtou32(argv[1], 0, &value)) {
		Loop5.RxResources = value != 0;
		return 0;
	}
	return -EINVAL;
}

static ssize_t loop5_ctl_write(struct file *file, const char __user *ubuf, size_t len,
			       loff_t *ppos)
{
	char *buf, *line, *word, *argv[4];
	int argc = 0, err = 0;

	if (!len || len > 256)
		return -EINVAL;
	buf = memdup_user_nul(ubuf, len);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	line = strim(buf);
	while ((word = strsep(&line, " \t\n"))) {
		if (!*word)
			continue;
		if (argc == ARRAY_SIZE(argv)) {
			err = -EINVAL;
			break;
		}
		argv[argc++] = word;
	}
	if (!err) {
		mutex_lock(&loop5_ctl_mutex);
		err = argc ? loop5_ctl_run(argc, argv) : -EINVAL;
		mutex_unlock(&loop5_ctl_mutex);
	}
	kfree(buf);
	return err ?: len;
}

static const struct file_operations loop5_ctl_fops = {
	.owner = THIS_MODULE,
	.write = loop5_ctl_write,
	.llseek = noop_llseek,
};

static int loop5_events_show(struct seq_file *m, void *v)
{
	return evlog_show(&loop5_log, m);
}
DEFINE_SHOW_ATTRIBUTE(loop5_events);

static const char *const loop5_vc_states[] = {
	[Loop5Idle] = "idle",
	[Loop5Calling] = "calling",
	[Loop5Offered] = "offered",
	[Loop5Connected] = "connected",
	[Loop5Closing] = "closing",
};

static int loop5_state_show(struct seq_file *m, void *v)
{
	PLIST_ENTRY a, f, s;

	NdisAcquireSpinLock(&Loop5.Lock);
	seq_printf(m, "rx_outstanding=%d rxresources=%d\n", Loop5.RxOut, Loop5.RxResources);
	for (a = Loop5.Adapters.Flink; a != &Loop5.Adapters; a = a->Flink) {
		PLOOP5_ADAPTER adapter = CONTAINING_RECORD(a, LOOP5_ADAPTER, Link);

		seq_printf(m, "adapter=%s\n", adapter->Name);
		for (f = adapter->AfList.Flink; f != &adapter->AfList; f = f->Flink) {
			PLOOP5_AF af = CONTAINING_RECORD(f, LOOP5_AF, Link);

			seq_printf(m, "af adapter=%s\n", adapter->Name);
			for (s = af->SapList.Flink; s != &af->SapList; s = s->Flink)
				seq_printf(m, "sap adapter=%s name=%s\n", adapter->Name,
					   CONTAINING_RECORD(s, LOOP5_SAP, Link)->Name);
		}
	}
	for (a = Loop5.Vcs.Flink; a != &Loop5.Vcs; a = a->Flink) {
		PLOOP5_VC vc = CONTAINING_RECORD(a, LOOP5_VC, Link);

		seq_printf(m, "vc id=%u ours=%d state=%s peer=%u tx=%d rx=%d\n", vc->Id, vc->Ours,
			   loop5_vc_states[vc->State], vc->Peer ? vc->Peer->Id : 0,
			   vc->TxPackets, vc->RxPackets);
	}
	NdisReleaseSpinLock(&Loop5.Lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(loop5_state);

static int __init loop5_init(void)
{
	char name[24];
	unsigned int i;
	int err;

	err = evlog_init(&loop5_log);
	if (err)
		return err;
	err = NdisLinuxDriverEntry(&Loop5DriverObject, THIS_MODULE, Loop5DriverEntry);
	if (err)
		goto err_log;
	for (i = 0; i < adapters && i < LOOP5_MAX_ADAPTERS; i++) {
		snprintf(name, sizeof(name), "ndis5loop%u", i);
		err = loop5_add(name);
		if (err) {
			pr_err("cannot add adapter %s: %pe\n", name, ERR_PTR(err));
			goto err_unload;
		}
	}
	loop5_dir = debugfs_create_dir("ndis5loop", NULL);
	debugfs_create_file("ctl", 0200, loop5_dir, NULL, &loop5_ctl_fops);
	debugfs_create_file("events", 0400, loop5_dir, NULL, &loop5_events_fops);
	debugfs_create_file("state", 0400, loop5_dir, NULL, &loop5_state_fops);
	return 0;

err_unload:
	NdisLinuxUnloadMiniport5(Loop5.WrapperHandle);
err_log:
	evlog_free(&loop5_log);
	return err;
}

static void __exit loop5_exit(void)
{
	debugfs_remove(loop5_dir);
	/* As NDIS at unload: every adapter halted, then MiniportUnload. */
	NdisLinuxUnloadMiniport5(Loop5.WrapperHandle);
	evlog_free(&loop5_log);
}

module_init(loop5_init);
module_exit(loop5_exit);

MODULE_DESCRIPTION("ndis5loop: a loopback NDIS 5.x CoNDIS MCM");
MODULE_LICENSE("GPL");
