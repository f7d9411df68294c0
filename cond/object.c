// SPDX-License-Identifier: GPL-2.0
/*
 * Handle registry.  Every live object is in one rhashtable keyed by its
 * address; checking a handle is a lock-free lookup of the pointer value, so
 * a freed or foreign pointer is never dereferenced.  A published object can
 * be found; condis_obj_unpublish() makes its handle stale for everyone.
 * Which driver may still use a published handle is a matter of the
 * object's state, checked by the caller.
 */
#include <linux/atomic.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>
#include <kunit/visibility.h>

#include "object.h"

static struct rhashtable condis_handles;
static atomic_t condis_obj_next_id = ATOMIC_INIT(0);
static atomic_t condis_obj_live = ATOMIC_INIT(0);

static const struct rhashtable_params condis_handle_params = {
	.head_offset = offsetof(struct condis_obj, node),
	.key_offset = offsetof(struct condis_obj, key),
	.key_len = sizeof(unsigned long),
	.automatic_shrinking = true,
};

int condis_obj_init_registry(void)
{
	return rhashtable_init(&condis_handles, &condis_handle_params);
}

void condis_obj_uninit_registry(void)
{
	/*
	 * Module exit has reported any object still live (leaked by a driver
	 * that did not deregister); only the table goes, such objects stay.
	 */
	rhashtable_destroy(&condis_handles);
}

/**
 * condis_obj_init() - initialise an object header, holding one reference
 * @obj: the header, first member of the object
 * @type: the object's kind
 * @release: frees the object once the last reference is gone
 *
 * Context: any.
 */
void condis_obj_init(struct condis_obj *obj, enum condis_obj_type type,
		     void (*release)(struct condis_obj *obj))
{
	obj->key = (unsigned long)obj;
	obj->type = type;
	obj->id = atomic_inc_return(&condis_obj_next_id);
	obj->release = release;
	kref_init(&obj->ref);
	atomic_inc(&condis_obj_live);
}
EXPORT_SYMBOL_IF_KUNIT(condis_obj_init);

/**
 * condis_obj_publish() - make an object's handle valid
 * @obj: an initialised object
 *
 * Context: any.
 * Return: 0, -ENOMEM if the registry could not grow, or -EBUSY if it was
 * resizing through every retry (callers report that as a failure; in
 * atomic context there is no waiting for the resize).
 */
int condis_obj_publish(struct condis_obj *obj)
{
	int err, tries = 16;

	do {
		err = rhashtable_insert_fast(&condis_handles, &obj->node, condis_handle_params);
	} while (err == -EBUSY && --tries);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(condis_obj_publish);

/**
 * condis_obj_unpublish() - make an object's handle stale
 * @obj: a published object
 *
 * Lookups that already found @obj keep the reference they took; new ones
 * fail.  The object lives on until its last reference is dropped.
 *
 * Context: any.
 */
void condis_obj_unpublish(struct condis_obj *obj)
{
	rhashtable_remove_fast(&condis_handles, &obj->node, condis_handle_params);
}
EXPORT_SYMBOL_IF_KUNIT(condis_obj_unpublish);

/**
 * condis_obj_get_handle() - check a handle from a driver and take a reference
 * @handle: the pointer the driver passed
 * @type: the kind of object the caller expects
 *
 * Context: any.
 * Return: the object with a reference held, or NULL if @handle is NULL,
 * stale, of another type, or its object is being freed.
 */
struct condis_obj *condis_obj_get_handle(const void *handle, enum condis_obj_type type)
{
	unsigned long key = (unsigned long)handle;
	struct condis_obj *obj;

	if (!handle)
		return NULL;
	rcu_read_lock();
	obj = rhashtable_lookup(&condis_handles, &key, condis_handle_params);
	if (obj && (obj->type != type || !kref_get_unless_zero(&obj->ref)))
		obj = NULL;
	rcu_read_unlock();
	return obj;
}
EXPORT_SYMBOL_IF_KUNIT(condis_obj_get_handle);

/**
 * condis_obj_get() - take another reference to an object already held
 * @obj: the object
 *
 * Context: any.
 */
void condis_obj_get(struct condis_obj *obj)
{
	kref_get(&obj->ref);
}

static void condis_obj_free_rcu(struct rcu_head *rcu)
{
	struct condis_obj *obj = container_of(rcu, struct condis_obj, rcu);

	obj->release(obj);
	atomic_dec(&condis_obj_live);
}

static void condis_obj_last_put(struct kref *ref)
{
	struct condis_obj *obj = container_of(ref, struct condis_obj, ref);

	/* A live handle to a freed object would be a use-after-free. */
	condis_obj_unpublish(obj);
	call_rcu(&obj->rcu, condis_obj_free_rcu);
}

/**
 * condis_obj_put() - drop a reference
 * @obj: the object
 *
 * The last put unpublishes the object and frees it after an RCU grace
 * period, so lock-free readers that found it may finish.
 *
 * Context: any.
 */
void condis_obj_put(struct condis_obj *obj)
{
	kref_put(&obj->ref, condis_obj_last_put);
}
EXPORT_SYMBOL_IF_KUNIT(condis_obj_put);

/**
 * condis_obj_live_count() - objects allocated and not yet freed
 *
 * Context: any.
 * Return: the count; 0 once everything is torn down.
 */
unsigned int condis_obj_live_count(void)
{
	return atomic_read(&condis_obj_live);
}

/**
 * condis_obj_type_name() - what a kind of object is called, for messages
 * @type: the kind
 *
 * Context: any.
 * Return: a static string.
 */
const char *condis_obj_type_name(enum condis_obj_type type)
{
	static const char *const names[] = {
		[CONDIS_OBJ_PROTOCOL] = "protocol",
		[CONDIS_OBJ_MINIPORT] = "miniport",
		[CONDIS_OBJ_ADAPTER] = "adapter",
		[CONDIS_OBJ_BINDING] = "binding",
		[CONDIS_OBJ_CM_AF] = "CM AF",
		[CONDIS_OBJ_AF] = "AF",
		[CONDIS_OBJ_SAP] = "SAP",
		[CONDIS_OBJ_VC] = "VC",
		[CONDIS_OBJ_PARTY] = "party",
	};

	if (type < ARRAY_SIZE(names) && names[type])
		return names[type];
	return "object";
}
EXPORT_SYMBOL_IF_KUNIT(condis_obj_type_name);
