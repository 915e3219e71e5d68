//! x86_64 Linux syscall numbers (arch/x86/entry/syscalls/syscall_64.tbl).

#![allow(missing_docs)]

pub const READ: usize = 0;
pub const WRITE: usize = 1;
pub const OPEN: usize = 2;
pub const CLOSE: usize = 3;
pub const STAT: usize = 4;
pub const FSTAT: usize = 5;
pub const LSTAT: usize = 6;
pub const POLL: usize = 7;
pub const LSEEK: usize = 8;
pub const MMAP: usize = 9;
pub const MPROTECT: usize = 10;
pub const MUNMAP: usize = 11;
pub const BRK: usize = 12;
pub const RT_SIGACTION: usize = 13;
pub const RT_SIGPROCMASK: usize = 14;
pub const RT_SIGRETURN: usize = 15;
pub const IOCTL: usize = 16;
pub const PREAD64: usize = 17;
pub const PWRITE64: usize = 18;
pub const READV: usize = 19;
pub const WRITEV: usize = 20;
pub const ACCESS: usize = 21;
pub const PIPE: usize = 22;
pub const SELECT: usize = 23;
pub const SCHED_YIELD: usize = 24;
pub const MREMAP: usize = 25;
pub const MSYNC: usize = 26;
pub const MINCORE: usize = 27;
pub const MADVISE: usize = 28;
pub const DUP: usize = 32;
pub const DUP2: usize = 33;
pub const PAUSE: usize = 34;
pub const NANOSLEEP: usize = 35;
pub const GETITIMER: usize = 36;
pub const ALARM: usize = 37;
pub const SETITIMER: usize = 38;
pub const GETPID: usize = 39;
pub const SENDFILE: usize = 40;
pub const SOCKET: usize = 41;
pub const CONNECT: usize = 42;
pub const ACCEPT: usize = 43;
pub const SENDTO: usize = 44;
pub const RECVFROM: usize = 45;
pub const SENDMSG: usize = 46;
pub const RECVMSG: usize = 47;
pub const SHUTDOWN: usize = 48;
pub const BIND: usize = 49;
pub const LISTEN: usize = 50;
pub const GETSOCKNAME: usize = 51;
pub const GETPEERNAME: usize = 52;
pub const SOCKETPAIR: usize = 53;
pub const SETSOCKOPT: usize = 54;
pub const GETSOCKOPT: usize = 55;
pub const CLONE: usize = 56;
pub const FORK: usize = 57;
pub const VFORK: usize = 58;
pub const EXECVE: usize = 59;
pub const EXIT: usize = 60;
pub const WAIT4: usize = 61;
pub const KILL: usize = 62;
pub const UNAME: usize = 63;
pub const FCNTL: usize = 72;
pub const FLOCK: usize = 73;
pub const FSYNC: usize = 74;
pub const FDATASYNC: usize = 75;
pub const TRUNCATE: usize = 76;
pub const FTRUNCATE: usize = 77;
pub const GETDENTS: usize = 78;
pub const GETCWD: usize = 79;
pub const CHDIR: usize = 80;
pub const FCHDIR: usize = 81;
pub const RENAME: usize = 82;
pub const MKDIR: usize = 83;
pub const RMDIR: usize = 84;
pub const CREAT: usize = 85;
pub const LINK: usize = 86;
pub const UNLINK: usize = 87;
pub const SYMLINK: usize = 88;
pub const READLINK: usize = 89;
pub const CHMOD: usize = 90;
pub const FCHMOD: usize = 91;
pub const CHOWN: usize = 92;
pub const FCHOWN: usize = 93;
pub const LCHOWN: usize = 94;
pub const UMASK: usize = 95;
pub const GETTIMEOFDAY: usize = 96;
pub const GETRLIMIT: usize = 97;
pub const GETRUSAGE: usize = 98;
pub const SYSINFO: usize = 99;
pub const TIMES: usize = 100;
pub const GETUID: usize = 102;
pub const GETGID: usize = 104;
pub const SETUID: usize = 105;
pub const SETGID: usize = 106;
pub const GETEUID: usize = 107;
pub const GETEGID: usize = 108;
pub const SETPGID: usize = 109;
pub const GETPPID: usize = 110;
pub const GETPGRP: usize = 111;
pub const SETSID: usize = 112;
pub const GETGROUPS: usize = 115;
pub const GETPGID: usize = 121;
pub const GETSID: usize = 124;
pub const RT_SIGPENDING: usize = 127;
pub const RT_SIGTIMEDWAIT: usize = 128;
pub const RT_SIGQUEUEINFO: usize = 129;
pub const RT_SIGSUSPEND: usize = 130;
pub const SIGALTSTACK: usize = 131;
pub const UTIME: usize = 132;
pub const MKNOD: usize = 133;
pub const STATFS: usize = 137;
pub const FSTATFS: usize = 138;
pub const GETPRIORITY: usize = 140;
pub const SETPRIORITY: usize = 141;
pub const PRCTL: usize = 157;
pub const ARCH_PRCTL: usize = 158;
pub const SETRLIMIT: usize = 160;
pub const CHROOT: usize = 161;
pub const SYNC: usize = 162;
pub const MOUNT: usize = 165;
pub const UMOUNT2: usize = 166;
pub const REBOOT: usize = 169;
pub const SETHOSTNAME: usize = 170;
pub const GETTID: usize = 186;
pub const READAHEAD: usize = 187;
pub const TKILL: usize = 200;
pub const TIME: usize = 201;
pub const FUTEX: usize = 202;
pub const SCHED_SETAFFINITY: usize = 203;
pub const SCHED_GETAFFINITY: usize = 204;
pub const GETDENTS64: usize = 217;
pub const SET_TID_ADDRESS: usize = 218;
pub const CLOCK_SETTIME: usize = 227;
pub const CLOCK_GETTIME: usize = 228;
pub const CLOCK_GETRES: usize = 229;
pub const CLOCK_NANOSLEEP: usize = 230;
pub const EXIT_GROUP: usize = 231;
pub const EPOLL_WAIT: usize = 232;
pub const EPOLL_CTL: usize = 233;
pub const TGKILL: usize = 234;
pub const UTIMES: usize = 235;
pub const WAITID: usize = 247;
pub const INOTIFY_INIT: usize = 253;
pub const INOTIFY_ADD_WATCH: usize = 254;
pub const INOTIFY_RM_WATCH: usize = 255;
pub const OPENAT: usize = 257;
pub const MKDIRAT: usize = 258;
pub const MKNODAT: usize = 259;
pub const FCHOWNAT: usize = 260;
pub const FUTIMESAT: usize = 261;
pub const NEWFSTATAT: usize = 262;
pub const UNLINKAT: usize = 263;
pub const RENAMEAT: usize = 264;
pub const LINKAT: usize = 265;
pub const SYMLINKAT: usize = 266;
pub const READLINKAT: usize = 267;
pub const FCHMODAT: usize = 268;
pub const FACCESSAT: usize = 269;
pub const PSELECT6: usize = 270;
pub const PPOLL: usize = 271;
pub const UNSHARE: usize = 272;
pub const SPLICE: usize = 275;
pub const TEE: usize = 276;
pub const SYNC_FILE_RANGE: usize = 277;
pub const VMSPLICE: usize = 278;
pub const UTIMENSAT: usize = 280;
pub const EPOLL_PWAIT: usize = 281;
pub const SIGNALFD: usize = 282;
pub const TIMERFD_CREATE: usize = 283;
pub const EVENTFD: usize = 284;
pub const FALLOCATE: usize = 285;
pub const TIMERFD_SETTIME: usize = 286;
pub const TIMERFD_GETTIME: usize = 287;
pub const ACCEPT4: usize = 288;
pub const SIGNALFD4: usize = 289;
pub const EVENTFD2: usize = 290;
pub const EPOLL_CREATE1: usize = 291;
pub const DUP3: usize = 292;
pub const PIPE2: usize = 293;
pub const INOTIFY_INIT1: usize = 294;
pub const PREADV: usize = 295;
pub const PWRITEV: usize = 296;
pub const RT_TGSIGQUEUEINFO: usize = 297;
pub const PERF_EVENT_OPEN: usize = 298;
pub const RECVMMSG: usize = 299;
pub const PRLIMIT64: usize = 302;
pub const SYNCFS: usize = 306;
pub const SENDMMSG: usize = 307;
pub const SETNS: usize = 308;
pub const GETCPU: usize = 309;
pub const RENAMEAT2: usize = 316;
pub const SECCOMP: usize = 317;
pub const GETRANDOM: usize = 318;
pub const MEMFD_CREATE: usize = 319;
pub const EXECVEAT: usize = 322;
pub const COPY_FILE_RANGE: usize = 326;
pub const PREADV2: usize = 327;
pub const PWRITEV2: usize = 328;
pub const STATX: usize = 332;
pub const IO_URING_SETUP: usize = 425;
pub const IO_URING_ENTER: usize = 426;
pub const IO_URING_REGISTER: usize = 427;
pub const PIDFD_OPEN: usize = 434;
pub const CLONE3: usize = 435;
pub const CLOSE_RANGE: usize = 436;
pub const OPENAT2: usize = 437;
pub const FACCESSAT2: usize = 439;
pub const EPOLL_PWAIT2: usize = 441;

