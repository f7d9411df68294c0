/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS compat: NET_BUFFER_LIST, NET_BUFFER and MDL over sk_buffs.
 *
 * condis moves sk_buffs; an NDIS driver moves NBLs.  The compat layer
 * supports one NET_BUFFER per NET_BUFFER_LIST (one packet), which is what
 * CoNDIS drivers send, and two kinds of NBL:
 *
 * - a driver's own NBL, from its pool.  With a pool DataSize the data
 *   buffer is the head of an sk_buff the NBL owns (allocated as an fclone
 *   pair), described by the NBL's single MDL; with an MDL chain of the
 *   driver's own (NdisAllocateNetBufferAndNetBufferList) the data is
 *   copied into such an skb when the NBL is sent or indicated.  What
 *   travels through condis is the fclone companion (a clone sharing the
 *   data); whatever the other driver does with its skb->cb, the clone
 *   leads back to the original (container_of over struct
 *   sk_buff_fclones) and the original's cb to the NBL, so the driver gets
 *   its own NBL back on send completion or return.
 * - a wrapper: the NBL view the compat layer gives an NDIS driver of an
 *   skb that came from condis (a packet received, or sent to an NDIS
 *   miniport).  It lives until the driver hands it back.
 *
 * Pools must be allocated with a handle the compat layer issued (a
 * protocol's driver or binding handle, a miniport's driver or adapter
 * handle): sends that fail before they reach the miniport are completed
 * to the pool's driver, and a miniport's NBLs are returned to the adapter
 * of their pool.
 */
#ifndef _NDIS_NBL_H
#define _NDIS_NBL_H

#include <linux/atomic.h>
#include <linux/skbuff.h>
#include <linux/slab.h>

#include <ndis/types.h>
#include <ndis/status.h>

struct ndis_object;

typedef enum _MM_PAGE_PRIORITY {
	LowPagePriority = 0,
	NormalPagePriority = 16,
	HighPagePriority = 32,
} MM_PAGE_PRIORITY;

#define MdlMappingNoExecute	0x40000000

/* A memory descriptor: here always a kernel virtual range. */
typedef struct _MDL {
	struct _MDL *Next;
	CSHORT Size;
	CSHORT MdlFlags;
	PVOID Process;
	PVOID MappedSystemVa;
	PVOID StartVa;
	ULONG ByteCount;
	ULONG ByteOffset;
} MDL, *PMDL;

typedef struct _NET_BUFFER {
	struct _NET_BUFFER *Next;
	PMDL CurrentMdl;
	ULONG CurrentMdlOffset;
	ULONG DataLength;
	PMDL MdlChain;
	ULONG DataOffset;
	USHORT ChecksumBias;
	USHORT Reserved;
	NDIS_HANDLE NdisPoolHandle;
	PVOID NdisReserved[2];
	PVOID ProtocolReserved[6];
	PVOID MiniportReserved[4];
	NDIS_PHYSICAL_ADDRESS DataPhysicalAddress;
} NET_BUFFER, *PNET_BUFFER;

struct ndis_nbl_pool;

/* NdisCompat.flags */
#define NDIS_NBL_WRAPPER	0x01	/* a view of a condis skb; freed on hand-back */
#define NDIS_NBL_OWN_DATA	0x02	/* pool DataSize: the MDL is @skb's head */
#define NDIS_NBL_TEMP		0x04	/* @skb is a copy made for one trip */

/**
 * struct ndis_nbl_compat - the compat layer's part of a NET_BUFFER_LIST
 * @skb: a pool NBL's data skb (the fclone original), or the skb a
 *	wrapper shows
 * @pool: the pool of a driver's own NBL; NULL for a wrapper
 * @flags: NDIS_NBL_xxx
 * @nb: the NBL's NET_BUFFER
 * @mdl: the MDL of a pool DataSize buffer or of a wrapper
 */
struct ndis_nbl_compat {
	struct sk_buff *skb;
	struct ndis_nbl_pool *pool;
	unsigned int flags;
	NET_BUFFER nb;
	MDL mdl;
};

