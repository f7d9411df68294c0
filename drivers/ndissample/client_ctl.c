// SPDX-License-Identifier: GPL-2.0
/*
 * ndisclient: what the control file (client_linux.c) asks for.
 * See client.h for the objects and locking, client.c for the whole.
 */
#include "client.h"

/* ---- what the control file asks for ----------------------------------------------------- */

static PCL_SAP ClFindSap(PCL_BINDING Binding, const char *Name, CL_SAP_STATE State)
{
	PLIST_ENTRY e;

	for (e = Binding->Saps.Flink; e != &Binding->Saps; e = e->Flink) {
		PCL_SAP sap = CONTAINING_RECORD(e, CL_SAP, Link);

		if (!strcmp(sap->Name, Name) && sap->State == State)
			return sap;
	}
	return NULL;
}

/**
 * ClListen() - register a SAP and wait for the result
 * @Adapter: the adapter's name
 * @Name: the service name
 *
 * Context: process.
 * Return: the registration's status.
 */
NDIS_STATUS ClListen(const char *Adapter, const char *Name)
{
	PCL_BINDING b;
	NDIS_STATUS status;
	NDIS_HANDLE handle = NULL;
	ULONG len = strlen(Name);
	PCL_SAP sap;

	if (!len || len > NDISLOOP_NAME_MAX)
		return NDIS_STATUS_INVALID_PARAMETER;
	b = ClGetBinding(Adapter);
	if (!b)
		return NDIS_STATUS_ADAPTER_NOT_FOUND;
	sap = ClAlloc(sizeof(*sap));
	if (!sap) {
		ClPutBinding(b);
		return NDIS_STATUS_RESOURCES;
	}
	sap->Binding = b;
	sap->State = ClSapRegistering;
	NdisInitializeEvent(&sap->Done);
	NdisMoveMemory(sap->Name, Name, len);
	sap->Sap.SapType = NDISLOOP_SAP_TYPE;
	sap->Sap.SapLength = len;
	NdisMoveMemory(sap->Sap.Sap, Name, len);
	NdisAcquireSpinLock(&Cl.Lock);
	InsertTailList(&b->Saps, &sap->Link);
	NdisReleaseSpinLock(&Cl.Lock);

	ClLog("register_sap adapter=%s sap=%s", b->Name, Name);
	status = NdisClRegisterSap(b->AfHandle, sap, &sap->Sap, &handle);
	if (status == NDIS_STATUS_PENDING) {
		if (!NdisWaitEvent(&sap->Done, CL_WAIT_MS))
			status = NDIS_STATUS_FAILURE;
		else
			status = sap->Status;
	} else {
		ClRegisterSapComplete(status, sap, &sap->Sap, handle);
	}
	ClPutBinding(b);
	return status;
}

/**
 * ClUnlisten() - deregister a SAP; the completion comes later
 * @Adapter: the adapter's name
 * @Name: the service name
 *
 * Context: process.
 * Return: what NdisClDeregisterSap returned (NDIS_STATUS_PENDING), or
 * NDIS_STATUS_INVALID_DATA if there is no such registered SAP.
 */
NDIS_STATUS ClUnlisten(const char *Adapter, const char *Name)
{
	PCL_BINDING b = ClGetBinding(Adapter);
	NDIS_HANDLE handle = NULL;
	NDIS_STATUS status;
	PCL_SAP sap;

	if (!b)
		return NDIS_STATUS_ADAPTER_NOT_FOUND;
	NdisAcquireSpinLock(&Cl.Lock);
	sap = ClFindSap(b, Name, ClSapRegistered);
	if (sap) {
		sap->State = ClSapDeregistering;
		NdisResetEvent(&sap->Done);
		handle = sap->SapHandle;
	}
	NdisReleaseSpinLock(&Cl.Lock);
	status = NDIS_STATUS_INVALID_DATA;
	if (sap) {
		ClLog("deregister_sap adapter=%s sap=%s", b->Name, Name);
		status = NdisClDeregisterSap(handle);
		ClLog("deregister_sap adapter=%s sap=%s returned=0x%08x", b->Name, Name, status);
		if (status != NDIS_STATUS_PENDING) {
			NdisAcquireSpinLock(&Cl.Lock);
			sap->State = ClSapRegistered;
			NdisReleaseSpinLock(&Cl.Lock);
		}
	}
	ClPutBinding(b);
	return status;
}

static PCL_CALL ClFindCall(ULONG Id)
{
	PLIST_ENTRY e, c;

	for (e = Cl.Bindings.Flink; e != &Cl.Bindings; e = e->Flink) {
		PCL_BINDING b = CONTAINING_RECORD(e, CL_BINDING, Link);

		for (c = b->Calls.Flink; c != &b->Calls; c = c->Flink) {
			PCL_CALL call = CONTAINING_RECORD(c, CL_CALL, Link);

			if (call->Id == Id && call->VcHandle)
				return call;
		}
	}
	return NULL;
}

