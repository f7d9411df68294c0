/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The condis netlink family, as the rest of condis.ko sees it: bring-up,
 * and the monitor events every state change sends (notify.c).  On kernels
 * older than 6.12 the family is not built (its generated code needs 6.12's
 * genetlink) and these are no-ops.
 */
#ifndef _CONDIS_NETLINK_H
#define _CONDIS_NETLINK_H

#include <linux/types.h>

struct condis_adapter;
struct condis_binding;
struct condis_af;
struct condis_sap;
struct condis_vc;
struct condis_party;

/*
 * The monitor events (notify.c).  Each takes the object, the event type
 * (CONDIS_EVENT_TYPE_xxx) and, for a change, the state before and after;
 * for a new object @old is ignored.  They may be called in any context,
 * under the object's lock (they allocate with GFP_ATOMIC), and cost a
 * test of one bitmap when nobody listens.
 */
#ifdef CONDIS_NETLINK
int condis_netlink_init(void);
void condis_netlink_uninit(void);
void condis_nl_notify_adapter(struct condis_adapter *adapter, u32 type);
void condis_nl_notify_binding(struct condis_binding *binding, u32 type);
void condis_nl_notify_af(struct condis_af *af, u32 type, int old, int state);
void condis_nl_notify_sap(struct condis_sap *sap, u32 type, int old, int state);
void condis_nl_notify_vc(struct condis_vc *vc, u32 type, int old, int state);
void condis_nl_notify_call(struct condis_vc *vc, int old, int state);
void condis_nl_notify_party(struct condis_party *party, u32 type, int old, int state);
#else
static inline int condis_netlink_init(void)
{
	return 0;
}

static inline void condis_netlink_uninit(void)
{
}

static inline void condis_nl_notify_adapter(struct condis_adapter *adapter, u32 type)
{
}

static inline void condis_nl_notify_binding(struct condis_binding *binding, u32 type)
{
}

static inline void condis_nl_notify_af(struct condis_af *af, u32 type, int old, int state)
{
}

static inline void condis_nl_notify_sap(struct condis_sap *sap, u32 type, int old, int state)
{
}

static inline void condis_nl_notify_vc(struct condis_vc *vc, u32 type, int old, int state)
{
}

static inline void condis_nl_notify_call(struct condis_vc *vc, int old, int state)
{
}

static inline void condis_nl_notify_party(struct condis_party *party, u32 type, int old,
					  int state)
{
}
#endif

#endif /* _CONDIS_NETLINK_H */
