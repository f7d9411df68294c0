// SPDX-License-Identifier: GPL-2.0
/*
 * ndis.ko: the NDIS 5.x layer's handle registry (condis AF, SAP and VC
 * handles to the 5.x wrappers of them) and the AF and VC wrappers' lifetimes.
 */
#include <linux/hashtable.h>

#include "ndis5.h"

static DEFINE_HASHTABLE(ndis5_reg, 8);
/* Protects ndis5_reg and every entry's hashed flag. */
static DEFINE_SPINLOCK(ndis5_reg_lock);

static unsigned long ndis5_hash(const void *key, enum ndis5_role role)
{
	return (unsigned long)key ^ role;
}

void ndis5_reg_add(struct ndis5_ent *e, const void *key, enum ndis5_role role)
{
	unsigned long flags;

	e->key = key;
	e->role = role;
	spin_lock_irqsave(&ndis5_reg_lock, flags);
	hash_add(ndis5_reg, &e->node, ndis5_hash(key, role));
	e->hashed = true;
	spin_unlock_irqrestore(&ndis5_reg_lock, flags);
}

void ndis5_reg_del(struct ndis5_ent *e)
{
	unsigned long flags;

	spin_lock_irqsave(&ndis5_reg_lock, flags);
	if (e->hashed)
		hash_del(&e->node);
	e->hashed = false;
	spin_unlock_irqrestore(&ndis5_reg_lock, flags);
}

/* Called with ndis5_reg_lock held. */
static struct ndis5_ent *ndis5_reg_find(const void *key, enum ndis5_role role)
{
	struct ndis5_ent *e;

	if (!key)
		return NULL;
	hash_for_each_possible(ndis5_reg, e, node, ndis5_hash(key, role))
		if (e->key == key && e->role == role)
			return e;
	return NULL;
}

static void ndis5_af_release(struct kref *ref)
{
	struct ndis5_af *a = container_of(ref, struct ndis5_af, ref);
	struct ndis5_sap *s, *n;

	list_for_each_entry_safe(s, n, &a->saps, node)
		kfree(s);
	kfree(a);
}

void ndis5_af_put(struct ndis5_af *a)
{
	kref_put(&a->ref, ndis5_af_release);
}

/* The AF wrapper of @af for @role, with a reference, or NULL. */
struct ndis5_af *ndis5_af_find(const void *af, enum ndis5_role role)
{
	struct ndis5_af *a = NULL;
	struct ndis5_ent *e;
	unsigned long flags;

	spin_lock_irqsave(&ndis5_reg_lock, flags);
	e = ndis5_reg_find(af, role);
	if (e) {
		a = container_of(e, struct ndis5_af, ent);
		kref_get(&a->ref);
	}
	spin_unlock_irqrestore(&ndis5_reg_lock, flags);
	return a;
}

/*
 * The wrapper of a VC a 5.x driver created, or NULL.  The driver owns it
 * until it deletes the VC, so no reference is taken.
 */
static struct ndis5_vc *ndis5_vc_lookup(const void *vc, enum ndis5_role role)
{
	struct ndis5_ent *e;
	unsigned long flags;

	spin_lock_irqsave(&ndis5_reg_lock, flags);
	e = ndis5_reg_find(vc, role);
	spin_unlock_irqrestore(&ndis5_reg_lock, flags);
	return e ? container_of(e, struct ndis5_vc, ent) : NULL;
}

struct ndis5_vc *ndis5_vc_find(const void *vc)
{
	return ndis5_vc_lookup(vc, NDIS5_VC);
}

/* The miniport's (or MCM's) wrapper of a VC; it lives until the VC is deleted. */
struct ndis5_vc *ndis5_mp_vc_find(const void *vc)
{
	return ndis5_vc_lookup(vc, NDIS5_MP_VC);
}

struct ndis5_sap *ndis5_cm_sap_find(NDIS_HANDLE sap)
{
	struct ndis5_ent *e;
	unsigned long flags;

	spin_lock_irqsave(&ndis5_reg_lock, flags);
	e = ndis5_reg_find(sap, NDIS5_CM_SAP);
	spin_unlock_irqrestore(&ndis5_reg_lock, flags);
	return e ? container_of(e, struct ndis5_sap, ent) : NULL;
}

struct ndis5_af *ndis5_af_new(struct condis_af *af)
{
	struct ndis5_af *a = kzalloc(sizeof(*a), GFP_ATOMIC);

	if (!a)
		return NULL;
	kref_init(&a->ref);
	a->af = af;
	spin_lock_init(&a->lock);
	INIT_LIST_HEAD(&a->saps);
	return a;
}

/* Forget an AF wrapper: out of the registry, the registry's reference dropped. */
void ndis5_af_forget(struct ndis5_af *a)
{
	bool hashed;
	unsigned long flags;

	spin_lock_irqsave(&ndis5_reg_lock, flags);
	hashed = a->ent.hashed;
	if (hashed)
		hash_del(&a->ent.node);
	a->ent.hashed = false;
	spin_unlock_irqrestore(&ndis5_reg_lock, flags);
	if (hashed)
		ndis5_af_put(a);
}

struct ndis5_vc *ndis5_vc_new(struct ndis5_af *af, struct ndis5_adapter *ad,
			      NDIS_HANDLE ctx)
{
	struct ndis5_vc *v = kzalloc(sizeof(*v), GFP_ATOMIC);

	if (!v)
		return NULL;
	v->af = af;
	if (af)
		kref_get(&af->ref);
	v->adapter = ad;
	v->ctx = ctx;
	return v;
}

void ndis5_vc_free(struct ndis5_vc *v)
{
	ndis5_reg_del(&v->ent);
	if (v->af)
		ndis5_af_put(v->af);
	kfree(v);
}