typedef struct _NET_BUFFER_LIST {
	struct _NET_BUFFER_LIST *Next;
	PNET_BUFFER FirstNetBuffer;
	PVOID Context;
	struct _NET_BUFFER_LIST *ParentNetBufferList;
	NDIS_HANDLE NdisPoolHandle;
	PVOID NdisReserved[2];
	PVOID ProtocolReserved[4];
	PVOID MiniportReserved[2];
	PVOID Scratch;
	NDIS_HANDLE SourceHandle;
	ULONG NblFlags;
	LONG ChildRefCount;
	ULONG Flags;
	NDIS_STATUS Status;
	struct ndis_nbl_compat NdisCompat;
} NET_BUFFER_LIST, *PNET_BUFFER_LIST;

#define NET_BUFFER_NEXT_NB(nb)			((nb)->Next)
#define NET_BUFFER_FIRST_MDL(nb)		((nb)->MdlChain)
#define NET_BUFFER_DATA_LENGTH(nb)		((nb)->DataLength)
#define NET_BUFFER_DATA_OFFSET(nb)		((nb)->DataOffset)
#define NET_BUFFER_CURRENT_MDL(nb)		((nb)->CurrentMdl)
#define NET_BUFFER_CURRENT_MDL_OFFSET(nb)	((nb)->CurrentMdlOffset)
#define NET_BUFFER_PROTOCOL_RESERVED(nb)	((nb)->ProtocolReserved)
#define NET_BUFFER_MINIPORT_RESERVED(nb)	((nb)->MiniportReserved)

#define NET_BUFFER_LIST_NEXT_NBL(nbl)		((nbl)->Next)
#define NET_BUFFER_LIST_FIRST_NB(nbl)		((nbl)->FirstNetBuffer)
#define NET_BUFFER_LIST_STATUS(nbl)		((nbl)->Status)
#define NET_BUFFER_LIST_FLAGS(nbl)		((nbl)->Flags)
#define NET_BUFFER_LIST_PROTOCOL_RESERVED(nbl)	((nbl)->ProtocolReserved)
#define NET_BUFFER_LIST_MINIPORT_RESERVED(nbl)	((nbl)->MiniportReserved)

#define NDIS_MDL_LINKAGE(mdl)			((mdl)->Next)

typedef struct _NET_BUFFER_LIST_POOL_PARAMETERS {
	NDIS_OBJECT_HEADER Header;
	UCHAR ProtocolId;
	BOOLEAN fAllocateNetBuffer;
	USHORT ContextSize;
	ULONG PoolTag;
	ULONG DataSize;
} NET_BUFFER_LIST_POOL_PARAMETERS, *PNET_BUFFER_LIST_POOL_PARAMETERS;

#define NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1	1
#define NDIS_SIZEOF_NET_BUFFER_LIST_POOL_PARAMETERS_REVISION_1 \
	RTL_SIZEOF_THROUGH_FIELD(NET_BUFFER_LIST_POOL_PARAMETERS, DataSize)
#define NDIS_PROTOCOL_ID_DEFAULT	0x00

/**
 * struct ndis_nbl_pool - what an NBL pool handle points at
 * @owner: the compat handle it was allocated with (a driver, binding or
 *	adapter); says whose handlers complete or return its NBLs
 * @alloc_nb: NBLs come with their NET_BUFFER
 * @data_size: bytes of data buffer each NBL gets, or 0
 * @outstanding: NBLs allocated and not freed
 */
struct ndis_nbl_pool {
	struct ndis_object *owner;
	bool alloc_nb;
	ULONG data_size;
	atomic_t outstanding;
};

/* skb->cb of a pool NBL's data skb, which never leaves the compat layer. */
struct ndis_nbl_skb_cb {
	PNET_BUFFER_LIST nbl;
};

#define NDIS_NBL_SKB_CB(skb)	((struct ndis_nbl_skb_cb *)(skb)->cb)

/* ---- MDLs ------------------------------------------------------------------ */

static inline void ndis_mdl_init(PMDL Mdl, PVOID VirtualAddress, ULONG Length)
{
	memset(Mdl, 0, sizeof(*Mdl));
	Mdl->Size = sizeof(*Mdl);
	Mdl->MappedSystemVa = VirtualAddress;
	Mdl->StartVa = VirtualAddress;
	Mdl->ByteCount = Length;
}

PMDL NdisAllocateMdl(NDIS_HANDLE NdisHandle, PVOID VirtualAddress, UINT Length);

