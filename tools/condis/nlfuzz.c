// SPDX-License-Identifier: GPL-2.0
/*
 * nlfuzz: a fuzzer of the generic netlink families of condis (the core's,
 * condis, and those of the conic and coecho modules), for the integration
 * tests (tests/integration/nl_fuzz.sh).
 *
 *   nlfuzz [--seed N] [--count N] [--as UID] [--verbose]
 *	sends N messages (default 5000) built from a deterministic random
 *	sequence: known and unknown commands; well-formed attributes of the
 *	command's set with plausible or out-of-range values; attributes of
 *	the wrong size, unknown types, oversized, truncated, nested and
 *	duplicated ones; random header flags, versions and lengths.  Each
 *	reply must be an ACK, an error with an errno, or a dump ending in
 *	NLMSG_DONE, with the request's sequence number, within 30 seconds.
 *	A message that gets no reply by design (no NLM_F_ACK, or a header
 *	whose length exceeds the datagram) is followed by a probe request
 *	that must be answered.  With --as, the fuzzer drops to that user
 *	first and every state-changing command must fail with EPERM.
 *
 *	As root, the objects that exist when the run starts are left alone:
 *	a request that could delete, unlink, close, unlisten or send on one
 *	of them is not sent (it is counted as skipped), nor is a send of
 *	more than 100 packets.  At the end, the fuzzer closes the calls,
 *	deregisters the SAPs and deletes the ports that were not there at
 *	the start, so the objects left are those of the start.
 *
 *   nlfuzz send [--dump] [--as UID] CMD [ATTR...]
 *	sends one request (CMD by name, e.g. sap-get, port-new or
 *	client-listen for coecho's listen, to its family; or by number, to
 *	the condis family) with
 *	attributes u32:TYPE:N, u64:TYPE:N, str:TYPE:TEXT (with its NUL),
 *	raw:TYPE:TEXT (without), flag:TYPE or hex:TYPE:HEX, and prints
 *	"ok" or "error ERRNO (STRERROR)" with the extack message and
 *	attribute ("msg: ...", "bad-attr: N", "missing-attr: N").
 *
 *   nlfuzz churn --between SHELL-COMMAND DUMP-COMMAND
 *	a dump the topology changes under between its buffers (churn.c).
 *
 * Exit status: 0 when every reply was well-formed (fuzz) or the request
 * was acknowledged (send); 1 otherwise; 2 for a bad command line.
 */
#include <errno.h>
#include <grp.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "tool.h"

#define FUZZ_REPLY_TIMEOUT_MS	30000
#define FUZZ_DEFAULT_COUNT	5000
#define FUZZ_MAX_TRACK		64
#define FUZZ_NAME_MAX		48
/* Sends on calls the fuzzer made are kept short. */
#define FUZZ_SEND_MAX_COUNT	100

/* ---- random numbers: splitmix64, the same sequence everywhere ---------- */

static uint64_t rnd_state;

static uint64_t rnd64(void)
{
	uint64_t z = (rnd_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A number in [0, n). */
static uint32_t rnd(uint32_t n)
{
	return n ? rnd64() % n : 0;
}

/* True with a chance of @pct percent. */
static bool chance(unsigned int pct)
{
	return rnd(100) < pct;
}

/* ---- what exists, what the run created ---------------------------------- */

/**
 * struct sap_key - a SAP of the sample client, by adapter and service name
 * @adapter: the adapter's name
 * @name: the service name ("" for the wildcard)
 */
struct sap_key {
	char adapter[FUZZ_NAME_MAX];
	char name[FUZZ_NAME_MAX];
};

/**
 * struct objset - ports, calls and SAPs, as sets
 * @ports: port numbers
 * @n_ports: how many
 * @calls: call ids
 * @n_calls: how many
 * @saps: SAPs
 * @n_saps: how many
 */
struct objset {
	uint32_t ports[FUZZ_MAX_TRACK];
	unsigned int n_ports;
	uint32_t calls[FUZZ_MAX_TRACK];
	unsigned int n_calls;
	struct sap_key saps[FUZZ_MAX_TRACK];
	unsigned int n_saps;
};

static bool u32_in(const uint32_t *v, unsigned int n, uint32_t x)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (v[i] == x)
			return true;
	}
	return false;
}

static void u32_add(uint32_t *v, unsigned int *n, uint32_t x)
{
	if (!u32_in(v, *n, x) && *n < FUZZ_MAX_TRACK)
		v[(*n)++] = x;
}

static int sap_find(const struct objset *s, const char *adapter, const char *name)
{
	unsigned int i;

	for (i = 0; i < s->n_saps; i++) {
		if (!strcmp(s->saps[i].adapter, adapter) && !strcmp(s->saps[i].name, name))
			return i;
	}
	return -1;
}

static void sap_add(struct objset *s, const char *adapter, const char *name)
{
	struct sap_key *k;

	if (sap_find(s, adapter, name) >= 0 || s->n_saps == FUZZ_MAX_TRACK)
		return;
	k = &s->saps[s->n_saps++];
	snprintf(k->adapter, sizeof(k->adapter), "%s", adapter);
	snprintf(k->name, sizeof(k->name), "%s", name);
}

/* ---- the families and their commands ------------------------------------ */

enum fuzz_family { FAM_CONDIS, FAM_CONIC, FAM_COECHO, FAM_NR };

static const char *const family_names[FAM_NR] = {
	CONDIS_FAMILY_NAME, CONIC_FAMILY_NAME, COECHO_FAMILY_NAME,
};

/*
 * nlfuzz's numbers for the commands of the three families, in one
 * sequence (coecho's are named client-OP here); fz_cmds[] maps each to
 * its family and its number there.
 */
enum {
	FZ_ADAPTER_GET = 1, FZ_BINDING_GET, FZ_AF_GET, FZ_SAP_GET, FZ_VC_GET, FZ_CALL_GET,
	FZ_PARTY_GET, FZ_PORT_NEW, FZ_PORT_DEL, FZ_PORT_LINK, FZ_PORT_UNLINK, FZ_CLIENT_LISTEN,
	FZ_CLIENT_UNLISTEN, FZ_CLIENT_CALL, FZ_CLIENT_SEND, FZ_CLIENT_CLOSE, FZ_CLIENT_CALL_GET,
	FZ_EVENT_NTF,
	FZ_MAX = FZ_EVENT_NTF
};

/**
 * struct fz_cmd - a command of one of the families
 * @fam: the family
 * @cmd: its number in the family
 */
struct fz_cmd {
	enum fuzz_family fam;
	uint8_t cmd;
};

