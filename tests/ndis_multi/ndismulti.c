// SPDX-License-Identifier: GPL-2.0
/*
 * ndismulti: four NDIS drivers registered from this one source file, each
 * with handlers of its own: clients A and B (protocol drivers) and MCMs A
 * and B (miniport call managers), each MCM with one adapter (multiA,
 * multiB) offering the address family MULTI_AF.  Every client binds to
 * both adapters and opens the AF on each, so each MCM serves both clients.
 *
 * Every context carries the driver it belongs to; a handler that gets a
 * context of another driver counts a misroute.  "call" (debugfs ctl) makes
 * and closes one call on each of the four AFs, one at a time, and checks
 * after each step that exactly the expected handlers of exactly the
 * expected drivers ran; "unbind" asks each client to leave its bindings
 * (NdisUnbindAdapter), which close their AFs.  debugfs "counts" has each
 * driver's count of every event, "events" the numbered events.
 */
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <ndis/ndis.h>

#define MULTI_AF	0x4d55		/* CO_ADDRESS_FAMILY of both MCMs */
#define MULTI_WAIT_MS	5000
#define MULTI_LOG_MAX	512
#define MULTI_LINE	96

enum multi_ev {
	EV_BIND, EV_UNBIND, EV_AF_NOTIFY, EV_OPEN_AF_COMPLETE, EV_CLOSE_AF_COMPLETE,
	EV_MAKE_CALL_COMPLETE, EV_CLOSE_CALL_COMPLETE,
	EV_INITIALIZE, EV_HALT, EV_OPEN_AF, EV_CLOSE_AF, EV_CREATE_VC, EV_DELETE_VC,
	EV_MAKE_CALL, EV_CLOSE_CALL,
	EV_MISROUTED, EV_UNEXPECTED,
	EV_MAX
};

static const char *const multi_ev_names[EV_MAX] = {
	"bind", "unbind", "af_notify", "open_af_complete", "close_af_complete",
	"make_call_complete", "close_call_complete",
	"initialize", "halt", "open_af", "close_af", "create_vc", "delete_vc",
	"make_call", "close_call",
	"misrouted", "unexpected",
};

/* One of the four drivers; every context of it starts with a pointer here. */
typedef struct _MULTI_DRIVER {
	const char *Name;
	NDIS_HANDLE Handle;
	DRIVER_OBJECT DriverObject;	/* the MCMs' */
	NDIS_HANDLE Adapter;		/* the MCMs' one adapter */
	LIST_ENTRY Bindings;		/* the clients' MULTI_BINDINGs, under Multi.Lock */
	atomic_t Count[EV_MAX];
} MULTI_DRIVER, *PMULTI_DRIVER;

typedef struct _MULTI_BINDING {
	PMULTI_DRIVER Driver;
	NDIS_HANDLE BindingHandle;
	char Adapter[NDIS_COMPAT_NAME_MAX];
	LIST_ENTRY Link;
	struct _MULTI_CL_AF *Af;	/* its open AF, or NULL; under Multi.Lock */
	BOOLEAN Opening;		/* an open of the AF was started; under Multi.Lock */
} MULTI_BINDING, *PMULTI_BINDING;

typedef struct _MULTI_CL_AF {
	PMULTI_DRIVER Driver;
	PMULTI_BINDING Binding;
	NDIS_HANDLE AfHandle;
	NDIS_EVENT Closed;
} MULTI_CL_AF, *PMULTI_CL_AF;

typedef struct _MULTI_CL_VC {
	PMULTI_DRIVER Driver;
	NDIS_HANDLE VcHandle;
	NDIS_EVENT Done;
	NDIS_STATUS Status;
} MULTI_CL_VC, *PMULTI_CL_VC;

typedef struct _MULTI_ADAPTER {
	PMULTI_DRIVER Driver;
	NDIS_HANDLE AdapterHandle;
} MULTI_ADAPTER, *PMULTI_ADAPTER;

typedef struct _MULTI_CM_AF {
	PMULTI_DRIVER Driver;
	NDIS_HANDLE AfHandle;
} MULTI_CM_AF, *PMULTI_CM_AF;

typedef struct _MULTI_CM_VC {
	PMULTI_DRIVER Driver;
	NDIS_HANDLE VcHandle;
} MULTI_CM_VC, *PMULTI_CM_VC;

static MULTI_DRIVER ClientA = { .Name = "clA" }, ClientB = { .Name = "clB" };
static MULTI_DRIVER McmA = { .Name = "mcmA" }, McmB = { .Name = "mcmB" };
static const PMULTI_DRIVER MultiDrivers[] = { &ClientA, &ClientB, &McmA, &McmB };

static struct {
	NDIS_SPIN_LOCK Lock;		/* protects the log and the bindings lists */
	char Log[MULTI_LOG_MAX][MULTI_LINE];
	unsigned int Seq;
	unsigned int Failures;		/* checks of "call" that failed */
	struct dentry *Dir;
} Multi;

static __printf(1, 2) void MultiLog(const char *fmt, ...)
{
	va_list ap;
	unsigned int n;

	NdisAcquireSpinLock(&Multi.Lock);
	n = Multi.Seq++;
	if (n < MULTI_LOG_MAX) {
		va_start(ap, fmt);
		vsnprintf(Multi.Log[n], MULTI_LINE, fmt, ap);
		va_end(ap);
	}
	NdisReleaseSpinLock(&Multi.Lock);
}

/* The driver a context (any MULTI_xxx but MULTI_DRIVER) belongs to. */
static PMULTI_DRIVER MultiOwner(PVOID Ctx)
{
	return *(PMULTI_DRIVER *)Ctx;
}

/*
 * Count @Ev for @Me, the driver whose handler runs; @Owner is the driver
 * of what the handler got (its driver context, or the owner of the
 * context), which must be @Me.
 */
static void MultiEvent(PMULTI_DRIVER Me, enum multi_ev Ev, PMULTI_DRIVER Owner)
{
	atomic_inc(&Me->Count[Ev]);
	MultiLog("%s %s", Me->Name, multi_ev_names[Ev]);
	if (Owner != Me) {
		atomic_inc(&Me->Count[EV_MISROUTED]);
		MultiLog("%s misrouted %s: the context is %s's", Me->Name, multi_ev_names[Ev],
			 Owner->Name);
	}
}

