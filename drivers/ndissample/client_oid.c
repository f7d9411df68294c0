// SPDX-License-Identifier: GPL-2.0
/*
 * ndisclient: OID requests: those the client sends (NdisCoOidRequest to the miniport
 * or the call manager, NdisOidRequest to the miniport) and those it gets.
 * See client.h for the objects and locking, client.c for the whole.
 */
#include "client.h"

/* ---- OID requests ----------------------------------------------------------------------- */

/**
 * struct _CL_OID - an OID request the client sends
 * @Request: the request
 * @Done: set by ProtocolCoOidRequestComplete
 * @Status: its status
 * @Buffer: the information buffer
 */
typedef struct _CL_OID {
	NDIS_OID_REQUEST Request;
	NDIS_EVENT Done;
	NDIS_STATUS Status;
	UCHAR Buffer[64];
} CL_OID, *PCL_OID;

/**
 * ClOidRequest() - ProtocolCoOidRequest: the call manager asks; nothing is supported
 * @ProtocolAfContext: the binding (CL_BINDING)
 * @ProtocolVcContext: the call (CL_CALL)
 * @ProtocolPartyContext: unused (no multipoint)
 * @OidRequest: the request
 *
 * Context: any (<= DISPATCH_LEVEL).
 * Return: NDIS_STATUS_NOT_SUPPORTED.
 */
NDIS_STATUS ClOidRequest(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
			 NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest)
{
	return NDIS_STATUS_NOT_SUPPORTED;
}

/**
 * ClOidRequestComplete() - ProtocolCoOidRequestComplete: a request we sent is done
 * @ProtocolAfContext: the binding (CL_BINDING)
 * @ProtocolVcContext: the call (CL_CALL)
 * @ProtocolPartyContext: unused (no multipoint)
 * @OidRequest: the request
 * @Status: the result
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
void ClOidRequestComplete(NDIS_HANDLE ProtocolAfContext, NDIS_HANDLE ProtocolVcContext,
			  NDIS_HANDLE ProtocolPartyContext, PNDIS_OID_REQUEST OidRequest,
			  NDIS_STATUS Status)
{
	PCL_OID oid = CONTAINING_RECORD(OidRequest, CL_OID, Request);

	ClLog("co_oid_request_complete oid=0x%08x status=0x%08x", OidRequest->DATA.Oid, Status);
	oid->Status = Status;
	NdisSetEvent(&oid->Done);
}

/**
 * ClOidRequestCompleteEx() - ProtocolOidRequestComplete: an NdisOidRequest() is done
 * @ProtocolBindingContext: the binding (CL_BINDING)
 * @OidRequest: the request
 * @Status: the result
 *
 * Context: any (<= DISPATCH_LEVEL).
 */
void ClOidRequestCompleteEx(NDIS_HANDLE ProtocolBindingContext,
			    PNDIS_OID_REQUEST OidRequest, NDIS_STATUS Status)
{
	PCL_OID oid = CONTAINING_RECORD(OidRequest, CL_OID, Request);
	PCL_BINDING b = ProtocolBindingContext;

	ClLog("oid_request_complete adapter=%s oid=0x%08x status=0x%08x", b->Name,
	      OidRequest->DATA.Oid, Status);
	oid->Status = Status;
	NdisSetEvent(&oid->Done);
}

/**
 * ClOidStart() - the busy binding of an adapter and a request to send on it
 * @Adapter: the adapter's name
 * @Binding: set to the binding, held busy (ClPutBinding())
 * @Status: set to why there is none
 *
 * Context: process.
 * Return: the request (ClFree()), or NULL.
 */
static PCL_OID ClOidStart(const char *Adapter, PCL_BINDING *Binding, NDIS_STATUS *Status)
{
	PCL_BINDING b = ClGetBinding(Adapter);
	PCL_OID oid;

	*Status = NDIS_STATUS_ADAPTER_NOT_FOUND;
	if (!b)
		return NULL;
	oid = ClAlloc(sizeof(*oid));
	if (!oid) {
		ClPutBinding(b);
		*Status = NDIS_STATUS_RESOURCES;
		return NULL;
	}
	*Binding = b;
	return oid;
}

/**
 * ClQuery() - send a query and wait for a pended one
 * @b: the binding, held busy by the caller
 * @Oid: the request, its buffer and completion event
 * @Code: the OID
 * @Connectionless: with NdisOidRequest(), else with NdisCoOidRequest()
 * @ToCallManager: for NdisCoOidRequest(): to the call manager (with the
 *	AF), else to the miniport
 *
 * Context: process; waits up to CL_WAIT_MS for a pended request.
 * Return: the request's status; NDIS_STATUS_PENDING if it never completed
 *	(the request stays lent: the caller must not free it).
 */
