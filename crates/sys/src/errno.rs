//! Error numbers, with the names and message texts Node reports for them.

/// A kernel error number (positive).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Errno(pub i32);

/// The result of a syscall wrapper.
pub type Result<T> = core::result::Result<T, Errno>;

#[allow(missing_docs)]
impl Errno {
    pub const EPERM: Errno = Errno(1);
    pub const ENOENT: Errno = Errno(2);
    pub const ESRCH: Errno = Errno(3);
    pub const EINTR: Errno = Errno(4);
    pub const EIO: Errno = Errno(5);
    pub const ENXIO: Errno = Errno(6);
    pub const E2BIG: Errno = Errno(7);
    pub const ENOEXEC: Errno = Errno(8);
    pub const EBADF: Errno = Errno(9);
    pub const ECHILD: Errno = Errno(10);
    pub const EAGAIN: Errno = Errno(11);
    pub const ENOMEM: Errno = Errno(12);
    pub const EACCES: Errno = Errno(13);
    pub const EFAULT: Errno = Errno(14);
    pub const EBUSY: Errno = Errno(16);
    pub const EEXIST: Errno = Errno(17);
    pub const EXDEV: Errno = Errno(18);
    pub const ENODEV: Errno = Errno(19);
    pub const ENOTDIR: Errno = Errno(20);
    pub const EISDIR: Errno = Errno(21);
    pub const EINVAL: Errno = Errno(22);
    pub const ENFILE: Errno = Errno(23);
    pub const EMFILE: Errno = Errno(24);
    pub const ENOTTY: Errno = Errno(25);
    pub const ETXTBSY: Errno = Errno(26);
    pub const EFBIG: Errno = Errno(27);
    pub const ENOSPC: Errno = Errno(28);
    pub const ESPIPE: Errno = Errno(29);
    pub const EROFS: Errno = Errno(30);
    pub const EMLINK: Errno = Errno(31);
    pub const EPIPE: Errno = Errno(32);
    pub const EDOM: Errno = Errno(33);
    pub const ERANGE: Errno = Errno(34);
    pub const EDEADLK: Errno = Errno(35);
    pub const ENAMETOOLONG: Errno = Errno(36);
    pub const ENOLCK: Errno = Errno(37);
    pub const ENOSYS: Errno = Errno(38);
    pub const ENOTEMPTY: Errno = Errno(39);
    pub const ELOOP: Errno = Errno(40);
    pub const ENOMSG: Errno = Errno(42);
    pub const EIDRM: Errno = Errno(43);
    pub const ENOSTR: Errno = Errno(60);
    pub const ENODATA: Errno = Errno(61);
    pub const ETIME: Errno = Errno(62);
    pub const ENOSR: Errno = Errno(63);
    pub const ENOLINK: Errno = Errno(67);
    pub const EPROTO: Errno = Errno(71);
    pub const EMULTIHOP: Errno = Errno(72);
    pub const EBADMSG: Errno = Errno(74);
    pub const EOVERFLOW: Errno = Errno(75);
    pub const EILSEQ: Errno = Errno(84);
    pub const ENOTSOCK: Errno = Errno(88);
    pub const EDESTADDRREQ: Errno = Errno(89);
    pub const EMSGSIZE: Errno = Errno(90);
    pub const EPROTOTYPE: Errno = Errno(91);
    pub const ENOPROTOOPT: Errno = Errno(92);
    pub const EPROTONOSUPPORT: Errno = Errno(93);
    pub const ESOCKTNOSUPPORT: Errno = Errno(94);
    pub const EOPNOTSUPP: Errno = Errno(95);
    pub const EPFNOSUPPORT: Errno = Errno(96);
    pub const EAFNOSUPPORT: Errno = Errno(97);
    pub const EADDRINUSE: Errno = Errno(98);
    pub const EADDRNOTAVAIL: Errno = Errno(99);
    pub const ENETDOWN: Errno = Errno(100);
    pub const ENETUNREACH: Errno = Errno(101);
    pub const ENETRESET: Errno = Errno(102);
    pub const ECONNABORTED: Errno = Errno(103);
    pub const ECONNRESET: Errno = Errno(104);
    pub const ENOBUFS: Errno = Errno(105);
    pub const EISCONN: Errno = Errno(106);
    pub const ENOTCONN: Errno = Errno(107);
    pub const ESHUTDOWN: Errno = Errno(108);
    pub const ETOOMANYREFS: Errno = Errno(109);
    pub const ETIMEDOUT: Errno = Errno(110);
    pub const ECONNREFUSED: Errno = Errno(111);
    pub const EHOSTDOWN: Errno = Errno(112);
    pub const EHOSTUNREACH: Errno = Errno(113);
    pub const EALREADY: Errno = Errno(114);
    pub const EINPROGRESS: Errno = Errno(115);
    pub const ESTALE: Errno = Errno(116);
    pub const EDQUOT: Errno = Errno(122);
    pub const ECANCELED: Errno = Errno(125);
    pub const EOWNERDEAD: Errno = Errno(130);
    pub const ENOTRECOVERABLE: Errno = Errno(131);
    /// Linux spells this one like EAGAIN.
    pub const EWOULDBLOCK: Errno = Errno(11);