static PVOID MultiAlloc(ULONG Size)
{
	return kzalloc(Size, GFP_ATOMIC);
}

/* ---- the clients: what each does, for the driver whose handler was called --------------- */

static NDIS_STATUS ClBind(PMULTI_DRIVER Me, NDIS_HANDLE DriverContext, NDIS_HANDLE BindContext,
			  PNDIS_BIND_PARAMETERS BindParameters)
{
	NDIS_MEDIUM medium = NdisMediumCoWan;
	NDIS_OPEN_PARAMETERS open;
	PMULTI_BINDING b;
	NDIS_STATUS status;
	UINT selected;

	MultiEvent(Me, EV_BIND, DriverContext);
	b = MultiAlloc(sizeof(*b));
	if (!b)
		return NDIS_STATUS_RESOURCES;
	b->Driver = Me;
	ndis_string_to_ascii(BindParameters->AdapterName, b->Adapter, sizeof(b->Adapter));
	NdisZeroMemory(&open, sizeof(open));
	open.Header.Type = NDIS_OBJECT_TYPE_OPEN_PARAMETERS;
	open.Header.Revision = NDIS_OPEN_PARAMETERS_REVISION_1;
	open.Header.Size = sizeof(open);
	open.AdapterName = BindParameters->AdapterName;
	open.MediumArray = &medium;
	open.MediumArraySize = 1;
	open.SelectedMediumIndex = &selected;
	status = NdisOpenAdapterEx(Me->Handle, b, &open, BindContext, &b->BindingHandle);
	if (status != NDIS_STATUS_SUCCESS) {
		kfree(b);
		return status;
	}
	NdisAcquireSpinLock(&Multi.Lock);
	InsertTailList(&Me->Bindings, &b->Link);
	NdisReleaseSpinLock(&Multi.Lock);
	return NDIS_STATUS_SUCCESS;
}

/* Close the binding's AF (waiting for the completion), then the binding. */
static NDIS_STATUS ClUnbind(PMULTI_DRIVER Me, NDIS_HANDLE UnbindContext, NDIS_HANDLE BindingCtx)
{
	PMULTI_BINDING b = BindingCtx;
	PMULTI_CL_AF af;
	NDIS_STATUS status;

	MultiEvent(Me, EV_UNBIND, MultiOwner(b));
	NdisAcquireSpinLock(&Multi.Lock);
	af = b->Af;
	b->Af = NULL;
	RemoveEntryList(&b->Link);
	NdisReleaseSpinLock(&Multi.Lock);
	if (af) {
		status = NdisClCloseAddressFamily(af->AfHandle);
		if (status == NDIS_STATUS_PENDING && !NdisWaitEvent(&af->Closed, MULTI_WAIT_MS))
			MultiLog("%s close_af on %s: no completion", Me->Name, b->Adapter);
		kfree(af);
	}
	status = NdisCloseAdapterEx(b->BindingHandle);
	if (status != NDIS_STATUS_SUCCESS)
		MultiLog("%s close_adapter %s: 0x%08x", Me->Name, b->Adapter, status);
	kfree(b);
	return NDIS_STATUS_SUCCESS;
}

static void ClAfNotify(PMULTI_DRIVER Me, NDIS_HANDLE BindingCtx, PCO_ADDRESS_FAMILY Family)
{
	PMULTI_BINDING b = BindingCtx;
	BOOLEAN opening;
	PMULTI_CL_AF af;
	NDIS_STATUS status;

	MultiEvent(Me, EV_AF_NOTIFY, MultiOwner(b));
	if (Family->AddressFamily != MULTI_AF)
		return;
	/*
	 * One open per binding: condis may notify an AF twice when the
	 * binding came while the AF's own notification was still queued.
	 */
	NdisAcquireSpinLock(&Multi.Lock);
	opening = b->Opening;
	b->Opening = TRUE;
	NdisReleaseSpinLock(&Multi.Lock);
	if (opening) {
		MultiLog("%s af_notify again on %s", Me->Name, b->Adapter);
		return;
	}
	af = MultiAlloc(sizeof(*af));
	if (!af)
		return;
	af->Driver = Me;
	af->Binding = b;
	NdisInitializeEvent(&af->Closed);
	status = NdisClOpenAddressFamilyEx(b->BindingHandle, Family, af, &af->AfHandle);
	if (status != NDIS_STATUS_PENDING) {
		MultiLog("%s open_af on %s: 0x%08x", Me->Name, b->Adapter, status);
		kfree(af);
	}
}

static void ClOpenAfComplete(PMULTI_DRIVER Me, NDIS_HANDLE AfCtx, NDIS_HANDLE AfHandle,
			     NDIS_STATUS Status)
{
	PMULTI_CL_AF af = AfCtx;

	MultiEvent(Me, EV_OPEN_AF_COMPLETE, MultiOwner(af));
	if (Status != NDIS_STATUS_SUCCESS) {
		kfree(af);
		return;
	}
	af->AfHandle = AfHandle;
	NdisAcquireSpinLock(&Multi.Lock);
	af->Binding->Af = af;
	NdisReleaseSpinLock(&Multi.Lock);
}

static void ClCloseAfComplete(PMULTI_DRIVER Me, NDIS_STATUS Status, NDIS_HANDLE AfCtx)
{
	PMULTI_CL_AF af = AfCtx;

	MultiEvent(Me, EV_CLOSE_AF_COMPLETE, MultiOwner(af));
	NdisSetEvent(&af->Closed);
}

static void ClMakeCallComplete(PMULTI_DRIVER Me, NDIS_STATUS Status, NDIS_HANDLE VcCtx)
{
	PMULTI_CL_VC vc = VcCtx;

	MultiEvent(Me, EV_MAKE_CALL_COMPLETE, MultiOwner(vc));
	vc->Status = Status;
	NdisSetEvent(&vc->Done);
}

