#ifndef ACCORD_CPLATFORM_H
#define ACCORD_CPLATFORM_H

// The few system calls Swift's Glibc module does not expose (they need _GNU_SOURCE,
// which a module import cannot set). Each returns -1 with errno set when the system or
// the file system does not offer it, so that callers can fall back.

/// renameat2(2) with RENAME_NOREPLACE: fails with EEXIST instead of replacing `to`.
int accord_rename_noreplace(int from_dir, const char *from, int to_dir, const char *to);

/// renameat2(2) with RENAME_EXCHANGE: swaps `a` and `b` atomically.
int accord_rename_exchange(int a_dir, const char *a, int b_dir, const char *b);

/// syncfs(2): flushes the file system holding `fd` to disk (fsync(fd) where it is missing).
int accord_syncfs(int fd);

/// open(2) with O_TMPFILE: an unnamed file in the folder `dir_fd`, gone when closed.
int accord_open_tmpfile(int dir_fd, unsigned int mode);

#endif
