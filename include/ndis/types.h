/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NDIS compat: the Windows base types an NDIS driver is written in.
 *
 * Only for drivers ported from Windows (see Documentation/porting.rst);
 * condis itself never includes include/ndis/.  Sizes are those of the
 * LP64 Windows ABI where it matters to a driver (ULONG and LONG are 32
 * bits, pointers and handles 64), so ported arithmetic keeps its meaning.
 */
#ifndef _NDIS_TYPES_H
#define _NDIS_TYPES_H

#include <linux/compiler.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/types.h>

#define IN
#define OUT
#define OPTIONAL
#define VOID void
#define NTAPI
#define _Use_decl_annotations_

#ifndef TRUE
#define TRUE	1
#endif
#ifndef FALSE
#define FALSE	0
#endif

typedef u8 UCHAR, *PUCHAR;
typedef u8 BOOLEAN, *PBOOLEAN;
typedef s8 CHAR, *PCHAR;
typedef u16 USHORT, *PUSHORT;
typedef s16 SHORT, CSHORT;
typedef u16 WCHAR, *PWCHAR, *PWSTR;
typedef u32 ULONG, *PULONG;
typedef s32 LONG, *PLONG;
typedef u32 UINT, *PUINT;
typedef s32 INT;
typedef u64 ULONG64, ULONGLONG, *PULONG64;
typedef s64 LONG64, LONGLONG;
typedef unsigned long ULONG_PTR, SIZE_T;
typedef void *PVOID;

/* An opaque NDIS handle: what it points at belongs to condis or the compat layer. */
typedef void *NDIS_HANDLE;
typedef void **PNDIS_HANDLE;

/*
 * NDIS_STATUS is a 32-bit NTSTATUS-style code; <ndis/status.h> has the
 * values and the conversion to and from condis's int status.
 */
typedef int NDIS_STATUS, *PNDIS_STATUS;

typedef ULONG NDIS_OID, *PNDIS_OID;
typedef ULONG NDIS_PORT_NUMBER, *PNDIS_PORT_NUMBER;

typedef union _LARGE_INTEGER {
	struct {
		ULONG LowPart;
		LONG HighPart;
	};
	LONGLONG QuadPart;
} LARGE_INTEGER, *PLARGE_INTEGER;

typedef LARGE_INTEGER NDIS_PHYSICAL_ADDRESS, *PNDIS_PHYSICAL_ADDRESS;

typedef struct _GUID {
	ULONG Data1;
	USHORT Data2;
	USHORT Data3;
	UCHAR Data4[8];
} GUID;

/*
 * Counted UTF-16 strings, as in Windows.  NDIS_STRING_CONST() builds one
 * from an ASCII literal; condis names (drivers, adapters) are ASCII.
 */
typedef struct _UNICODE_STRING {
	USHORT Length;		/* bytes, without a terminator */
	USHORT MaximumLength;	/* bytes of Buffer */
	PWSTR Buffer;
} UNICODE_STRING, *PUNICODE_STRING, NDIS_STRING, *PNDIS_STRING;

#define NDIS_STRING_CONST(x)	NDIS_COMPAT_WSTR_CONST(NDIS_COMPAT_WIDE(x))
#define NDIS_COMPAT_WSTR_CONST(w) \
	{ sizeof(typeof(w)) - sizeof(WCHAR), sizeof(typeof(w)), (PWSTR)(w) }
#ifndef __CHECKER__
#define NDIS_COMPAT_WIDE(x)	u"" x
#else
/* sparse does not parse u"" literals; it only needs the shape. */
#define NDIS_COMPAT_WIDE(x)	x
#endif

/**
 * NdisInitUnicodeString() - point an NDIS_STRING at a NUL-terminated string
 * @Dest: the string to set
 * @Src: UTF-16, NUL-terminated, or NULL for an empty string
 *
 * Context: any.
 */
static inline void NdisInitUnicodeString(PNDIS_STRING Dest, const WCHAR *Src)
{
	USHORT n = 0;

	while (Src && Src[n])
		n++;
	Dest->Buffer = (PWSTR)Src;
	Dest->Length = n * sizeof(WCHAR);
	Dest->MaximumLength = Src ? Dest->Length + sizeof(WCHAR) : 0;
}

/**
 * ndis_string_to_ascii() - copy an NDIS_STRING into a C string
 * @s: the NDIS string, or NULL
 * @buf: where to put it, always NUL-terminated
 * @size: bytes of @buf
 *
 * Characters outside ASCII become '?'.
 *
 * Context: any.
 */
static inline void ndis_string_to_ascii(const NDIS_STRING *s, char *buf, size_t size)
{
	size_t i, n = s && s->Buffer ? s->Length / sizeof(WCHAR) : 0;

	if (!size)
		return;
	for (i = 0; i < n && i < size - 1; i++)
		buf[i] = s->Buffer[i] < 0x80 ? s->Buffer[i] : '?';
	buf[i] = '\0';
}