static const struct fz_cmd fz_cmds[FZ_MAX + 1] = {
	[FZ_ADAPTER_GET] = { FAM_CONDIS, CONDIS_CMD_ADAPTER_GET },
	[FZ_BINDING_GET] = { FAM_CONDIS, CONDIS_CMD_BINDING_GET },
	[FZ_AF_GET] = { FAM_CONDIS, CONDIS_CMD_AF_GET },
	[FZ_SAP_GET] = { FAM_CONDIS, CONDIS_CMD_SAP_GET },
	[FZ_VC_GET] = { FAM_CONDIS, CONDIS_CMD_VC_GET },
	[FZ_CALL_GET] = { FAM_CONDIS, CONDIS_CMD_CALL_GET },
	[FZ_PARTY_GET] = { FAM_CONDIS, CONDIS_CMD_PARTY_GET },
	[FZ_PORT_NEW] = { FAM_CONIC, CONIC_CMD_PORT_NEW },
	[FZ_PORT_DEL] = { FAM_CONIC, CONIC_CMD_PORT_DEL },
	[FZ_PORT_LINK] = { FAM_CONIC, CONIC_CMD_PORT_LINK },
	[FZ_PORT_UNLINK] = { FAM_CONIC, CONIC_CMD_PORT_UNLINK },
	[FZ_CLIENT_LISTEN] = { FAM_COECHO, COECHO_CMD_LISTEN },
	[FZ_CLIENT_UNLISTEN] = { FAM_COECHO, COECHO_CMD_UNLISTEN },
	[FZ_CLIENT_CALL] = { FAM_COECHO, COECHO_CMD_CALL },
	[FZ_CLIENT_SEND] = { FAM_COECHO, COECHO_CMD_SEND },
	[FZ_CLIENT_CLOSE] = { FAM_COECHO, COECHO_CMD_CLOSE },
	[FZ_CLIENT_CALL_GET] = { FAM_COECHO, COECHO_CMD_CALL_GET },
	[FZ_EVENT_NTF] = { FAM_CONDIS, CONDIS_CMD_EVENT_NTF },
};

static const char *const fz_names_v[FZ_MAX + 1] = {
	[FZ_ADAPTER_GET] = "adapter-get", [FZ_BINDING_GET] = "binding-get",
	[FZ_AF_GET] = "af-get", [FZ_SAP_GET] = "sap-get", [FZ_VC_GET] = "vc-get",
	[FZ_CALL_GET] = "call-get", [FZ_PARTY_GET] = "party-get",
	[FZ_PORT_NEW] = "port-new", [FZ_PORT_DEL] = "port-del", [FZ_PORT_LINK] = "port-link",
	[FZ_PORT_UNLINK] = "port-unlink", [FZ_CLIENT_LISTEN] = "client-listen",
	[FZ_CLIENT_UNLISTEN] = "client-unlisten", [FZ_CLIENT_CALL] = "client-call",
	[FZ_CLIENT_SEND] = "client-send", [FZ_CLIENT_CLOSE] = "client-close",
	[FZ_CLIENT_CALL_GET] = "client-call-get", [FZ_EVENT_NTF] = "event-ntf",
};

static const struct names fz_names = { "command", fz_names_v, ARRAY_SIZE(fz_names_v) };

/* nlfuzz's number of command @cmd of family @fam, 0 if it has none. */
static uint8_t fz_lookup(enum fuzz_family fam, unsigned int cmd)
{
	uint8_t fz;

	for (fz = 1; fz <= FZ_MAX; fz++) {
		if (fz_cmds[fz].fam == fam && fz_cmds[fz].cmd == cmd)
			return fz;
	}
	return 0;
}

/* Resolve the families: condis must be there, the others may be missing. */
static int open_families(struct nl *nl, uint16_t *fam_id)
{
	int err = nl_open(nl);
	int i;

	for (i = FAM_NR - 1; !err && i >= 0; i--) {
		err = nl_resolve(nl, family_names[i]);
		if (err == -ENOENT && i != FAM_CONDIS) {
			err = 0;
			continue;
		}
		fam_id[i] = err ? 0 : nl->family;
	}
	if (err)
		fprintf(stderr, "nlfuzz: the condis family: %s\n", strerror(-err));
	return err;
}

/* ---- the run ------------------------------------------------------------ */

enum { CMD_MAX_TRACKED = FZ_MAX + 1 };

/**
 * struct fuzz - the fuzzer's state
 * @nl: its socket
 * @fam_id: the families' ids (0 for one whose module is not loaded)
 * @privileged: not run with --as: state-changing commands may succeed
 * @verbose: one line per message
 * @kept: the objects present at the start (root only)
 * @sent: messages sent
 * @skipped: messages not sent because they could touch @kept
 * @probes: probe requests sent
 * @acks: ACKs (error 0)
 * @errors: error replies, by errno
 * @dumps: dumps that ended with NLMSG_DONE
 * @dump_msgs: dump entries received
 * @silent: messages that got no reply, as expected
 * @ok_by_cmd: successful "do" requests by command
 * @failures: violations found
 */
struct fuzz {
	struct nl nl;
	uint16_t fam_id[FAM_NR];
	bool privileged;
	bool verbose;
	struct objset kept;
	unsigned long sent, skipped, probes, acks, dumps, dump_msgs, silent;
	unsigned long errors[4096];
	unsigned long ok_by_cmd[CMD_MAX_TRACKED];
	unsigned long failures;
};

static void fuzz_fail(struct fuzz *f, unsigned long n, const char *what)
{
	f->failures++;
	if (f->failures <= 20)
		printf("nlfuzz: FAIL at message %lu: %s\n", n, what);
}

static bool cmd_is_admin(uint8_t cmd)
{
	return cmd >= FZ_PORT_NEW && cmd <= FZ_CLIENT_CLOSE;
}

static bool cmd_is_dump(uint8_t cmd)
{
	return (cmd >= FZ_ADAPTER_GET && cmd <= FZ_PARTY_GET) ||
	       cmd == FZ_CLIENT_CALL_GET;
}

/* ---- message building --------------------------------------------------- */

/**
 * struct msg - a datagram being built
 * @buf: its bytes (the nl request buffer)
 * @len: bytes used
 * @max: room
 */
struct msg {
	char *buf;
	size_t len;
	size_t max;
};

static bool msg_room(struct msg *m, size_t n)
{
	return m->len + n <= m->max;
}

/* One attribute; @nla_len may lie about @plen. */
static void put_attr_raw(struct msg *m, uint16_t type, const void *p, size_t plen,
			 uint16_t nla_len)
{
	struct nlattr a = { .nla_len = nla_len, .nla_type = type };

	if (!msg_room(m, NLA_HDRLEN + NLA_ALIGN(plen)))
		return;
	memcpy(m->buf + m->len, &a, sizeof(a));
	memcpy(m->buf + m->len + NLA_HDRLEN, p, plen);
	memset(m->buf + m->len + NLA_HDRLEN + plen, 0, NLA_ALIGN(plen) - plen);
	m->len += NLA_HDRLEN + NLA_ALIGN(plen);
}

static void put_attr(struct msg *m, uint16_t type, const void *p, size_t plen)
{
	put_attr_raw(m, type, p, plen, NLA_HDRLEN + plen);
}

static void put_u32(struct msg *m, uint16_t type, uint32_t v)
{
	put_attr(m, type, &v, sizeof(v));
}

static void put_strz(struct msg *m, uint16_t type, const char *s)
{
	put_attr(m, type, s, strlen(s) + 1);
}

static void random_bytes(char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = rnd(256);
}