    /// The symbolic name (`"ENOENT"`), or `None` for a number this table lacks.
    pub fn name(self) -> Option<&'static str> {
        TABLE.iter().find(|e| e.1 == self.0).map(|e| e.0)
    }

    /// The message Node (libuv) prints for it: `"no such file or directory"`.
    pub fn message(self) -> &'static str {
        TABLE
            .iter()
            .find(|e| e.1 == self.0)
            .map_or("unknown error", |e| e.2)
    }

    /// Looks a name up: `Errno::from_name("ENOENT")`.
    pub fn from_name(name: &str) -> Option<Errno> {
        TABLE.iter().find(|e| e.0 == name).map(|e| Errno(e.1))
    }
}

/// (name, number, message) for every errno Node names.
pub const TABLE: &[(&str, i32, &str)] = &[
    ("EPERM", 1, "operation not permitted"),
    ("ENOENT", 2, "no such file or directory"),
    ("ESRCH", 3, "no such process"),
    ("EINTR", 4, "interrupted system call"),
    ("EIO", 5, "i/o error"),
    ("ENXIO", 6, "no such device or address"),
    ("E2BIG", 7, "argument list too long"),
    ("ENOEXEC", 8, "exec format error"),
    ("EBADF", 9, "bad file descriptor"),
    ("ECHILD", 10, "no child processes"),
    ("EAGAIN", 11, "resource temporarily unavailable"),
    ("ENOMEM", 12, "not enough memory"),
    ("EACCES", 13, "permission denied"),
    ("EFAULT", 14, "bad address in system call argument"),
    ("EBUSY", 16, "resource busy or locked"),
    ("EEXIST", 17, "file already exists"),
    ("EXDEV", 18, "cross-device link not permitted"),
    ("ENODEV", 19, "no such device"),
    ("ENOTDIR", 20, "not a directory"),
    ("EISDIR", 21, "illegal operation on a directory"),
    ("EINVAL", 22, "invalid argument"),
    ("ENFILE", 23, "file table overflow"),
    ("EMFILE", 24, "too many open files"),
    ("ENOTTY", 25, "inappropriate ioctl for device"),
    ("ETXTBSY", 26, "text file is busy"),
    ("EFBIG", 27, "file too large"),
    ("ENOSPC", 28, "no space left on device"),
    ("ESPIPE", 29, "invalid seek"),
    ("EROFS", 30, "read-only file system"),
    ("EMLINK", 31, "too many links"),
    ("EPIPE", 32, "broken pipe"),
    ("EDOM", 33, "numerical argument out of domain"),
    ("ERANGE", 34, "result too large"),
    ("EDEADLK", 35, "resource deadlock avoided"),
    ("ENAMETOOLONG", 36, "name too long"),
    ("ENOLCK", 37, "no locks available"),
    ("ENOSYS", 38, "function not implemented"),
    ("ENOTEMPTY", 39, "directory not empty"),
    ("ELOOP", 40, "too many symbolic links encountered"),
    ("ENOMSG", 42, "no message of desired type"),
    ("EIDRM", 43, "identifier removed"),
    ("ENOSTR", 60, "device not a stream"),
    ("ENODATA", 61, "no data available"),
    ("ETIME", 62, "timer expired"),
    ("ENOSR", 63, "out of streams resources"),
    ("ENOLINK", 67, "link has been severed"),
    ("EPROTO", 71, "protocol error"),
    ("EMULTIHOP", 72, "multihop attempted"),
    ("EBADMSG", 74, "bad message"),
    ("EOVERFLOW", 75, "value too large for defined data type"),
    ("EILSEQ", 84, "illegal byte sequence"),
    ("ENOTSOCK", 88, "socket operation on non-socket"),
    ("EDESTADDRREQ", 89, "destination address required"),
    ("EMSGSIZE", 90, "message too long"),
    ("EPROTOTYPE", 91, "protocol wrong type for socket"),
    ("ENOPROTOOPT", 92, "protocol not available"),
    ("EPROTONOSUPPORT", 93, "protocol not supported"),
    ("ESOCKTNOSUPPORT", 94, "socket type not supported"),
    ("EOPNOTSUPP", 95, "operation not supported on socket"),
    ("EPFNOSUPPORT", 96, "protocol family not supported"),
    ("EAFNOSUPPORT", 97, "address family not supported"),
    ("EADDRINUSE", 98, "address already in use"),
    ("EADDRNOTAVAIL", 99, "address not available"),
    ("ENETDOWN", 100, "network is down"),
    ("ENETUNREACH", 101, "network is unreachable"),
    ("ENETRESET", 102, "connection reset by network"),
    ("ECONNABORTED", 103, "software caused connection abort"),
    ("ECONNRESET", 104, "connection reset by peer"),
    ("ENOBUFS", 105, "no buffer space available"),
    ("EISCONN", 106, "socket is already connected"),
    ("ENOTCONN", 107, "socket is not connected"),
    (
        "ESHUTDOWN",
        108,
        "cannot send after transport endpoint shutdown",
    ),
    ("ETOOMANYREFS", 109, "too many references"),
    ("ETIMEDOUT", 110, "connection timed out"),
    ("ECONNREFUSED", 111, "connection refused"),
    ("EHOSTDOWN", 112, "host is down"),
    ("EHOSTUNREACH", 113, "host is unreachable"),
    ("EALREADY", 114, "connection already in progress"),
    ("EINPROGRESS", 115, "operation in progress"),
    ("ESTALE", 116, "stale file handle"),
    ("EDQUOT", 122, "disk quota exceeded"),
    ("ECANCELED", 125, "operation canceled"),
    ("EOWNERDEAD", 130, "owner died"),
    ("ENOTRECOVERABLE", 131, "state not recoverable"),
];

impl core::fmt::Debug for Errno {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self.name() {
            Some(n) => write!(f, "{n}"),
            None => write!(f, "Errno({})", self.0),
        }
    }
}

impl core::fmt::Display for Errno {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "{}: {}",
            self.name().unwrap_or("UNKNOWN"),
            self.message()
        )
    }
}

impl std::error::Error for Errno {}

impl From<Errno> for std::io::Error {
    fn from(e: Errno) -> Self {
        std::io::Error::from_raw_os_error(e.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_messages() {
        assert_eq!(Errno::ENOENT.name(), Some("ENOENT"));
        assert_eq!(Errno::ENOENT.message(), "no such file or directory");
        assert_eq!(Errno::from_name("EISDIR"), Some(Errno(21)));
        assert_eq!(Errno(9999).name(), None);
        assert_eq!(Errno(9999).message(), "unknown error");
    }
}
