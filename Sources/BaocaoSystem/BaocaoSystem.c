#define _GNU_SOURCE
#include "BaocaoSystem.h"

#include <errno.h>
#include <unistd.h>

int baocao_syncfs(int fd) {
#if defined(__linux__)
    return syncfs(fd);
#else
    (void)fd;
    errno = ENOSYS;
    return -1;
#endif
}