/* A value for a u32 attribute: mostly from the pool, sometimes anything. */
static uint32_t pick_u32(const uint32_t *pool, unsigned int n)
{
	static const uint32_t edges[] = { 0, 1, 0x7fffffff, 0x80000000, 0xffffffff };

	if (chance(70))
		return pool[rnd(n)];
	if (chance(50))
		return edges[rnd(ARRAY_SIZE(edges))];
	return rnd64();
}

/* A u32 attribute, now and then of a wrong size. */
static void fuzz_u32(struct msg *m, uint16_t type, const uint32_t *pool, unsigned int n)
{
	static const size_t sizes[] = { 0, 1, 2, 3, 5, 8, 12 };
	uint32_t v = pick_u32(pool, n);
	char junk[16];

	if (chance(90)) {
		put_u32(m, type, v);
		return;
	}
	memset(junk, 0, sizeof(junk));
	memcpy(junk, &v, sizeof(v));
	put_attr(m, type, junk, sizes[rnd(ARRAY_SIZE(sizes))]);
}

/* A string attribute: from the pool, too long, unterminated, binary. */
static void fuzz_str(struct msg *m, uint16_t type, const char *const *pool, unsigned int n)
{
	char s[600];
	size_t len;

	switch (rnd(10)) {
	case 0:		/* longer than any limit */
		len = 16 + rnd(sizeof(s) - 17);
		memset(s, 'a' + rnd(26), len);
		s[len] = '\0';
		put_strz(m, type, s);
		break;
	case 1:		/* no NUL */
		snprintf(s, sizeof(s), "%s", pool[rnd(n)]);
		put_attr(m, type, s, strlen(s));
		break;
	case 2:		/* random bytes */
		len = rnd(40);
		random_bytes(s, len);
		put_attr(m, type, s, len);
		break;
	case 3:		/* a NUL inside */
		snprintf(s, sizeof(s), "%s", pool[rnd(n)]);
		len = strlen(s);
		s[len] = '\0';
		s[len + 1] = 'x';
		put_attr(m, type, s, len + 2);
		break;
	default:
		put_strz(m, type, pool[rnd(n)]);
	}
}

static const uint32_t port_pool[] = { 0, 1, 2, 3, 4, 5, 6, 65535, 65536 };
static const uint32_t mode_pool[] = { CONIC_PORT_MODE_PLAIN, CONIC_PORT_MODE_MCM, 2 };
static const uint32_t call_pool[] = { 1, 2, 3, 4, 5, 999, 1000, 1001, 1002, 0 };
static const uint32_t rate_pool[] = { 0, 1, 1000, 1000000 };
static const uint32_t count_pool[] = { 0, 1, 2, 5, 100000, 100001 };
static const uint32_t size_pool[] = { 0, 15, 16, 64, 1500, 1501, 9000 };
static const char *const adapter_pool[] = {
	"conic0", "conic1", "conic2", "conic3", "conic4", "conic5", "conic9", "", "lo",
	"conic0123456789012345678901234567890",
};

static const char *const sap_pool[] = { "echo", "fz", "fy", "", "*", "x" };

#define fallthrough	__attribute__((__fallthrough__))
static const char *const ifname_pool[] = { "lo", "eth0", "nosuchdev", "", "conic0" };

/* Attributes of the port set, some of them. */
static void fuzz_port_attrs(struct msg *m)
{
	int n = rnd(5), i;

	for (i = 0; i < n || chance(10); i++) {
		switch (rnd(4)) {
		case 0:
			fuzz_u32(m, CONIC_A_PORT_ID, port_pool, ARRAY_SIZE(port_pool));
			break;
		case 1:
			fuzz_u32(m, CONIC_A_PORT_MODE, mode_pool, ARRAY_SIZE(mode_pool));
			break;
		case 2:
			fuzz_u32(m, CONIC_A_PORT_PEER, port_pool, ARRAY_SIZE(port_pool));
			break;
		default:
			fuzz_str(m, CONIC_A_PORT_IFNAME, ifname_pool, ARRAY_SIZE(ifname_pool));
		}
		if (i > 8)
			break;
	}
}

/* Attributes of the client set, some of them. */
static void fuzz_client_attrs(struct msg *m)
{
	int n = rnd(6), i;

	for (i = 0; i < n || chance(10); i++) {
		switch (rnd(8)) {
		case 0:
			fuzz_str(m, COECHO_A_CLIENT_ADAPTER, adapter_pool,
				 ARRAY_SIZE(adapter_pool));
			break;
		case 1:
			fuzz_str(m, COECHO_A_CLIENT_SAP_NAME, sap_pool, ARRAY_SIZE(sap_pool));
			break;
		case 2:
			fuzz_u32(m, COECHO_A_CLIENT_CALL_ID, call_pool, ARRAY_SIZE(call_pool));
			break;
		case 3:
			fuzz_u32(m, COECHO_A_CLIENT_RATE, rate_pool, ARRAY_SIZE(rate_pool));
			break;
		case 4:
			fuzz_u32(m, COECHO_A_CLIENT_COUNT, count_pool, ARRAY_SIZE(count_pool));
			break;
		case 5:
			fuzz_u32(m, COECHO_A_CLIENT_SIZE, size_pool, ARRAY_SIZE(size_pool));
			break;
		case 6:		/* a reply-only attribute */
			fuzz_u32(m, COECHO_A_CLIENT_OUTGOING + rnd(COECHO_A_CLIENT_MAX -
								 COECHO_A_CLIENT_OUTGOING + 1),
				 call_pool, ARRAY_SIZE(call_pool));
			break;
		default:	/* the attributes a call needs, all well-formed */
			put_u32(m, COECHO_A_CLIENT_CALL_ID, call_pool[rnd(ARRAY_SIZE(call_pool))]);
			put_strz(m, COECHO_A_CLIENT_ADAPTER, adapter_pool[rnd(3)]);
			put_strz(m, COECHO_A_CLIENT_SAP_NAME, sap_pool[rnd(3)]);
		}
		if (i > 8)
			break;
	}
}

/* Random attributes, nests among them, @depth levels deep at most. */
static void fuzz_random_attrs(struct msg *m, int depth)
{
	int n = rnd(8), i;
	char p[4096];
	size_t len;
	uint16_t type;

	for (i = 0; i < n; i++) {
		type = chance(80) ? rnd(24) : rnd(65536);
		if (depth > 0 && chance(20)) {
			size_t start = m->len;
			struct nlattr *a;

			if (!msg_room(m, NLA_HDRLEN))
				return;
			a = (struct nlattr *)(m->buf + start);
			m->len += NLA_HDRLEN;
			fuzz_random_attrs(m, depth - 1);
			a->nla_type = type | (chance(80) ? NLA_F_NESTED : 0);
			a->nla_len = m->len - start;
			continue;
		}
		len = chance(90) ? rnd(64) : 300 + rnd(sizeof(p) - 300);
		random_bytes(p, len);
		if (chance(10))		/* nla_len shorter than a header, or past the end */
			put_attr_raw(m, type, p, len, chance(50) ? rnd(NLA_HDRLEN) : 0xffff);
		else
			put_attr(m, type, p, len);
	}
}

/*
 * The attributes @cmd needs, well-formed, with values from the pools: such
 * requests get past the policy and reach the conic driver and coecho.
 */
