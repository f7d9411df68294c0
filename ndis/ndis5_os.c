// SPDX-License-Identifier: GPL-2.0
/*
 * ndis.ko: the OS services of an NDIS 5 software driver that NDIS 6 left
 * out or renamed: miniport timers, NDIS_WORK_ITEM, NdisAllocateMemory,
 * and the configuration functions, backed by the driver module's
 * parameters.
 */
#include <linux/moduleparam.h>

#include "ndis5.h"

/**
 * NdisMInitializeTimer() - set up a miniport's timer
 * @Timer: the timer, the driver's storage
 * @MiniportAdapterHandle: the adapter; unused
 * @TimerFunction: what runs when it fires (softirq context, as
 *	DISPATCH_LEVEL), with @FunctionContext as its second argument
 * @FunctionContext: its context
 *
 * Context: any.
 */
void NdisMInitializeTimer(PNDIS_MINIPORT_TIMER Timer, NDIS_HANDLE MiniportAdapterHandle,
			  PNDIS_TIMER_FUNCTION TimerFunction, PVOID FunctionContext)
{
	NdisInitializeTimer(Timer, TimerFunction, FunctionContext);
}
EXPORT_SYMBOL_NS_GPL(NdisMInitializeTimer, NDIS);

/**
 * NdisMSetTimer() - fire a miniport timer once, after a delay
 * @Timer: the timer; re-arms it if pending
 * @MillisecondsToDelay: the delay
 *
 * Context: any.
 */
void NdisMSetTimer(PNDIS_MINIPORT_TIMER Timer, UINT MillisecondsToDelay)
{
	WRITE_ONCE(Timer->Timer.period, 0);
	NdisSetTimer(Timer, MillisecondsToDelay);
}
EXPORT_SYMBOL_NS_GPL(NdisMSetTimer, NDIS);

/**
 * NdisMSetPeriodicTimer() - fire a miniport timer every period
 * @Timer: the timer
 * @MillisecondPeriod: the period
 *
 * Context: any.
 */
void NdisMSetPeriodicTimer(PNDIS_MINIPORT_TIMER Timer, UINT MillisecondPeriod)
{
	WRITE_ONCE(Timer->Timer.period, MillisecondPeriod);
	NdisSetTimer(Timer, MillisecondPeriod);
}
EXPORT_SYMBOL_NS_GPL(NdisMSetPeriodicTimer, NDIS);

/**
 * NdisMCancelTimer() - stop a miniport timer
 * @Timer: the timer
 * @TimerCancelled: set to TRUE if it was pending (it will not run)
 *
 * Does not wait for a run in progress, as in NDIS.
 *
 * Context: any.
 */
void NdisMCancelTimer(PNDIS_MINIPORT_TIMER Timer, PBOOLEAN TimerCancelled)
{
	WRITE_ONCE(Timer->Timer.period, 0);
	NdisCancelTimer(Timer, TimerCancelled);
}
EXPORT_SYMBOL_NS_GPL(NdisMCancelTimer, NDIS);

static void ndis5_work_fn(struct work_struct *work)
{
	PNDIS_WORK_ITEM wi = container_of(work, NDIS_WORK_ITEM, NdisCompatWork);

	wi->Routine(wi, wi->Context);	/* may free @wi */
}

/**
 * NdisInitializeWorkItem() - set up an NDIS 5 work item
 * @WorkItem: the driver's storage
 * @Routine: what runs, in process context (PASSIVE_LEVEL)
 * @Context: its context
 *
 * Context: any.
 */
void NdisInitializeWorkItem(PNDIS_WORK_ITEM WorkItem, NDIS_PROC Routine, PVOID Context)
{
	WorkItem->Routine = Routine;
	WorkItem->Context = Context;
	INIT_WORK(&WorkItem->NdisCompatWork, ndis5_work_fn);
}
EXPORT_SYMBOL_NS_GPL(NdisInitializeWorkItem, NDIS);

/**
 * NdisScheduleWorkItem() - run a work item once, on system_unbound_wq
 * @WorkItem: an initialized work item, not queued
 *
 * A driver must not unload with a work item queued or running: it waits
 * for its own (as on Windows).
 *
 * Context: any.
 * Return: NDIS_STATUS_SUCCESS, or NDIS_STATUS_FAILURE if already queued.
 */
