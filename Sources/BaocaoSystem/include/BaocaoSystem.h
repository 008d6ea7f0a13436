// System calls that Swift's Glibc module does not expose (they need _GNU_SOURCE).
#ifndef BAOCAO_SYSTEM_H
#define BAOCAO_SYSTEM_H

/// Writes every file of the file system holding `fd` to the disk and waits for it (Linux
/// `syncfs`). Returns 0, or -1 with errno set; ENOSYS where the system has no such call.
int baocao_syncfs(int fd);

#endif
