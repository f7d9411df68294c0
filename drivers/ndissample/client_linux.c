// SPDX-License-Identifier: GPL-2.0
/*
 * ndisclient: the Linux side of the driver: module init and exit (which
 * run DriverEntry and the unload routine) and /sys/kernel/debug/ndisclient/:
 *
 *   ctl (write), one command per write(2); the write returns the byte
 *   count, or the command's NDIS status as a -errno (<ndis/status.h>):
 *     listen ADAPTER NAME          register a SAP, wait for the result
 *     unlisten ADAPTER NAME        deregister it (returns at once)
 *     call ID ADAPTER NAME         place a call (ID < 1000), wait
 *     mcall ID ADAPTER NAME        place a multipoint call, its party 1 to NAME
 *     addparty ID PARTY NAME       add party number PARTY to multipoint call ID, wait
 *     dropparty ID PARTY           drop that party, wait
 *     qos ID RATE                  change a call's token rate both ways (bytes/s), wait
 *     close ID                     close a call (multipoint: drop all but one party first), wait
 *     send ID COUNT SIZE           send packets, wait for their completion
 *     answer accept|pend           how incoming calls are answered
 *     answer reject STATUS         ... rejected with STATUS (hex)
 *     oid ADAPTER linkspeed|addresses   query the miniport or the CM
 *     mediastate ADAPTER           query the miniport with NdisOidRequest
 *     unbind ADAPTER               NdisUnbindAdapter (returns at once)
 *     clear                        empty the event log
 *   events (read): every callback and request, one numbered line each
 *   calls, parties, saps (read): the objects, with their completion counts
 */
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/uaccess.h>
#include <net/conic.h>

#include "client.h"
#include "evlog.h"

/* conic's medium names services as the loopback medium does (client.h). */
static_assert(CL_CONIC_AF == CONIC_AF_FAMILY && CL_CONIC_AF_MAJOR == CONIC_AF_MAJOR &&
	      NDISLOOP_SAP_TYPE == CONIC_SAP_TYPE && NDISLOOP_NAME_MAX == CONIC_SAP_NAME_MAX &&
	      NDISLOOP_PARAM_CALLED == CONIC_CM_CALLED_SAP);

static DRIVER_OBJECT ClDriverObject;
static struct evlog cl_log;
static struct dentry *cl_dir;

/**
 * ClLog() - add a line to the event log
 * @fmt: printf format
 *
 * Context: any.
 */
void ClLog(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	evlog_vadd(&cl_log, fmt, ap);
	va_end(ap);
}

static int cl_u32(const char *s, u32 *v)
{
	return kstrtou32(s, 0, v) ? -EINVAL : 0;
}

/* Run a command; an NDIS status other than SUCCESS becomes its -errno. */
static int cl_ctl_run(int argc, char **argv)
{
	u32 id, count, size, status, party;

	if (argc == 3 && !strcmp(argv[0], "listen"))
		return ndis_status_to_errno(ClListen(argv[1], argv[2]));
	if (argc == 3 && !strcmp(argv[0], "unlisten")) {
		NDIS_STATUS st = ClUnlisten(argv[1], argv[2]);

		return st == NDIS_STATUS_PENDING ? 0 : ndis_status_to_errno(st) ?: -EIO;
	}
	if (argc == 4 && !strcmp(argv[0], "call") && !cl_u32(argv[1], &id))
		return ndis_status_to_errno(ClCall(id, argv[2], argv[3], FALSE));
	if (argc == 4 && !strcmp(argv[0], "mcall") && !cl_u32(argv[1], &id))
		return ndis_status_to_errno(ClCall(id, argv[2], argv[3], TRUE));
	if (argc == 4 && !strcmp(argv[0], "addparty") && !cl_u32(argv[1], &id) &&
	    !cl_u32(argv[2], &party))
		return ndis_status_to_errno(ClAddParty(id, party, argv[3]));
	if (argc == 3 && !strcmp(argv[0], "dropparty") && !cl_u32(argv[1], &id) &&
	    !cl_u32(argv[2], &party))
		return ndis_status_to_errno(ClDropParty(id, party));
	if (argc == 3 && !strcmp(argv[0], "qos") && !cl_u32(argv[1], &id) &&
	    !cl_u32(argv[2], &count))
		return ndis_status_to_errno(ClModifyQos(id, count));
	if (argc == 2 && !strcmp(argv[0], "close") && !cl_u32(argv[1], &id))
		return ndis_status_to_errno(ClClose(id));
	if (argc == 4 && !strcmp(argv[0], "send") && !cl_u32(argv[1], &id) &&
	    !cl_u32(argv[2], &count) && !cl_u32(argv[3], &size) && count && count <= 100000)
		return ndis_status_to_errno(ClSend(id, count, size));
	if (argc == 2 && !strcmp(argv[0], "answer") &&
	    (!strcmp(argv[1], "accept") || !strcmp(argv[1], "pend"))) {
		NdisAcquireSpinLock(&Cl.Lock);
		Cl.Answer = !strcmp(argv[1], "pend") ? ClAnswerPend : ClAnswerAccept;
		NdisReleaseSpinLock(&Cl.Lock);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[0], "answer") && !strcmp(argv[1], "reject") &&
	    !kstrtou32(argv[2], 16, &status) && status != NDIS_STATUS_SUCCESS &&
	    status != NDIS_STATUS_PENDING) {
		NdisAcquireSpinLock(&Cl.Lock);
		Cl.Answer = ClAnswerReject;
		Cl.RejectStatus = (NDIS_STATUS)status;
		NdisReleaseSpinLock(&Cl.Lock);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[0], "oid") &&
	    (!strcmp(argv[2], "linkspeed") || !strcmp(argv[2], "addresses")))
		return ndis_status_to_errno(ClOid(argv[1], !strcmp(argv[2], "addresses")));
	if (argc == 2 && !strcmp(argv[0], "mediastate"))
		return ndis_status_to_errno(ClMediaState(argv[1]));
	if (argc == 2 && !strcmp(argv[0], "unbind"))
		return ndis_status_to_errno(ClUnbind(argv[1]));
	if (argc == 1 && !strcmp(argv[0], "clear")) {
		evlog_clear(&cl_log);
		return 0;
	}
	return -EINVAL;
}

