// SPDX-License-Identifier: GPL-2.0
/*
 * ndisclient: the client handlers for the address family and SAPs.
 * See client.h for the objects and locking, client.c for the whole.
 */
#include "client.h"

/* ---- client handlers: AF and SAPs ---------------------------------------------------- */

/**
 * ClOpenAfComplete() - ProtocolClOpenAfCompleteEx: the AF is open, or not
 * @ProtocolAfContext: the binding (CL_BINDING)
 * @NdisAfHandle: NDIS's handle of the AF
 * @Status: the result
 *
 * Context: process (PASSIVE_LEVEL).
 */
void ClOpenAfComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE NdisAfHandle,
		      NDIS_STATUS Status)
{
	PCL_BINDING b = ProtocolAfContext;

	NdisAcquireSpinLock(&Cl.Lock);
	b->AfStatus = Status;
	if (Status == NDIS_STATUS_SUCCESS) {
		b->AfHandle = NdisAfHandle;
		b->AfState = ClAfOpen;
	} else {
		b->AfState = ClAfNone;
	}
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("open_af_complete adapter=%s status=0x%08x", b->Name, Status);
	NdisSetEvent(&b->AfEvent);
}

/**
 * ClCloseAfComplete() - ProtocolClCloseAfComplete: the AF is closed, or stays open
 * @Status: the result
 * @ProtocolAfContext: the binding (CL_BINDING)
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
void ClCloseAfComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolAfContext)
{
	PCL_BINDING b = ProtocolAfContext;

	NdisAcquireSpinLock(&Cl.Lock);
	b->AfStatus = Status;
	if (Status == NDIS_STATUS_SUCCESS) {
		b->AfHandle = NULL;
		b->AfState = ClAfNone;
	}
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("close_af_complete adapter=%s status=0x%08x", b->Name, Status);
	NdisSetEvent(&b->AfEvent);
}

/**
 * ClNotifyCloseAf() - ProtocolClNotifyCloseAf: the call manager wants the AF closed
 * @ClientAfContext: the binding (CL_BINDING)
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_PENDING, or NDIS_STATUS_SUCCESS while unbinding.
 */
NDIS_STATUS ClNotifyCloseAf(NDIS_HANDLE ClientAfContext)
{
	PCL_BINDING b = ClientAfContext;

	BOOLEAN queued;

	NdisAcquireSpinLock(&Cl.Lock);
	queued = !!b->NotifyWork;
	if (queued) {
		b->NotifyAf = b->AfHandle;
		/* Under the lock: the unbind frees the work item after it. */
		NdisQueueIoWorkItem(b->NotifyWork, ClNotifyWorker, b);
	}
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("notify_close_af adapter=%s%s", b->Name, queued ? "" : " (unbinding)");
	/* Unbinding: the unbind closes the AF itself. */
	return queued ? NDIS_STATUS_PENDING : NDIS_STATUS_SUCCESS;
}

/**
 * ClRegisterSapComplete() - ProtocolClRegisterSapComplete: a registration's result (also
 *	called by us for a result given at once)
 * @Status: the result
 * @ProtocolSapContext: the SAP (CL_SAP)
 * @Sap: the SAP address
 * @NdisSapHandle: NDIS's handle of the SAP
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
void ClRegisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext, PCO_SAP Sap,
			   NDIS_HANDLE NdisSapHandle)
{
	PCL_SAP sap = ProtocolSapContext;
	ULONG n;

	NdisAcquireSpinLock(&Cl.Lock);
	n = ++sap->RegCompletions;
	if (sap->State == ClSapRegistering) {
		sap->Status = Status;
		if (Status == NDIS_STATUS_SUCCESS) {
			sap->SapHandle = NdisSapHandle;
			sap->State = ClSapRegistered;
		} else {
			sap->State = ClSapFailed;
		}
	}
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("register_sap_complete adapter=%s sap=%s status=0x%08x n=%u", sap->Binding->Name,
	      sap->Name, Status, n);
	NdisSetEvent(&sap->Done);
}

/**
 * ClDeregisterSapComplete() - ProtocolClDeregisterSapComplete: counted
 * @Status: the result
 * @ProtocolSapContext: the SAP (CL_SAP)
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
void ClDeregisterSapComplete(NDIS_STATUS Status, NDIS_HANDLE ProtocolSapContext)
{
	PCL_SAP sap = ProtocolSapContext;
	ULONG n;

	NdisAcquireSpinLock(&Cl.Lock);
	n = ++sap->DeregCompletions;
	if (sap->State == ClSapDeregistering)
		sap->State = ClSapGone;
	NdisReleaseSpinLock(&Cl.Lock);
	ClLog("deregister_sap_complete adapter=%s sap=%s status=0x%08x n=%u",
	      sap->Binding->Name, sap->Name, Status, n);
	NdisSetEvent(&sap->Done);
}
