// SPDX-License-Identifier: GPL-2.0
/*
 * ndis.ko: NDIS 5 packets and buffers, and the 5.x CO data path over
 * condis's sk_buffs.
 *
 * Two kinds of NDIS_PACKET:
 * - a pool packet, a driver's own (NdisAllocatePacket()).  Sent
 *   (NdisCoSendPackets) or indicated (NdisMCoIndicateReceivePacket), its
 *   data is copied into an fclone skb pair; the companion clone travels
 *   through condis, and the original, which never leaves this file,
 *   carries the packet in its cb, so the send completion or the return
 *   gives the driver its own packet back.
 * - a wrapper, the packet view this file gives a 5.x driver of an skb
 *   from condis (received, or sent to a 5.x miniport): one NDIS_BUFFER over
 *   the skb's linear data, freed when the driver hands the packet back.
 * Either has, after the out-of-band data at Private.NdisPacketOobOffset,
 * a struct ndis5_pkt of the compat layer.
 */
#include "ndis5.h"

#define NDIS5_PKT_MAGIC		0x504b3530	/* "PK50" */
#define NDIS5_WRAP_RESERVED	(4 * sizeof(PVOID))	/* a wrapper's ProtocolReserved */

/**
 * struct ndis5_packet_pool - what a packet pool handle points at
 * @outstanding: packets allocated and not freed
 * @max: how many may be
 * @reserved: the ProtocolReserved bytes of each packet
 */
struct ndis5_packet_pool {
	atomic_t outstanding;
	UINT max;
	UINT reserved;
};

/**
 * struct ndis5_pkt - the compat layer's part of a packet
 * @magic: %NDIS5_PKT_MAGIC
 * @pool: a pool packet's pool, or NULL for a wrapper
 * @skb: a wrapper's skb
 * @vc: a wrapper's VC
 * @refs: a received wrapper's references (ProtocolCoReceivePacket's count)
 * @buf: a wrapper's buffer
 */
struct ndis5_pkt {
	u32 magic;
	struct ndis5_packet_pool *pool;
	struct sk_buff *skb;
	struct condis_vc *vc;
	atomic_t refs;
	NDIS_BUFFER buf;
};

/* skb->cb of a pool packet's original skb, which never leaves this file. */
struct ndis5_skb_cb {
	PNDIS_PACKET pkt;
	u32 magic;
};

#define NDIS5_SKB_CB(skb)	((struct ndis5_skb_cb *)(skb)->cb)

static size_t ndis5_oob_off(UINT reserved)
{
	return ALIGN(offsetof(NDIS_PACKET, ProtocolReserved) + max_t(UINT, reserved, 1),
		     sizeof(void *));
}

static struct ndis5_pkt *ndis5_pkt_compat(PNDIS_PACKET p)
{
	return (void *)((u8 *)p + p->Private.NdisPacketOobOffset + sizeof(NDIS_PACKET_OOB_DATA));
}

static struct ndis5_pkt *ndis5_pkt_of(PNDIS_PACKET p)
{
	struct ndis5_pkt *c = ndis5_pkt_compat(p);

	if (c->magic != NDIS5_PKT_MAGIC) {
		pr_warn_ratelimited("ndis: %ps: not a packet of NDIS %p\n",
				    __builtin_return_address(0), p);
		return NULL;
	}
	return c;
}

static PNDIS_PACKET ndis5_pkt_alloc(struct ndis5_packet_pool *pool, UINT reserved, gfp_t gfp)
{
	size_t off = ndis5_oob_off(reserved);
	PNDIS_PACKET p = kzalloc(off + sizeof(NDIS_PACKET_OOB_DATA) + sizeof(struct ndis5_pkt),
				 gfp);
	struct ndis5_pkt *c;

	if (!p)
		return NULL;
	p->Private.NdisPacketOobOffset = off;
	p->Private.Pool = (PNDIS_PACKET_POOL)pool;
	p->Private.ValidCounts = FALSE;
	c = ndis5_pkt_compat(p);
	c->magic = NDIS5_PKT_MAGIC;
	c->pool = pool;
	return p;
}