void NdisFreeMdl(PMDL Mdl);

static inline PVOID MmGetSystemAddressForMdlSafe(PMDL Mdl, ULONG Priority)
{
	return Mdl->MappedSystemVa;
}

static inline ULONG MmGetMdlByteCount(PMDL Mdl)
{
	return Mdl->ByteCount;
}

static inline PVOID MmGetMdlVirtualAddress(PMDL Mdl)
{
	return Mdl->StartVa;
}

void NdisQueryMdl(PMDL Mdl, PVOID *VirtualAddress, PULONG Length, ULONG Priority);

void NdisQueryMdlOffset(PMDL Mdl, PULONG Offset, PULONG Length);

static inline void NdisGetNextMdl(PMDL CurrentMdl, PMDL *NextMdl)
{
	*NextMdl = CurrentMdl->Next;
}

/* ---- NET_BUFFER data --------------------------------------------------------- */

/* Point CurrentMdl/CurrentMdlOffset at DataOffset. */
static inline void ndis_nb_sync_current(PNET_BUFFER nb)
{
	ULONG off = nb->DataOffset;
	PMDL mdl = nb->MdlChain;

	while (mdl && off >= mdl->ByteCount && mdl->Next) {
		off -= mdl->ByteCount;
		mdl = mdl->Next;
	}
	nb->CurrentMdl = mdl;
	nb->CurrentMdlOffset = off;
}

/**
 * ndis_nb_copy() - copy bytes of a NET_BUFFER's data out
 * @nb: the NET_BUFFER
 * @dst: where to
 * @len: how many bytes, from the start of its data
 *
 * Context: any.
 * Return: the bytes copied (fewer if the MDL chain is shorter).
 */
static inline ULONG ndis_nb_copy(const NET_BUFFER *nb, void *dst, ULONG len)
{
	ULONG skip = nb->DataOffset, done = 0;
	const MDL *mdl;

	for (mdl = nb->MdlChain; mdl && done < len; mdl = mdl->Next) {
		ULONG n;

		if (skip >= mdl->ByteCount) {
			skip -= mdl->ByteCount;
			continue;
		}
		n = min(mdl->ByteCount - skip, len - done);
		memcpy((u8 *)dst + done, (const u8 *)mdl->MappedSystemVa + skip, n);
		done += n;
		skip = 0;
	}
	return done;
}

PVOID NdisGetDataBuffer(PNET_BUFFER NetBuffer, ULONG BytesNeeded, PVOID Storage,
			UINT AlignMultiple, UINT AlignOffset);

void NdisAdvanceNetBufferDataStart(PNET_BUFFER NetBuffer, ULONG DataOffsetDelta,
				   BOOLEAN FreeMdl, PVOID FreeMdlHandler);

NDIS_STATUS NdisRetreatNetBufferDataStart(PNET_BUFFER NetBuffer,
					  ULONG DataOffsetDelta,
					  ULONG DataBackFill,
					  PVOID AllocateMdlHandler);

/* ---- pools and NBLs ----------------------------------------------------------- */

static inline void ndis_nbl_init_nb(PNET_BUFFER_LIST nbl, PMDL chain, ULONG offset, ULONG len)
{
	PNET_BUFFER nb = &nbl->NdisCompat.nb;

	nbl->FirstNetBuffer = nb;
	nb->MdlChain = chain;
	nb->DataOffset = offset;
	nb->DataLength = len;
	nb->NdisPoolHandle = nbl->NdisPoolHandle;
	ndis_nb_sync_current(nb);
}

/**
 * ndis_nbl_pool_alloc() - allocate an NBL pool (NdisAllocateNetBufferListPool)
 * @owner: the compat object of the handle passed (driver, binding, adapter)
 * @Parameters: the pool's parameters
 *
 * Context: any (GFP_ATOMIC).
 * Return: the pool handle, or NULL.
 */
