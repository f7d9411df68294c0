/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS compat: the part of the WDK's atm.h an ATM call manager uses to
 * activate its VCs: the media-specific parameters (ATM_MEDIA_SPECIFIC,
 * ATM_MEDIA_PARAMETERS) and the names they are built from, with the
 * WDK's x86-64 sizes.  A plain conic port maps them to its channels
 * (Documentation/conic.rst, "Activation"); the UNI signaling structures
 * (Q2931_*, the information elements, ATM addresses) are not here.
 *
 * Include it after <ndis/ndis.h>, as a WDK driver includes <atm.h> after
 * <ndis.h>.
 */
#ifndef _NDIS_ATM_H
#define _NDIS_ATM_H

#include <linux/build_bug.h>

#include <ndis/types.h>

/* CO_SPECIFIC_PARAMETERS.ParamType of ATM's media parameters. */
#define ATM_MEDIA_SPECIFIC		0x00000001

/* ATM_MEDIA_PARAMETERS.AALType, and OID_ATM_SUPPORTED_AAL_TYPES bits. */
typedef ULONG ATM_AAL_TYPE, *PATM_AAL_TYPE;
#define AAL_TYPE_AAL0			1
#define AAL_TYPE_AAL1			2
#define AAL_TYPE_AAL34			4
#define AAL_TYPE_AAL5			8

/* ATM_FLOW_PARAMETERS.ServiceCategory. */
typedef ULONG ATM_SERVICE_CATEGORY, *PATM_SERVICE_CATEGORY;
#define ATM_SERVICE_CATEGORY_CBR	1
#define ATM_SERVICE_CATEGORY_VBR	2
#define ATM_SERVICE_CATEGORY_UBR	4
#define ATM_SERVICE_CATEGORY_ABR	8

typedef struct _ATM_VPIVCI {
	ULONG Vpi;
	ULONG Vci;
} ATM_VPIVCI, *PATM_VPIVCI;

typedef struct _ATM_FLOW_PARAMETERS {
	ATM_SERVICE_CATEGORY ServiceCategory;
	ULONG AverageCellRate;
	ULONG PeakCellRate;
	ULONG MinimumCellRate;
	ULONG InitialCellRate;
	ULONG BurstLengthCells;
	ULONG MaxSduSize;
	ULONG TransientBufferExposure;
	ULONG CumulativeRMFixedRTT;
	UCHAR RateIncreaseFactor;
	UCHAR RateDecreaseFactor;
	USHORT ACRDecreaseTimeFactor;
	UCHAR MaximumCellsPerForwardRMCell;
	UCHAR MaximumForwardRMCellInterval;
	UCHAR CutoffDecreaseFactor;
	UCHAR Reserved1;
	ULONG MissingRMCellCount;
	ULONG Reserved2;
	ULONG Reserved3;
} ATM_FLOW_PARAMETERS, *PATM_FLOW_PARAMETERS;

typedef struct _ATM_MEDIA_PARAMETERS {
	ATM_VPIVCI ConnectionId;
	ATM_AAL_TYPE AALType;
	ULONG CellDelayVariationCLP0;
	ULONG CellDelayVariationCLP1;
	ULONG CellLossRatioCLP0;
	ULONG CellLossRatioCLP1;
	ULONG CellTransferDelayCLP0;
	ULONG CellTransferDelayCLP1;
	ULONG DefaultCLP;
	ATM_FLOW_PARAMETERS Transmit;
	ATM_FLOW_PARAMETERS Receive;
} ATM_MEDIA_PARAMETERS, *PATM_MEDIA_PARAMETERS;

/* The WDK's sizes and the offsets a conic port reads. */
static_assert(sizeof(ATM_VPIVCI) == 8);
static_assert(sizeof(ATM_FLOW_PARAMETERS) == 56);
static_assert(sizeof(ATM_MEDIA_PARAMETERS) == 152);
static_assert(offsetof(ATM_MEDIA_PARAMETERS, ConnectionId.Vci) == 4);
static_assert(offsetof(ATM_MEDIA_PARAMETERS, AALType) == 8);

#endif /* _NDIS_ATM_H */
