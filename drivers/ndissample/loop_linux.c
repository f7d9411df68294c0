// SPDX-License-Identifier: GPL-2.0
/*
 * ndisloop: the Linux side of the driver: module init and exit (which run
 * DriverEntry and the unload routine), the adapters made at load (what
 * device arrival would do), and /sys/kernel/debug/ndisloop/:
 *
 *   ctl (write), one command per write(2):
 *     add NAME | remove NAME              bring an adapter up or down
 *     dereg pend|sync                     how SAP deregistrations complete
 *     dereg_delay MS                      how long a pended one waits
 *     refuse NAME STATUS sync|pend        refuse SAP NAME with STATUS (hex)
 *     refuse off
 *     notify NAME                         ask the clients of adapter NAME
 *                                         to close their AFs
 *   events (read): what the driver did, one numbered line per event
 *   state (read): adapters, SAPs, VCs and the parties of multipoint calls
 */
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

#include "evlog.h"
#include "loop.h"

static unsigned int adapters = 2;
module_param(adapters, uint, 0444);
MODULE_PARM_DESC(adapters, "adapters made at load, ndisloop0..N-1 (default 2)");

static unsigned int dereg_delay_ms = 300;
module_param(dereg_delay_ms, uint, 0444);
MODULE_PARM_DESC(dereg_delay_ms, "how long a pended SAP deregistration waits (ms)");

static DRIVER_OBJECT LoopDriverObject;
static struct evlog loop_log;
static struct dentry *loop_dir;
/* Serialises ctl commands (adapter additions and removals). */
static DEFINE_MUTEX(loop_ctl_mutex);

/**
 * LoopLog() - add a line to the event log
 * @fmt: printf format
 *
 * Context: any.
 */
void LoopLog(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	evlog_vadd(&loop_log, fmt, ap);
	va_end(ap);
}

static int loop_ctl_run(int argc, char **argv)
{
	u32 v;

	if (argc == 2 && !strcmp(argv[0], "add"))
		return ndis_status_to_errno(LoopAddAdapter(argv[1]));
	if (argc == 2 && !strcmp(argv[0], "remove"))
		return ndis_status_to_errno(LoopRemoveAdapter(argv[1]));
	if (argc == 2 && !strcmp(argv[0], "notify"))
		return LoopNotifyCloseAfs(argv[1]) ? 0 : -ENOENT;
	if (argc == 2 && !strcmp(argv[0], "dereg") &&
	    (!strcmp(argv[1], "pend") || !strcmp(argv[1], "sync"))) {
		NdisAcquireSpinLock(&Loop.Lock);
		Loop.DeregPend = !strcmp(argv[1], "pend");
		NdisReleaseSpinLock(&Loop.Lock);
		return 0;
	}
	if (argc == 2 && !strcmp(argv[0], "dereg_delay") && !kstrtou32(argv[1], 0, &v) &&
	    v <= 60000) {
		NdisAcquireSpinLock(&Loop.Lock);
		Loop.DeregDelayMs = v;
		NdisReleaseSpinLock(&Loop.Lock);
		return 0;
	}
	if (argc == 2 && !strcmp(argv[0], "refuse") && !strcmp(argv[1], "off")) {
		NdisAcquireSpinLock(&Loop.Lock);
		Loop.RefuseName[0] = '\0';
		NdisReleaseSpinLock(&Loop.Lock);
		return 0;
	}
	if (argc == 4 && !strcmp(argv[0], "refuse") && strlen(argv[1]) <= NDISLOOP_NAME_MAX &&
	    !kstrtou32(argv[2], 16, &v) && (!strcmp(argv[3], "pend") || !strcmp(argv[3], "sync"))) {
		NdisAcquireSpinLock(&Loop.Lock);
		strscpy(Loop.RefuseName, argv[1], sizeof(Loop.RefuseName));
		Loop.RefuseStatus = (NDIS_STATUS)v;
		Loop.RefusePend = !strcmp(argv[3], "pend");
		NdisReleaseSpinLock(&Loop.Lock);
		return 0;
	}
	return -EINVAL;
}

static ssize_t loop_ctl_write(struct file *file, const char __user *ubuf, size_t len,
			      loff_t *ppos)
{
	char *buf, *line, *word, *argv[4];
	int argc = 0, err;

	if (!len || len > 256)
		return -EINVAL;
	buf = memdup_user_nul(ubuf, len);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	line = strim(buf);
	err = 0;
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
		mutex_lock(&loop_ctl_mutex);
		err = argc ? loop_ctl_run(argc, argv) : -EINVAL;
		mutex_unlock(&loop_ctl_mutex);
	}
	kfree(buf);
	return err ?: len;
}

static const struct file_operations loop_ctl_fops = {
	.owner = THIS_MODULE,
	.write = loop_ctl_write,
	.llseek = noop_llseek,
};

static int loop_events_show(struct seq_file *m, void *v)
{
	return evlog_show(&loop_log, m);
}
DEFINE_SHOW_ATTRIBUTE(loop_events);