static void ndis5_pkt_free(PNDIS_PACKET p)
{
	ndis5_pkt_of(p)->magic = 0;
	kfree(p);
}

/**
 * NdisAllocatePacketPool() - a pool of packet descriptors
 * @Status: set to NDIS_STATUS_SUCCESS or NDIS_STATUS_RESOURCES
 * @PoolHandle: set to the pool
 * @NumberOfDescriptors: how many packets may be allocated at once
 * @ProtocolReservedLength: the ProtocolReserved bytes of each
 *
 * Context: process (PASSIVE_LEVEL).
 */
void NdisAllocatePacketPool(PNDIS_STATUS Status, PNDIS_HANDLE PoolHandle,
			    UINT NumberOfDescriptors, UINT ProtocolReservedLength)
{
	NdisAllocatePacketPoolEx(Status, PoolHandle, NumberOfDescriptors, 0,
				 ProtocolReservedLength);
}
EXPORT_SYMBOL_NS_GPL(NdisAllocatePacketPool, NDIS);

/**
 * NdisAllocatePacketPoolEx() - a pool of packet descriptors that may overflow
 * @Status: set to NDIS_STATUS_SUCCESS or NDIS_STATUS_RESOURCES
 * @PoolHandle: set to the pool
 * @NumberOfDescriptors: packets at once
 * @NumberOfOverflowDescriptors: more beyond those
 * @ProtocolReservedLength: the ProtocolReserved bytes of each
 *
 * Context: process (PASSIVE_LEVEL).
 */
void NdisAllocatePacketPoolEx(PNDIS_STATUS Status, PNDIS_HANDLE PoolHandle,
			      UINT NumberOfDescriptors, UINT NumberOfOverflowDescriptors,
			      UINT ProtocolReservedLength)
{
	struct ndis5_packet_pool *pool = kzalloc(sizeof(*pool), GFP_KERNEL);

	*PoolHandle = pool;
	*Status = pool ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES;
	if (!pool)
		return;
	atomic_set(&pool->outstanding, 0);
	pool->max = NumberOfDescriptors + NumberOfOverflowDescriptors;
	pool->reserved = ProtocolReservedLength;
}
EXPORT_SYMBOL_NS_GPL(NdisAllocatePacketPoolEx, NDIS);

/**
 * NdisFreePacketPool() - free a pool whose packets are all freed
 * @PoolHandle: the pool
 *
 * Context: process (PASSIVE_LEVEL).
 */
void NdisFreePacketPool(NDIS_HANDLE PoolHandle)
{
	struct ndis5_packet_pool *pool = PoolHandle;

	if (!pool)
		return;
	if (atomic_read(&pool->outstanding))
		pr_warn("ndis: packet pool freed with %d packets out; they leak\n",
			atomic_read(&pool->outstanding));
	else
		kfree(pool);
}
EXPORT_SYMBOL_NS_GPL(NdisFreePacketPool, NDIS);

/**
 * NdisPacketPoolUsage() - packets allocated from a pool and not freed
 * @PoolHandle: the pool
 *
 * Context: any.
 * Return: the count.
 */
UINT NdisPacketPoolUsage(NDIS_HANDLE PoolHandle)
{
	struct ndis5_packet_pool *pool = PoolHandle;

	return atomic_read(&pool->outstanding);
}
EXPORT_SYMBOL_NS_GPL(NdisPacketPoolUsage, NDIS);

/**
 * NdisAllocatePacket() - a packet descriptor from a pool
 * @Status: set to NDIS_STATUS_SUCCESS or NDIS_STATUS_RESOURCES (pool
 *	exhausted, or no memory)
 * @Packet: set to the packet: no buffers, ProtocolReserved zeroed
 * @PoolHandle: the pool
 *
 * Context: any.
 */