static ssize_t cl_ctl_write(struct file *file, const char __user *ubuf, size_t len, loff_t *ppos)
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
	if (!err)
		err = argc ? cl_ctl_run(argc, argv) : -EINVAL;
	kfree(buf);
	return err ?: len;
}

static const struct file_operations cl_ctl_fops = {
	.owner = THIS_MODULE,
	.write = cl_ctl_write,
	.llseek = noop_llseek,
};

static int cl_events_show(struct seq_file *m, void *v)
{
	return evlog_show(&cl_log, m);
}
DEFINE_SHOW_ATTRIBUTE(cl_events);

static const char *const cl_call_states[] = {
	[ClCallIdle] = "idle",
	[ClCallMaking] = "making",
	[ClCallOffered] = "offered",
	[ClCallAccepted] = "accepted",
	[ClCallConnected] = "connected",
	[ClCallClosing] = "closing",
	[ClCallClosed] = "closed",
	[ClCallFailed] = "failed",
};

/*
 * One line per call: id=N adapter=A dir=out|in sap=NAME state=S vc=0|1
 * status=0xXXXXXXXX tx= tx_ok= tx_err= rx= rx_bytes= rx_bad= and the
 * completion counts make= connected= close= incoming_close=, then mp=0|1
 * and the QoS changes: qos= (completions) qos_status= qos_in= (incoming)
 * tx_rate=.
 */