static const char *const loop_vc_states[] = {
	[LoopVcIdle] = "idle",
	[LoopVcCalling] = "calling",
	[LoopVcOffered] = "offered",
	[LoopVcConnected] = "connected",
	[LoopVcClosing] = "closing",
};

static const char *const loop_party_states[] = {
	[LoopPartyAdding] = "adding",
	[LoopPartyActive] = "active",
	[LoopPartyDropping] = "dropping",
};

static int loop_state_show(struct seq_file *m, void *v)
{
	PLIST_ENTRY a, f, s;

	NdisAcquireSpinLock(&Loop.Lock);
	seq_printf(m, "dereg=%s dereg_delay_ms=%u dereg_completions=%d\n",
		   Loop.DeregPend ? "pend" : "sync", Loop.DeregDelayMs, Loop.DeregCompletions);
	for (a = Loop.Adapters.Flink; a != &Loop.Adapters; a = a->Flink) {
		PLOOP_ADAPTER adapter = CONTAINING_RECORD(a, LOOP_ADAPTER, Link);

		seq_printf(m, "adapter=%s rx_outstanding=%d\n", adapter->Name,
			   adapter->RxOutstanding);
		for (f = adapter->AfList.Flink; f != &adapter->AfList; f = f->Flink) {
			PLOOP_AF af = CONTAINING_RECORD(f, LOOP_AF, Link);

			for (s = af->SapList.Flink; s != &af->SapList; s = s->Flink)
				seq_printf(m, "sap adapter=%s name=%s\n", adapter->Name,
					   CONTAINING_RECORD(s, LOOP_SAP, Link)->Name);
		}
		for (s = adapter->PendingDeregs.Flink; s != &adapter->PendingDeregs; s = s->Flink)
			seq_printf(m, "sap adapter=%s name=%s deregistering\n", adapter->Name,
				   CONTAINING_RECORD(s, LOOP_SAP, Link)->Name);
	}
	for (a = Loop.Vcs.Flink; a != &Loop.Vcs; a = a->Flink) {
		PLOOP_VC vc = CONTAINING_RECORD(a, LOOP_VC, Link);

		PLIST_ENTRY p;

		seq_printf(m, "vc id=%u ours=%d state=%s peer=%u tx=%d rx=%d mp=%d leaf_of=%u",
			   vc->Id, vc->Ours, loop_vc_states[vc->State], vc->Peer ? vc->Peer->Id : 0,
			   vc->TxPackets, vc->RxPackets, vc->Multipoint,
			   vc->Party ? vc->Party->Id : 0);
		seq_printf(m, " qos_changes=%u tx_rate=%u\n", vc->QosChanges, vc->TxRate);
		for (p = vc->Parties.Flink; p != &vc->Parties; p = p->Flink) {
			PLOOP_PARTY party = CONTAINING_RECORD(p, LOOP_PARTY, Link);

			seq_printf(m, "party id=%u root=%u leaf=%u state=%s\n", party->Id, vc->Id,
				   party->Leaf ? party->Leaf->Id : 0,
				   loop_party_states[party->State]);
		}
	}
	NdisReleaseSpinLock(&Loop.Lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(loop_state);

static int __init loop_init(void)
{
	char name[24];
	unsigned int i;
	int err;

	err = evlog_init(&loop_log);
	if (err)
		return err;
	err = NdisLinuxDriverEntry(&LoopDriverObject, THIS_MODULE, LoopDriverEntry);
	if (err)
		goto err_log;
	Loop.DeregPend = TRUE;
	Loop.DeregDelayMs = dereg_delay_ms;
	for (i = 0; i < adapters; i++) {
		snprintf(name, sizeof(name), "ndisloop%u", i);
		err = ndis_status_to_errno(LoopAddAdapter(name));
		if (err) {
			pr_err("cannot add adapter %s: %pe\n", name, ERR_PTR(err));
			goto err_unload;
		}
	}
	loop_dir = debugfs_create_dir("ndisloop", NULL);
	debugfs_create_file("ctl", 0200, loop_dir, NULL, &loop_ctl_fops);
	debugfs_create_file("events", 0400, loop_dir, NULL, &loop_events_fops);
	debugfs_create_file("state", 0400, loop_dir, NULL, &loop_state_fops);
	return 0;

err_unload:
	NdisLinuxDriverUnload(&LoopDriverObject);
err_log:
	evlog_free(&loop_log);
	return err;
}

static void __exit loop_exit(void)
{
	debugfs_remove(loop_dir);
	/* MiniportDriverUnload: every adapter is removed, then the driver. */
	NdisLinuxDriverUnload(&LoopDriverObject);
	evlog_free(&loop_log);
}

module_init(loop_init);
module_exit(loop_exit);

MODULE_DESCRIPTION("ndisloop: a loopback CoNDIS MCM written against the NDIS compat headers");
MODULE_LICENSE("GPL");