void NdisAllocatePacket(PNDIS_STATUS Status, PNDIS_PACKET *Packet, NDIS_HANDLE PoolHandle)
{
	struct ndis5_packet_pool *pool = PoolHandle;

	*Packet = NULL;
	*Status = NDIS_STATUS_RESOURCES;
	if (!pool || atomic_inc_return(&pool->outstanding) > pool->max) {
		if (pool)
			atomic_dec(&pool->outstanding);
		return;
	}
	*Packet = ndis5_pkt_alloc(pool, pool->reserved, GFP_ATOMIC);
	if (!*Packet) {
		atomic_dec(&pool->outstanding);
		return;
	}
	*Status = NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisAllocatePacket, NDIS);

/**
 * NdisFreePacket() - give a pool packet back to its pool
 * @Packet: the packet; its buffers stay the driver's
 *
 * Context: any.
 */
void NdisFreePacket(PNDIS_PACKET Packet)
{
	struct ndis5_pkt *c = ndis5_pkt_of(Packet);
	struct ndis5_packet_pool *pool;

	if (!c || !c->pool)
		return;
	pool = c->pool;
	ndis5_pkt_free(Packet);
	atomic_dec(&pool->outstanding);
}
EXPORT_SYMBOL_NS_GPL(NdisFreePacket, NDIS);

/**
 * NdisReinitializePacket() - empty a packet's chain for reuse
 * @Packet: the packet
 *
 * Context: any.
 */
void NdisReinitializePacket(PNDIS_PACKET Packet)
{
	Packet->Private.Head = NULL;
	Packet->Private.Tail = NULL;
	Packet->Private.ValidCounts = FALSE;
}
EXPORT_SYMBOL_NS_GPL(NdisReinitializePacket, NDIS);

/**
 * NdisAllocateBufferPool() - a pool of buffer descriptors
 * @Status: set to NDIS_STATUS_SUCCESS
 * @PoolHandle: set to a non-NULL handle
 * @NumberOfDescriptors: unused: buffers come from the slab
 *
 * Context: process (PASSIVE_LEVEL).
 */
void NdisAllocateBufferPool(PNDIS_STATUS Status, PNDIS_HANDLE PoolHandle,
			    UINT NumberOfDescriptors)
{
	static int ndis5_buffer_pool;	/* one handle for all: buffers need no pool */

	*PoolHandle = &ndis5_buffer_pool;
	*Status = NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateBufferPool, NDIS);

/**
 * NdisFreeBufferPool() - free a buffer pool
 * @PoolHandle: the pool
 *
 * Context: process (PASSIVE_LEVEL).
 */
void NdisFreeBufferPool(NDIS_HANDLE PoolHandle)
{
}
EXPORT_SYMBOL_NS_GPL(NdisFreeBufferPool, NDIS);

/**
 * NdisAllocateBuffer() - a buffer descriptor for kernel memory
 * @Status: set to NDIS_STATUS_SUCCESS or NDIS_STATUS_RESOURCES
 * @Buffer: set to the descriptor
 * @PoolHandle: a buffer pool
 * @VirtualAddress: the memory
 * @Length: its length
 *
 * Context: any.
 */
void NdisAllocateBuffer(PNDIS_STATUS Status, PNDIS_BUFFER *Buffer, NDIS_HANDLE PoolHandle,
			PVOID VirtualAddress, UINT Length)
{
	PNDIS_BUFFER b = kmalloc(sizeof(*b), GFP_ATOMIC);

	*Buffer = b;
	*Status = b ? NDIS_STATUS_SUCCESS : NDIS_STATUS_RESOURCES;
	if (b)
		ndis_mdl_init(b, VirtualAddress, Length);
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateBuffer, NDIS);

/**
 * NdisFreeBuffer() - free a buffer descriptor (not the memory it describes)
 * @Buffer: the descriptor
 *
 * Context: any.
 */
void NdisFreeBuffer(PNDIS_BUFFER Buffer)
{
	kfree(Buffer);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeBuffer, NDIS);

/* ---- pool packets through condis ---------------------------------------------------- */

/* The clone of a copy of @p's data, or NULL (no memory). */
static struct sk_buff *ndis5_pkt_to_skb(PNDIS_PACKET p)
{
	struct sk_buff *skb, *clone;
	PNDIS_BUFFER b;
	UINT len;
	u8 *dst;