static void ClCloseCallComplete(PMULTI_DRIVER Me, NDIS_STATUS Status, NDIS_HANDLE VcCtx)
{
	PMULTI_CL_VC vc = VcCtx;

	MultiEvent(Me, EV_CLOSE_CALL_COMPLETE, MultiOwner(vc));
	vc->Status = Status;
	NdisSetEvent(&vc->Done);
}

/* Client A's handlers and client B's: each names its own driver. */
static NDIS_STATUS ClABind(NDIS_HANDLE C, NDIS_HANDLE B, PNDIS_BIND_PARAMETERS P)
{
	return ClBind(&ClientA, C, B, P);
}

static NDIS_STATUS ClBBind(NDIS_HANDLE C, NDIS_HANDLE B, PNDIS_BIND_PARAMETERS P)
{
	return ClBind(&ClientB, C, B, P);
}

static NDIS_STATUS ClAUnbind(NDIS_HANDLE U, NDIS_HANDLE B)
{
	return ClUnbind(&ClientA, U, B);
}

static NDIS_STATUS ClBUnbind(NDIS_HANDLE U, NDIS_HANDLE B)
{
	return ClUnbind(&ClientB, U, B);
}

static VOID ClAAfNotify(NDIS_HANDLE B, PCO_ADDRESS_FAMILY F)
{
	ClAfNotify(&ClientA, B, F);
}

static VOID ClBAfNotify(NDIS_HANDLE B, PCO_ADDRESS_FAMILY F)
{
	ClAfNotify(&ClientB, B, F);
}

static VOID ClAOpenAfComplete(NDIS_HANDLE C, NDIS_HANDLE H, NDIS_STATUS S)
{
	ClOpenAfComplete(&ClientA, C, H, S);
}

static VOID ClBOpenAfComplete(NDIS_HANDLE C, NDIS_HANDLE H, NDIS_STATUS S)
{
	ClOpenAfComplete(&ClientB, C, H, S);
}

static VOID ClACloseAfComplete(NDIS_STATUS S, NDIS_HANDLE C)
{
	ClCloseAfComplete(&ClientA, S, C);
}

static VOID ClBCloseAfComplete(NDIS_STATUS S, NDIS_HANDLE C)
{
	ClCloseAfComplete(&ClientB, S, C);
}

static VOID ClAMakeCallComplete(NDIS_STATUS S, NDIS_HANDLE C, NDIS_HANDLE P,
				PCO_CALL_PARAMETERS Params)
{
	ClMakeCallComplete(&ClientA, S, C);
}

static VOID ClBMakeCallComplete(NDIS_STATUS S, NDIS_HANDLE C, NDIS_HANDLE P,
				PCO_CALL_PARAMETERS Params)
{
	ClMakeCallComplete(&ClientB, S, C);
}

static VOID ClACloseCallComplete(NDIS_STATUS S, NDIS_HANDLE C, NDIS_HANDLE P)
{
	ClCloseCallComplete(&ClientA, S, C);
}

static VOID ClBCloseCallComplete(NDIS_STATUS S, NDIS_HANDLE C, NDIS_HANDLE P)
{
	ClCloseCallComplete(&ClientB, S, C);
}

/* ---- handlers the scenario never reaches (shared; counted if they run) ----------------- */

static void MultiUnexpected(const char *What)
{
	MultiLog("unexpected %s", What);
	atomic_inc(&ClientA.Count[EV_UNEXPECTED]);
}

static VOID NoCoStatus(NDIS_HANDLE B, NDIS_HANDLE V, PNDIS_STATUS_INDICATION S)
{
}

static VOID NoCoReceive(NDIS_HANDLE B, NDIS_HANDLE V, PNET_BUFFER_LIST L, ULONG N, ULONG F)
{
	MultiUnexpected("co_receive");
}

static VOID NoCoSendComplete(NDIS_HANDLE V, PNET_BUFFER_LIST L, ULONG F)
{
	MultiUnexpected("co_send_complete");
}

static NDIS_STATUS NoCreateVc(NDIS_HANDLE A, NDIS_HANDLE V, PNDIS_HANDLE C)
{
	MultiUnexpected("create_vc");
	return NDIS_STATUS_NOT_SUPPORTED;
}

static NDIS_STATUS NoDeleteVc(NDIS_HANDLE V)
{
	MultiUnexpected("delete_vc");
	return NDIS_STATUS_NOT_SUPPORTED;
}

static NDIS_STATUS NoOidRequest(NDIS_HANDLE A, NDIS_HANDLE V, NDIS_HANDLE P,
				PNDIS_OID_REQUEST R)
{
	MultiUnexpected("oid_request");
	return NDIS_STATUS_NOT_SUPPORTED;
}

static VOID NoOidRequestComplete(NDIS_HANDLE A, NDIS_HANDLE V, NDIS_HANDLE P,
				 PNDIS_OID_REQUEST R, NDIS_STATUS S)
{
	MultiUnexpected("oid_request_complete");
}

static VOID NoRegisterSapComplete(NDIS_STATUS S, NDIS_HANDLE C, PCO_SAP Sap, NDIS_HANDLE H)
{
	MultiUnexpected("register_sap_complete");
}

static VOID NoDeregisterSapComplete(NDIS_STATUS S, NDIS_HANDLE C)
{
	MultiUnexpected("deregister_sap_complete");
}

static VOID NoModifyQoSComplete(NDIS_STATUS S, NDIS_HANDLE V, PCO_CALL_PARAMETERS P)
{
	MultiUnexpected("modify_call_qos_complete");
}

static VOID NoAddPartyComplete(NDIS_STATUS S, NDIS_HANDLE C, NDIS_HANDLE H,
			       PCO_CALL_PARAMETERS P)
{
	MultiUnexpected("add_party_complete");
}

static VOID NoDropPartyComplete(NDIS_STATUS S, NDIS_HANDLE C)
{
	MultiUnexpected("drop_party_complete");
}

