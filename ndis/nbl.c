// SPDX-License-Identifier: GPL-2.0
/*
 * ndis.ko: MDLs, NET_BUFFERs and NET_BUFFER_LISTs over sk_buffs: the pools
 * and the functions a driver calls on them (<ndis/nbl.h> has the types,
 * the accessors and the conversions the trampolines use).
 */
#include <ndis/ndis.h>

/**
 * NdisAllocateMdl() - describe a kernel buffer with an MDL
 * @NdisHandle: a compat handle (unused)
 * @VirtualAddress: the buffer
 * @Length: its bytes
 *
 * Context: any (GFP_ATOMIC).
 * Return: the MDL, or NULL.
 */
PMDL NdisAllocateMdl(NDIS_HANDLE NdisHandle, PVOID VirtualAddress, UINT Length)
{
	PMDL mdl = kmalloc(sizeof(*mdl), GFP_ATOMIC);

	if (mdl)
		ndis_mdl_init(mdl, VirtualAddress, Length);
	return mdl;
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateMdl, NDIS);

/**
 * NdisFreeMdl() - the NDIS function of that name
 * @Mdl: as in the WDK
 *
 * Context: as in the WDK (see Documentation/porting.rst).
 */
void NdisFreeMdl(PMDL Mdl)
{
	kfree(Mdl);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeMdl, NDIS);

/**
 * NdisQueryMdl() - the NDIS function of that name
 * @Mdl: as in the WDK
 * @VirtualAddress: as in the WDK
 * @Length: as in the WDK
 * @Priority: as in the WDK
 *
 * Context: as in the WDK (see Documentation/porting.rst).
 */
void NdisQueryMdl(PMDL Mdl, PVOID *VirtualAddress, PULONG Length, ULONG Priority)
{
	*VirtualAddress = Mdl->MappedSystemVa;
	*Length = Mdl->ByteCount;
}
EXPORT_SYMBOL_NS_GPL(NdisQueryMdl, NDIS);

/**
 * NdisQueryMdlOffset() - the NDIS function of that name
 * @Mdl: as in the WDK
 * @Offset: as in the WDK
 * @Length: as in the WDK
 *
 * Context: as in the WDK (see Documentation/porting.rst).
 */
void NdisQueryMdlOffset(PMDL Mdl, PULONG Offset, PULONG Length)
{
	*Offset = Mdl->ByteOffset;
	*Length = Mdl->ByteCount;
}
EXPORT_SYMBOL_NS_GPL(NdisQueryMdlOffset, NDIS);

/**
 * NdisGetDataBuffer() - the first bytes of a NET_BUFFER's data, contiguous
 * @NetBuffer: the NET_BUFFER
 * @BytesNeeded: how many bytes
 * @Storage: a buffer to copy them into if they are not contiguous, or NULL
 * @AlignMultiple: as NDIS (only 1 is supported)
 * @AlignOffset: as NDIS (only 0 is supported)
 *
 * Context: any.
 * Return: a pointer to the data, @Storage holding a copy, or NULL (not
 * contiguous and no @Storage, or fewer bytes than @BytesNeeded).
 */
PVOID NdisGetDataBuffer(PNET_BUFFER NetBuffer, ULONG BytesNeeded, PVOID Storage,
			UINT AlignMultiple, UINT AlignOffset)
{
	PMDL mdl;

	if (BytesNeeded > NetBuffer->DataLength)
		return NULL;
	ndis_nb_sync_current(NetBuffer);
	mdl = NetBuffer->CurrentMdl;
	if (mdl && NetBuffer->CurrentMdlOffset + BytesNeeded <= mdl->ByteCount)
		return (u8 *)mdl->MappedSystemVa + NetBuffer->CurrentMdlOffset;
	if (!Storage || ndis_nb_copy(NetBuffer, Storage, BytesNeeded) != BytesNeeded)
		return NULL;
	return Storage;
}
EXPORT_SYMBOL_NS_GPL(NdisGetDataBuffer, NDIS);

/**
 * NdisAdvanceNetBufferDataStart() - drop bytes from the front of the data
 * @NetBuffer: the NET_BUFFER
 * @DataOffsetDelta: how many bytes
 * @FreeMdl: as NDIS (MDLs of the chain are never freed here)
 * @FreeMdlHandler: as NDIS (unused)
 *
 * Context: any.
 */
void NdisAdvanceNetBufferDataStart(PNET_BUFFER NetBuffer, ULONG DataOffsetDelta,
				   BOOLEAN FreeMdl, PVOID FreeMdlHandler)
{
	if (DataOffsetDelta > NetBuffer->DataLength)
		DataOffsetDelta = NetBuffer->DataLength;
	NetBuffer->DataOffset += DataOffsetDelta;
	NetBuffer->DataLength -= DataOffsetDelta;
	ndis_nb_sync_current(NetBuffer);
}
EXPORT_SYMBOL_NS_GPL(NdisAdvanceNetBufferDataStart, NDIS);

