// SPDX-License-Identifier: GPL-2.0
/*
 * ndis5client: the Linux side of the driver: module init and exit (which
 * run DriverEntry and the unload routine) and /sys/kernel/debug/ndis5client/:
 *
 *   ctl (write), one command per write(2):
 *     listen ADAPTER NAME          register SAP NAME on ADAPTER's AF
 *     call ID ADAPTER NAME         place call ID (< 1000) to NAME
 *     send ID COUNT SIZE           send COUNT packets of SIZE bytes
 *     close ID                     close call ID
 *     keep on|off                  keep received packets (return them later)
 *     return ID                    return the packets call ID kept
 *     oid ADAPTER                  NdisCoRequest OID_GEN_CO_VENDOR_ID to the CM
 *     mpoid ADAPTER                the same to the miniport (no AF)
 *   events (read): what the driver did, one numbered line per event
 *   calls (read): one line per call; incoming calls are numbered from 1000
 */
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

#include "../ndissample/evlog.h"
#include "client5.h"

static DRIVER_OBJECT Cl5DriverObject;
static struct evlog cl5_log;
static struct dentry *cl5_dir;
/* Serialises ctl commands. */
static DEFINE_MUTEX(cl5_ctl_mutex);

void Cl5Log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	evlog_vadd(&cl5_log, fmt, ap);
	va_end(ap);
}

static int cl5_status(NDIS_STATUS status)
{
	return ndis_status_to_errno(status);
}

static int cl5_ctl_run(int argc, char **argv)
{
	u32 id, count, size;
	PCL5_CALL c;

	if (argc == 3 && !strcmp(argv[0], "listen"))
		return cl5_status(Cl5Listen(argv[1], argv[2]));
	if (argc == 4 && !strcmp(argv[0], "call") && !kstrtou32(argv[1], 0, &id))
		return cl5_status(Cl5MakeCall(id, argv[2], argv[3]));
	if (argc == 4 && !strcmp(argv[0], "send") && !kstrtou32(argv[1], 0, &id) &&
	    !kstrtou32(argv[2], 0, &count) && !kstrtou32(argv[3], 0, &size))
		return cl5_status(Cl5Send(id, count, size));
	if (argc == 2 && !strcmp(argv[0], "close") && !kstrtou32(argv[1], 0, &id)) {
		NdisAcquireSpinLock(&Cl5.Lock);
		c = Cl5FindCall(id);
		NdisReleaseSpinLock(&Cl5.Lock);
		return c ? cl5_status(Cl5CloseCall(c)) : -ENOENT;
	}
	if (argc == 2 && !strcmp(argv[0], "keep")) {
		Cl5.Keep = !strcmp(argv[1], "on");
		return 0;
	}
	if (argc == 2 && !strcmp(argv[0], "return") && !kstrtou32(argv[1], 0, &id))
		return Cl5ReturnKept(id) ? 0 : -ENOENT;
	if (argc == 2 && !strcmp(argv[0], "oid")) {
		NDIS_STATUS st = Cl5Oid(argv[1], FALSE);

		return st == NDIS_STATUS_PENDING ? 0 : cl5_status(st);
	}
	if (argc == 2 && !strcmp(argv[0], "mpoid"))
		return cl5_status(Cl5Oid(argv[1], TRUE));
	return -EINVAL;
}

static ssize_t cl5_ctl_write(struct file *file, const char __user *ubuf, size_t len,
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
		mutex_lock(&cl5_ctl_mutex);
		err = argc ? cl5_ctl_run(argc, argv) : -EINVAL;
		mutex_unlock(&cl5_ctl_mutex);
	}
	kfree(buf);
	return err ?: len;
}

static const struct file_operations cl5_ctl_fops = {
	.owner = THIS_MODULE,
	.write = cl5_ctl_write,
	.llseek = noop_llseek,
};

static int cl5_events_show(struct seq_file *m, void *v)
{
	return evlog_show(&cl5_log, m);
}
DEFINE_SHOW_ATTRIBUTE(cl5_events);

static const char *const cl5_states[] = {
	[Cl5CallIdle] = "idle",
	[Cl5CallCalling] = "calling",
	[Cl5CallOffered] = "offered",
	[Cl5CallConnected] = "connected",
	[Cl5CallClosing] = "closing",
	[Cl5CallClosed] = "closed",
};

static int cl5_calls_show(struct seq_file *m, void *v)
{
	PLIST_ENTRY l;
	ULONG i;

	NdisAcquireSpinLock(&Cl5.Lock);
	for (l = Cl5.Bindings.Flink; l != &Cl5.Bindings; l = l->Flink) {
		PCL5_BINDING b = CONTAINING_RECORD(l, CL5_BINDING, Link);

		seq_printf(m, "binding adapter=%s af=%d sap=%d oid_complete=%d status=%d\n",
			   b->Name, b->AfState, b->SapRegistered, b->OidCompletions,
			   b->StatusIndications);
	}
	for (i = 0; i < CL5_MAX_CALLS; i++) {
		PCL5_CALL c = &Cl5.Calls[i];

		if (!c->Used)
			continue;
		seq_printf(m, "id=%u adapter=%s dir=%s state=%s vc=%d make=%d offered=%d connected=%d close=%d incoming_close=%d tx_ok=%d tx_err=%d send_complete=%d rx=%d rx_bytes=%d rx_bad=%d kept=%d returned=%d\n",
			   c->Id, c->Binding->Name, c->Out ? "out" : "in", cl5_states[c->State],
			   !!c->VcHandle, c->Make, c->Offered, c->Connected, c->Close,
			   c->IncomingClose, c->TxOk, c->TxErr, c->SendComplete, c->RxPackets,
			   c->RxBytes, c->RxBad, c->Kept, c->Returned);
	}
	NdisReleaseSpinLock(&Cl5.Lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(cl5_calls);

static int __init cl5_init(void)
{
	int err = evlog_init(&cl5_log);

	if (err)
		return err;
	cl5_dir = debugfs_create_dir("ndis5client", NULL);
	debugfs_create_file("ctl", 0200, cl5_dir, NULL, &cl5_ctl_fops);
	debugfs_create_file("events", 0400, cl5_dir, NULL, &cl5_events_fops);
	debugfs_create_file("calls", 0400, cl5_dir, NULL, &cl5_calls_fops);
	err = NdisLinuxDriverEntry(&Cl5DriverObject, THIS_MODULE, Cl5DriverEntry);
	if (err) {
		debugfs_remove(cl5_dir);
		evlog_free(&cl5_log);
	}
	return err;
}

static void __exit cl5_exit(void)
{
	/* ProtocolUnload: NdisDeregisterProtocol unbinds every adapter first. */
	NdisLinuxDriverUnload(&Cl5DriverObject);
	debugfs_remove(cl5_dir);
	evlog_free(&cl5_log);
}

module_init(cl5_init);
module_exit(cl5_exit);

MODULE_DESCRIPTION("ndis5client: an NDIS 5.x CoNDIS client of the ndis5loop medium");
MODULE_LICENSE("GPL");
