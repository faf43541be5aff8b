#define _GNU_SOURCE
#include "CPlatform.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#if defined(__linux__)
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif
#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

static int accord_renameat2(int from_dir, const char *from, int to_dir, const char *to, unsigned int flags) {
#if defined(SYS_renameat2)
    return (int)syscall(SYS_renameat2, from_dir, from, to_dir, to, flags);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int accord_rename_noreplace(int from_dir, const char *from, int to_dir, const char *to) {
    return accord_renameat2(from_dir, from, to_dir, to, RENAME_NOREPLACE);
}

int accord_rename_exchange(int a_dir, const char *a, int b_dir, const char *b) {
    return accord_renameat2(a_dir, a, b_dir, b, RENAME_EXCHANGE);
}

int accord_syncfs(int fd) {
    return syncfs(fd);
}

int accord_open_tmpfile(int dir_fd, unsigned int mode) {
#if defined(O_TMPFILE)
    return openat(dir_fd, ".", O_TMPFILE | O_RDWR | O_CLOEXEC, (mode_t)mode);
#else
    errno = EOPNOTSUPP;
    return -1;
#endif
}

#else

int accord_rename_noreplace(int from_dir, const char *from, int to_dir, const char *to) {
    (void)from_dir; (void)from; (void)to_dir; (void)to;
    errno = ENOSYS;
    return -1;
}

int accord_rename_exchange(int a_dir, const char *a, int b_dir, const char *b) {
    (void)a_dir; (void)a; (void)b_dir; (void)b;
    errno = ENOSYS;
    return -1;
}

int accord_syncfs(int fd) {
    return fsync(fd);
}

int accord_open_tmpfile(int dir_fd, unsigned int mode) {
    (void)dir_fd; (void)mode;
    errno = EOPNOTSUPP;
    return -1;
}

#endif