static void valid_attrs(struct msg *m, uint8_t cmd)
{
	uint32_t port = port_pool[rnd(7)], call = call_pool[rnd(ARRAY_SIZE(call_pool))];
	const char *adapter = adapter_pool[rnd(6)], *sap = sap_pool[rnd(4)];

	switch (cmd) {
	case FZ_PORT_NEW:
		put_u32(m, CONIC_A_PORT_ID, port);
		if (chance(50))
			put_u32(m, CONIC_A_PORT_MODE, rnd(2));
		break;
	case FZ_PORT_LINK:
		put_u32(m, CONIC_A_PORT_ID, port);
		if (chance(80))
			put_u32(m, CONIC_A_PORT_PEER, port_pool[rnd(7)]);
		else
			put_strz(m, CONIC_A_PORT_IFNAME,
				 ifname_pool[rnd(ARRAY_SIZE(ifname_pool))]);
		break;
	case FZ_PORT_DEL:
	case FZ_PORT_UNLINK:
		put_u32(m, CONIC_A_PORT_ID, port);
		break;
	case FZ_CLIENT_CALL:
		put_u32(m, COECHO_A_CLIENT_CALL_ID, call);
		if (chance(30))
			put_u32(m, COECHO_A_CLIENT_RATE, rate_pool[rnd(ARRAY_SIZE(rate_pool))]);
		fallthrough;
	case FZ_CLIENT_LISTEN:
	case FZ_CLIENT_UNLISTEN:
		put_strz(m, COECHO_A_CLIENT_ADAPTER, adapter);
		put_strz(m, COECHO_A_CLIENT_SAP_NAME, sap);
		break;
	case FZ_CLIENT_SEND:
		put_u32(m, COECHO_A_CLIENT_CALL_ID, call);
		put_u32(m, COECHO_A_CLIENT_COUNT, 1 + rnd(5));
		put_u32(m, COECHO_A_CLIENT_SIZE, 16 + rnd(1485));
		break;
	case FZ_CLIENT_CLOSE:
		put_u32(m, COECHO_A_CLIENT_CALL_ID, call);
		break;
	default:
		fuzz_random_attrs(m, 1);
	}
}

/* Another copy of one of the attributes already there. */
static void duplicate_attr(struct msg *m, size_t attrs_start)
{
	const struct nlattr *a, *pick = NULL;
	size_t off = attrs_start, n = 0;

	while (off + NLA_HDRLEN <= m->len) {
		a = (const struct nlattr *)(m->buf + off);
		if (a->nla_len < NLA_HDRLEN || off + NLA_ALIGN(a->nla_len) > m->len)
			break;
		if (!rnd(++n))
			pick = a;
		off += NLA_ALIGN(a->nla_len);
	}
	if (pick)
		put_attr(m, pick->nla_type, (const char *)pick + NLA_HDRLEN,
			 pick->nla_len - NLA_HDRLEN);
}

/**
 * struct fuzz_msg - one fuzz message and what to expect of it
 * @len: the datagram's length
 * @seq: its sequence number
 * @cmd: its command, as nlfuzz numbers them (0: none of the families')
 * @type: its nlmsg_type
 * @flags: its header flags
 * @header_ok: the header's length fits the datagram: the kernel reads it
 * @has_genl: the header's length covers a genl header
 * @dump: NLM_F_DUMP, both bits
 * @family: the message is for one of the families
 * @checked: a request of the family that genl checks the rights of: its
 *	header's flags and reserved field pass genl_header_check()
 */
struct fuzz_msg {
	size_t len;
	uint32_t seq;
	uint8_t cmd;
	uint16_t type;
	uint16_t flags;
	bool header_ok;
	bool has_genl;
	bool dump;
	bool family;
	bool checked;
};

static void build_message(struct fuzz *f, struct fuzz_msg *fm)
{
	static const uint16_t extra_flags[] = {
		NLM_F_ROOT, NLM_F_MATCH, NLM_F_ATOMIC, NLM_F_ECHO, NLM_F_DUMP_INTR,
		NLM_F_DUMP_FILTERED, NLM_F_DUMP, 0x1000, 0x4000, 0x8000,
	};
	struct msg m = { .buf = f->nl.req, .max = NL_REQ_SIZE };
	struct nlmsghdr *nlh;
	struct genlmsghdr *genl;
	uint16_t flags = NLM_F_REQUEST | NLM_F_ACK;
	enum fuzz_family fam;
	size_t attrs_start;
	uint8_t cmd, raw;
	int i;

	memset(m.buf, 0, NL_REQ_SIZE);
	for (i = chance(30) ? 1 + rnd(2) : 0; i > 0; i--)
		flags |= extra_flags[rnd(ARRAY_SIZE(extra_flags))];
	if (chance(10))
		flags &= ~NLM_F_ACK;
	if (chance(3))
		flags &= ~NLM_F_REQUEST;
	if (chance(85)) {
		cmd = 1 + rnd(FZ_MAX);
		fam = fz_cmds[cmd].fam;
		raw = fz_cmds[cmd].cmd;
	} else {
		fam = rnd(FAM_NR);
		raw = rnd(256);
	}
	if (!f->fam_id[fam])	/* its module is not loaded: condis gets it */
		fam = FAM_CONDIS;
	cmd = fz_lookup(fam, raw);
	/* Dumps mostly as dumps, the rest mostly not. */
	if (chance(cmd_is_dump(cmd) ? 85 : 5))
		flags |= NLM_F_DUMP;

	nlh = (struct nlmsghdr *)m.buf;
	nlh->nlmsg_type = chance(98) ? f->fam_id[fam] : 1 + rnd(3);
	nlh->nlmsg_flags = flags;
	nlh->nlmsg_seq = ++f->nl.seq;
	nlh->nlmsg_pid = chance(95) ? 0 : rnd64();
	genl = (struct genlmsghdr *)(m.buf + NLMSG_HDRLEN);
	genl->cmd = raw;
	genl->version = chance(90) ? CONDIS_FAMILY_VERSION : rnd(256);
	genl->reserved = chance(95) ? 0 : rnd(65536);
	m.len = NLMSG_HDRLEN + GENL_HDRLEN;
	attrs_start = m.len;

	switch (rnd(10)) {
	case 0:
	case 1:
		fuzz_random_attrs(&m, 3);
		break;
	case 2:
	case 3:
	case 4:
		valid_attrs(&m, cmd);
		break;
	default:
		if (cmd >= FZ_PORT_NEW && cmd <= FZ_PORT_UNLINK)
			fuzz_port_attrs(&m);
		else if (cmd >= FZ_CLIENT_LISTEN && cmd <= FZ_CLIENT_CALL_GET)
			fuzz_client_attrs(&m);
		else
			fuzz_random_attrs(&m, 1);
	}
	if (chance(15))
		duplicate_attr(&m, attrs_start);
	if (chance(5))		/* trailing bytes that are not an attribute */
		m.len += rnd(NLA_HDRLEN);

	fm->len = m.len;
	nlh->nlmsg_len = m.len;
	switch (rnd(20)) {
	case 0:		/* truncated: the header says so, the last attribute does not */
		fm->len = NLMSG_HDRLEN + rnd(m.len - NLMSG_HDRLEN + 1);
		nlh->nlmsg_len = fm->len;
		break;
	case 1:		/* the header claims more than the datagram */
		nlh->nlmsg_len = m.len + 1 + rnd(100);
		break;
	case 2:		/* the header claims less than a header */
		nlh->nlmsg_len = rnd(NLMSG_HDRLEN);
		break;
	case 3:		/* a datagram shorter than a header */
		fm->len = rnd(NLMSG_HDRLEN);
		break;
	}
	fm->seq = nlh->nlmsg_seq;
	fm->cmd = cmd;
	fm->flags = flags;
	fm->header_ok = fm->len >= NLMSG_HDRLEN && nlh->nlmsg_len >= NLMSG_HDRLEN &&
			nlh->nlmsg_len <= fm->len;
	fm->has_genl = fm->header_ok && nlh->nlmsg_len >= NLMSG_HDRLEN + GENL_HDRLEN;
	fm->dump = (flags & NLM_F_DUMP) == NLM_F_DUMP;
	fm->type = nlh->nlmsg_type;
	fm->family = nlh->nlmsg_type == f->fam_id[fam];
	flags &= fm->dump ? ~NLM_F_DUMP : 0xffff;
	fm->checked = fm->family && fm->has_genl && (fm->flags & NLM_F_REQUEST) &&
		      !genl->reserved && !(flags & ~(NLM_F_REQUEST | NLM_F_ACK | NLM_F_ECHO));
}

