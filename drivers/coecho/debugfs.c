// SPDX-License-Identifier: GPL-2.0
/*
 * coecho: /sys/kernel/debug/coecho/.
 *
 * ctl (write-only) takes one command per write(2); the write returns the
 * byte count, or the command's negative errno, and a failure is logged.
 *
 *   listen ADAPTER NAME|*          unlisten ADAPTER NAME|*
 *   call ID ADAPTER NAME [RATE]    mcall ID ADAPTER NAME [RATE]
 *   addparty ID LEAF NAME          dropparty ID LEAF
 *   send ID COUNT SIZE             close ID
 *   qos ID RATE
 *
 * calls, saps and stats (read-only) show the state; see coecho_calls_show(),
 * coecho_saps_show() and coecho_stats_show().
 */
#include <linux/debugfs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "coecho.h"

#define COECHO_CTL_MAX		256	/* longest command line */
#define COECHO_CTL_ARGS		5	/* most words in a command */

static int coecho_arg_u32(const char *s, u32 *v)
{
	return kstrtou32(s, 0, v) ? -EINVAL : 0;
}

/* A service name: 1 to CONIC_SAP_NAME_MAX bytes. */
static int coecho_arg_name(const char *s)
{
	size_t len = strlen(s);

	return len && len <= CONIC_SAP_NAME_MAX ? 0 : -EINVAL;
}

/* "RATE": 0 means "not specified". */
static int coecho_arg_rate(const char *s, u32 *rate)
{
	int err = coecho_arg_u32(s, rate);

	if (!err && !*rate)
		*rate = COECHO_RATE_ANY;
	return err;
}

static int coecho_ctl_listen(int argc, char **argv)
{
	return coecho_arg_name(argv[2]) ?: coecho_sap_listen(argv[1], argv[2]);
}

static int coecho_ctl_unlisten(int argc, char **argv)
{
	return coecho_arg_name(argv[2]) ?: coecho_sap_unlisten(argv[1], argv[2]);
}

static int coecho_ctl_make(int argc, char **argv, bool multipoint)
{
	u32 id, rate = COECHO_RATE_ANY;

	if (coecho_arg_u32(argv[1], &id) || coecho_arg_name(argv[3]) ||
	    (argc > 4 && coecho_arg_rate(argv[4], &rate)))
		return -EINVAL;
	return coecho_call_make(id, argv[2], argv[3], rate, multipoint);
}

static int coecho_ctl_call(int argc, char **argv)
{
	return coecho_ctl_make(argc, argv, false);
}

static int coecho_ctl_mcall(int argc, char **argv)
{
	return coecho_ctl_make(argc, argv, true);
}

static int coecho_ctl_addparty(int argc, char **argv)
{
	u32 id, leaf;

	if (coecho_arg_u32(argv[1], &id) || coecho_arg_u32(argv[2], &leaf) ||
	    coecho_arg_name(argv[3]))
		return -EINVAL;
	return coecho_party_add(id, leaf, argv[3]);
}

static int coecho_ctl_dropparty(int argc, char **argv)
{
	u32 id, leaf;

	if (coecho_arg_u32(argv[1], &id) || coecho_arg_u32(argv[2], &leaf))
		return -EINVAL;
	return coecho_party_drop(id, leaf);
}

static int coecho_ctl_send(int argc, char **argv)
{
	u32 id, count, size;

	if (coecho_arg_u32(argv[1], &id) || coecho_arg_u32(argv[2], &count) ||
	    coecho_arg_u32(argv[3], &size) || !count || count > COECHO_SEND_MAX ||
	    size < COECHO_SIZE_MIN || size > COECHO_SIZE_MAX)
		return -EINVAL;
	return coecho_send(id, count, size);
}

static int coecho_ctl_close(int argc, char **argv)
{
	u32 id;

	return coecho_arg_u32(argv[1], &id) ?: coecho_call_close(id);
}

static int coecho_ctl_qos(int argc, char **argv)
{
	u32 id, rate;

	if (coecho_arg_u32(argv[1], &id) || coecho_arg_rate(argv[2], &rate))
		return -EINVAL;
	return coecho_call_qos(id, rate);
}

static int coecho_ctl_bench(int argc, char **argv)
{
	u32 calls, callers;

	if (coecho_arg_name(argv[2]) || coecho_arg_u32(argv[3], &calls) ||
	    coecho_arg_u32(argv[4], &callers))
		return -EINVAL;
	return coecho_bench(argv[1], argv[2], calls, callers);
}

static int coecho_ctl_listen_many(int argc, char **argv)
{
	u32 n;

	if (coecho_arg_name(argv[2]) || coecho_arg_u32(argv[3], &n))
		return -EINVAL;
	return coecho_bench_listen_many(argv[1], argv[2], n);
}

/**
 * struct coecho_cmd - a ctl command
 * @name: its first word
 * @min_words: fewest words, the command's own included
 * @max_words: most words
 * @run: runs it with the words; returns 0 or a negative errno
 */