static NDIS_STATUS NoIncomingCall(NDIS_HANDLE S, NDIS_HANDLE V, PCO_CALL_PARAMETERS P)
{
	MultiUnexpected("incoming_call");
	return NDIS_STATUS_NOT_SUPPORTED;
}

static VOID NoQoSChange(NDIS_HANDLE V, PCO_CALL_PARAMETERS P)
{
	MultiUnexpected("incoming_call_qos_change");
}

static VOID NoIncomingCloseCall(NDIS_STATUS S, NDIS_HANDLE V, PVOID D, UINT N)
{
	MultiUnexpected("incoming_close_call");
}

static VOID NoIncomingDropParty(NDIS_STATUS S, NDIS_HANDLE P, PVOID D, UINT N)
{
	MultiUnexpected("incoming_drop_party");
}

static VOID NoCallConnected(NDIS_HANDLE V)
{
	MultiUnexpected("call_connected");
}

static NDIS_STATUS NoNotifyCloseAf(NDIS_HANDLE A)
{
	MultiUnexpected("notify_close_af");
	return NDIS_STATUS_NOT_SUPPORTED;
}

static NDIS_STATUS NoRegisterSap(NDIS_HANDLE A, PCO_SAP S, NDIS_HANDLE H, PNDIS_HANDLE C)
{
	MultiUnexpected("register_sap");
	return NDIS_STATUS_NOT_SUPPORTED;
}

static NDIS_STATUS NoDeregisterSap(NDIS_HANDLE S)
{
	MultiUnexpected("deregister_sap");
	return NDIS_STATUS_NOT_SUPPORTED;
}

static VOID NoIncomingCallComplete(NDIS_STATUS S, NDIS_HANDLE V, PCO_CALL_PARAMETERS P)
{
	MultiUnexpected("incoming_call_complete");
}

static NDIS_STATUS NoAddParty(NDIS_HANDLE V, PCO_CALL_PARAMETERS P, NDIS_HANDLE H,
			      PNDIS_HANDLE C)
{
	MultiUnexpected("add_party");
	return NDIS_STATUS_NOT_SUPPORTED;
}

static NDIS_STATUS NoDropParty(NDIS_HANDLE P, PVOID D, UINT N)
{
	MultiUnexpected("drop_party");
	return NDIS_STATUS_NOT_SUPPORTED;
}

static NDIS_STATUS NoModifyQoS(NDIS_HANDLE V, PCO_CALL_PARAMETERS P)
{
	MultiUnexpected("modify_call_qos");
	return NDIS_STATUS_NOT_SUPPORTED;
}

static VOID NoActivateVcComplete(NDIS_STATUS S, NDIS_HANDLE V, PCO_CALL_PARAMETERS P)
{
	MultiUnexpected("activate_vc_complete");
}

static VOID NoDeactivateVcComplete(NDIS_STATUS S, NDIS_HANDLE V)
{
	MultiUnexpected("deactivate_vc_complete");
}

static VOID NoNotifyCloseAfComplete(NDIS_HANDLE A, NDIS_STATUS S)
{
	MultiUnexpected("notify_close_af_complete");
}

static VOID NoMcmSend(NDIS_HANDLE V, PNET_BUFFER_LIST L, ULONG F)
{
	MultiUnexpected("co_send");
}

static VOID NoReturnNbls(NDIS_HANDLE A, PNET_BUFFER_LIST L, ULONG F)
{
	MultiUnexpected("return_net_buffer_lists");
}

/* ---- the MCMs: what each does, for the driver whose handler was called ------------------ */

static NDIS_STATUS McmInitialize(PMULTI_DRIVER Me, NDIS_HANDLE AdapterHandle,
				 NDIS_HANDLE DriverContext)
{
	NDIS_MINIPORT_ADAPTER_ATTRIBUTES attrs;
	CO_ADDRESS_FAMILY family = { .AddressFamily = MULTI_AF, .MajorVersion = 1 };
	PMULTI_ADAPTER ad;
	NDIS_STATUS status;

	MultiEvent(Me, EV_INITIALIZE, DriverContext);
	ad = MultiAlloc(sizeof(*ad));
	if (!ad)
		return NDIS_STATUS_RESOURCES;
	ad->Driver = Me;
	ad->AdapterHandle = AdapterHandle;
	NdisZeroMemory(&attrs, sizeof(attrs));
	attrs.RegistrationAttributes.Header.Type =
		NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES;
	attrs.RegistrationAttributes.Header.Revision =
		NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
	attrs.RegistrationAttributes.Header.Size =
		NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_1;
	attrs.RegistrationAttributes.MiniportAdapterContext = ad;
	status = NdisMSetMiniportAttributes(AdapterHandle, &attrs);
	if (status == NDIS_STATUS_SUCCESS)
		status = NdisMCmRegisterAddressFamilyEx(AdapterHandle, &family);
	if (status != NDIS_STATUS_SUCCESS)
		kfree(ad);
	return status;
}

static void McmHalt(PMULTI_DRIVER Me, NDIS_HANDLE AdapterCtx)
{
	MultiEvent(Me, EV_HALT, MultiOwner(AdapterCtx));
	kfree(AdapterCtx);
}