/**
 * ndis_string_from_ascii() - make an NDIS_STRING of a C string
 * @src: the C string (ASCII)
 * @buf: UTF-16 storage for it
 * @n: WCHARs in @buf, the terminator included
 * @dst: the NDIS string to point at @buf
 *
 * Context: any.
 */
static inline void ndis_string_from_ascii(const char *src, WCHAR *buf, size_t n,
					  PNDIS_STRING dst)
{
	size_t i;

	for (i = 0; src && src[i] && i < n - 1; i++)
		buf[i] = (unsigned char)src[i];
	buf[i] = 0;
	dst->Buffer = buf;
	dst->Length = i * sizeof(WCHAR);
	dst->MaximumLength = n * sizeof(WCHAR);
}

/*
 * Every NDIS 6 structure starts with this header; NDIS checks Type and
 * that Size covers the revision named.
 */
typedef struct _NDIS_OBJECT_HEADER {
	UCHAR Type;
	UCHAR Revision;
	USHORT Size;
} NDIS_OBJECT_HEADER, *PNDIS_OBJECT_HEADER;

#define NDIS_OBJECT_TYPE_DEFAULT				0x80
#define NDIS_OBJECT_TYPE_MINIPORT_INIT_PARAMETERS		0x81
#define NDIS_OBJECT_TYPE_BIND_PARAMETERS			0x86
#define NDIS_OBJECT_TYPE_OPEN_PARAMETERS			0x87
#define NDIS_OBJECT_TYPE_MINIPORT_DRIVER_CHARACTERISTICS	0x8A
#define NDIS_OBJECT_TYPE_CO_PROTOCOL_CHARACTERISTICS		0x90
#define NDIS_OBJECT_TYPE_CO_MINIPORT_CHARACTERISTICS		0x91
#define NDIS_OBJECT_TYPE_PROTOCOL_DRIVER_CHARACTERISTICS	0x95
#define NDIS_OBJECT_TYPE_REQUEST_EX				0x96
#define NDIS_OBJECT_TYPE_OID_REQUEST				0x96
#define NDIS_OBJECT_TYPE_TIMER_CHARACTERISTICS			0x97
#define NDIS_OBJECT_TYPE_STATUS_INDICATION			0x98
#define NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES	0x9E
#define NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_GENERAL_ATTRIBUTES	0x9F
#define NDIS_OBJECT_TYPE_RESTART_GENERAL_ATTRIBUTES		0xA2
#define NDIS_OBJECT_TYPE_PROTOCOL_RESTART_PARAMETERS		0xA3
#define NDIS_OBJECT_TYPE_CO_CALL_MANAGER_OPTIONAL_HANDLERS	0xA5
#define NDIS_OBJECT_TYPE_CO_CLIENT_OPTIONAL_HANDLERS		0xA6

/* The size of a structure up to and including @field (a revision's size). */
#define RTL_SIZEOF_THROUGH_FIELD(type, field)	offsetofend(type, field)
/* The WDK's member alignment to the size of a pointer. */
#define POINTER_ALIGNMENT			__aligned(sizeof(void *))

#define CONTAINING_RECORD(address, type, field) container_of(address, type, field)

#define UNREFERENCED_PARAMETER(p)	((void)(p))

/* Windows doubly linked lists (RTL), for ported bookkeeping. */
typedef struct _LIST_ENTRY {
	struct _LIST_ENTRY *Flink;
	struct _LIST_ENTRY *Blink;
} LIST_ENTRY, *PLIST_ENTRY;

static inline void InitializeListHead(PLIST_ENTRY Head)
{
	Head->Flink = Head;
	Head->Blink = Head;
}

static inline BOOLEAN IsListEmpty(const LIST_ENTRY *Head)
{
	return Head->Flink == Head;
}

static inline void InsertTailList(PLIST_ENTRY Head, PLIST_ENTRY Entry)
{
	Entry->Flink = Head;
	Entry->Blink = Head->Blink;
	Head->Blink->Flink = Entry;
	Head->Blink = Entry;
}

static inline void InsertHeadList(PLIST_ENTRY Head, PLIST_ENTRY Entry)
{
	Entry->Flink = Head->Flink;
	Entry->Blink = Head;
	Head->Flink->Blink = Entry;
	Head->Flink = Entry;
}

static inline BOOLEAN RemoveEntryList(PLIST_ENTRY Entry)
{
	PLIST_ENTRY next = Entry->Flink, prev = Entry->Blink;

	prev->Flink = next;
	next->Blink = prev;
	return next == prev;
}

static inline PLIST_ENTRY RemoveHeadList(PLIST_ENTRY Head)
{
	PLIST_ENTRY entry = Head->Flink;

	RemoveEntryList(entry);
	return entry;
}

static inline PLIST_ENTRY RemoveTailList(PLIST_ENTRY Head)
{
	PLIST_ENTRY entry = Head->Blink;

	RemoveEntryList(entry);
	return entry;
}

#endif /* _NDIS_TYPES_H */
