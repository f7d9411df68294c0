// SPDX-License-Identifier: GPL-2.0
/*
 * Compile test, ATM side: the names of <ndis/atm.h> an ATM call manager
 * activates its VCs with, their values and x86-64 sizes (from the WDK's
 * field lists), and that a plain conic port reads ATM_MEDIA_PARAMETERS
 * where the WDK puts its fields (include/net/conic.h, struct
 * conic_atm_media; Documentation/conic.rst, "Activation").
 */
#include <ndis/ndis.h>
#include <ndis/atm.h>
#include <net/conic.h>

/* conic's names for ATM's media parameters are the WDK's. */
static_assert(CONIC_MEDIA_ATM == ATM_MEDIA_SPECIFIC);
static_assert(CONIC_ATM_AAL5 == AAL_TYPE_AAL5);
static_assert(sizeof(ATM_MEDIA_PARAMETERS) == CONIC_ATM_MEDIA_SIZE);
static_assert(offsetof(struct conic_atm_media, vpi) ==
	      offsetof(ATM_MEDIA_PARAMETERS, ConnectionId.Vpi));
static_assert(offsetof(struct conic_atm_media, vci) ==
	      offsetof(ATM_MEDIA_PARAMETERS, ConnectionId.Vci));
static_assert(offsetof(struct conic_atm_media, aal_type) ==
	      offsetof(ATM_MEDIA_PARAMETERS, AALType));

/* Media parameters as an ATM call manager builds them for NdisCmActivateVc. */
static VOID __maybe_unused NamesAtmMedia(PCO_MEDIA_PARAMETERS Media, ULONG Vci)
{
	PATM_MEDIA_PARAMETERS Atm = (PATM_MEDIA_PARAMETERS)Media->MediaSpecific.Parameters;
	PATM_FLOW_PARAMETERS Flow = &Atm->Transmit;
	ATM_VPIVCI Id = { .Vpi = 0, .Vci = Vci };
	ATM_AAL_TYPE Aal = AAL_TYPE_AAL5;
	ATM_SERVICE_CATEGORY Category = ATM_SERVICE_CATEGORY_UBR;

	Media->Flags = TRANSMIT_VC | RECEIVE_VC;
	Media->MediaSpecific.ParamType = ATM_MEDIA_SPECIFIC;
	Media->MediaSpecific.Length = sizeof(ATM_MEDIA_PARAMETERS);
	NdisZeroMemory(Atm, sizeof(*Atm));
	Atm->ConnectionId = Id;
	Atm->AALType = Aal;
	Flow->ServiceCategory = Category;
	Flow->PeakCellRate = 353207;
	Flow->MaxSduSize = 9180;
	Atm->Receive = *Flow;
}

static void __maybe_unused names_atm_values(void)
{
	BUILD_BUG_ON(ATM_MEDIA_SPECIFIC != 1);
	BUILD_BUG_ON(AAL_TYPE_AAL0 != 1);
	BUILD_BUG_ON(AAL_TYPE_AAL1 != 2);
	BUILD_BUG_ON(AAL_TYPE_AAL34 != 4);
	BUILD_BUG_ON(AAL_TYPE_AAL5 != 8);
	BUILD_BUG_ON(ATM_SERVICE_CATEGORY_CBR != 1);
	BUILD_BUG_ON(ATM_SERVICE_CATEGORY_VBR != 2);
	BUILD_BUG_ON(ATM_SERVICE_CATEGORY_UBR != 4);
	BUILD_BUG_ON(ATM_SERVICE_CATEGORY_ABR != 8);
	BUILD_BUG_ON(sizeof(ATM_VPIVCI) != 8);
	BUILD_BUG_ON(sizeof(ATM_FLOW_PARAMETERS) != 56);
	BUILD_BUG_ON(sizeof(ATM_MEDIA_PARAMETERS) != 152);
	BUILD_BUG_ON(offsetof(ATM_MEDIA_PARAMETERS, Transmit) != 40);
	BUILD_BUG_ON(offsetof(ATM_MEDIA_PARAMETERS, Receive) != 96);
}

static const void *const names_atm_calls[] __used = {
	NamesAtmMedia,
	names_atm_values,
};