static NDIS_STATUS McmOpenAf(PMULTI_DRIVER Me, NDIS_HANDLE AdapterCtx, NDIS_HANDLE AfHandle,
			     PNDIS_HANDLE AfCtx)
{
	PMULTI_CM_AF af;

	MultiEvent(Me, EV_OPEN_AF, MultiOwner(AdapterCtx));
	af = MultiAlloc(sizeof(*af));
	if (!af)
		return NDIS_STATUS_RESOURCES;
	af->Driver = Me;
	af->AfHandle = AfHandle;
	*AfCtx = af;
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS McmCloseAf(PMULTI_DRIVER Me, NDIS_HANDLE AfCtx)
{
	MultiEvent(Me, EV_CLOSE_AF, MultiOwner(AfCtx));
	kfree(AfCtx);
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS McmCreateVc(PMULTI_DRIVER Me, NDIS_HANDLE AfCtx, NDIS_HANDLE VcHandle,
			       PNDIS_HANDLE VcCtx)
{
	PMULTI_CM_VC vc;

	MultiEvent(Me, EV_CREATE_VC, MultiOwner(AfCtx));
	vc = MultiAlloc(sizeof(*vc));
	if (!vc)
		return NDIS_STATUS_RESOURCES;
	vc->Driver = Me;
	vc->VcHandle = VcHandle;
	*VcCtx = vc;
	return NDIS_STATUS_SUCCESS;
}

static NDIS_STATUS McmDeleteVc(PMULTI_DRIVER Me, NDIS_HANDLE VcCtx)
{
	MultiEvent(Me, EV_DELETE_VC, MultiOwner(VcCtx));
	kfree(VcCtx);
	return NDIS_STATUS_SUCCESS;
}

/* Activate the VC and complete the call before returning PENDING, as NDIS allows. */
static NDIS_STATUS McmMakeCall(PMULTI_DRIVER Me, NDIS_HANDLE VcCtx, PCO_CALL_PARAMETERS Params)
{
	PMULTI_CM_VC vc = VcCtx;
	NDIS_STATUS status;

	MultiEvent(Me, EV_MAKE_CALL, MultiOwner(vc));
	status = NdisMCmActivateVc(vc->VcHandle, Params);
	NdisMCmMakeCallComplete(status, vc->VcHandle, NULL, NULL, Params);
	return NDIS_STATUS_PENDING;
}

static NDIS_STATUS McmCloseCall(PMULTI_DRIVER Me, NDIS_HANDLE VcCtx)
{
	PMULTI_CM_VC vc = VcCtx;

	MultiEvent(Me, EV_CLOSE_CALL, MultiOwner(vc));
	NdisMCmDeactivateVc(vc->VcHandle);
	NdisMCmCloseCallComplete(NDIS_STATUS_SUCCESS, vc->VcHandle, NULL);
	return NDIS_STATUS_PENDING;
}

/* MCM A's handlers and MCM B's. */
static NDIS_STATUS McmAInitialize(NDIS_HANDLE H, NDIS_HANDLE C,
				  PNDIS_MINIPORT_INIT_PARAMETERS P)
{
	return McmInitialize(&McmA, H, C);
}

static NDIS_STATUS McmBInitialize(NDIS_HANDLE H, NDIS_HANDLE C,
				  PNDIS_MINIPORT_INIT_PARAMETERS P)
{
	return McmInitialize(&McmB, H, C);
}

static VOID McmAHalt(NDIS_HANDLE C, NDIS_HALT_ACTION A)
{
	McmHalt(&McmA, C);
}

static VOID McmBHalt(NDIS_HANDLE C, NDIS_HALT_ACTION A)
{
	McmHalt(&McmB, C);
}

static NDIS_STATUS McmAOpenAf(NDIS_HANDLE B, PCO_ADDRESS_FAMILY F, NDIS_HANDLE H,
			      PNDIS_HANDLE C)
{
	return McmOpenAf(&McmA, B, H, C);
}

static NDIS_STATUS McmBOpenAf(NDIS_HANDLE B, PCO_ADDRESS_FAMILY F, NDIS_HANDLE H,
			      PNDIS_HANDLE C)
{
	return McmOpenAf(&McmB, B, H, C);
}

static NDIS_STATUS McmACloseAf(NDIS_HANDLE C)
{
	return McmCloseAf(&McmA, C);
}

static NDIS_STATUS McmBCloseAf(NDIS_HANDLE C)
{
	return McmCloseAf(&McmB, C);
}

static NDIS_STATUS McmACreateVc(NDIS_HANDLE A, NDIS_HANDLE H, PNDIS_HANDLE C)
{
	return McmCreateVc(&McmA, A, H, C);
}

static NDIS_STATUS McmBCreateVc(NDIS_HANDLE A, NDIS_HANDLE H, PNDIS_HANDLE C)
{
	return McmCreateVc(&McmB, A, H, C);
}

static NDIS_STATUS McmADeleteVc(NDIS_HANDLE C)
{
	return McmDeleteVc(&McmA, C);
}

static NDIS_STATUS McmBDeleteVc(NDIS_HANDLE C)
{
	return McmDeleteVc(&McmB, C);
}

static NDIS_STATUS McmAMakeCall(NDIS_HANDLE C, PCO_CALL_PARAMETERS P, NDIS_HANDLE H,
				PNDIS_HANDLE Party)
{
	return McmMakeCall(&McmA, C, P);
}

static NDIS_STATUS McmBMakeCall(NDIS_HANDLE C, PCO_CALL_PARAMETERS P, NDIS_HANDLE H,
				PNDIS_HANDLE Party)
{
	return McmMakeCall(&McmB, C, P);
}

static NDIS_STATUS McmACloseCall(NDIS_HANDLE C, NDIS_HANDLE P, PVOID D, UINT N)
{
	return McmCloseCall(&McmA, C);
}

static NDIS_STATUS McmBCloseCall(NDIS_HANDLE C, NDIS_HANDLE P, PVOID D, UINT N)
{
	return McmCloseCall(&McmB, C);
}

/* ---- registration ------------------------------------------------------------------------ */

static NDIS_STATUS ClSetOptions(NDIS_HANDLE Handle, NDIS_HANDLE DriverContext)
{
	bool a = DriverContext == &ClientA;
	NDIS_DRIVER_OPTIONAL_HANDLERS h;
	PNDIS_PROTOCOL_CO_CHARACTERISTICS co = &h.ProtocolCoCharacteristics;
	PNDIS_CO_CLIENT_OPTIONAL_HANDLERS cl = &h.ClientChars;
	NDIS_STATUS status;

	NdisZeroMemory(&h, sizeof(h));
	co->Header.Type = NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS;
	co->Header.Revision = NDIS_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
	co->Header.Size = NDIS_SIZEOF_PROTOCOL_CO_CHARACTERISTICS_REVISION_1;
	co->CoStatusHandlerEx = NoCoStatus;
	co->CoAfRegisterNotifyHandler = a ? ClAAfNotify : ClBAfNotify;
	co->CoReceiveNetBufferListsHandler = NoCoReceive;
	co->CoSendNetBufferListsCompleteHandler = NoCoSendComplete;
	status = NdisSetOptionalHandlers(Handle, &h);
	if (status != NDIS_STATUS_SUCCESS)
		return status;

	NdisZeroMemory(&h, sizeof(h));
	cl->Header.Type = NDIS_OBJECT_TYPE_CO_CLIENT_OPTIONAL_HANDLERS;
	cl->Header.Revision = NDIS_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1;
	cl->Header.Size = NDIS_SIZEOF_CO_CLIENT_OPTIONAL_HANDLERS_REVISION_1;
	cl->ClCreateVcHandler = NoCreateVc;
	cl->ClDeleteVcHandler = NoDeleteVc;
	cl->ClOidRequestHandler = NoOidRequest;
	cl->ClOidRequestCompleteHandler = NoOidRequestComplete;
	cl->ClOpenAfCompleteHandlerEx = a ? ClAOpenAfComplete : ClBOpenAfComplete;
	cl->ClCloseAfCompleteHandler = a ? ClACloseAfComplete : ClBCloseAfComplete;
	cl->ClRegisterSapCompleteHandler = NoRegisterSapComplete;
	cl->ClDeregisterSapCompleteHandler = NoDeregisterSapComplete;
	cl->ClMakeCallCompleteHandler = a ? ClAMakeCallComplete : ClBMakeCallComplete;
	cl->ClModifyCallQoSCompleteHandler = NoModifyQoSComplete;
	cl->ClCloseCallCompleteHandler = a ? ClACloseCallComplete : ClBCloseCallComplete;
	cl->ClAddPartyCompleteHandler = NoAddPartyComplete;
	cl->ClDropPartyCompleteHandler = NoDropPartyComplete;
	cl->ClIncomingCallHandler = NoIncomingCall;
	cl->ClIncomingCallQoSChangeHandler = NoQoSChange;
	cl->ClIncomingCloseCallHandler = NoIncomingCloseCall;
	cl->ClIncomingDropPartyHandler = NoIncomingDropParty;
	cl->ClCallConnectedHandler = NoCallConnected;
	cl->ClNotifyCloseAfHandler = NoNotifyCloseAf;
	return NdisSetOptionalHandlers(Handle, &h);
}

static NDIS_STATUS McmSetOptions(NDIS_HANDLE Handle, NDIS_HANDLE DriverContext)
{
	bool a = DriverContext == &McmA;
	NDIS_DRIVER_OPTIONAL_HANDLERS h;
	PNDIS_MINIPORT_CO_CHARACTERISTICS co = &h.MiniportCoCharacteristics;
	PNDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS cm = &h.CallManagerChars;
	NDIS_STATUS status;

	NdisZeroMemory(&h, sizeof(h));
	co->Header.Type = NDIS_OBJECT_TYPE_CO_MINIPORT_CHARACTERISTICS;
	co->Header.Revision = NDIS_MINIPORT_CO_CHARACTERISTICS_REVISION_1;
	co->Header.Size = NDIS_SIZEOF_MINIPORT_CO_CHARACTERISTICS_REVISION_1;
	co->CoSendNetBufferListsHandler = NoMcmSend;
	status = NdisSetOptionalHandlers(Handle, &h);
	if (status != NDIS_STATUS_SUCCESS)
		return status;

	NdisZeroMemory(&h, sizeof(h));
	cm->Header.Type = NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS;
	cm->Header.Revision = NDIS_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
	cm->Header.Size = NDIS_SIZEOF_CO_CALL_MANAGER_OPTIONAL_HANDLERS_REVISION_1;
	cm->CmCreateVcHandler = a ? McmACreateVc : McmBCreateVc;
	cm->CmDeleteVcHandler = a ? McmADeleteVc : McmBDeleteVc;
	cm->CmOpenAfHandler = a ? McmAOpenAf : McmBOpenAf;
	cm->CmCloseAfHandler = a ? McmACloseAf : McmBCloseAf;
	cm->CmRegisterSapHandler = NoRegisterSap;
	cm->CmDeregisterSapHandler = NoDeregisterSap;
	cm->CmMakeCallHandler = a ? McmAMakeCall : McmBMakeCall;
	cm->CmCloseCallHandler = a ? McmACloseCall : McmBCloseCall;
	cm->CmIncomingCallCompleteHandler = NoIncomingCallComplete;
	cm->CmAddPartyHandler = NoAddParty;
	cm->CmDropPartyHandler = NoDropParty;
	cm->CmActivateVcCompleteHandler = NoActivateVcComplete;
	cm->CmDeactivateVcCompleteHandler = NoDeactivateVcComplete;
	cm->CmModifyCallQoSHandler = NoModifyQoS;
	cm->CmOidRequestHandler = NoOidRequest;
	cm->CmOidRequestCompleteHandler = NoOidRequestComplete;
	cm->CmNotifyCloseAfCompleteHandler = NoNotifyCloseAfComplete;
	return NdisSetOptionalHandlers(Handle, &h);
}

static NDIS_STATUS MultiRegisterClient(PMULTI_DRIVER Me, NDIS_STRING Name, bool A)
{
	NDIS_PROTOCOL_DRIVER_CHARACTERISTICS pc;

	NdisZeroMemory(&pc, sizeof(pc));
	pc.Header.Type = NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS;
	pc.Header.Revision = NDIS_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
	pc.Header.Size = NDIS_SIZEOF_PROTOCOL_DRIVER_CHARACTERISTICS_REVISION_1;
	pc.MajorNdisVersion = 6;
	pc.Name = Name;
	pc.SetOptionsHandler = ClSetOptions;
	pc.BindAdapterHandlerEx = A ? ClABind : ClBBind;
	pc.UnbindAdapterHandlerEx = A ? ClAUnbind : ClBUnbind;
	return NdisRegisterProtocolDriver(Me, &pc, &Me->Handle);
}

static NDIS_STATUS MultiRegisterMcm(PMULTI_DRIVER Me, bool A)
{
	NDIS_MINIPORT_DRIVER_CHARACTERISTICS mc;
	NDIS_STATUS status;

	NdisZeroMemory(&mc, sizeof(mc));
	mc.Header.Type = NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS;
	mc.Header.Revision = NDIS_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
	mc.Header.Size = NDIS_SIZEOF_MINIPORT_DRIVER_CHARACTERISTICS_REVISION_1;
	mc.MajorNdisVersion = 6;
	mc.SetOptionsHandler = McmSetOptions;
	mc.InitializeHandlerEx = A ? McmAInitialize : McmBInitialize;
	mc.HaltHandlerEx = A ? McmAHalt : McmBHalt;
	mc.ReturnNetBufferListsHandler = NoReturnNbls;
	Me->DriverObject.Module = THIS_MODULE;
	status = NdisMRegisterMiniportDriver(&Me->DriverObject, NULL, Me, &mc, &Me->Handle);
	if (status != NDIS_STATUS_SUCCESS)
		return status;
	status = NdisLinuxAddAdapter(Me->Handle, A ? "multiA" : "multiB", &Me->Adapter);
	if (status != NDIS_STATUS_SUCCESS) {
		NdisMDeregisterMiniportDriver(Me->Handle);
		Me->Handle = NULL;
	}
	return status;
}

/* ---- the scenario ------------------------------------------------------------------------ */

static void MultiSnapshot(int Snap[][EV_MAX])
{
	unsigned int d, e;

	for (d = 0; d < ARRAY_SIZE(MultiDrivers); d++)
		for (e = 0; e < EV_MAX; e++)
			Snap[d][e] = atomic_read(&MultiDrivers[d]->Count[e]);
}

/*
 * Since @Before, exactly the events @Want (pairs of driver and event,
 * ended by a NULL driver) happened, each once: no other event of any
 * driver.  A failure is logged and counted.
 */
static void MultiExpect(const char *Step, int Before[][EV_MAX], const PMULTI_DRIVER *WantDrv,
			const enum multi_ev *WantEv)
{
	int now[ARRAY_SIZE(MultiDrivers)][EV_MAX];
	unsigned int d, e, i;

	MultiSnapshot(now);
	for (d = 0; d < ARRAY_SIZE(MultiDrivers); d++) {
		for (e = 0; e < EV_MAX; e++) {
			int want = 0;

			for (i = 0; WantDrv[i]; i++)
				want += WantDrv[i] == MultiDrivers[d] && WantEv[i] == e;
			if (now[d][e] - Before[d][e] == want)
				continue;
			MultiLog("FAIL %s: %s %s %d times, expected %d", Step,
				 MultiDrivers[d]->Name, multi_ev_names[e], now[d][e] - Before[d][e],
				 want);
			NdisAcquireSpinLock(&Multi.Lock);
			Multi.Failures++;
			NdisReleaseSpinLock(&Multi.Lock);
		}
	}
}

/* The CM driver of a client's binding: by its adapter's name. */
static PMULTI_DRIVER MultiCmOf(PMULTI_BINDING B)
{
	return !strcmp(B->Adapter, "multiA") ? &McmA : &McmB;
}

/* One call on @Af of @Me: create the VC, make the call, close it, delete the VC. */
static void MultiOneCall(PMULTI_DRIVER Me, PMULTI_CL_AF Af)
{
	int before[ARRAY_SIZE(MultiDrivers)][EV_MAX];
	PMULTI_DRIVER cm = MultiCmOf(Af->Binding);
	CO_CALL_MANAGER_PARAMETERS cmp = { };
	CO_CALL_PARAMETERS params = { };
	PMULTI_CL_VC vc;
	NDIS_STATUS st;

	MultiLog("call %s on %s", Me->Name, Af->Binding->Adapter);
	vc = MultiAlloc(sizeof(*vc));
	if (!vc)
		return;
	vc->Driver = Me;
	NdisInitializeEvent(&vc->Done);
	params.CallMgrParameters = &cmp;

	MultiSnapshot(before);
	st = NdisCoCreateVc(Af->Binding->BindingHandle, Af->AfHandle, vc, &vc->VcHandle);
	MultiExpect("create_vc", before, (PMULTI_DRIVER[]){ cm, NULL },
		    (enum multi_ev[]){ EV_CREATE_VC });
	if (st != NDIS_STATUS_SUCCESS) {
		MultiLog("FAIL %s create_vc: 0x%08x", Me->Name, st);
		kfree(vc);
		return;
	}

	MultiSnapshot(before);
	st = NdisClMakeCall(vc->VcHandle, &params, NULL, NULL);
	if (st == NDIS_STATUS_PENDING && NdisWaitEvent(&vc->Done, MULTI_WAIT_MS))
		st = vc->Status;
	MultiExpect("make_call", before, (PMULTI_DRIVER[]){ cm, Me, NULL },
		    (enum multi_ev[]){ EV_MAKE_CALL, EV_MAKE_CALL_COMPLETE });
	if (st != NDIS_STATUS_SUCCESS)
		MultiLog("FAIL %s make_call: 0x%08x", Me->Name, st);

	NdisResetEvent(&vc->Done);
	MultiSnapshot(before);
	st = NdisClCloseCall(vc->VcHandle, NULL, NULL, 0);
	if (st == NDIS_STATUS_PENDING && NdisWaitEvent(&vc->Done, MULTI_WAIT_MS))
		st = vc->Status;
	MultiExpect("close_call", before, (PMULTI_DRIVER[]){ cm, Me, NULL },
		    (enum multi_ev[]){ EV_CLOSE_CALL, EV_CLOSE_CALL_COMPLETE });
	if (st != NDIS_STATUS_SUCCESS)
		MultiLog("FAIL %s close_call: 0x%08x", Me->Name, st);

	MultiSnapshot(before);
	st = NdisCoDeleteVc(vc->VcHandle);
	MultiExpect("delete_vc", before, (PMULTI_DRIVER[]){ cm, NULL },
		    (enum multi_ev[]){ EV_DELETE_VC });
	if (st != NDIS_STATUS_SUCCESS)
		MultiLog("FAIL %s delete_vc: 0x%08x", Me->Name, st);
	kfree(vc);
}

/* Each client, each of its open AFs in turn (ctl runs one command at a time). */
static void MultiCalls(void)
{
	PMULTI_CL_AF afs[4];
	unsigned int c, n, i;

	for (c = 0; c < 2; c++) {
		PMULTI_DRIVER me = c ? &ClientB : &ClientA;
		PLIST_ENTRY e;

		n = 0;
		NdisAcquireSpinLock(&Multi.Lock);
		for (e = me->Bindings.Flink; e != &me->Bindings; e = e->Flink) {
			PMULTI_BINDING b = CONTAINING_RECORD(e, MULTI_BINDING, Link);

			if (b->Af && n < ARRAY_SIZE(afs))
				afs[n++] = b->Af;
		}
		NdisReleaseSpinLock(&Multi.Lock);
		for (i = 0; i < n; i++)
			MultiOneCall(me, afs[i]);
	}
}

/* Ask each client to leave each of its bindings. */
static void MultiUnbind(void)
{
	NDIS_HANDLE handles[8];
	unsigned int c, n = 0, i;

	NdisAcquireSpinLock(&Multi.Lock);
	for (c = 0; c < 2; c++) {
		PMULTI_DRIVER me = c ? &ClientB : &ClientA;
		PLIST_ENTRY e;

		for (e = me->Bindings.Flink; e != &me->Bindings && n < ARRAY_SIZE(handles);
		     e = e->Flink)
			handles[n++] = CONTAINING_RECORD(e, MULTI_BINDING, Link)->BindingHandle;
	}
	NdisReleaseSpinLock(&Multi.Lock);
	for (i = 0; i < n; i++)
		NdisUnbindAdapter(handles[i]);
}

/* ---- debugfs ------------------------------------------------------------------------------ */

static int multi_events_show(struct seq_file *m, void *v)
{
	unsigned int i, n;

	NdisAcquireSpinLock(&Multi.Lock);
	n = min_t(unsigned int, Multi.Seq, MULTI_LOG_MAX);
	for (i = 0; i < n; i++)
		seq_printf(m, "%u %s\n", i + 1, Multi.Log[i]);
	NdisReleaseSpinLock(&Multi.Lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(multi_events);

static int multi_counts_show(struct seq_file *m, void *v)
{
	unsigned int d, e;

	for (d = 0; d < ARRAY_SIZE(MultiDrivers); d++)
		for (e = 0; e < EV_MAX; e++)
			seq_printf(m, "%s %s %d\n", MultiDrivers[d]->Name, multi_ev_names[e],
				   atomic_read(&MultiDrivers[d]->Count[e]));
	seq_printf(m, "failures %u\n", Multi.Failures);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(multi_counts);

static DEFINE_MUTEX(multi_ctl_lock);	/* one command at a time */

static ssize_t MultiCtlWrite(struct file *f, const char __user *ubuf, size_t len, loff_t *pos)
{
	char buf[16] = { };

	if (len >= sizeof(buf) || copy_from_user(buf, ubuf, len))
		return -EINVAL;
	strim(buf);
	mutex_lock(&multi_ctl_lock);
	if (!strcmp(buf, "call"))
		MultiCalls();
	else if (!strcmp(buf, "unbind"))
		MultiUnbind();
	else
		len = -EINVAL;
	mutex_unlock(&multi_ctl_lock);
	return len;
}

static const struct file_operations multi_ctl_fops = {
	.owner = THIS_MODULE,
	.write = MultiCtlWrite,
};

/* ---- the module ----------------------------------------------------------------------------- */

static void MultiDeregister(void)
{
	if (ClientA.Handle)
		NdisDeregisterProtocolDriver(ClientA.Handle);
	if (ClientB.Handle)
		NdisDeregisterProtocolDriver(ClientB.Handle);
	if (McmA.Handle)
		NdisMDeregisterMiniportDriver(McmA.Handle);
	if (McmB.Handle)
		NdisMDeregisterMiniportDriver(McmB.Handle);
}

static int __init multi_init(void)
{
	NDIS_STRING nameA = NDIS_STRING_CONST("ndismultiA");
	NDIS_STRING nameB = NDIS_STRING_CONST("ndismultiB");
	NDIS_STATUS st;

	NdisAllocateSpinLock(&Multi.Lock);
	InitializeListHead(&ClientA.Bindings);
	InitializeListHead(&ClientB.Bindings);
	Multi.Dir = debugfs_create_dir("ndismulti", NULL);
	debugfs_create_file("events", 0444, Multi.Dir, NULL, &multi_events_fops);
	debugfs_create_file("counts", 0444, Multi.Dir, NULL, &multi_counts_fops);
	debugfs_create_file("ctl", 0200, Multi.Dir, NULL, &multi_ctl_fops);

	/* Two miniport drivers, then two protocol drivers, all from this file. */
	st = MultiRegisterMcm(&McmA, true);
	MultiLog("register mcmA 0x%08x", st);
	if (st == NDIS_STATUS_SUCCESS) {
		st = MultiRegisterMcm(&McmB, false);
		MultiLog("register mcmB 0x%08x", st);
	}
	if (st == NDIS_STATUS_SUCCESS) {
		st = MultiRegisterClient(&ClientA, nameA, true);
		MultiLog("register clA 0x%08x", st);
	}
	if (st == NDIS_STATUS_SUCCESS) {
		st = MultiRegisterClient(&ClientB, nameB, false);
		MultiLog("register clB 0x%08x", st);
	}
	if (st != NDIS_STATUS_SUCCESS) {
		pr_err("ndismulti: a registration failed: 0x%08x\n", st);
		MultiDeregister();
		debugfs_remove_recursive(Multi.Dir);
		return ndis_status_to_errno(st);
	}
	return 0;
}

static void __exit multi_exit(void)
{
	MultiDeregister();
	debugfs_remove_recursive(Multi.Dir);
}

module_init(multi_init);
module_exit(multi_exit);
MODULE_DESCRIPTION("Two NDIS clients and two NDIS MCMs registered from one source file");
MODULE_LICENSE("GPL");