/* ---- what a request would do, as the kernel would parse it -------------- */

/**
 * struct effective - the attributes of a request, the last of each type
 * winning as in nla_parse(); only those well-formed enough to be read
 * @u32: the u32 values
 * @has_u32: which are there
 * @str: the string values (up to the first NUL)
 * @has_str: which are there
 */
struct effective {
	uint32_t u32[32];
	bool has_u32[32];
	char str[32][FUZZ_NAME_MAX];
	bool has_str[32];
};

static void effective_attrs(const struct nlmsghdr *nlh, struct effective *e)
{
	size_t off = NLMSG_HDRLEN + GENL_HDRLEN;
	const char *base = (const char *)nlh;
	const struct nlattr *a;
	unsigned int type;
	size_t plen;

	memset(e, 0, sizeof(*e));
	while (off + NLA_HDRLEN <= nlh->nlmsg_len) {
		a = (const struct nlattr *)(base + off);
		if (a->nla_len < NLA_HDRLEN || off + a->nla_len > nlh->nlmsg_len)
			break;
		type = a->nla_type & NLA_TYPE_MASK;
		plen = a->nla_len - NLA_HDRLEN;
		if (type < 32) {
			e->has_u32[type] = plen >= sizeof(uint32_t);
			if (e->has_u32[type])
				memcpy(&e->u32[type], base + off + NLA_HDRLEN, sizeof(uint32_t));
			e->has_str[type] = true;
			snprintf(e->str[type], FUZZ_NAME_MAX, "%.*s", (int)plen,
				 base + off + NLA_HDRLEN);
		}
		off += NLA_ALIGN(a->nla_len);
	}
}

/* The service name coecho registers: "" is the wildcard, which it calls "*". */
static const char *sap_name(const char *s)
{
	return strcmp(s, "*") ? s : "";
}

/* Whether a request could change an object the run did not create. */
static bool touches_kept(struct fuzz *f, uint8_t cmd, const struct effective *e)
{
	const struct objset *k = &f->kept;

	switch (cmd) {
	case FZ_PORT_DEL:
	case FZ_PORT_UNLINK:
		return e->has_u32[CONIC_A_PORT_ID] &&
		       u32_in(k->ports, k->n_ports, e->u32[CONIC_A_PORT_ID]);
	case FZ_PORT_LINK:
		return (e->has_u32[CONIC_A_PORT_ID] &&
			u32_in(k->ports, k->n_ports, e->u32[CONIC_A_PORT_ID])) ||
		       (e->has_u32[CONIC_A_PORT_PEER] &&
			u32_in(k->ports, k->n_ports, e->u32[CONIC_A_PORT_PEER]));
	case FZ_CLIENT_UNLISTEN:
		return e->has_str[COECHO_A_CLIENT_ADAPTER] &&
		       e->has_str[COECHO_A_CLIENT_SAP_NAME] &&
		       sap_find(k, e->str[COECHO_A_CLIENT_ADAPTER],
				sap_name(e->str[COECHO_A_CLIENT_SAP_NAME])) >= 0;
	case FZ_CLIENT_SEND:
	case FZ_CLIENT_CLOSE:
		if (cmd == FZ_CLIENT_SEND && e->has_u32[COECHO_A_CLIENT_COUNT] &&
		    e->u32[COECHO_A_CLIENT_COUNT] > FUZZ_SEND_MAX_COUNT)
			return true;
		return e->has_u32[COECHO_A_CLIENT_CALL_ID] &&
		       u32_in(k->calls, k->n_calls, e->u32[COECHO_A_CLIENT_CALL_ID]);
	}
	return false;
}

/* ---- replies ------------------------------------------------------------ */

/**
 * struct wait - the replies one message is waiting for
 * @fm: the fuzz message
 * @probe_seq: the probe's sequence number, 0 if none was sent
 * @done: the fuzz message's terminal reply came
 * @probe_done: the probe's terminal reply came
 * @status: the fuzz message's error (0: ACK or DONE)
 */
struct wait {
	const struct fuzz_msg *fm;
	uint32_t probe_seq;
	bool done;
	bool probe_done;
	int status;
};

static int attr_ok_cb(const struct nlattr *attr, void *data)
{
	(void)attr;
	(void)data;
	return MNL_CB_OK;
}