/* The live call @Id with its binding referenced (ClPutBinding()), or NULL. */
static PCL_CALL ClGetCall(ULONG Id)
{
	PCL_CALL call;

	NdisAcquireSpinLock(&Cl.Lock);
	call = ClFindCall(Id);
	if (call && (call->Binding->Unbinding || call->Binding->AfState != ClAfOpen))
		call = NULL;
	if (call)
		call->Binding->Busy++;
	NdisReleaseSpinLock(&Cl.Lock);
	return call;
}

/*
 * A call @Id from @Binding to @Name, with its parameters and, if
 * @Multipoint, its first party (set in @Party); NULL if short of memory.
 */
static PCL_CALL ClNewOutgoingCall(PCL_BINDING Binding, ULONG Id, const char *Name,
				  BOOLEAN Multipoint, PCL_PARTY *Party)
{
	PCL_PARTY party = NULL;
	PCL_CALL call;

	call = ClNewCall(Binding, TRUE);
	if (!call)
		return NULL;
	call->Id = Id;
	NdisMoveMemory(call->Sap, Name, strlen(Name));
	call->Params = ClNewParams(Name, QOS_NOT_SPECIFIED);
	if (Multipoint) {
		call->Multipoint = TRUE;
		party = ClNewParty(call, 1, Name);
		if (party)
			InsertTailList(&call->Parties, &party->Link);
	}
	if (!call->Params || (Multipoint && !party)) {
		ClFreeCall(call);
		return NULL;
	}
	*Party = party;
	return call;
}

/**
 * ClCall() - place a call and wait for the result
 * @Id: the call's id, not in use
 * @Adapter: the adapter to call from
 * @Name: the called service name
 * @Multipoint: make it a multipoint call, the first party (number 1) to @Name
 *
 * Context: process.
 * Return: the make-call's status.
 */
NDIS_STATUS ClCall(ULONG Id, const char *Adapter, const char *Name, BOOLEAN Multipoint)
{
	ULONG len = strlen(Name);
	PCL_PARTY party = NULL;
	PCL_BINDING b;
	NDIS_STATUS status;
	PCL_CALL call;
	BOOLEAN taken;

	if (!len || len > NDISLOOP_NAME_MAX || Id >= CL_FIRST_IN_ID)
		return NDIS_STATUS_INVALID_PARAMETER;
	b = ClGetBinding(Adapter);
	if (!b)
		return NDIS_STATUS_ADAPTER_NOT_FOUND;
	status = NDIS_STATUS_RESOURCES;
	call = ClNewOutgoingCall(b, Id, Name, Multipoint, &party);
	if (!call)
		goto out;

	NdisAcquireSpinLock(&Cl.Lock);
	taken = !!ClFindCall(Id);
	if (!taken)
		InsertTailList(&b->Calls, &call->Link);
	NdisReleaseSpinLock(&Cl.Lock);
	if (taken) {
		ClFreeCall(call);
		status = NDIS_STATUS_INVALID_PARAMETER;
		goto out;
	}

	status = NdisCoCreateVc(b->BindingHandle, b->AfHandle, call, &call->VcHandle);
	if (status != NDIS_STATUS_SUCCESS) {
		NdisAcquireSpinLock(&Cl.Lock);
		call->State = ClCallFailed;
		NdisReleaseSpinLock(&Cl.Lock);
		goto out;
	}
	ClLog("make_call call=%u adapter=%s sap=%s%s", Id, b->Name, Name,
	      Multipoint ? " multipoint" : "");
	status = NdisClMakeCall(call->VcHandle, call->Params, party,
				party ? &party->PartyHandle : NULL);
	if (status == NDIS_STATUS_PENDING) {
		if (NdisWaitEvent(&call->Done, CL_WAIT_MS))
			status = call->Status;
		else
			status = NDIS_STATUS_FAILURE;
	} else {
		ClMakeCallComplete(status, call, party ? party->PartyHandle : NULL, call->Params);
	}
out:
	ClPutBinding(b);
	return status;
}

/**
 * ClClose() - close a call and wait for the result
 * @Id: the call's id
 *
 * Context: process.
 * Return: the close-call's status.
 */
NDIS_STATUS ClClose(ULONG Id)
{
	PCL_CALL call = ClGetCall(Id);
	NDIS_STATUS status;

	if (!call)
		return NDIS_STATUS_INVALID_PARAMETER;
	ClLog("close_call call=%u", Id);
	ClCloseOne(call);
	NdisAcquireSpinLock(&Cl.Lock);
	status = call->Status;
	NdisReleaseSpinLock(&Cl.Lock);
	ClPutBinding(call->Binding);
	return status;
}