static NDIS_STATUS ClQuery(PCL_BINDING b, PCL_OID Oid, NDIS_OID Code, BOOLEAN Connectionless,
			   BOOLEAN ToCallManager)
{
	NDIS_STATUS status;

	NdisInitializeEvent(&Oid->Done);
	Oid->Request.Header.Type = NDIS_OBJECT_TYPE_OID_REQUEST;
	Oid->Request.Header.Revision = NDIS_OID_REQUEST_REVISION_1;
	Oid->Request.Header.Size = NDIS_SIZEOF_OID_REQUEST_REVISION_1;
	Oid->Request.RequestType = NdisRequestQueryInformation;
	Oid->Request.DATA.QUERY_INFORMATION.Oid = Code;
	Oid->Request.DATA.QUERY_INFORMATION.InformationBuffer = Oid->Buffer;
	Oid->Request.DATA.QUERY_INFORMATION.InformationBufferLength = sizeof(Oid->Buffer);
	if (Connectionless)
		status = NdisOidRequest(b->BindingHandle, &Oid->Request);
	else
		status = NdisCoOidRequest(b->BindingHandle, ToCallManager ? b->AfHandle : NULL,
					  NULL, NULL, &Oid->Request);
	if (status != NDIS_STATUS_PENDING)
		return status;
	if (!NdisWaitEvent(&Oid->Done, CL_WAIT_MS)) {
		ClLog("oid adapter=%s oid=0x%08x: no completion", b->Name, Code);
		return NDIS_STATUS_PENDING;
	}
	return Oid->Status;
}

/**
 * ClMediaState() - ask the miniport its media state with NdisOidRequest()
 * @Adapter: the adapter's name
 *
 * Context: process; waits for a pended request.
 * Return: the request's status.
 */
NDIS_STATUS ClMediaState(const char *Adapter)
{
	NDIS_STATUS status;
	PCL_BINDING b;
	PCL_OID oid;
	ULONG value = 0;

	oid = ClOidStart(Adapter, &b, &status);
	if (!oid)
		return status;
	status = ClQuery(b, oid, OID_GEN_CO_MEDIA_CONNECT_STATUS, TRUE, FALSE);
	if (status == NDIS_STATUS_PENDING) {
		ClPutBinding(b);
		return NDIS_STATUS_FAILURE;	/* the request stays lent: leaked */
	}
	if (status == NDIS_STATUS_SUCCESS)
		NdisMoveMemory(&value, oid->Buffer, sizeof(value));
	ClLog("mediastate adapter=%s oid=0x%08x status=0x%08x written=%u value=%u", b->Name,
	      oid->Request.DATA.Oid, status, oid->Request.DATA.QUERY_INFORMATION.BytesWritten,
	      value);
	ClPutBinding(b);
	ClFree(oid);
	return status;
}

/**
 * ClUnbind() - ask NDIS to unbind the client from an adapter (NdisUnbindAdapter())
 * @Adapter: the adapter's name
 *
 * ProtocolUnbindAdapterEx runs later and closes the binding as for an
 * adapter that goes away.
 *
 * Context: process.
 * Return: the status of NdisUnbindAdapter(), or NDIS_STATUS_ADAPTER_NOT_FOUND.
 */
NDIS_STATUS ClUnbind(const char *Adapter)
{
	PCL_BINDING b = ClGetBinding(Adapter);
	NDIS_STATUS status;

	if (!b)
		return NDIS_STATUS_ADAPTER_NOT_FOUND;
	status = NdisUnbindAdapter(b->BindingHandle);
	ClLog("unbind_request adapter=%s status=0x%08x", b->Name, status);
	ClPutBinding(b);	/* the unbind waits for this */
	return status;
}

/**
 * ClOid() - query an OID: the link speed of the miniport, or the
 *	addresses of the call manager (with the AF)
 * @Adapter: the adapter's name
 * @ToCallManager: OID_CO_GET_ADDRESSES to the call manager, else
 *	OID_GEN_CO_LINK_SPEED to the miniport
 *
 * Context: process; waits for a pended request.
 * Return: the request's status.
 */
NDIS_STATUS ClOid(const char *Adapter, BOOLEAN ToCallManager)
{
	NDIS_STATUS status;
	PCL_BINDING b;
	PCL_OID oid;
	ULONG value;

	oid = ClOidStart(Adapter, &b, &status);
	if (!oid)
		return status;
	status = ClQuery(b, oid, ToCallManager ? OID_CO_GET_ADDRESSES : OID_GEN_CO_LINK_SPEED,
			 FALSE, ToCallManager);
	if (status == NDIS_STATUS_PENDING) {
		ClPutBinding(b);
		return NDIS_STATUS_FAILURE;	/* the request stays lent: leaked */
	}
	NdisMoveMemory(&value, oid->Buffer, sizeof(value));
	ClLog("oid adapter=%s oid=0x%08x status=0x%08x written=%u value=%u%s%.*s", b->Name,
	      oid->Request.DATA.Oid, status, oid->Request.DATA.QUERY_INFORMATION.BytesWritten,
	      ToCallManager ? ((PCO_ADDRESS_LIST)oid->Buffer)->NumberOfAddresses : value,
	      ToCallManager ? " address=" : "",
	      ToCallManager && status == NDIS_STATUS_SUCCESS ?
	      (int)((PCO_ADDRESS_LIST)oid->Buffer)->AddressList.AddressSize : 0,
	      ((PCO_ADDRESS_LIST)oid->Buffer)->AddressList.Address);
	ClPutBinding(b);
	ClFree(oid);
	return status;
}