NDIS_STATUS NdisScheduleWorkItem(PNDIS_WORK_ITEM WorkItem)
{
	return queue_work(system_unbound_wq, &WorkItem->NdisCompatWork) ?
		NDIS_STATUS_SUCCESS : NDIS_STATUS_FAILURE;
}
EXPORT_SYMBOL_NS_GPL(NdisScheduleWorkItem, NDIS);

/**
 * NdisAllocateMemory() - zeroed kernel memory
 * @VirtualAddress: set to it, or NULL
 * @Length: bytes
 * @MemoryFlags: 0; NDIS_MEMORY_CONTIGUOUS and NDIS_MEMORY_NONCACHED (DMA)
 *	are out of scope and fail
 * @HighestAcceptableAddress: unused
 *
 * Free with NdisFreeMemory().
 *
 * Context: any (GFP_ATOMIC).
 * Return: NDIS_STATUS_SUCCESS or NDIS_STATUS_FAILURE.
 */
NDIS_STATUS NdisAllocateMemory(PVOID *VirtualAddress, UINT Length, UINT MemoryFlags,
			       NDIS_PHYSICAL_ADDRESS HighestAcceptableAddress)
{
	*VirtualAddress = NULL;
	if (MemoryFlags)
		return NDIS_STATUS_FAILURE;
	return NdisAllocateMemoryWithTag(VirtualAddress, Length, 0);
}
EXPORT_SYMBOL_NS_GPL(NdisAllocateMemory, NDIS);

/* ---- configuration ------------------------------------------------------------------ */

/**
 * struct ndis5_config - what a ConfigurationHandle points at
 * @obj: its header
 * @module: the driver module whose parameters are read
 * @values: the NDIS_CONFIGURATION_PARAMETERs handed out, freed on close
 */
struct ndis5_config {
	struct ndis_object obj;
	struct module *module;
	struct list_head values;
};

/**
 * struct ndis5_config_value - one value NdisReadConfiguration() handed out
 * @node: in the configuration's values
 * @param: what the driver got
 * @wstr: the UTF-16 of a string value
 */
struct ndis5_config_value {
	struct list_head node;
	NDIS_CONFIGURATION_PARAMETER param;
	WCHAR wstr[64];
};

/**
 * NdisOpenConfiguration() - open a miniport's configuration
 * @Status: set to NDIS_STATUS_SUCCESS or NDIS_STATUS_RESOURCES
 * @ConfigurationHandle: set to the handle
 * @WrapperConfigurationContext: what MiniportInitialize got
 *
 * The "registry" of a ported driver is its module's parameters (see
 * NdisReadConfiguration()).
 *
 * Context: process (PASSIVE_LEVEL).
 */
void NdisOpenConfiguration(PNDIS_STATUS Status, PNDIS_HANDLE ConfigurationHandle,
			   NDIS_HANDLE WrapperConfigurationContext)
{
	struct ndis5_adapter *ad = ndis5_adapter_of(WrapperConfigurationContext);
	struct ndis5_config *cfg;

	*ConfigurationHandle = NULL;
	if (!ad) {
		*Status = NDIS_STATUS_FAILURE;
		return;
	}
	cfg = kzalloc(sizeof(*cfg), GFP_KERNEL);
	if (!cfg) {
		*Status = NDIS_STATUS_RESOURCES;
		return;
	}
	cfg->obj.magic = NDIS_COMPAT_MAGIC;
	cfg->obj.kind = NDIS5_OBJ_CONFIG;
	cfg->module = ad->drv->driver_object ? ad->drv->driver_object->Module : NULL;
	INIT_LIST_HEAD(&cfg->values);
	*ConfigurationHandle = cfg;
	*Status = NDIS_STATUS_SUCCESS;
}
EXPORT_SYMBOL_NS_GPL(NdisOpenConfiguration, NDIS);