static int cl_calls_show(struct seq_file *m, void *v)
{
	PLIST_ENTRY e, c;

	NdisAcquireSpinLock(&Cl.Lock);
	for (e = Cl.Bindings.Flink; e != &Cl.Bindings; e = e->Flink) {
		PCL_BINDING b = CONTAINING_RECORD(e, CL_BINDING, Link);

		for (c = b->Calls.Flink; c != &b->Calls; c = c->Flink) {
			PCL_CALL call = CONTAINING_RECORD(c, CL_CALL, Link);

			seq_printf(m, "id=%u adapter=%s dir=%s sap=%s state=%s vc=%d status=0x%08x",
				   call->Id, b->Name, call->Outgoing ? "out" : "in", call->Sap,
				   cl_call_states[call->State], !!call->VcHandle,
				   call->Status);
			seq_printf(m, " tx=%d tx_ok=%d tx_err=%d rx=%d rx_bytes=%d rx_bad=%d",
				   call->Tx, call->TxOk, call->TxErr, call->Rx, call->RxBytes,
				   call->RxBad);
			seq_printf(m, " make=%u connected=%u close=%u incoming_close=%u",
				   call->MakeCompletions, call->Connects, call->CloseCompletions,
				   call->IncomingCloses);
			seq_printf(m, " mp=%d qos=%u qos_status=0x%08x qos_in=%u tx_rate=%u\n",
				   call->Multipoint, call->QosCompletions, call->QosStatus,
				   call->QosChanges, call->TxRate);
		}
	}
	NdisReleaseSpinLock(&Cl.Lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(cl_calls);

static const char *const cl_party_states[] = {
	[ClPartyAdding] = "adding",
	[ClPartyActive] = "active",
	[ClPartyDropping] = "dropping",
	[ClPartyDropped] = "dropped",
	[ClPartyFailed] = "failed",
	[ClPartyClosed] = "closed",
};

/*
 * One line per party of our multipoint calls: call=ID party=N sap=NAME
 * state=S handle=0|1 status=0xXXXXXXXX add= drop= incoming_drop=.
 */
static int cl_parties_show(struct seq_file *m, void *v)
{
	PLIST_ENTRY e, c, p;

	NdisAcquireSpinLock(&Cl.Lock);
	for (e = Cl.Bindings.Flink; e != &Cl.Bindings; e = e->Flink) {
		PCL_BINDING b = CONTAINING_RECORD(e, CL_BINDING, Link);

		for (c = b->Calls.Flink; c != &b->Calls; c = c->Flink) {
			PCL_CALL call = CONTAINING_RECORD(c, CL_CALL, Link);

			for (p = call->Parties.Flink; p != &call->Parties; p = p->Flink) {
				PCL_PARTY party = CONTAINING_RECORD(p, CL_PARTY, Link);

				seq_printf(m, "call=%u party=%u sap=%s state=%s handle=%d status=0x%08x",
					   call->Id, party->Id, party->Name,
					   cl_party_states[party->State], !!party->PartyHandle,
					   party->Status);
				seq_printf(m, " add=%u drop=%u incoming_drop=%u\n",
					   party->AddCompletions, party->DropCompletions,
					   party->IncomingDrops);
			}
		}
	}
	NdisReleaseSpinLock(&Cl.Lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(cl_parties);

static const char *const cl_sap_states[] = {
	[ClSapRegistering] = "registering",
	[ClSapRegistered] = "registered",
	[ClSapDeregistering] = "deregistering",
	[ClSapGone] = "gone",
	[ClSapFailed] = "failed",
};

/* One line per SAP: adapter= sap= state= status= reg= dereg= calls=. */
static int cl_saps_show(struct seq_file *m, void *v)
{
	PLIST_ENTRY e, s;

	NdisAcquireSpinLock(&Cl.Lock);
	for (e = Cl.Bindings.Flink; e != &Cl.Bindings; e = e->Flink) {
		PCL_BINDING b = CONTAINING_RECORD(e, CL_BINDING, Link);

		seq_printf(m, "adapter=%s af=%s\n", b->Name,
			   b->AfState == ClAfOpen ? "open" : "closed");
		for (s = b->Saps.Flink; s != &b->Saps; s = s->Flink) {
			PCL_SAP sap = CONTAINING_RECORD(s, CL_SAP, Link);

			seq_printf(m, "adapter=%s sap=%s state=%s status=0x%08x reg=%u dereg=%u calls=%u\n",
				   b->Name, sap->Name, cl_sap_states[sap->State], sap->Status,
				   sap->RegCompletions, sap->DeregCompletions, sap->Calls);
		}
	}
	NdisReleaseSpinLock(&Cl.Lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(cl_saps);

static int __init cl_init(void)
{
	int err = evlog_init(&cl_log);

	if (err)
		return err;
	/* Binds to every adapter, and opens the AFs advertised, before it returns. */
	err = NdisLinuxDriverEntry(&ClDriverObject, THIS_MODULE, ClDriverEntry);
	if (err) {
		evlog_free(&cl_log);
		return err;
	}
	cl_dir = debugfs_create_dir("ndisclient", NULL);
	debugfs_create_file("ctl", 0200, cl_dir, NULL, &cl_ctl_fops);
	debugfs_create_file("events", 0400, cl_dir, NULL, &cl_events_fops);
	debugfs_create_file("calls", 0400, cl_dir, NULL, &cl_calls_fops);
	debugfs_create_file("saps", 0400, cl_dir, NULL, &cl_saps_fops);
	debugfs_create_file("parties", 0400, cl_dir, NULL, &cl_parties_fops);
	return 0;
}

static void __exit cl_exit(void)
{
	/* First: no command may be in progress while the driver unbinds. */
	debugfs_remove(cl_dir);
	NdisLinuxDriverUnload(&ClDriverObject);
	evlog_free(&cl_log);
}

module_init(cl_init);
module_exit(cl_exit);

MODULE_DESCRIPTION("ndisclient: a CoNDIS client written against the NDIS compat headers");
MODULE_LICENSE("GPL");