/**
 * ClSend() - send packets on a call and wait until they all completed
 * @Id: the call's id
 * @Count: how many packets
 * @Size: bytes each (a header, then a pattern)
 *
 * Context: process.
 * Return: NDIS_STATUS_SUCCESS if every packet completed with success,
 * NDIS_STATUS_FAILURE otherwise.
 */
NDIS_STATUS ClSend(ULONG Id, ULONG Count, ULONG Size)
{
	PCL_CALL call = ClGetCall(Id);
	PNET_BUFFER_LIST head, *tail, nbl;
	ULONG sent = 0, errors, batch, i, j;
	NDIS_STATUS status = NDIS_STATUS_SUCCESS;

	if (!call)
		return NDIS_STATUS_INVALID_PARAMETER;
	if (Size < sizeof(struct cl_pkt_hdr) || Size > NDISLOOP_MTU) {
		ClPutBinding(call->Binding);
		return NDIS_STATUS_INVALID_LENGTH;
	}
	errors = call->TxErr;
	while (sent < Count && status == NDIS_STATUS_SUCCESS) {
		head = NULL;
		tail = &head;
		batch = min_t(ULONG, Count - sent, 16);
		for (i = 0; i < batch; i++) {
			struct cl_pkt_hdr *h;
			PNET_BUFFER nb;
			PUCHAR data;

			nbl = NdisAllocateNetBufferList(call->Binding->TxPool, 0, 0);
			if (!nbl) {
				status = NDIS_STATUS_RESOURCES;
				break;
			}
			nb = NET_BUFFER_LIST_FIRST_NB(nbl);
			data = MmGetSystemAddressForMdlSafe(NET_BUFFER_FIRST_MDL(nb),
							    NormalPagePriority);
			h = (struct cl_pkt_hdr *)data;
			h->Magic = CL_PKT_MAGIC;
			h->CallId = Id;
			h->Seq = call->Tx + i;
			h->Length = Size;
			for (j = sizeof(*h); j < Size; j++)
				data[j] = (UCHAR)(h->Seq + j);
			NET_BUFFER_DATA_LENGTH(nb) = Size;
			nbl->SourceHandle = call->VcHandle;
			*tail = nbl;
			tail = &NET_BUFFER_LIST_NEXT_NBL(nbl);
		}
		if (!head)
			break;
		NdisResetEvent(&call->TxIdle);
		for (nbl = head; nbl; nbl = NET_BUFFER_LIST_NEXT_NBL(nbl)) {
			NdisInterlockedIncrement(&call->TxPending);
			NdisInterlockedIncrement(&call->Tx);
			sent++;
		}
		NdisCoSendNetBufferLists(call->VcHandle, head, 0);
		if (!NdisWaitEvent(&call->TxIdle, CL_WAIT_MS))
			status = NDIS_STATUS_FAILURE;
	}
	if (call->TxErr != errors)
		status = NDIS_STATUS_FAILURE;
	ClLog("send call=%u count=%u size=%u status=0x%08x", Id, sent, Size, status);
	ClPutBinding(call->Binding);
	return status;
}

/* The party @PartyId of call @Call; under Cl.Lock. */
static PCL_PARTY ClFindParty(PCL_CALL Call, ULONG PartyId)
{
	PLIST_ENTRY e;

	for (e = Call->Parties.Flink; e != &Call->Parties; e = e->Flink) {
		PCL_PARTY party = CONTAINING_RECORD(e, CL_PARTY, Link);

		if (party->Id == PartyId)
			return party;
	}
	return NULL;
}

/**
 * ClAddParty() - add a party to a multipoint call of ours and wait for the result
 * @Id: the call's id
 * @PartyId: the party's number within the call, not in use
 * @Name: the service name its leaf listens on
 *
 * Context: process.
 * Return: the add-party's status.
 */