static void check_reply(struct fuzz *f, struct wait *w, const struct nlmsghdr *nlh)
{
	const struct fuzz_msg *fm = w->fm;
	unsigned long n = f->sent;
	char why[160];
	int err;

	if (w->probe_seq && nlh->nlmsg_seq == w->probe_seq) {
		if (nlh->nlmsg_type == NLMSG_ERROR) {
			if (nl_parse_error(&f->nl, nlh))
				fuzz_fail(f, n, "the probe request failed");
			w->probe_done = true;
		} else if (nlh->nlmsg_type != GENL_ID_CTRL) {
			fuzz_fail(f, n, "unexpected reply to the probe");
		}
		return;
	}
	if (nlh->nlmsg_seq != fm->seq) {
		snprintf(why, sizeof(why), "reply type %u with sequence %u, expected %u",
			 nlh->nlmsg_type, nlh->nlmsg_seq, fm->seq);
		fuzz_fail(f, n, why);
		return;
	}
	if (w->done) {
		fuzz_fail(f, n, "a reply after the final one");
		return;
	}
	switch (nlh->nlmsg_type) {
	case NLMSG_ERROR:
		err = nl_parse_error(&f->nl, nlh);
		if (err == -EBADMSG) {
			fuzz_fail(f, n, "malformed error message");
		} else if (!err && !(fm->flags & NLM_F_ACK)) {
			fuzz_fail(f, n, "an ACK that was not asked for");
		} else if (err && !f->privileged && fm->checked && !fm->dump &&
			   cmd_is_admin(fm->cmd) && err != -EPERM) {
			snprintf(why, sizeof(why), "%s without CAP_NET_ADMIN: %s, not EPERM",
				 name_of(&fz_names, fm->cmd), strerror(-err));
			fuzz_fail(f, n, why);
		} else if (!err && !f->privileged && fm->checked && !fm->dump &&
			   cmd_is_admin(fm->cmd)) {
			fuzz_fail(f, n, "a state-changing request succeeded without CAP_NET_ADMIN");
		}
		w->done = true;
		w->status = err;
		if (err)
			f->errors[-err < 4096 ? -err : 0]++;
		else
			f->acks++;
		break;
	case NLMSG_DONE:
		err = nl_parse_done(&f->nl, nlh);
		if (err == -EBADMSG)
			fuzz_fail(f, n, "malformed NLMSG_DONE");
		if (!fm->dump)
			fuzz_fail(f, n, "NLMSG_DONE for a request that was not a dump");
		w->done = true;
		w->status = err;
		f->dumps++;
		break;
	default:
		if (nlh->nlmsg_type != fm->type || !fm->family || !fm->dump) {
			snprintf(why, sizeof(why), "unexpected message type %u (dump %d)",
				 nlh->nlmsg_type, fm->dump);
			fuzz_fail(f, n, why);
		} else if (mnl_nlmsg_get_payload_len(nlh) < GENL_HDRLEN ||
			   mnl_attr_parse(nlh, GENL_HDRLEN, attr_ok_cb, NULL) < 0) {
			fuzz_fail(f, n, "malformed dump entry");
		}
		f->dump_msgs++;
	}
}

/* Read replies until @w is satisfied; false on a timeout or socket error. */
static bool read_replies(struct fuzz *f, struct wait *w, bool want_fuzz_reply)
{
	struct pollfd pfd = { .fd = mnl_socket_get_fd(f->nl.sk), .events = POLLIN };
	const struct nlmsghdr *nlh;
	char why[120];
	int len, r;

	while (want_fuzz_reply ? !w->done : !w->probe_done) {
		r = poll(&pfd, 1, FUZZ_REPLY_TIMEOUT_MS);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			snprintf(why, sizeof(why), "no reply within %d s (%s, %zu bytes)",
				 FUZZ_REPLY_TIMEOUT_MS / 1000,
				 name_of(&fz_names, w->fm->cmd) ?: "unknown command", w->fm->len);
			fuzz_fail(f, f->sent, why);
			return false;
		}
		len = recv(pfd.fd, f->nl.rcv, NL_RCV_SIZE, 0);
		if (len < 0) {
			snprintf(why, sizeof(why), "recv: %s", strerror(errno));
			fuzz_fail(f, f->sent, why);
			return false;
		}
		nlh = (const struct nlmsghdr *)f->nl.rcv;
		while (mnl_nlmsg_ok(nlh, len)) {
			check_reply(f, w, nlh);
			nlh = mnl_nlmsg_next(nlh, &len);
		}
		if (len > 0)
			fuzz_fail(f, f->sent, "trailing bytes in a reply datagram");
	}
	return true;
}

/* A request that must be answered: the family's id, by name. */
static int send_probe(struct fuzz *f)
{
	struct nlmsghdr *nlh;
	char buf[256];
	struct genlmsghdr *genl;

	memset(buf, 0, sizeof(buf));
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = GENL_ID_CTRL;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	nlh->nlmsg_seq = ++f->nl.seq;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = CTRL_CMD_GETFAMILY;
	genl->version = 1;
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, CONDIS_FAMILY_NAME);
	f->probes++;
	return nl_send(&f->nl, nlh, nlh->nlmsg_len) ? 0 : nlh->nlmsg_seq;
}

static bool fuzz_one(struct fuzz *f)
{
	struct wait w = { 0 };
	struct fuzz_msg fm;
	struct effective e;
	bool reply_sure;
	char why[80];
	int err;

	build_message(f, &fm);
	w.fm = &fm;
	if (f->privileged && fm.checked) {
		effective_attrs((struct nlmsghdr *)f->nl.req, &e);
		if (touches_kept(f, fm.cmd, &e)) {
			f->skipped++;
			return true;
		}
	}
	f->sent++;
	err = nl_send(&f->nl, (struct nlmsghdr *)f->nl.req, fm.len);
	/* netlink_sendmsg() refuses an empty datagram, and only that. */
	if (!fm.len && err == -ENODATA)
		err = 0;
	else if (!fm.len && !err)
		err = -EPROTO;
	if (err) {
		snprintf(why, sizeof(why), "send (%zu bytes): %s", fm.len, strerror(-err));
		fuzz_fail(f, f->sent, why);
		return false;
	}
	/* Without NLM_F_ACK a success is silent; a bad header is dropped. */
	reply_sure = fm.header_ok && (fm.flags & NLM_F_ACK);
	if (!reply_sure) {
		w.probe_seq = send_probe(f);
		if (!w.probe_seq) {
			fuzz_fail(f, f->sent, "cannot send the probe");
			return false;
		}
	}
	if (!read_replies(f, &w, reply_sure))
		return false;
	if (!fm.header_ok && w.done)
		fuzz_fail(f, f->sent, "a reply to a message the kernel should have dropped");
	if (!w.done)
		f->silent++;
	if (w.done && !w.status && fm.checked && cmd_is_admin(fm.cmd) && !fm.dump)
		f->ok_by_cmd[fm.cmd]++;
	if (f->verbose)
		printf("%lu %s len %zu flags %#x: %s\n", f->sent,
		       name_of(&fz_names, fm.cmd) ?: "?", fm.len, fm.flags,
		       !w.done ? "no reply" : w.status ? strerror(-w.status) : "ok");
	return true;
}

/* ---- the objects at the start, and the cleanup -------------------------- */

static int kept_adapter_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[CONDIS_A_ADAPTER_MAX + 1];
	struct objset *s = data;
	unsigned int port;
	char extra;

	if (nl_attrs(nlh, GENL_HDRLEN, tb, CONDIS_A_ADAPTER_MAX) == 0 &&
	    tb[CONDIS_A_ADAPTER_NAME] &&
	    mnl_attr_validate(tb[CONDIS_A_ADAPTER_NAME], MNL_TYPE_NUL_STRING) == 0 &&
	    sscanf(mnl_attr_get_str(tb[CONDIS_A_ADAPTER_NAME]), "conic%u%c", &port, &extra) == 1)
		u32_add(s->ports, &s->n_ports, port);
	return MNL_CB_OK;
}

static int kept_call_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[COECHO_A_CLIENT_MAX + 1];
	struct objset *s = data;

	if (nl_attrs(nlh, GENL_HDRLEN, tb, COECHO_A_CLIENT_MAX) == 0 &&
	    tb[COECHO_A_CLIENT_CALL_ID] &&
	    mnl_attr_validate(tb[COECHO_A_CLIENT_CALL_ID], MNL_TYPE_U32) == 0)
		u32_add(s->calls, &s->n_calls, mnl_attr_get_u32(tb[COECHO_A_CLIENT_CALL_ID]));
	return MNL_CB_OK;
}