	NdisQueryPacket(p, NULL, NULL, NULL, &len);
	skb = alloc_skb_fclone(len, GFP_ATOMIC);
	if (!skb)
		return NULL;
	dst = skb_put(skb, len);
	for (b = p->Private.Head; b; b = b->Next) {
		memcpy(dst, b->MappedSystemVa, b->ByteCount);
		dst += b->ByteCount;
	}
	NDIS5_SKB_CB(skb)->pkt = p;
	NDIS5_SKB_CB(skb)->magic = NDIS5_PKT_MAGIC;
	clone = skb_clone(skb, GFP_ATOMIC);
	if (!clone || clone->fclone != SKB_FCLONE_CLONE) {
		kfree_skb(clone);
		kfree_skb(skb);
		return NULL;
	}
	return clone;
}

/* The pool packet a clone from ndis5_pkt_to_skb() carries; both skbs freed. */
static PNDIS_PACKET ndis5_pkt_from_skb(struct sk_buff *clone)
{
	struct sk_buff_fclones *fc;
	struct sk_buff *orig;
	PNDIS_PACKET p;

	if (clone->fclone != SKB_FCLONE_CLONE) {
		pr_warn_ratelimited("ndis: an skb that is no NDIS 5 packet's\n");
		kfree_skb(clone);
		return NULL;
	}
	fc = container_of(clone, struct sk_buff_fclones, skb2);
	orig = &fc->skb1;
	if (NDIS5_SKB_CB(orig)->magic != NDIS5_PKT_MAGIC) {
		pr_warn_ratelimited("ndis: an skb that is no NDIS 5 packet's\n");
		kfree_skb(clone);
		return NULL;
	}
	p = NDIS5_SKB_CB(orig)->pkt;
	consume_skb(clone);
	consume_skb(orig);
	return p;
}

/* The send-complete handler of the protocol that owns the VC of @vc_ctx. */
static void ndis5_send_done(struct ndis5_vc *v, PNDIS_PACKET p, NDIS_STATUS st)
{
	NDIS_SET_PACKET_STATUS(p, st);
	v->af->binding->proto->chars.CoSendCompleteHandler(st, v->ctx, p);
}

/**
 * NdisCoSendPackets() - a 5.x client sends packets on a VC
 * @NdisVcHandle: a VC with a connected call
 * @PacketArray: the packets, in order; each comes back once through
 *	ProtocolCoSendComplete, with its status (also in
 *	NDIS_GET_PACKET_STATUS)
 * @NumberOfPackets: how many
 *
 * The data is copied; the packets and their buffers stay the driver's
 * and must not be freed before their completion.
 *
 * Context: any.
 */
void NdisCoSendPackets(NDIS_HANDLE NdisVcHandle, PPNDIS_PACKET PacketArray,
		       UINT NumberOfPackets)
{
	struct ndis5_vc *v = condis_vc_owner_context(NdisVcHandle);
	struct sk_buff_head skbs;
	struct sk_buff *skb;
	UINT i;
	int err;

	if (!v) {
		pr_warn_ratelimited("ndis: %s: bad VC %p\n", __func__, NdisVcHandle);
		return;
	}
	__skb_queue_head_init(&skbs);
	for (i = 0; i < NumberOfPackets; i++) {
		skb = ndis5_pkt_to_skb(PacketArray[i]);
		if (skb) {
			NDIS_SET_PACKET_STATUS(PacketArray[i], NDIS_STATUS_PENDING);
			__skb_queue_tail(&skbs, skb);
		} else {
			ndis5_send_done(v, PacketArray[i], NDIS_STATUS_RESOURCES);
		}
	}
	if (skb_queue_empty(&skbs))
		return;
	err = condis_co_send(NdisVcHandle, &skbs);
	while ((skb = __skb_dequeue(&skbs))) {
		PNDIS_PACKET p = ndis5_pkt_from_skb(skb);

		if (p)
			ndis5_send_done(v, p, ndis_status_from_native(err ?: -EIO));
	}
}
EXPORT_SYMBOL_NS_GPL(NdisCoSendPackets, NDIS);