NDIS_STATUS ClAddParty(ULONG Id, ULONG PartyId, const char *Name)
{
	ULONG len = strlen(Name);
	PCL_CALL call;
	PCL_PARTY party;
	NDIS_STATUS status;
	BOOLEAN ok;

	if (!len || len > NDISLOOP_NAME_MAX)
		return NDIS_STATUS_INVALID_PARAMETER;
	call = ClGetCall(Id);
	if (!call)
		return NDIS_STATUS_INVALID_PARAMETER;
	status = NDIS_STATUS_RESOURCES;
	party = ClNewParty(call, PartyId, Name);
	if (!party)
		goto out;
	party->Params = ClNewParams(Name, QOS_NOT_SPECIFIED);
	if (!party->Params) {
		ClFree(party);
		goto out;
	}
	NdisAcquireSpinLock(&Cl.Lock);
	ok = call->Multipoint && !ClFindParty(call, PartyId);
	if (ok)
		InsertTailList(&call->Parties, &party->Link);
	NdisReleaseSpinLock(&Cl.Lock);
	if (!ok) {
		ClFree(party->Params);
		ClFree(party);
		status = NDIS_STATUS_INVALID_PARAMETER;
		goto out;
	}
	ClLog("add_party call=%u party=%u sap=%s", Id, PartyId, Name);
	status = NdisClAddParty(call->VcHandle, party, party->Params, &party->PartyHandle);
	if (status == NDIS_STATUS_PENDING) {
		if (NdisWaitEvent(&party->Done, CL_WAIT_MS))
			status = party->Status;
		else
			status = NDIS_STATUS_FAILURE;
	} else {
		/* No completion follows: the result is the party's. */
		ClLog("add_party call=%u party=%u returned=0x%08x", Id, PartyId, status);
		NdisAcquireSpinLock(&Cl.Lock);
		party->Status = status;
		party->State = status == NDIS_STATUS_SUCCESS ? ClPartyActive : ClPartyFailed;
		NdisReleaseSpinLock(&Cl.Lock);
	}
out:
	ClPutBinding(call->Binding);
	return status;
}

/**
 * ClDropParty() - drop a party of a multipoint call of ours and wait for the result
 * @Id: the call's id
 * @PartyId: the party's number
 *
 * Context: process.
 * Return: the drop-party's status (NdisClDropParty's own for the last party).
 */
NDIS_STATUS ClDropParty(ULONG Id, ULONG PartyId)
{
	PCL_CALL call = ClGetCall(Id);
	NDIS_STATUS status = NDIS_STATUS_INVALID_PARAMETER;
	NDIS_HANDLE handle = NULL;
	PCL_PARTY party;

	if (!call)
		return NDIS_STATUS_INVALID_PARAMETER;
	NdisAcquireSpinLock(&Cl.Lock);
	party = ClFindParty(call, PartyId);
	if (party && party->State == ClPartyActive) {
		party->State = ClPartyDropping;
		handle = party->PartyHandle;
		NdisResetEvent(&party->Done);
	}
	NdisReleaseSpinLock(&Cl.Lock);
	if (!handle)
		goto out;
	ClLog("drop_party call=%u party=%u", Id, PartyId);
	status = NdisClDropParty(handle, NULL, 0);
	if (status == NDIS_STATUS_PENDING) {
		if (NdisWaitEvent(&party->Done, CL_WAIT_MS))
			status = party->Status;
		else
			status = NDIS_STATUS_FAILURE;
	} else {
		/* Refused at once (the last party: close the call): no completion follows. */
		ClLog("drop_party call=%u party=%u returned=0x%08x", Id, PartyId, status);
		NdisAcquireSpinLock(&Cl.Lock);
		party->State = status == NDIS_STATUS_SUCCESS ? ClPartyDropped : ClPartyActive;
		NdisReleaseSpinLock(&Cl.Lock);
	}
out:
	ClPutBinding(call->Binding);
	return status;
}

/**
 * ClModifyQos() - ask for a new token rate (and peak bandwidth) both ways on a call, and wait
 * @Id: the call's id
 * @Rate: bytes/s
 *
 * Context: process.
 * Return: the QoS change's status.
 */
NDIS_STATUS ClModifyQos(ULONG Id, ULONG Rate)
{
	PCL_CALL call = ClGetCall(Id);
	PCO_CALL_PARAMETERS params, old;
	NDIS_STATUS status;

	if (!call)
		return NDIS_STATUS_INVALID_PARAMETER;
	params = ClNewParams(call->Sap[0] ? call->Sap : "?", Rate);
	if (!params) {
		ClPutBinding(call->Binding);
		return NDIS_STATUS_RESOURCES;
	}
	/* Lent to NDIS until the change completes; kept until the next one. */
	NdisAcquireSpinLock(&Cl.Lock);
	old = call->Qos;
	call->Qos = params;
	NdisResetEvent(&call->QosDone);
	NdisReleaseSpinLock(&Cl.Lock);
	ClFree(old);
	ClLog("modify_qos call=%u rate=%u", Id, Rate);
	status = NdisClModifyCallQoS(call->VcHandle, params);
	if (status == NDIS_STATUS_PENDING) {
		if (NdisWaitEvent(&call->QosDone, CL_WAIT_MS))
			status = call->QosStatus;
		else
			status = NDIS_STATUS_FAILURE;
	} else {
		/* No completion follows. */
		ClLog("modify_qos call=%u returned=0x%08x", Id, status);
	}
	ClPutBinding(call->Binding);
	return status;
}
