/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ndissample: the event log the tests read (debugfs "events"), shared by
 * the Linux shims of both drivers.  Each line is "SEQ TEXT"; SEQ counts
 * from 1 and is never reused, so a test can check the order of events and
 * how often each happened even when old lines were dropped (the log keeps
 * the last EVLOG_LINES).
 */
#ifndef _NDISSAMPLE_EVLOG_H
#define _NDISSAMPLE_EVLOG_H

#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define EVLOG_LINES	2048
#define EVLOG_LEN	120

/**
 * struct evlog - a ring of event lines
 * @lock: protects everything below
 * @lines: EVLOG_LINES lines of EVLOG_LEN bytes
 * @seq: the number of the last line written
 */
struct evlog {
	spinlock_t lock;	/* protects lines and seq */
	char (*lines)[EVLOG_LEN];
	u64 seq;
};

static inline int evlog_init(struct evlog *log)
{
	spin_lock_init(&log->lock);
	log->seq = 0;
	log->lines = kcalloc(EVLOG_LINES, EVLOG_LEN, GFP_KERNEL);
	return log->lines ? 0 : -ENOMEM;
}

static inline void evlog_free(struct evlog *log)
{
	kfree(log->lines);
	log->lines = NULL;
}

/* Context: any. */
static inline __printf(2, 0) void evlog_vadd(struct evlog *log, const char *fmt, va_list ap)
{
	unsigned long flags;
	char line[EVLOG_LEN];

	vscnprintf(line, sizeof(line), fmt, ap);
	spin_lock_irqsave(&log->lock, flags);
	if (log->lines) {
		log->seq++;
		strscpy(log->lines[log->seq % EVLOG_LINES], line, EVLOG_LEN);
	}
	spin_unlock_irqrestore(&log->lock, flags);
}

static inline void evlog_clear(struct evlog *log)
{
	unsigned long flags;

	spin_lock_irqsave(&log->lock, flags);
	if (log->lines)
		memset(log->lines, 0, EVLOG_LINES * EVLOG_LEN);
	log->seq = 0;
	spin_unlock_irqrestore(&log->lock, flags);
}

/* Context: process.  Copies the log out under the lock, prints it after. */
static inline int evlog_show(struct evlog *log, struct seq_file *m)
{
	char (*copy)[EVLOG_LEN];
	u64 seq, first, i;

	copy = kvmalloc_array(EVLOG_LINES, EVLOG_LEN, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	spin_lock_irq(&log->lock);
	seq = log->seq;
	if (log->lines)
		memcpy(copy, log->lines, EVLOG_LINES * EVLOG_LEN);
	spin_unlock_irq(&log->lock);
	first = seq > EVLOG_LINES ? seq - EVLOG_LINES + 1 : 1;
	for (i = first; i <= seq; i++)
		seq_printf(m, "%llu %s\n", i, copy[i % EVLOG_LINES]);
	kvfree(copy);
	return 0;
}

#endif /* _NDISSAMPLE_EVLOG_H */