static inline NDIS_HANDLE ndis_nbl_pool_alloc(struct ndis_object *owner,
					      PNET_BUFFER_LIST_POOL_PARAMETERS Parameters)
{
	struct ndis_nbl_pool *pool;

	if (!owner || !Parameters || Parameters->Header.Type != NDIS_OBJECT_TYPE_DEFAULT) {
		pr_warn_ratelimited("ndis: NBL pool: bad handle or parameters\n");
		return NULL;
	}
	pool = kzalloc(sizeof(*pool), GFP_ATOMIC);
	if (!pool)
		return NULL;
	pool->owner = owner;
	pool->alloc_nb = Parameters->fAllocateNetBuffer;
	pool->data_size = Parameters->DataSize;
	atomic_set(&pool->outstanding, 0);
	return pool;
}

void NdisFreeNetBufferListPool(NDIS_HANDLE PoolHandle);

static inline PNET_BUFFER_LIST ndis_nbl_new(struct ndis_nbl_pool *pool)
{
	PNET_BUFFER_LIST nbl = kzalloc(sizeof(*nbl), GFP_ATOMIC);

	if (!nbl)
		return NULL;
	nbl->NdisPoolHandle = pool;
	nbl->NdisCompat.pool = pool;
	if (pool)
		atomic_inc(&pool->outstanding);
	return nbl;
}

PNET_BUFFER_LIST NdisAllocateNetBufferList(NDIS_HANDLE PoolHandle,
					   USHORT ContextSize,
					   USHORT ContextBackFill);

/**
 * NdisAllocateNetBufferAndNetBufferList() - an NBL over the driver's MDLs
 * @PoolHandle: the pool (allocated with fAllocateNetBuffer)
 * @ContextSize: as NDIS (must be 0)
 * @ContextBackFill: as NDIS (unused)
 * @MdlChain: the driver's MDL chain, which stays the driver's
 * @DataOffset: where the data starts in the chain
 * @DataLength: its bytes
 *
 * Context: any (GFP_ATOMIC).
 * Return: the NBL, or NULL.
 */
static inline PNET_BUFFER_LIST
NdisAllocateNetBufferAndNetBufferList(NDIS_HANDLE PoolHandle, USHORT ContextSize,
				      USHORT ContextBackFill, PMDL MdlChain, ULONG DataOffset,
				      SIZE_T DataLength)
{
	struct ndis_nbl_pool *pool = PoolHandle;
	PNET_BUFFER_LIST nbl;

	if (!pool || ContextSize || !pool->alloc_nb)
		return NULL;
	nbl = ndis_nbl_new(pool);
	if (nbl)
		ndis_nbl_init_nb(nbl, MdlChain, DataOffset, DataLength);
	return nbl;
}

void NdisFreeNetBufferList(PNET_BUFFER_LIST NetBufferList);

/* ---- NBLs <-> condis skbs --------------------------------------------------- */

/**
 * ndis_nbl_to_skb() - the skb that carries a driver's NBL through condis
 * @nbl: a pool NBL with one NET_BUFFER, not in flight
 *
 * Readies the NBL's data skb (its own buffer, or a copy of an MDL chain)
 * and returns its fclone companion; ndis_nbl_from_skb() undoes it.
 *
 * Context: any (GFP_ATOMIC for a copy).
 * Return: the clone, or NULL with @nbl->Status set: INVALID_PACKET (no or
 * several NET_BUFFERs, data outside its buffer, an NBL not from a pool or
 * still in flight) or RESOURCES.
 */