/* The value of the module parameter @name as text, into @buf (PAGE_SIZE). */
static int ndis5_param_text(struct module *mod, const char *name, char *buf)
{
	unsigned int i;
	int ret = -ENOENT;

	if (!mod)
		return -ENOENT;
	kernel_param_lock(mod);
	for (i = 0; i < mod->num_kp; i++) {
		const struct kernel_param *kp = &mod->kp[i];

		if (strcasecmp(kp->name, name) || !kp->ops->get)
			continue;
		ret = kp->ops->get(buf, kp);
		break;
	}
	kernel_param_unlock(mod);
	if (ret < 0)
		return ret;
	buf[ret] = '\0';
	strim(buf);
	return 0;
}

/**
 * NdisReadConfiguration() - read a keyword of the driver's configuration
 * @Status: set to NDIS_STATUS_SUCCESS, NDIS_STATUS_FAILURE (no such
 *	keyword, or not of @ParameterType) or NDIS_STATUS_RESOURCES
 * @ParameterValue: set to the value, valid until NdisCloseConfiguration()
 * @ConfigurationHandle: from NdisOpenConfiguration()
 * @Keyword: the keyword: the name of a parameter of the driver's module,
 *	compared without case (so a driver reading "MaxVcs" declares
 *	module_param(maxvcs, ...) or any case of it)
 * @ParameterType: NdisParameterInteger (decimal or 0x hex),
 *	NdisParameterHexInteger (hex) or NdisParameterString (ASCII, up to
 *	63 characters)
 *
 * Context: process (PASSIVE_LEVEL).
 */
void NdisReadConfiguration(PNDIS_STATUS Status,
			   PNDIS_CONFIGURATION_PARAMETER *ParameterValue,
			   NDIS_HANDLE ConfigurationHandle, PNDIS_STRING Keyword,
			   NDIS_PARAMETER_TYPE ParameterType)
{
	struct ndis5_config *cfg = ConfigurationHandle;
	struct ndis5_config_value *v;
	char name[64];
	char *text;
	u32 n;
	int err;

	*Status = NDIS_STATUS_FAILURE;
	*ParameterValue = NULL;
	if (!cfg || cfg->obj.magic != NDIS_COMPAT_MAGIC || cfg->obj.kind != NDIS5_OBJ_CONFIG)
		return;
	ndis_string_to_ascii(Keyword, name, sizeof(name));
	text = (char *)__get_free_page(GFP_KERNEL);
	v = kzalloc(sizeof(*v), GFP_KERNEL);
	if (!text || !v) {
		*Status = NDIS_STATUS_RESOURCES;
		goto out;
	}
	err = ndis5_param_text(cfg->module, name, text);
	if (err)
		goto out;
	v->param.ParameterType = ParameterType;
	switch (ParameterType) {
	case NdisParameterInteger:
		err = kstrtou32(text, 0, &n);
		break;
	case NdisParameterHexInteger:
		err = kstrtou32(text, 16, &n);
		break;
	case NdisParameterString:
		ndis_string_from_ascii(text, v->wstr, ARRAY_SIZE(v->wstr),
				       &v->param.ParameterData.StringData);
		err = 0;
		n = 0;
		break;
	default:
		err = -EINVAL;
	}
	if (err)
		goto out;
	if (ParameterType != NdisParameterString)
		v->param.ParameterData.IntegerData = n;
	list_add_tail(&v->node, &cfg->values);
	*ParameterValue = &v->param;
	*Status = NDIS_STATUS_SUCCESS;
	v = NULL;
out:
	kfree(v);
	free_page((unsigned long)text);
}
EXPORT_SYMBOL_NS_GPL(NdisReadConfiguration, NDIS);

/**
 * NdisCloseConfiguration() - close a configuration and free its values
 * @ConfigurationHandle: the handle; stale afterwards
 *
 * Context: process (PASSIVE_LEVEL).
 */
void NdisCloseConfiguration(NDIS_HANDLE ConfigurationHandle)
{
	struct ndis5_config *cfg = ConfigurationHandle;
	struct ndis5_config_value *v, *n;

	if (!cfg || cfg->obj.magic != NDIS_COMPAT_MAGIC || cfg->obj.kind != NDIS5_OBJ_CONFIG)
		return;
	list_for_each_entry_safe(v, n, &cfg->values, node)
		kfree(v);
	cfg->obj.magic = 0;
	kfree(cfg);
}
EXPORT_SYMBOL_NS_GPL(NdisCloseConfiguration, NDIS);