/// Every number above by its kernel name, for tools and the JS `libsys` table.
pub const ALL: &[(&str, usize)] = &[
    ("read", READ),
    ("write", WRITE),
    ("open", OPEN),
    ("close", CLOSE),
    ("stat", STAT),
    ("fstat", FSTAT),
    ("lstat", LSTAT),
    ("poll", POLL),
    ("lseek", LSEEK),
    ("mmap", MMAP),
    ("mprotect", MPROTECT),
    ("munmap", MUNMAP),
    ("brk", BRK),
    ("rt_sigaction", RT_SIGACTION),
    ("rt_sigprocmask", RT_SIGPROCMASK),
    ("rt_sigreturn", RT_SIGRETURN),
    ("ioctl", IOCTL),
    ("pread64", PREAD64),
    ("pwrite64", PWRITE64),
    ("readv", READV),
    ("writev", WRITEV),
    ("access", ACCESS),
    ("pipe", PIPE),
    ("select", SELECT),
    ("sched_yield", SCHED_YIELD),
    ("mremap", MREMAP),
    ("msync", MSYNC),
    ("mincore", MINCORE),
    ("madvise", MADVISE),
    ("dup", DUP),
    ("dup2", DUP2),
    ("pause", PAUSE),
    ("nanosleep", NANOSLEEP),
    ("getitimer", GETITIMER),
    ("alarm", ALARM),
    ("setitimer", SETITIMER),
    ("getpid", GETPID),
    ("sendfile", SENDFILE),
    ("socket", SOCKET),
    ("connect", CONNECT),
    ("accept", ACCEPT),
    ("sendto", SENDTO),
    ("recvfrom", RECVFROM),
    ("sendmsg", SENDMSG),
    ("recvmsg", RECVMSG),
    ("shutdown", SHUTDOWN),
    ("bind", BIND),
    ("listen", LISTEN),
    ("getsockname", GETSOCKNAME),
    ("getpeername", GETPEERNAME),
    ("socketpair", SOCKETPAIR),
    ("setsockopt", SETSOCKOPT),
    ("getsockopt", GETSOCKOPT),
    ("clone", CLONE),
    ("fork", FORK),
    ("vfork", VFORK),
    ("execve", EXECVE),
    ("exit", EXIT),
    ("wait4", WAIT4),
    ("kill", KILL),
    ("uname", UNAME),
    ("fcntl", FCNTL),
    ("flock", FLOCK),
    ("fsync", FSYNC),
    ("fdatasync", FDATASYNC),
    ("truncate", TRUNCATE),
    ("ftruncate", FTRUNCATE),
    ("getdents", GETDENTS),
    ("getcwd", GETCWD),
    ("chdir", CHDIR),
    ("fchdir", FCHDIR),
    ("rename", RENAME),
    ("mkdir", MKDIR),
    ("rmdir", RMDIR),
    ("creat", CREAT),
    ("link", LINK),
    ("unlink", UNLINK),
    ("symlink", SYMLINK),
    ("readlink", READLINK),
    ("chmod", CHMOD),
    ("fchmod", FCHMOD),
    ("chown", CHOWN),
    ("fchown", FCHOWN),
    ("lchown", LCHOWN),
    ("umask", UMASK),
    ("gettimeofday", GETTIMEOFDAY),
    ("getrlimit", GETRLIMIT),
    ("getrusage", GETRUSAGE),
    ("sysinfo", SYSINFO),
    ("times", TIMES),
    ("getuid", GETUID),
    ("getgid", GETGID),
    ("setuid", SETUID),
    ("setgid", SETGID),
    ("geteuid", GETEUID),
    ("getegid", GETEGID),
    ("setpgid", SETPGID),
    ("getppid", GETPPID),
    ("getpgrp", GETPGRP),
    ("setsid", SETSID),
    ("getgroups", GETGROUPS),
    ("getpgid", GETPGID),
    ("getsid", GETSID),
    ("rt_sigpending", RT_SIGPENDING),
    ("rt_sigtimedwait", RT_SIGTIMEDWAIT),
    ("rt_sigqueueinfo", RT_SIGQUEUEINFO),
    ("rt_sigsuspend", RT_SIGSUSPEND),
    ("sigaltstack", SIGALTSTACK),
    ("utime", UTIME),
    ("mknod", MKNOD),
    ("statfs", STATFS),
    ("fstatfs", FSTATFS),
    ("getpriority", GETPRIORITY),
    ("setpriority", SETPRIORITY),
    ("prctl", PRCTL),
    ("arch_prctl", ARCH_PRCTL),
    ("setrlimit", SETRLIMIT),
    ("chroot", CHROOT),
    ("sync", SYNC),
    ("mount", MOUNT),
    ("umount2", UMOUNT2),
    ("reboot", REBOOT),
    ("sethostname", SETHOSTNAME),
    ("gettid", GETTID),
    ("readahead", READAHEAD),
    ("tkill", TKILL),
    ("time", TIME),
    ("futex", FUTEX),
    ("sched_setaffinity", SCHED_SETAFFINITY),
    ("sched_getaffinity", SCHED_GETAFFINITY),
    ("getdents64", GETDENTS64),
    ("set_tid_address", SET_TID_ADDRESS),
    ("clock_settime", CLOCK_SETTIME),
    ("clock_gettime", CLOCK_GETTIME),
    ("clock_getres", CLOCK_GETRES),
    ("clock_nanosleep", CLOCK_NANOSLEEP),
    ("exit_group", EXIT_GROUP),
    ("epoll_wait", EPOLL_WAIT),
    ("epoll_ctl", EPOLL_CTL),
    ("tgkill", TGKILL),
    ("utimes", UTIMES),
    ("waitid", WAITID),
    ("inotify_init", INOTIFY_INIT),
    ("inotify_add_watch", INOTIFY_ADD_WATCH),
    ("inotify_rm_watch", INOTIFY_RM_WATCH),
    ("openat", OPENAT),
    ("mkdirat", MKDIRAT),
    ("mknodat", MKNODAT),
    ("fchownat", FCHOWNAT),
    ("futimesat", FUTIMESAT),
    ("newfstatat", NEWFSTATAT),
    ("unlinkat", UNLINKAT),
    ("renameat", RENAMEAT),
    ("linkat", LINKAT),
    ("symlinkat", SYMLINKAT),
    ("readlinkat", READLINKAT),
    ("fchmodat", FCHMODAT),
    ("faccessat", FACCESSAT),
    ("pselect6", PSELECT6),
    ("ppoll", PPOLL),
    ("unshare", UNSHARE),
    ("splice", SPLICE),
    ("tee", TEE),
    ("sync_file_range", SYNC_FILE_RANGE),
    ("vmsplice", VMSPLICE),
    ("utimensat", UTIMENSAT),
    ("epoll_pwait", EPOLL_PWAIT),
    ("signalfd", SIGNALFD),
    ("timerfd_create", TIMERFD_CREATE),
    ("eventfd", EVENTFD),
    ("fallocate", FALLOCATE),
    ("timerfd_settime", TIMERFD_SETTIME),
    ("timerfd_gettime", TIMERFD_GETTIME),
    ("accept4", ACCEPT4),
    ("signalfd4", SIGNALFD4),
    ("eventfd2", EVENTFD2),
    ("epoll_create1", EPOLL_CREATE1),
    ("dup3", DUP3),
    ("pipe2", PIPE2),
    ("inotify_init1", INOTIFY_INIT1),
    ("preadv", PREADV),
    ("pwritev", PWRITEV),
    ("rt_tgsigqueueinfo", RT_TGSIGQUEUEINFO),
    ("perf_event_open", PERF_EVENT_OPEN),
    ("recvmmsg", RECVMMSG),
    ("prlimit64", PRLIMIT64),
    ("syncfs", SYNCFS),
    ("sendmmsg", SENDMMSG),
    ("setns", SETNS),
    ("getcpu", GETCPU),
    ("renameat2", RENAMEAT2),
    ("seccomp", SECCOMP),
    ("getrandom", GETRANDOM),
    ("memfd_create", MEMFD_CREATE),
    ("execveat", EXECVEAT),
    ("copy_file_range", COPY_FILE_RANGE),
    ("preadv2", PREADV2),
    ("pwritev2", PWRITEV2),
    ("statx", STATX),
    ("io_uring_setup", IO_URING_SETUP),
    ("io_uring_enter", IO_URING_ENTER),
    ("io_uring_register", IO_URING_REGISTER),
    ("pidfd_open", PIDFD_OPEN),
    ("clone3", CLONE3),
    ("close_range", CLOSE_RANGE),
    ("openat2", OPENAT2),
    ("faccessat2", FACCESSAT2),
    ("epoll_pwait2", EPOLL_PWAIT2),
];