static inline struct sk_buff *ndis_nbl_to_skb(PNET_BUFFER_LIST nbl)
{
	struct ndis_nbl_compat *c = &nbl->NdisCompat;
	PNET_BUFFER nb = nbl->FirstNetBuffer;
	struct sk_buff *skb, *clone;

	nbl->Status = NDIS_STATUS_INVALID_PACKET;
	if (!c->pool || !nb || nb->Next || (c->flags & NDIS_NBL_TEMP) ||
	    (c->skb && skb_cloned(c->skb)))
		return NULL;
	if (c->flags & NDIS_NBL_OWN_DATA) {
		/* Its own buffer, in place: the MDL must still describe it. */
		if (nb->MdlChain != &c->mdl || c->mdl.MappedSystemVa != c->skb->head ||
		    nb->DataOffset > c->mdl.ByteCount ||
		    nb->DataLength > c->mdl.ByteCount - nb->DataOffset)
			return NULL;
		skb = c->skb;
		skb->data = skb->head + nb->DataOffset;
		skb->len = nb->DataLength;
		skb->data_len = 0;
		skb_set_tail_pointer(skb, nb->DataLength);
	} else {
		/* The driver's own MDL chain: copied for this trip. */
		skb = alloc_skb_fclone(nb->DataLength, GFP_ATOMIC);
		if (!skb) {
			nbl->Status = NDIS_STATUS_RESOURCES;
			return NULL;
		}
		if (ndis_nb_copy(nb, skb_put(skb, nb->DataLength), nb->DataLength) !=
		    nb->DataLength) {
			kfree_skb(skb);
			return NULL;
		}
		NDIS_NBL_SKB_CB(skb)->nbl = nbl;
		c->skb = skb;
		c->flags |= NDIS_NBL_TEMP;
	}
	clone = skb_clone(skb, GFP_ATOMIC);
	if (!clone || clone->fclone != SKB_FCLONE_CLONE) {
		kfree_skb(clone);
		if (c->flags & NDIS_NBL_TEMP) {
			c->flags &= ~NDIS_NBL_TEMP;
			c->skb = NULL;
			kfree_skb(skb);
		}
		nbl->Status = NDIS_STATUS_RESOURCES;
		return NULL;
	}
	nbl->Status = NDIS_STATUS_SUCCESS;
	return clone;
}

/**
 * ndis_nbl_from_skb() - the driver's NBL an skb from ndis_nbl_to_skb() carried
 * @clone: the skb back from condis; freed here
 *
 * Context: any.
 * Return: the NBL, or NULL (and @clone is left alone) if @clone is not
 * such an skb.
 */
static inline PNET_BUFFER_LIST ndis_nbl_from_skb(struct sk_buff *clone)
{
	struct sk_buff_fclones *fc;
	PNET_BUFFER_LIST nbl;

	if (clone->fclone != SKB_FCLONE_CLONE)
		return NULL;
	fc = container_of(clone, struct sk_buff_fclones, skb2);
	nbl = NDIS_NBL_SKB_CB(&fc->skb1)->nbl;
	if (!nbl || nbl->NdisCompat.skb != &fc->skb1)
		return NULL;
	kfree_skb(clone);
	if (nbl->NdisCompat.flags & NDIS_NBL_TEMP) {
		nbl->NdisCompat.flags &= ~NDIS_NBL_TEMP;
		kfree_skb(nbl->NdisCompat.skb);
		nbl->NdisCompat.skb = NULL;
	}
	return nbl;
}

/**
 * ndis_nbl_wrap() - an NBL view of an skb condis delivered
 * @skb: the skb; made linear if it is not
 * @vc: its VC, for SourceHandle
 *
 * Context: any (GFP_ATOMIC).
 * Return: the wrapper, or NULL (no memory).
 */
static inline PNET_BUFFER_LIST ndis_nbl_wrap(struct sk_buff *skb, struct condis_vc *vc)
{
	PNET_BUFFER_LIST nbl;

	if (skb_linearize(skb))
		return NULL;
	nbl = ndis_nbl_new(NULL);
	if (!nbl)
		return NULL;
	nbl->SourceHandle = vc;
	nbl->NdisCompat.skb = skb;
	nbl->NdisCompat.flags = NDIS_NBL_WRAPPER;
	ndis_mdl_init(&nbl->NdisCompat.mdl, skb->data, skb->len);
	ndis_nbl_init_nb(nbl, &nbl->NdisCompat.mdl, 0, skb->len);
	return nbl;
}

/**
 * ndis_nbl_unwrap() - the skb behind a wrapper, which is freed
 * @nbl: a wrapper from ndis_nbl_wrap()
 *
 * Context: any.
 * Return: the skb, or NULL if @nbl is no wrapper (left alone).
 */
static inline struct sk_buff *ndis_nbl_unwrap(PNET_BUFFER_LIST nbl)
{
	struct sk_buff *skb;

	if (!(nbl->NdisCompat.flags & NDIS_NBL_WRAPPER))
		return NULL;
	skb = nbl->NdisCompat.skb;
	kfree(nbl);
	return skb;
}

/* The number of NBLs on a chain. */
static inline ULONG ndis_nbl_count(PNET_BUFFER_LIST nbl)
{
	ULONG n = 0;

	for (; nbl; nbl = nbl->Next)
		n++;
	return n;
}

#endif /* _NDIS_NBL_H */