struct coecho_cmd {
	const char *name;
	int min_words;
	int max_words;
	int (*run)(int argc, char **argv);
};

static const struct coecho_cmd coecho_cmds[] = {
	{ "listen",	3, 3, coecho_ctl_listen },
	{ "unlisten",	3, 3, coecho_ctl_unlisten },
	{ "call",	4, 5, coecho_ctl_call },
	{ "mcall",	4, 5, coecho_ctl_mcall },
	{ "addparty",	4, 4, coecho_ctl_addparty },
	{ "dropparty",	3, 3, coecho_ctl_dropparty },
	{ "send",	4, 4, coecho_ctl_send },
	{ "close",	2, 2, coecho_ctl_close },
	{ "qos",	3, 3, coecho_ctl_qos },
	{ "bench",	5, 5, coecho_ctl_bench },
	{ "listen_many", 4, 4, coecho_ctl_listen_many },
};

static int coecho_ctl_run(char *line)
{
	char *argv[COECHO_CTL_ARGS], *word;
	unsigned int i;
	int argc = 0;

	while ((word = strsep(&line, " \t\n"))) {
		if (!*word)
			continue;
		if (argc == ARRAY_SIZE(argv))
			return -EINVAL;
		argv[argc++] = word;
	}
	if (!argc)
		return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(coecho_cmds); i++) {
		const struct coecho_cmd *cmd = &coecho_cmds[i];

		if (strcmp(argv[0], cmd->name))
			continue;
		if (argc < cmd->min_words || argc > cmd->max_words)
			return -EINVAL;
		return cmd->run(argc, argv);
	}
	return -EINVAL;
}

static ssize_t coecho_ctl_write(struct file *file, const char __user *ubuf, size_t len,
				loff_t *ppos)
{
	char *buf, *line, *copy;
	int err;

	if (!len || len > COECHO_CTL_MAX)
		return -EINVAL;
	buf = memdup_user_nul(ubuf, len);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	line = strim(buf);
	copy = kstrdup(line, GFP_KERNEL);	/* for the log: parsing cuts up @line */
	err = coecho_ctl_run(line);
	if (err)
		pr_warn("ctl \"%s\" failed: %pe\n", copy ?: "?", ERR_PTR(err));
	kfree(copy);
	kfree(buf);
	return err ?: len;
}

static const struct file_operations coecho_ctl_fops = {
	.owner = THIS_MODULE,
	.write = coecho_ctl_write,
	.llseek = noop_llseek,
};

/**
 * struct coecho_stat_key - a line of the "stats" file
 * @name: the key
 * @offset: where its counter is in &struct coecho_stats
 */
struct coecho_stat_key {
	const char *name;
	size_t offset;
};

#define COECHO_STAT(field)	{ #field, offsetof(struct coecho_stats, field) }

static const struct coecho_stat_key coecho_stat_keys[] = {
	COECHO_STAT(binds),
	COECHO_STAT(afs_open),
	COECHO_STAT(incoming_offered),
	COECHO_STAT(incoming_accepted),
	COECHO_STAT(incoming_rejected),
	COECHO_STAT(calls_connected),
	COECHO_STAT(remote_closes),
	COECHO_STAT(dereg_completions),
	COECHO_STAT(dereg_dup),
	COECHO_STAT(errors),
};

/* "KEY VALUE" lines, one per counter of &struct coecho_stats. */
static int coecho_stats_show(struct seq_file *m, void *v)
{
	const struct coecho_stat_key *key;

	for (key = coecho_stat_keys; key < coecho_stat_keys + ARRAY_SIZE(coecho_stat_keys); key++)
		seq_printf(m, "%s %lld\n", key->name,
			   atomic64_read((atomic64_t *)((char *)&coecho.stats + key->offset)));
	return 0;
}

DEFINE_SHOW_ATTRIBUTE(coecho_calls);
DEFINE_SHOW_ATTRIBUTE(coecho_saps);
DEFINE_SHOW_ATTRIBUTE(coecho_stats);
DEFINE_SHOW_ATTRIBUTE(coecho_bench);

/**
 * coecho_debugfs_init() - create /sys/kernel/debug/coecho/
 *
 * Context: process.
 */
void coecho_debugfs_init(void)
{
	coecho.dir = debugfs_create_dir("coecho", NULL);
	debugfs_create_file("ctl", 0200, coecho.dir, NULL, &coecho_ctl_fops);
	debugfs_create_file("calls", 0400, coecho.dir, NULL, &coecho_calls_fops);
	debugfs_create_file("saps", 0400, coecho.dir, NULL, &coecho_saps_fops);
	debugfs_create_file("stats", 0400, coecho.dir, NULL, &coecho_stats_fops);
	debugfs_create_file("bench", 0400, coecho.dir, NULL, &coecho_bench_fops);
}

/**
 * coecho_debugfs_uninit() - remove it, after any command in progress
 *
 * Context: process; sleeps until ctl writes in progress return.
 */
void coecho_debugfs_uninit(void)
{
	debugfs_remove(coecho.dir);
	coecho.dir = NULL;
}