void ndis5_co_send_complete(void *vc_ctx, struct sk_buff_head *skbs)
{
	struct ndis5_vc *v = vc_ctx;
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(skbs))) {
		int status = CONDIS_SKB_CB(skb)->status;
		PNDIS_PACKET p = ndis5_pkt_from_skb(skb);

		if (p)
			ndis5_send_done(v, p, ndis_status_from_native(status));
	}
}

/* MiniportReturnPacket of the miniport whose VC @vc is. */
static void ndis5_mp_return_packet(struct condis_vc *vc, PNDIS_PACKET p)
{
	struct ndis5_vc *v = ndis5_mp_vc_find(vc);

	if (v)
		v->adapter->drv->chars.ReturnPacketHandler(v->adapter->context, p);
	else
		pr_warn_ratelimited("ndis: packet %p of an unknown VC not returned\n", p);
}

/**
 * NdisMCoIndicateReceivePacket() - a 5.x miniport indicates packets on a VC
 * @NdisVcHandle: an active VC
 * @PacketArray: the driver's pool packets
 * @NumberOfPackets: how many
 *
 * The data is copied for condis.  A packet with NDIS_STATUS_RESOURCES is
 * the miniport's again when this returns; any other comes back once
 * through MiniportReturnPacket when the receiving protocol is done with
 * it (before this returns if it kept nothing).
 *
 * Context: any.
 */
void NdisMCoIndicateReceivePacket(NDIS_HANDLE NdisVcHandle, PPNDIS_PACKET PacketArray,
				  UINT NumberOfPackets)
{
	struct sk_buff_head skbs;
	struct sk_buff *skb;
	UINT i;

	for (i = 0; i < NumberOfPackets; i++) {
		PNDIS_PACKET p = PacketArray[i];
		bool resources = NDIS_GET_PACKET_STATUS(p) == NDIS_STATUS_RESOURCES;

		__skb_queue_head_init(&skbs);
		skb = ndis5_pkt_to_skb(p);
		if (skb) {
			__skb_queue_tail(&skbs, skb);
			condis_mco_indicate_receive(NdisVcHandle, &skbs,
						    resources ? CONDIS_RECEIVE_RESOURCES : 0);
			if (skb_queue_empty(&skbs))
				continue;	/* kept: back through return_skbs */
			ndis5_pkt_from_skb(__skb_dequeue(&skbs));
		}
		if (!resources)
			ndis5_mp_return_packet(NdisVcHandle, p);
	}
}
EXPORT_SYMBOL_NS_GPL(NdisMCoIndicateReceivePacket, NDIS);

void ndis5_mp_return_skbs(void *mp_vc_ctx, struct sk_buff_head *skbs)
{
	struct ndis5_vc *v = mp_vc_ctx;
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(skbs))) {
		PNDIS_PACKET p = ndis5_pkt_from_skb(skb);

		if (p)
			v->adapter->drv->chars.ReturnPacketHandler(v->adapter->context, p);
	}
}

/* ---- wrappers: condis skbs shown to 5.x drivers ---------------------------------- */

static PNDIS_PACKET ndis5_wrap(struct sk_buff *skb, struct condis_vc *vc)
{
	PNDIS_PACKET p;
	struct ndis5_pkt *c;

	if (skb_linearize(skb))
		return NULL;
	p = ndis5_pkt_alloc(NULL, NDIS5_WRAP_RESERVED, GFP_ATOMIC);
	if (!p)
		return NULL;
	c = ndis5_pkt_of(p);
	c->skb = skb;
	c->vc = vc;
	ndis_mdl_init(&c->buf, skb->data, skb->len);
	NdisChainBufferAtBack(p, &c->buf);
	return p;
}

