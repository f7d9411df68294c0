// SPDX-License-Identifier: GPL-2.0
/*
 * The call manager's Linux side: module init and exit (which run
 * DriverEntry and the unload routine) and /sys/kernel/debug/ndiscm/
 * (ndis5cm.ko: /sys/kernel/debug/ndis5cm/), named after the module:
 *
 *   events (read): what the call manager did, one numbered line per event
 *   state (read): its bindings, SAPs and VCs, with each VC's channel
 */
#include <linux/debugfs.h>
#include <linux/module.h>

#include "cm.h"
#include "evlog.h"

static DRIVER_OBJECT CmDriverObject;
static struct evlog cm_log;
static struct dentry *cm_dir;

/**
 * CmLog() - add a line to the event log
 * @fmt: printf format
 *
 * Context: any.
 */
void CmLog(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	evlog_vadd(&cm_log, fmt, ap);
	va_end(ap);
}

static int cm_events_show(struct seq_file *m, void *v)
{
	return evlog_show(&cm_log, m);
}
DEFINE_SHOW_ATTRIBUTE(cm_events);

static const char *const cm_vc_states[] = {
	[CmVcIdle] = "idle",
	[CmVcCalling] = "calling",
	[CmVcOffered] = "offered",
	[CmVcConnected] = "connected",
	[CmVcClosing] = "closing",
};

static int cm_state_show(struct seq_file *m, void *v)
{
	PLIST_ENTRY e, f, s;

	NdisAcquireSpinLock(&Cm.Lock);
	for (e = Cm.Bindings.Flink; e != &Cm.Bindings; e = e->Flink) {
		PCM_BINDING b = CONTAINING_RECORD(e, CM_BINDING, Link);

		seq_printf(m, "binding adapter=%s\n", b->Name);
		for (f = b->Afs.Flink; f != &b->Afs; f = f->Flink) {
			PCM_AF af = CONTAINING_RECORD(f, CM_AF, Link);

			seq_printf(m, "af adapter=%s\n", b->Name);
			for (s = af->Saps.Flink; s != &af->Saps; s = s->Flink)
				seq_printf(m, "sap adapter=%s name=%s\n", b->Name,
					   CONTAINING_RECORD(s, CM_SAP, Link)->Name);
		}
	}
	for (e = Cm.Vcs.Flink; e != &Cm.Vcs; e = e->Flink) {
		PCM_VC vc = CONTAINING_RECORD(e, CM_VC, Link);

		seq_printf(m, "vc id=%u adapter=%s ours=%d state=%s peer=%u vci=%u\n", vc->Id,
			   vc->Af->Binding->Name, vc->Ours, cm_vc_states[vc->State],
			   vc->Peer ? vc->Peer->Id : 0, vc->Vci);
	}
	NdisReleaseSpinLock(&Cm.Lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(cm_state);

static int __init cm_init(void)
{
	int err = evlog_init(&cm_log);

	if (err)
		return err;
	/* Binds to every adapter, and registers the AF on the plain ports, before it returns. */
	err = NdisLinuxDriverEntry(&CmDriverObject, THIS_MODULE, CmDriverEntry);
	if (err) {
		evlog_free(&cm_log);
		return err;
	}
	cm_dir = debugfs_create_dir(KBUILD_MODNAME, NULL);
	debugfs_create_file("events", 0400, cm_dir, NULL, &cm_events_fops);
	debugfs_create_file("state", 0400, cm_dir, NULL, &cm_state_fops);
	return 0;
}

static void __exit cm_exit(void)
{
	debugfs_remove(cm_dir);
	NdisLinuxDriverUnload(&CmDriverObject);
	evlog_free(&cm_log);
}

module_init(cm_init);
module_exit(cm_exit);

#ifdef NDIS60
MODULE_DESCRIPTION("ndiscm: a stand-alone CoNDIS call manager written against the NDIS compat headers");
#else
MODULE_DESCRIPTION("ndis5cm: an NDIS 5.x stand-alone CoNDIS call manager of the ndis5 sample medium");
#endif
MODULE_LICENSE("GPL");
