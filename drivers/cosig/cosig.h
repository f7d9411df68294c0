/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cosig: the conic signaling protocol engine and call-manager role.
 *
 * One engine ("a cosig") runs each end of a conic link.  It is the call
 * manager of that end: it implements &struct condis_cm_ops (cosig_cm_ops)
 * and speaks the protocol of Documentation/signaling.rst with the engine at
 * the other end.  It does not know how frames travel or how VCs are made;
 * its carrier tells it:
 *  - conic in MCM mode: frames go straight onto the link, VCs are made with
 *    condis_mcm_*();
 *  - cocm (the stand-alone CM): frames go on a signaling VC with
 *    condis_co_send(), VCs are made with condis_co_create_vc() and
 *    activated with condis_cm_activate_vc().
 *
 * The call-manager binding context a carrier gives condis (an MCM's adapter
 * context, a stand-alone CM's binding context) must start with a
 * struct cosig pointer: cosig_cm_ops.open_af finds its engine through it.
 */
#ifndef _COSIG_H
#define _COSIG_H

#include <linux/skbuff.h>
#include <net/condis.h>

struct cosig;

/**
 * struct cosig_carrier_ops - what a carrier does for its engine
 * @xmit: send one signaling message (a complete frame payload) to the
 *	peer; the carrier owns @skb from then on.  Context: process (the
 *	engine's worker).
 * @create_vc: create a VC on @af for an incoming call, with @cm_vc_ctx as
 *	the call manager's context.  Context: process.
 * @delete_vc: delete a VC @create_vc made.  Context: process.
 * @activate_vc: activate or re-activate @vc with @params.  @slot is the
 *	call's carrier slot (see cosig_carrier_slot()).  Return 0, an error,
 *	or %CONDIS_PENDING and report with cosig_activate_vc_complete() (a
 *	stand-alone CM gets that through cosig_cm_ops).  Context: process.
 * @deactivate_vc: deactivate @vc; as @activate_vc.  -EBUSY means "not now,
 *	packets are still out": the engine tries again later.  Context: process.
 * @release_slot: the call owning @slot is freed: free what the carrier
 *	keeps there.  Optional.  Context: process.
 */
struct cosig_carrier_ops {
	void (*xmit)(void *carrier, struct sk_buff *skb);
	int (*create_vc)(void *carrier, struct condis_af *af, void *cm_vc_ctx,
			 struct condis_vc **vc);
	int (*delete_vc)(void *carrier, struct condis_vc *vc);
	int (*activate_vc)(void *carrier, struct condis_vc *vc, void **slot,
			   struct condis_call_params *params);
	int (*deactivate_vc)(void *carrier, struct condis_vc *vc, void **slot);
	void (*release_slot)(void *carrier, void **slot);
};

/**
 * cosig_carrier_slot() - the carrier's pointer in a call manager VC context
 * @cm_vc_ctx: a VC context cosig gave condis (for an MCM also the
 *	miniport VC context condis passes to the miniport handlers)
 *
 * The first member of every cosig VC context is a pointer the carrier may
 * use (conic in MCM mode keeps its per-VC state there).
 *
 * Return: the address of that pointer.
 */
static inline void **cosig_carrier_slot(void *cm_vc_ctx)
{
	return (void **)cm_vc_ctx;
}

struct cosig *cosig_create(const char *name, const struct cosig_carrier_ops *ops,
			   void *carrier);
void cosig_set_cm_af(struct cosig *sig, struct condis_cm_af *cm_af);
int cosig_shutdown(struct cosig *sig);
void cosig_destroy(struct cosig *sig);
int cosig_receive(struct cosig *sig, struct sk_buff *skb);
void cosig_link_change(struct cosig *sig, bool up);
void cosig_activate_vc_complete(void *cm_vc_ctx, int status);
void cosig_deactivate_vc_complete(void *cm_vc_ctx, int status);
void cosig_debugfs_show(struct cosig *sig, struct seq_file *m);

extern const struct condis_cm_ops cosig_cm_ops;

#endif /* _COSIG_H */