void ndis5_mp_send(void *mp_vc_ctx, struct sk_buff_head *skbs)
{
	struct ndis5_vc *v = mp_vc_ctx;
	PNDIS_PACKET batch[16];
	struct sk_buff *skb;
	UINT n = 0;

	while ((skb = __skb_dequeue(skbs))) {
		PNDIS_PACKET p = ndis5_wrap(skb, v->vc);

		if (!p) {
			struct sk_buff_head one;

			__skb_queue_head_init(&one);
			CONDIS_SKB_CB(skb)->status = -ENOMEM;
			__skb_queue_tail(&one, skb);
			condis_mco_send_complete(v->vc, &one);
			continue;
		}
		NDIS_SET_PACKET_STATUS(p, NDIS_STATUS_SUCCESS);
		batch[n++] = p;
		if (n == ARRAY_SIZE(batch)) {
			v->adapter->drv->chars.CoSendPacketsHandler(v->ctx, batch, n);
			n = 0;
		}
	}
	if (n)
		v->adapter->drv->chars.CoSendPacketsHandler(v->ctx, batch, n);
}

/**
 * NdisMCoSendComplete() - a 5.x miniport is done with a packet sent on a VC
 * @Status: how it fared
 * @NdisVcHandle: the VC
 * @Packet: the packet its MiniportCoSendPackets got; stale afterwards
 *
 * Context: any.
 */
void NdisMCoSendComplete(NDIS_STATUS Status, NDIS_HANDLE NdisVcHandle, PNDIS_PACKET Packet)
{
	struct ndis5_pkt *c = ndis5_pkt_of(Packet);
	struct sk_buff_head one;

	if (!c || c->pool || !c->skb)
		return;
	__skb_queue_head_init(&one);
	CONDIS_SKB_CB(c->skb)->status = ndis_status_to_native(Status);
	__skb_queue_tail(&one, c->skb);
	ndis5_pkt_free(Packet);
	condis_mco_send_complete(NdisVcHandle, &one);
}
EXPORT_SYMBOL_NS_GPL(NdisMCoSendComplete, NDIS);

void ndis5_co_receive(void *binding_ctx, void *vc_ctx, struct sk_buff_head *skbs,
		      unsigned int flags)
{
	struct ndis5_binding *b = binding_ctx;
	struct ndis5_vc *v = vc_ctx;
	struct sk_buff *skb, *tmp;
	UINT refs;
	int left;

	skb_queue_walk_safe(skbs, skb, tmp) {
		PNDIS_PACKET p = ndis5_wrap(skb, v->vc);
		struct ndis5_pkt *c;

		if (!p)
			continue;	/* dropped: back to the miniport */
		c = ndis5_pkt_of(p);
		atomic_set(&c->refs, 0);
		NDIS_SET_PACKET_STATUS(p, flags & CONDIS_RECEIVE_RESOURCES ?
				       NDIS_STATUS_RESOURCES : NDIS_STATUS_SUCCESS);
		refs = b->proto->chars.CoReceivePacketHandler(b->context, v->ctx, p);
		if (flags & CONDIS_RECEIVE_RESOURCES)
			refs = 0;
		/* NdisReturnPackets() may have run already: it counts down from 0. */
		left = atomic_add_return(refs, &c->refs);
		if (!refs || !left) {
			ndis5_pkt_free(p);
			continue;
		}
		__skb_unlink(skb, skbs);
	}
}

/**
 * NdisReturnPackets() - a 5.x protocol hands back received packets it kept
 * @PacketsToReturn: packets its ProtocolCoReceivePacket returned a
 *	non-zero count for
 * @NumberOfPackets: how many
 *
 * Each packet goes back to the miniport once it has been returned as
 * often as that count said.
 *
 * Context: any.
 */
void NdisReturnPackets(PPNDIS_PACKET PacketsToReturn, UINT NumberOfPackets)
{
	struct sk_buff_head one;
	UINT i;

	for (i = 0; i < NumberOfPackets; i++) {
		struct ndis5_pkt *c = ndis5_pkt_of(PacketsToReturn[i]);
		struct condis_vc *vc;

		if (!c || c->pool || !c->skb)
			continue;
		if (atomic_dec_return(&c->refs))
			continue;	/* more references, or its indication still runs */
		__skb_queue_head_init(&one);
		__skb_queue_tail(&one, c->skb);
		vc = c->vc;
		ndis5_pkt_free(PacketsToReturn[i]);
		condis_co_return_skbs(vc, &one);
	}
}
EXPORT_SYMBOL_NS_GPL(NdisReturnPackets, NDIS);
