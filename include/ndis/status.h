/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS compat: NDIS_STATUS codes (values of the WDK's ndis.h) and their
 * conversion to and from condis's int status.
 *
 * condis passes any int status unchanged between drivers; native drivers
 * use 0, -errno and CONDIS_PENDING (-EINPROGRESS).  The compat layer
 * converts at its edge, both ways, with these rules (the table is in
 * Documentation/porting.rst):
 *
 * 1. SUCCESS <-> 0 and PENDING <-> CONDIS_PENDING.
 * 2. NDIS codes with an errno twin map to it, one to one (RESOURCES <->
 *    -ENOMEM, NOT_ACCEPTED <-> -EBUSY, CLOSING <-> -ESHUTDOWN, ...), so a
 *    native driver reads them and the errnos condis itself returns reach
 *    an NDIS driver as the NDIS code with the same meaning.
 * 3. Any other error or warning code (0x8xxxxxxx, 0xCxxxxxxx) is carried
 *    as it is: as an int it is below -MAX_ERRNO, no errno.
 * 4. Any other success or informational code (0x0xxxxxxx, 0x4xxxxxxx,
 *    such as NOT_RECOGNIZED 0x00010001) would look like success to a
 *    native "ret < 0" test, so it travels negative: with bits 31 and 29
 *    (severity error, "customer") set, which no NDIS code has.
 *
 * So every NDIS_STATUS without the customer bit (every code Microsoft
 * defines) goes from one NDIS driver through condis to another unchanged;
 * the one exception is NdisCmDispatchIncomingCall()'s (<ndis/cocalls.h>).
 * A code with the customer bit set, or one of the unused informational
 * codes 0x5ffff001-0x5fffffff (they would read as errnos), cannot be
 * represented and becomes NDIS_STATUS_FAILURE; so does an errno without
 * an NDIS twin.
 */
#ifndef _NDIS_STATUS_H
#define _NDIS_STATUS_H

#include <linux/err.h>
#include <linux/errno.h>
#include <net/condis.h>

#include <ndis/types.h>

#define NDIS_STATUS_SUCCESS			((NDIS_STATUS)0x00000000)
#define NDIS_STATUS_PENDING			((NDIS_STATUS)0x00000103)
#define NDIS_STATUS_NOT_RECOGNIZED		((NDIS_STATUS)0x00010001)
#define NDIS_STATUS_NOT_COPIED			((NDIS_STATUS)0x00010002)
#define NDIS_STATUS_NOT_ACCEPTED		((NDIS_STATUS)0x00010003)
#define NDIS_STATUS_CALL_ACTIVE			((NDIS_STATUS)0x00010007)
#define NDIS_STATUS_INDICATION_REQUIRED		((NDIS_STATUS)0x40230001)
#define NDIS_STATUS_BUFFER_OVERFLOW		((NDIS_STATUS)0x80000005)
#define NDIS_STATUS_FAILURE			((NDIS_STATUS)0xC0000001)
#define NDIS_STATUS_INVALID_PARAMETER		((NDIS_STATUS)0xC000000D)
#define NDIS_STATUS_INVALID_DEVICE_REQUEST	((NDIS_STATUS)0xC0000010)
#define NDIS_STATUS_RESOURCES			((NDIS_STATUS)0xC000009A)
#define NDIS_STATUS_NOT_SUPPORTED		((NDIS_STATUS)0xC00000BB)
#define NDIS_STATUS_INVALID_STATE		((NDIS_STATUS)0xC0000184)
#define NDIS_STATUS_NETWORK_UNREACHABLE		((NDIS_STATUS)0xC000023C)
#define NDIS_STATUS_CLOSING			((NDIS_STATUS)0xC0010002)
#define NDIS_STATUS_BAD_VERSION			((NDIS_STATUS)0xC0010004)
#define NDIS_STATUS_BAD_CHARACTERISTICS		((NDIS_STATUS)0xC0010005)
#define NDIS_STATUS_ADAPTER_NOT_FOUND		((NDIS_STATUS)0xC0010006)
#define NDIS_STATUS_OPEN_FAILED			((NDIS_STATUS)0xC0010007)
#define NDIS_STATUS_DEVICE_FAILED		((NDIS_STATUS)0xC0010008)
#define NDIS_STATUS_REQUEST_ABORTED		((NDIS_STATUS)0xC001000C)
#define NDIS_STATUS_RESET_IN_PROGRESS		((NDIS_STATUS)0xC001000D)
#define NDIS_STATUS_CLOSING_INDICATING		((NDIS_STATUS)0xC001000E)
#define NDIS_STATUS_INVALID_PACKET		((NDIS_STATUS)0xC001000F)
#define NDIS_STATUS_ADAPTER_NOT_READY		((NDIS_STATUS)0xC0010011)
#define NDIS_STATUS_INVALID_LENGTH		((NDIS_STATUS)0xC0010014)
#define NDIS_STATUS_INVALID_DATA		((NDIS_STATUS)0xC0010015)
#define NDIS_STATUS_BUFFER_TOO_SHORT		((NDIS_STATUS)0xC0010016)
#define NDIS_STATUS_INVALID_OID			((NDIS_STATUS)0xC0010017)
#define NDIS_STATUS_ADAPTER_REMOVED		((NDIS_STATUS)0xC0010018)
#define NDIS_STATUS_UNSUPPORTED_MEDIA		((NDIS_STATUS)0xC0010019)
#define NDIS_STATUS_INVALID_SAP			((NDIS_STATUS)0xC0010020)
#define NDIS_STATUS_SAP_IN_USE			((NDIS_STATUS)0xC0010021)
#define NDIS_STATUS_INVALID_ADDRESS		((NDIS_STATUS)0xC0010022)
#define NDIS_STATUS_VC_NOT_ACTIVATED		((NDIS_STATUS)0xC0010023)
#define NDIS_STATUS_DEST_OUT_OF_ORDER		((NDIS_STATUS)0xC0010024)
#define NDIS_STATUS_VC_NOT_AVAILABLE		((NDIS_STATUS)0xC0010025)
#define NDIS_STATUS_CELLRATE_NOT_AVAILABLE	((NDIS_STATUS)0xC0010026)
#define NDIS_STATUS_INCOMPATABLE_QOS		((NDIS_STATUS)0xC0010027)
#define NDIS_STATUS_AAL_PARAMS_UNSUPPORTED	((NDIS_STATUS)0xC0010028)
#define NDIS_STATUS_NO_ROUTE_TO_DESTINATION	((NDIS_STATUS)0xC0010029)
#define NDIS_STATUS_SEND_ABORTED		((NDIS_STATUS)0xC023000C)
#define NDIS_STATUS_PAUSED			((NDIS_STATUS)0xC023002A)

/*
 * The ntstatus.h names some NDIS_STATUS values are defined through, and
 * the NTSTATUS twins of the NDIS codes (facility 0x23) that NDIS 6 drivers
 * also meet (condis-api.md 4.7).  Values as in the WDK.
 */
#define STATUS_PENDING				((NDIS_STATUS)0x00000103)
#define STATUS_UNSUCCESSFUL			((NDIS_STATUS)0xC0000001)
#define STATUS_INSUFFICIENT_RESOURCES		((NDIS_STATUS)0xC000009A)
#define STATUS_INVALID_DEVICE_STATE		((NDIS_STATUS)0xC0000184)
#define STATUS_NDIS_CLOSING			((NDIS_STATUS)0xC0230002)
#define STATUS_NDIS_REQUEST_ABORTED		((NDIS_STATUS)0xC023000C)
#define STATUS_NDIS_INVALID_OID			((NDIS_STATUS)0xC0230017)
#define STATUS_NDIS_INVALID_ADDRESS		((NDIS_STATUS)0xC0230022)

/* Status indication codes (ProtocolCoStatusEx), passed through as they are. */
#define NDIS_STATUS_RESET_START			((NDIS_STATUS)0x40010004)
#define NDIS_STATUS_RESET_END			((NDIS_STATUS)0x40010005)
#define NDIS_STATUS_MEDIA_CONNECT		((NDIS_STATUS)0x4001000B)
#define NDIS_STATUS_MEDIA_DISCONNECT		((NDIS_STATUS)0x4001000C)
#define NDIS_STATUS_LINK_SPEED_CHANGE		((NDIS_STATUS)0x40010013)
#define NDIS_STATUS_WAN_CO_FRAGMENT		((NDIS_STATUS)0x40010015)
#define NDIS_STATUS_WAN_CO_LINKPARAMS		((NDIS_STATUS)0x40010016)
#define NDIS_STATUS_LINK_STATE			((NDIS_STATUS)0x40010017)
#define NDIS_STATUS_WAN_CO_MTULINKPARAMS	((NDIS_STATUS)0x40010025)

/* As NT_SUCCESS(): severity success or informational. */
#define NDIS_STATUS_IS_SUCCESS_CLASS(s)		((NDIS_STATUS)(s) >= 0)

/* The encoding of rule 4: severity "error" plus the customer bit. */
#define NDIS_COMPAT_STATUS_TAG			0xA0000000U
#define NDIS_COMPAT_STATUS_CUSTOMER		0x20000000U

/**
 * struct ndis_status_errno - an NDIS_STATUS and its errno twin
 * @status: the NDIS code
 * @err: the negative errno condis and native drivers use for it
 */
struct ndis_status_errno {
	NDIS_STATUS status;
	int err;
};

/*
 * Rule 2, one to one: each code and each errno appears once.  Kept short
 * on purpose: only codes whose meaning an errno states exactly.
 */
static const struct ndis_status_errno ndis_status_errnos[] __maybe_unused = {
	{ NDIS_STATUS_FAILURE,			-EIO },
	{ NDIS_STATUS_RESOURCES,		-ENOMEM },
	{ NDIS_STATUS_NOT_ACCEPTED,		-EBUSY },
	{ NDIS_STATUS_CLOSING,			-ESHUTDOWN },
	{ NDIS_STATUS_NOT_SUPPORTED,		-EOPNOTSUPP },
	{ NDIS_STATUS_INVALID_PARAMETER,	-EINVAL },
	{ NDIS_STATUS_SAP_IN_USE,		-EADDRINUSE },
	{ NDIS_STATUS_INVALID_ADDRESS,		-EADDRNOTAVAIL },
	{ NDIS_STATUS_ADAPTER_REMOVED,		-ENODEV },
	{ NDIS_STATUS_INVALID_LENGTH,		-EMSGSIZE },
	{ NDIS_STATUS_BUFFER_TOO_SHORT,		-EOVERFLOW },
	{ NDIS_STATUS_REQUEST_ABORTED,		-ECANCELED },
	{ NDIS_STATUS_NETWORK_UNREACHABLE,	-ENETUNREACH },
	{ NDIS_STATUS_NO_ROUTE_TO_DESTINATION,	-EHOSTUNREACH },
	{ NDIS_STATUS_VC_NOT_ACTIVATED,		-ENOTCONN },
	{ NDIS_STATUS_INVALID_STATE,		-EPROTO },
	{ NDIS_STATUS_CELLRATE_NOT_AVAILABLE,	-ENOSPC },
	{ NDIS_STATUS_RESET_IN_PROGRESS,	-EAGAIN },
};

/**
 * ndis_status_to_native() - the condis status for an NDIS_STATUS
 * @status: what an NDIS driver returned or passed to a completion
 *
 * Context: any.
 * Return: 0, %CONDIS_PENDING, a -errno (rule 2), @status itself (rule 3),
 * or @status tagged negative (rule 4); see the top of this file.
 */
static inline int ndis_status_to_native(NDIS_STATUS status)
{
	u32 s = (u32)status;
	unsigned int i;

	if (status == NDIS_STATUS_SUCCESS)
		return 0;
	if (status == NDIS_STATUS_PENDING)
		return CONDIS_PENDING;
	for (i = 0; i < ARRAY_SIZE(ndis_status_errnos); i++)
		if (ndis_status_errnos[i].status == status)
			return ndis_status_errnos[i].err;
	if (s & NDIS_COMPAT_STATUS_CUSTOMER)
		return -EIO;			/* not representable: FAILURE */
	if (status > 0)
		s |= NDIS_COMPAT_STATUS_TAG;	/* rule 4 */
	if (s >= (u32)-MAX_ERRNO)
		return -EIO;			/* 0x5ffffxxx: would read as an errno */
	return (int)s;
}

/**
 * ndis_status_from_native() - the NDIS_STATUS for a condis status
 * @err: 0, %CONDIS_PENDING, a -errno, or a status an NDIS driver gave
 *
 * Context: any.
 * Return: the NDIS code; NDIS_STATUS_FAILURE for an errno without an NDIS
 * twin or a positive value (no native driver returns one).
 */
static inline NDIS_STATUS ndis_status_from_native(int err)
{
	u32 s = (u32)err;
	unsigned int i;

	if (!err)
		return NDIS_STATUS_SUCCESS;
	if (err == CONDIS_PENDING)
		return NDIS_STATUS_PENDING;
	if (err > 0)
		return NDIS_STATUS_FAILURE;
	if (err >= -MAX_ERRNO) {
		for (i = 0; i < ARRAY_SIZE(ndis_status_errnos); i++)
			if (ndis_status_errnos[i].err == err)
				return ndis_status_errnos[i].status;
		return NDIS_STATUS_FAILURE;
	}
	if (s & NDIS_COMPAT_STATUS_CUSTOMER)
		return (NDIS_STATUS)(s & ~NDIS_COMPAT_STATUS_TAG);	/* rule 4 */
	return (NDIS_STATUS)s;
}

/**
 * ndis_status_to_errno() - a status as a plain -errno, for Linux interfaces
 * @status: an NDIS_STATUS (module init, file operations)
 *
 * Context: any.
 * Return: 0, the errno twin, or -EIO.
 */
static inline int ndis_status_to_errno(NDIS_STATUS status)
{
	int err = ndis_status_to_native(status);

	return err >= -MAX_ERRNO ? err : -EIO;
}

#endif /* _NDIS_STATUS_H */