static int kept_sap_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[CONDIS_A_SAP_MAX + 1];
	struct objset *s = data;
	char adapter[FUZZ_NAME_MAX], name[FUZZ_NAME_MAX];
	const struct nlattr *a;

	if (nl_attrs(nlh, GENL_HDRLEN, tb, CONDIS_A_SAP_MAX) < 0 ||
	    !tb[CONDIS_A_SAP_ADAPTER] || !tb[CONDIS_A_SAP_ADDR])
		return MNL_CB_OK;
	a = tb[CONDIS_A_SAP_ADAPTER];
	snprintf(adapter, sizeof(adapter), "%.*s", (int)nl_attr_strlen(a),
		 (const char *)mnl_attr_get_payload(a));
	a = tb[CONDIS_A_SAP_ADDR];
	snprintf(name, sizeof(name), "%.*s", (int)mnl_attr_get_payload_len(a),
		 (const char *)mnl_attr_get_payload(a));
	sap_add(s, adapter, name);
	return MNL_CB_OK;
}

/* A request of command @fz (as nlfuzz numbers them) to its family. */
static struct nlmsghdr *fz_msg(struct fuzz *f, uint8_t fz, uint16_t flags)
{
	return nl_msg(&f->nl, f->fam_id[fz_cmds[fz].fam], fz_cmds[fz].cmd, flags);
}

static int dump(struct fuzz *f, uint8_t fz, mnl_cb_t cb, void *data)
{
	if (!f->fam_id[fz_cmds[fz].fam])
		return -EOPNOTSUPP;	/* its module is not loaded */
	return nl_exchange(&f->nl, fz_msg(f, fz, NLM_F_DUMP), cb, data);
}

static int read_kept(struct fuzz *f)
{
	int err;

	err = dump(f, FZ_ADAPTER_GET, kept_adapter_cb, &f->kept) ?:
	      dump(f, FZ_SAP_GET, kept_sap_cb, &f->kept);
	if (err)
		return err;
	/* Without coecho there are no calls to keep. */
	err = dump(f, FZ_CLIENT_CALL_GET, kept_call_cb, &f->kept);
	return err == -EOPNOTSUPP ? 0 : err;
}

static void print_set(const char *what, const struct objset *s)
{
	unsigned int i;

	printf("nlfuzz: %s: ports", what);
	for (i = 0; i < s->n_ports; i++)
		printf(" %u", s->ports[i]);
	printf("; calls");
	for (i = 0; i < s->n_calls; i++)
		printf(" %u", s->calls[i]);
	printf("; saps");
	for (i = 0; i < s->n_saps; i++)
		printf(" %s/%s", s->saps[i].adapter, s->saps[i].name[0] ? s->saps[i].name : "*");
	printf("\n");
}

/*
 * One cleanup request.  A busy object (a call being set up, a SAP being
 * registered) is asked again; @ok1 and @ok2 are the errors that mean the
 * object went already.
 */
static void cleanup_req(struct fuzz *f, struct nlmsghdr *nlh, const char *what, int ok1, int ok2)
{
	int err, tries;

	nlh->nlmsg_flags |= NLM_F_ACK;
	for (tries = 0; tries < 50; tries++) {
		nlh->nlmsg_seq = ++f->nl.seq;
		err = nl_exchange(&f->nl, nlh, NULL, NULL);
		if (err != -EBUSY && err != -ETIMEDOUT)
			break;
		usleep(200000);
	}
	if (err && err != -ok1 && err != -ok2) {
		printf("nlfuzz: FAIL: cleanup: %s: %s%s%s\n", what, strerror(-err),
		       f->nl.msg[0] ? ": " : "", f->nl.msg);
		f->failures++;
	}
}

/* Remove what the run left: the calls, SAPs and ports not kept. */
static void cleanup(struct fuzz *f)
{
	struct objset now, *k = &f->kept;
	struct nlmsghdr *nlh;
	unsigned int i, pass;
	char what[120];

	/* Closed calls stay listed until read once more: read twice. */
	for (pass = 0; pass < 3; pass++) {
		memset(&now, 0, sizeof(now));
		if (dump(f, FZ_CLIENT_CALL_GET, kept_call_cb, &now))
			break;
		for (i = 0; i < now.n_calls; i++) {
			if (u32_in(k->calls, k->n_calls, now.calls[i]))
				continue;
			nlh = fz_msg(f, FZ_CLIENT_CLOSE, 0);
			mnl_attr_put_u32(nlh, COECHO_A_CLIENT_CALL_ID, now.calls[i]);
			snprintf(what, sizeof(what), "close call %u", now.calls[i]);
			cleanup_req(f, nlh, what, ENOENT, ENOENT);
		}
	}
	memset(&now, 0, sizeof(now));
	if (!dump(f, FZ_SAP_GET, kept_sap_cb, &now)) {
		for (i = 0; i < now.n_saps; i++) {
			if (sap_find(k, now.saps[i].adapter, now.saps[i].name) >= 0)
				continue;
			nlh = fz_msg(f, FZ_CLIENT_UNLISTEN, 0);
			mnl_attr_put_strz(nlh, COECHO_A_CLIENT_ADAPTER, now.saps[i].adapter);
			mnl_attr_put_strz(nlh, COECHO_A_CLIENT_SAP_NAME, now.saps[i].name);
			snprintf(what, sizeof(what), "unlisten %s %s", now.saps[i].adapter,
				 now.saps[i].name);
			cleanup_req(f, nlh, what, ENOENT, EALREADY);
		}
	}
	memset(&now, 0, sizeof(now));
	if (!dump(f, FZ_ADAPTER_GET, kept_adapter_cb, &now)) {
		for (i = 0; i < now.n_ports; i++) {
			if (u32_in(k->ports, k->n_ports, now.ports[i]))
				continue;
			nlh = fz_msg(f, FZ_PORT_DEL, 0);
			mnl_attr_put_u32(nlh, CONIC_A_PORT_ID, now.ports[i]);
			snprintf(what, sizeof(what), "delete port %u", now.ports[i]);
			cleanup_req(f, nlh, what, ENOENT, ENOENT);
		}
	}
}

static void print_summary(struct fuzz *f)
{
	unsigned int i;

	printf("nlfuzz: %lu sent, %lu skipped (could touch objects of the start), %lu probes\n",
	       f->sent, f->skipped, f->probes);
	printf("nlfuzz: replies: %lu acks, %lu dumps (%lu entries), %lu without reply; errors:",
	       f->acks, f->dumps, f->dump_msgs, f->silent);
	for (i = 0; i < ARRAY_SIZE(f->errors); i++) {
		if (f->errors[i])
			printf(" %s %lu", i ? strerrorname_np(i) ?: "?" : "bad", f->errors[i]);
	}
	printf("\nnlfuzz: successful state changes:");
	for (i = 0; i < ARRAY_SIZE(f->ok_by_cmd); i++) {
		if (f->ok_by_cmd[i])
			printf(" %s %lu", name_of(&fz_names, i), f->ok_by_cmd[i]);
	}
	printf("\n");
}

