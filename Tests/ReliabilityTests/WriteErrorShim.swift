import DeskTestSupport
import Foundation

/// A tiny `LD_PRELOAD` library, compiled by the test with `cc`, that makes the k-th write or
/// sync of a desk file fail with EIO (`MLADESK_FAIL_AT=k`), as a failing disk would. Only file
/// descriptors whose path contains `MLADESK_FAIL_PATH` count, so the program's own output and
/// other files are never touched.
enum WriteErrorShim {
    static let source = #"""
    #define _GNU_SOURCE
    #include <dlfcn.h>
    #include <errno.h>
    #include <limits.h>
    #include <stdio.h>
    #include <stdlib.h>
    #include <string.h>
    #include <sys/types.h>
    #include <unistd.h>

    static long failAt = -1;
    static long seen = 0;
    static const char *pathPart = NULL;

    static int fails(int fd) {
        if (failAt < 0) {
            const char *at = getenv("MLADESK_FAIL_AT");
            failAt = at ? atol(at) : 0;
            pathPart = getenv("MLADESK_FAIL_PATH");
        }
        if (fd <= 2 || pathPart == NULL) return 0;
        char link[64];
        char target[PATH_MAX];
        snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
        ssize_t n = readlink(link, target, sizeof target - 1);
        if (n <= 0) return 0;
        target[n] = 0;
        if (strstr(target, pathPart) == NULL) return 0;
        seen++;
        if (seen == failAt) { errno = EIO; return 1; }
        return 0;
    }

    typedef ssize_t (*write_fn)(int, const void *, size_t);
    typedef ssize_t (*pwrite_fn)(int, const void *, size_t, off_t);
    typedef int (*sync_fn)(int);

    #define REAL(name, type) static type real_##name; if (!real_##name) real_##name = (type)dlsym(RTLD_NEXT, #name)

    ssize_t write(int fd, const void *buf, size_t n) {
        REAL(write, write_fn);
        if (fails(fd)) return -1;
        return real_write(fd, buf, n);
    }
    ssize_t pwrite(int fd, const void *buf, size_t n, off_t at) {
        REAL(pwrite, pwrite_fn);
        if (fails(fd)) return -1;
        return real_pwrite(fd, buf, n, at);
    }
    ssize_t pwrite64(int fd, const void *buf, size_t n, off_t at) {
        REAL(pwrite64, pwrite_fn);
        if (fails(fd)) return -1;
        return real_pwrite64(fd, buf, n, at);
    }
    int fsync(int fd) {
        REAL(fsync, sync_fn);
        if (fails(fd)) return -1;
        return real_fsync(fd);
    }
    int fdatasync(int fd) {
        REAL(fdatasync, sync_fn);
        if (fails(fd)) return -1;
        return real_fdatasync(fd);
    }
    """#

    /// Compiles the library into `folder` and returns its path.
    static func build(in folder: TemporaryDirectory) throws -> String {
        let sourcePath = folder.path("failwrite.c")
        let library = folder.path("failwrite.so")
        try Data(source.utf8).write(to: URL(fileURLWithPath: sourcePath))
        let compiled = try Reliability.run("/usr/bin/cc", ["-shared", "-fPIC", "-O1", "-o", library, sourcePath, "-ldl"])
        guard compiled.status == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: compiled.stderr])
        }
        return library
    }
}
