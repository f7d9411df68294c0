// SPDX-License-Identifier: GPL-2.0
/*
 * CO OIDs the NIC answers (MiniportCoOidRequest): for the adapter, or for
 * one VC when the request names one.  All are answered at once.
 */
#include <linux/string.h>

#include "conic.h"

/* NDIS OID codes (ntddndis.h) */
#define OID_GEN_CO_SUPPORTED_LIST		0x00010101
#define OID_GEN_CO_HARDWARE_STATUS		0x00010102
#define OID_GEN_CO_LINK_SPEED			0x00010107
#define OID_GEN_CO_VENDOR_DESCRIPTION		0x0001010D
#define OID_GEN_CO_XMIT_PDUS_OK			0x00020101
#define OID_GEN_CO_RCV_PDUS_OK			0x00020102
#define OID_GEN_CO_XMIT_PDUS_ERROR		0x00020103
#define OID_GEN_CO_RCV_PDUS_ERROR		0x00020104
#define OID_GEN_CO_BYTES_XMIT			0x00020201
#define OID_GEN_CO_BYTES_RCV			0x00020207

static const u32 conic_oids[] = {
	OID_GEN_CO_SUPPORTED_LIST, OID_GEN_CO_HARDWARE_STATUS, OID_GEN_CO_LINK_SPEED,
	OID_GEN_CO_VENDOR_DESCRIPTION, CONDIS_OID_GEN_CO_MEDIA_CONNECT_STATUS,
	OID_GEN_CO_XMIT_PDUS_OK, OID_GEN_CO_RCV_PDUS_OK, OID_GEN_CO_XMIT_PDUS_ERROR,
	OID_GEN_CO_RCV_PDUS_ERROR, OID_GEN_CO_BYTES_XMIT, OID_GEN_CO_BYTES_RCV,
};

static int conic_oid_put(struct condis_oid_request *req, const void *val, u32 len)
{
	if (req->len < len) {
		req->bytes_needed = len;
		return -EOVERFLOW;
	}
	memcpy(req->buf, val, len);
	req->bytes_done = len;
	return 0;
}

/* A counter: 64 bits if the buffer has room, else 32 (as NDIS allows). */
static int conic_oid_counter(struct condis_oid_request *req, u64 val)
{
	u32 v32 = min_t(u64, val, U32_MAX);

	if (req->len >= sizeof(val))
		return conic_oid_put(req, &val, sizeof(val));
	return conic_oid_put(req, &v32, sizeof(v32));
}

static u64 conic_oid_port_count(struct conic_port *port, u32 oid)
{
	switch (oid) {
	case OID_GEN_CO_XMIT_PDUS_OK:
		return atomic64_read(&port->stats.tx_frames);
	case OID_GEN_CO_RCV_PDUS_OK:
		return atomic64_read(&port->stats.rx_frames);
	case OID_GEN_CO_XMIT_PDUS_ERROR:
		return atomic64_read(&port->stats.tx_dropped);
	case OID_GEN_CO_RCV_PDUS_ERROR:
		return atomic64_read(&port->stats.rx_bad) +
			atomic64_read(&port->stats.rx_overflow) +
			atomic64_read(&port->stats.rx_foreign);
	}
	return 0;
}

static u64 conic_oid_vc_count(struct conic_vc *cvc, u32 oid)
{
	switch (oid) {
	case OID_GEN_CO_XMIT_PDUS_OK:
		return atomic64_read(&cvc->tx_pkts);
	case OID_GEN_CO_RCV_PDUS_OK:
		return atomic64_read(&cvc->rx_pkts);
	case OID_GEN_CO_XMIT_PDUS_ERROR:
		return atomic64_read(&cvc->tx_err);
	case OID_GEN_CO_BYTES_XMIT:
		return atomic64_read(&cvc->tx_bytes);
	case OID_GEN_CO_BYTES_RCV:
		return atomic64_read(&cvc->rx_bytes);
	}
	return 0;
}

/**
 * conic_oid_request() - answer an OID
 * @port: the adapter
 * @cvc: the VC it is about, or NULL
 * @req: the request
 *
 * Context: any.
 * Return: 0; -EOVERFLOW with @req->bytes_needed set (buffer too short);
 * -EOPNOTSUPP (an OID the NIC does not have, or a set); or an injected fault.
 */
int conic_oid_request(struct conic_port *port, struct conic_vc *cvc,
		      struct condis_oid_request *req)
{
	static const char vendor[] = "condis conic CO NIC";
	u32 val[2];
	int err;

	err = conic_fault_take(port, CONIC_FAIL_OID);
	if (err)
		return err;
	if (req->type != CONDIS_OID_QUERY)
		return -EOPNOTSUPP;
	switch (req->oid) {
	case OID_GEN_CO_SUPPORTED_LIST:
		return conic_oid_put(req, conic_oids, sizeof(conic_oids));
	case OID_GEN_CO_HARDWARE_STATUS:
		val[0] = 0;	/* NdisHardwareStatusReady */
		return conic_oid_put(req, val, sizeof(val[0]));
	case OID_GEN_CO_LINK_SPEED:
		/* NDIS_CO_LINK_SPEED: outbound, inbound, in 100 bit/s */
		val[0] = port->link_speed / 100 * 8;
		val[1] = val[0];
		return conic_oid_put(req, val, sizeof(val));
	case OID_GEN_CO_VENDOR_DESCRIPTION:
		return conic_oid_put(req, vendor, sizeof(vendor));
	case CONIC_OID_PORT_MODE:
		val[0] = port->mcm ? CONIC_MODE_MCM : CONIC_MODE_PLAIN;
		return conic_oid_put(req, val, sizeof(val[0]));
	case CONDIS_OID_GEN_CO_MEDIA_CONNECT_STATUS:
		val[0] = READ_ONCE(port->link_up) ? CONDIS_MEDIA_STATE_CONNECTED :
			 CONDIS_MEDIA_STATE_DISCONNECTED;
		return conic_oid_put(req, val, sizeof(val[0]));
	case OID_GEN_CO_XMIT_PDUS_OK:
	case OID_GEN_CO_RCV_PDUS_OK:
	case OID_GEN_CO_XMIT_PDUS_ERROR:
	case OID_GEN_CO_RCV_PDUS_ERROR:
	case OID_GEN_CO_BYTES_XMIT:
	case OID_GEN_CO_BYTES_RCV:
		return conic_oid_counter(req, cvc ? conic_oid_vc_count(cvc, req->oid) :
					 conic_oid_port_count(port, req->oid));
	}
	return -EOPNOTSUPP;
}