/* ---- the command line --------------------------------------------------- */

static int bad_command_line(void)
{
	fputs("nlfuzz [--seed N] [--count N] [--as UID] [--verbose]\n"
	      "nlfuzz send [--dump] [--as UID] CMD [KIND:TYPE:VALUE | flag:TYPE]...\n"
	      "  KIND: u32, u64, str (with its NUL), raw (without), hex\n",
	      stderr);
	return EXIT_USAGE;
}

/* A number (decimal, or 0x hex), the whole word, up to 4294967295. */
static int parse_num(const char *s, uint32_t *v)
{
	unsigned long long n;
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	n = strtoull(s, &end, 0);
	if (errno || *end || n > UINT32_MAX)
		return -1;
	*v = n;
	return 0;
}

static int drop_to(const char *uid_s)
{
	uint32_t uid;

	if (parse_num(uid_s, &uid))
		return -1;
	if (setgroups(0, NULL) || setgid(uid) || setuid(uid)) {
		perror("nlfuzz: cannot drop privileges");
		return -1;
	}
	return 0;
}

/* One "KIND:TYPE[:VALUE]" attribute of "nlfuzz send". */
static int put_arg_attr(struct nlmsghdr *nlh, const char *arg)
{
	char kind[8], *value;
	unsigned long long n;
	unsigned int type, i;
	int used = 0;
	char bytes[512];

	if (sscanf(arg, "%7[a-z0-9]:%u%n", kind, &type, &used) != 2 || type > 0xffff)
		return -1;
	value = (char *)arg + used;
	if (*value == ':')
		value++;
	else if (strcmp(kind, "flag"))
		return -1;
	if (!strcmp(kind, "u32") || !strcmp(kind, "u64")) {
		errno = 0;
		n = strtoull(value, NULL, 0);
		if (errno)
			return -1;
		if (kind[1] == '3')
			mnl_attr_put_u32(nlh, type, n);
		else
			mnl_attr_put_u64(nlh, type, n);
	} else if (!strcmp(kind, "str")) {
		mnl_attr_put_strz(nlh, type, value);
	} else if (!strcmp(kind, "raw")) {
		mnl_attr_put(nlh, type, strlen(value), value);
	} else if (!strcmp(kind, "flag")) {
		mnl_attr_put(nlh, type, 0, NULL);
	} else if (!strcmp(kind, "hex")) {
		for (i = 0; value[2 * i] && i < sizeof(bytes); i++) {
			if (sscanf(value + 2 * i, "%2hhx", &bytes[i]) != 1)
				return -1;
		}
		mnl_attr_put(nlh, type, i, bytes);
	} else {
		return -1;
	}
	return 0;
}

static int send_one(int argc, char **argv)
{
	uint16_t fam_id[FAM_NR] = { 0 };
	enum fuzz_family fam = FAM_CONDIS;
	struct nlmsghdr *nlh;
	struct nl nl;
	uint32_t cmd;
	bool dumpreq = false;
	int i = 0, err;

	while (i < argc && argv[i][0] == '-') {
		if (!strcmp(argv[i], "--dump")) {
			dumpreq = true;
			i++;
		} else if (!strcmp(argv[i], "--as") && i + 1 < argc) {
			if (drop_to(argv[i + 1]))
				return EXIT_USAGE;
			i += 2;
		} else {
			return bad_command_line();
		}
	}
	if (i >= argc)
		return bad_command_line();
	if (!value_of(&fz_names, argv[i], &cmd)) {
		fam = fz_cmds[cmd].fam;
		cmd = fz_cmds[cmd].cmd;
	} else if (parse_num(argv[i], &cmd)) {	/* a number: condis's */
		return bad_command_line();
	}
	if (open_families(&nl, fam_id))
		return EXIT_FAIL;
	if (!fam_id[fam]) {
		nl_close(&nl);
		printf("error ENOENT (no %s family: its module is not loaded)\n",
		       family_names[fam]);
		return EXIT_FAIL;
	}
	nlh = nl_msg(&nl, fam_id[fam], cmd, dumpreq ? NLM_F_DUMP : NLM_F_ACK);
	for (i++; i < argc; i++) {
		if (put_arg_attr(nlh, argv[i])) {
			nl_close(&nl);
			fprintf(stderr, "nlfuzz: bad attribute '%s'\n", argv[i]);
			return bad_command_line();
		}
	}
	err = nl_exchange(&nl, nlh, NULL, NULL);
	if (!err) {
		printf("ok\n");
	} else {
		printf("error %s (%s)\n", strerrorname_np(-err) ?: "?", strerror(-err));
		if (nl.msg[0])
			printf("msg: %s\n", nl.msg);
		if (nl.bad_attr >= 0)
			printf("bad-attr: %d\n", nl.bad_attr);
		if (nl.miss_attr >= 0)
			printf("missing-attr: %d\n", nl.miss_attr);
	}
	nl_close(&nl);
	return err ? EXIT_FAIL : EXIT_OK;
}

int main(int argc, char **argv)
{
	static struct fuzz f;
	uint32_t seed = 1, count = FUZZ_DEFAULT_COUNT;
	const char *as = NULL;
	unsigned long i;
	int a, err = 0;

	if (argc > 1 && !strcmp(argv[1], "send"))
		return send_one(argc - 2, argv + 2);
	if (argc > 1 && !strcmp(argv[1], "churn"))
		return churn_main(argc - 2, argv + 2, CONDIS_FAMILY_NAME);
	for (a = 1; a < argc; a++) {
		if (!strcmp(argv[a], "--verbose"))
			f.verbose = true;
		else if (a + 1 >= argc)
			return bad_command_line();
		else if (!strcmp(argv[a], "--seed"))
			err = parse_num(argv[++a], &seed);
		else if (!strcmp(argv[a], "--count"))
			err = parse_num(argv[++a], &count);
		else if (!strcmp(argv[a], "--as"))
			as = argv[++a];
		else
			return bad_command_line();
		if (err)
			return bad_command_line();
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (as && drop_to(as))
		return EXIT_FAIL;
	f.privileged = !as;
	if (open_families(&f.nl, f.fam_id))
		return EXIT_FAIL;
	rnd_state = seed;
	printf("nlfuzz: seed %u, %u messages, %s\n", seed, count,
	       f.privileged ? "privileged" : "unprivileged");
	if (f.privileged) {
		err = read_kept(&f);
		if (err) {
			printf("nlfuzz: FAIL: cannot read the objects of the start: %s\n",
			       strerror(-err));
			nl_close(&f.nl);
			return EXIT_FAIL;
		}
		print_set("kept", &f.kept);
	}
	for (i = 0; i < count; i++) {
		if (!fuzz_one(&f))
			break;
	}
	print_summary(&f);
	if (f.privileged && i == count)
		cleanup(&f);
	nl_close(&f.nl);
	if (f.failures) {
		printf("nlfuzz: %lu failures\n", f.failures);
		return EXIT_FAIL;
	}
	printf("nlfuzz: every reply was well-formed\n");
	return EXIT_OK;
}