/**
 * NdisRetreatNetBufferDataStart() - grow the data at the front
 * @NetBuffer: the NET_BUFFER
 * @DataOffsetDelta: how many bytes
 * @DataBackFill: as NDIS (unused)
 * @AllocateMdlHandler: as NDIS (unused: no MDL is allocated)
 *
 * Only within the buffer already described: the compat layer allocates
 * no new MDL.
 *
 * Context: any.
 * Return: NDIS_STATUS_SUCCESS, or NDIS_STATUS_RESOURCES if DataOffset is
 * smaller than @DataOffsetDelta.
 */
NDIS_STATUS NdisRetreatNetBufferDataStart(PNET_BUFFER NetBuffer,
					  ULONG DataOffsetDelta,
					  ULONG DataBackFill,
					  PVOID AllocateMdlHandler)
{
	if (NetBuffer->DataOffset < DataOffsetDelta)
		return NDIS_STATUS_RESOURCES;
	NetBuffer->DataOffset -= DataOffsetDelta;
	NetBuffer->DataLength += DataOffsetDelta;
	ndis_nb_sync_current(NetBuffer);
	return NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisRetreatNetBufferDataStart, NDIS);

/**
 * NdisFreeNetBufferListPool() - free a pool whose NBLs are all freed
 * @PoolHandle: the pool
 *
 * Context: any.
 */
void NdisFreeNetBufferListPool(NDIS_HANDLE PoolHandle)
{
	struct ndis_nbl_pool *pool = PoolHandle;

	if (!pool)
		return;
	if (atomic_read(&pool->outstanding))
		pr_warn("NBL pool freed with %d NBLs still allocated\n",
			atomic_read(&pool->outstanding));
	kfree(pool);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeNetBufferListPool, NDIS);

/**
 * NdisAllocateNetBufferList() - an NBL from a pool
 * @PoolHandle: the pool
 * @ContextSize: as NDIS (NBL contexts are not supported: must be 0)
 * @ContextBackFill: as NDIS (unused)
 *
 * With the pool's fAllocateNetBuffer the NBL has its NET_BUFFER, and with
 * its DataSize a data buffer of that size described by one MDL (the head
 * of an sk_buff), DataLength set to DataSize.
 *
 * Context: any (GFP_ATOMIC).
 * Return: the NBL, or NULL.
 */
PNET_BUFFER_LIST NdisAllocateNetBufferList(NDIS_HANDLE PoolHandle,
					   USHORT ContextSize,
					   USHORT ContextBackFill)
{
	struct ndis_nbl_pool *pool = PoolHandle;
	PNET_BUFFER_LIST nbl;
	struct sk_buff *skb;

	if (!pool || ContextSize)
		return NULL;
	nbl = ndis_nbl_new(pool);
	if (!nbl || !pool->alloc_nb)
		return nbl;
	if (!pool->data_size) {
		ndis_nbl_init_nb(nbl, NULL, 0, 0);
		return nbl;
	}
	skb = alloc_skb_fclone(pool->data_size, GFP_ATOMIC);
	if (!skb) {
		atomic_dec(&pool->outstanding);
		kfree(nbl);
		return NULL;
	}
	NDIS_NBL_SKB_CB(skb)->nbl = nbl;
	nbl->NdisCompat.skb = skb;
	nbl->NdisCompat.flags = NDIS_NBL_OWN_DATA;
	ndis_mdl_init(&nbl->NdisCompat.mdl, skb->head, pool->data_size);
	ndis_nbl_init_nb(nbl, &nbl->NdisCompat.mdl, 0, pool->data_size);
	return nbl;
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateNetBufferList, NDIS);

/**
 * NdisFreeNetBufferList() - free a driver's NBL
 * @NetBufferList: an NBL from NdisAllocateNetBufferList() or
 *	NdisAllocateNetBufferAndNetBufferList(), not in flight
 *
 * Context: any.
 */
void NdisFreeNetBufferList(PNET_BUFFER_LIST NetBufferList)
{
	struct ndis_nbl_pool *pool;

	if (!NetBufferList)
		return;
	pool = NetBufferList->NdisCompat.pool;
	if (!pool) {
		pr_warn_ratelimited("freeing an NBL the driver did not allocate\n");
		return;
	}
	if (NetBufferList->NdisCompat.skb && skb_cloned(NetBufferList->NdisCompat.skb))
		pr_warn_ratelimited("freeing an NBL still in flight\n");
	kfree_skb(NetBufferList->NdisCompat.skb);
	atomic_dec(&pool->outstanding);
	kfree(NetBufferList);
}
EXPORT_SYMBOL_NS_GPL(NdisFreeNetBufferList, NDIS);
/**
 * NdisAllocateNetBufferListPool() - an NBL pool
 * @NdisHandle: the protocol's driver or binding handle, or the miniport's
 *	driver or adapter handle (a miniport's receive NBLs are returned to
 *	the adapter of their pool: allocate those with the adapter handle)
 * @Parameters: the pool's parameters (Header.Type NDIS_OBJECT_TYPE_DEFAULT)
 *
 * Context: any (GFP_ATOMIC).
 * Return: the pool handle, or NULL.
 */
NDIS_HANDLE NdisAllocateNetBufferListPool(NDIS_HANDLE NdisHandle,
					  PNET_BUFFER_LIST_POOL_PARAMETERS Parameters)
{
	return ndis_nbl_pool_alloc(ndis_object_get(NdisHandle, 0), Parameters);
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateNetBufferListPool, NDIS);
