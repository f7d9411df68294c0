/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The object header every condis object starts with, and the handle
 * registry that lets condis tell a live handle from NULL, a handle of the
 * wrong kind, or a stale one, without dereferencing it.
 */
#ifndef _CONDIS_OBJECT_H
#define _CONDIS_OBJECT_H

#include <linux/kref.h>
#include <linux/ratelimit.h>
#include <linux/rhashtable-types.h>
#include <linux/rcupdate.h>

enum condis_obj_type {
	CONDIS_OBJ_PROTOCOL = 1,
	CONDIS_OBJ_MINIPORT,
	CONDIS_OBJ_ADAPTER,
	CONDIS_OBJ_BINDING,
	CONDIS_OBJ_CM_AF,
	CONDIS_OBJ_AF,
	CONDIS_OBJ_SAP,
	CONDIS_OBJ_VC,
	CONDIS_OBJ_PARTY,
};

/**
 * struct condis_obj - header of every object a handle can name
 * @node: linkage in the handle registry while the object is live
 * @key: the object's own address, the registry's key
 * @type: what kind of object this is
 * @id: a number unique among live and past objects, for traces and dumps
 * @ref: references; the object is freed an RCU grace period after the
 *	last one is dropped
 * @rcu: for that deferred free
 * @release: frees the containing object; called from RCU callback context
 *
 * The header must be the first member of the containing object, so a
 * handle (a pointer to the object) is also a pointer to its header.
 */
struct condis_obj {
	struct rhash_head node;
	unsigned long key;
	enum condis_obj_type type;
	u32 id;
	struct kref ref;
	struct rcu_head rcu;
	void (*release)(struct condis_obj *obj);
};

int condis_obj_init_registry(void);
void condis_obj_uninit_registry(void);

void condis_obj_init(struct condis_obj *obj, enum condis_obj_type type,
		     void (*release)(struct condis_obj *obj));
int condis_obj_publish(struct condis_obj *obj);
void condis_obj_unpublish(struct condis_obj *obj);
struct condis_obj *condis_obj_get_handle(const void *handle, enum condis_obj_type type);
void condis_obj_get(struct condis_obj *obj);
void condis_obj_put(struct condis_obj *obj);
unsigned int condis_obj_live_count(void);
const char *condis_obj_type_name(enum condis_obj_type type);

/*
 * Bad input from a driver: a rate-limited warning naming the caller, then
 * the caller returns a clear status.  Never a WARN(): a misbehaving driver
 * must not be able to flood the log or panic a panic_on_warn machine.
 */
#define condis_bad_input(fmt, ...) \
	pr_warn_ratelimited("%ps: " fmt "\n", __builtin_return_address(0), ##__VA_ARGS__)

/*
 * The status a driver passes to a completion function: a completion
 * cannot itself be pending, so CONDIS_PENDING (-EINPROGRESS) there is bad
 * input and becomes -EINVAL.  @who names the function for the warning.
 */
#define condis_completion_status(status, who) ({				\
	int __st = (status);							\
	if (__st == -EINPROGRESS) {						\
		condis_bad_input("%s: a completion cannot be pending", who);	\
		__st = -EINVAL;							\
	}									\
	__st;									\
})

#endif /* _CONDIS_OBJECT_H */
