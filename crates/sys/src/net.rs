//! Sockets.

use crate::raw::syscall6;
use crate::{check, nr, Result};

pub const AF_UNIX: u32 = 1;
pub const AF_INET: u32 = 2;
pub const AF_INET6: u32 = 10;
pub const SOCK_STREAM: u32 = 1;
pub const SOCK_DGRAM: u32 = 2;
pub const SOCK_NONBLOCK: u32 = 0o4000;
pub const SOCK_CLOEXEC: u32 = 0o2000000;
pub const SOL_SOCKET: u32 = 1;
pub const SO_REUSEADDR: u32 = 2;
pub const SO_ERROR: u32 = 4;
pub const SO_BROADCAST: u32 = 6;
pub const SO_SNDBUF: u32 = 7;
pub const SO_RCVBUF: u32 = 8;
pub const SO_KEEPALIVE: u32 = 9;
pub const SO_LINGER: u32 = 13;
pub const SO_REUSEPORT: u32 = 15;
pub const IPPROTO_IP: u32 = 0;
pub const IPPROTO_TCP: u32 = 6;
pub const IPPROTO_IPV6: u32 = 41;
pub const TCP_NODELAY: u32 = 1;
pub const TCP_KEEPIDLE: u32 = 4;
pub const IP_TTL: u32 = 2;
pub const IP_MULTICAST_IF: u32 = 32;
pub const IP_MULTICAST_TTL: u32 = 33;
pub const IP_MULTICAST_LOOP: u32 = 34;
pub const IP_ADD_MEMBERSHIP: u32 = 35;
pub const IP_DROP_MEMBERSHIP: u32 = 36;
pub const IP_ADD_SOURCE_MEMBERSHIP: u32 = 39;
pub const IP_DROP_SOURCE_MEMBERSHIP: u32 = 40;
pub const MCAST_JOIN_SOURCE_GROUP: u32 = 46;
pub const MCAST_LEAVE_SOURCE_GROUP: u32 = 47;
pub const IPV6_UNICAST_HOPS: u32 = 16;
pub const IPV6_MULTICAST_IF: u32 = 17;
pub const IPV6_MULTICAST_HOPS: u32 = 18;
pub const IPV6_MULTICAST_LOOP: u32 = 19;
pub const IPV6_ADD_MEMBERSHIP: u32 = 20;
pub const IPV6_DROP_MEMBERSHIP: u32 = 21;
pub const IPV6_V6ONLY: u32 = 26;
pub const MSG_NOSIGNAL: u32 = 0x4000;
pub const MSG_TRUNC: u32 = 0x20;
pub const SHUT_RD: u32 = 0;
pub const SHUT_WR: u32 = 1;
pub const SHUT_RDWR: u32 = 2;

pub fn socket(domain: u32, ty: u32, proto: u32) -> Result<i32> {
    // SAFETY: no memory arguments.
    check(unsafe {
        syscall6(
            nr::SOCKET,
            domain as usize,
            ty as usize,
            proto as usize,
            0,
            0,
            0,
        )
    })
    .map(|v| v as i32)
}

pub fn socketpair(domain: u32, ty: u32) -> Result<(i32, i32)> {
    let mut fds = [0i32; 2];
    // SAFETY: fds is an int[2].
    check(unsafe {
        syscall6(
            nr::SOCKETPAIR,
            domain as usize,
            ty as usize,
            0,
            fds.as_mut_ptr() as usize,
            0,
            0,
        )
    })?;
    Ok((fds[0], fds[1]))
}

/// A socket address in the kernel's three families we speak.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SockAddr {
    V4 {
        ip: [u8; 4],
        port: u16,
    },
    V6 {
        ip: [u8; 16],
        port: u16,
        flowinfo: u32,
        scope_id: u32,
    },
    /// A Unix socket path (bytes, no NUL); empty for an unnamed socket. A leading NUL is
    /// Linux's abstract namespace.
    Unix(Vec<u8>),
}

impl SockAddr {
    /// The raw `sockaddr_*` bytes the kernel takes.
    pub fn to_bytes(&self) -> Vec<u8> {
        match self {
            SockAddr::V4 { ip, port } => sockaddr_in(*ip, *port).to_vec(),
            SockAddr::V6 {
                ip,
                port,
                flowinfo,
                scope_id,
            } => {
                let mut sa = vec![0u8; 28];
                sa[0..2].copy_from_slice(&(AF_INET6 as u16).to_ne_bytes());
                sa[2..4].copy_from_slice(&port.to_be_bytes());
                sa[4..8].copy_from_slice(&flowinfo.to_be_bytes());
                sa[8..24].copy_from_slice(ip);
                sa[24..28].copy_from_slice(&scope_id.to_ne_bytes());
                sa
            }
            SockAddr::Unix(path) => {
                let mut sa = (AF_UNIX as u16).to_ne_bytes().to_vec();
                sa.extend_from_slice(path);
                // Pathname sockets carry their NUL; abstract ones are exactly their bytes.
                if path.first() != Some(&0) {
                    sa.push(0);
                }
                sa
            }
        }
    }

    /// Parses raw `sockaddr` bytes as the kernel returned them.
    pub fn from_bytes(sa: &[u8]) -> Option<SockAddr> {
        let family = u16::from_ne_bytes([*sa.first()?, *sa.get(1)?]) as u32;
        match family {
            AF_INET if sa.len() >= 8 => Some(SockAddr::V4 {
                port: u16::from_be_bytes([sa[2], sa[3]]),
                ip: sa[4..8].try_into().ok()?,
            }),
            AF_INET6 if sa.len() >= 28 => Some(SockAddr::V6 {
                port: u16::from_be_bytes([sa[2], sa[3]]),
                flowinfo: u32::from_be_bytes(sa[4..8].try_into().ok()?),
                ip: sa[8..24].try_into().ok()?,
                scope_id: u32::from_ne_bytes(sa[24..28].try_into().ok()?),
            }),
            AF_UNIX => {
                let path = &sa[2..];
                let end = if path.first() == Some(&0) {
                    path.len()
                } else {
                    path.iter().position(|&b| b == 0).unwrap_or(path.len())
                };
                Some(SockAddr::Unix(path[..end].to_vec()))
            }
            _ => None,
        }
    }
}

/// Maximum length of a Unix socket path, NUL included (`sun_path`).
pub const UNIX_PATH_MAX: usize = 108;

/// An IPv4 `sockaddr_in` for `ip:port`.
pub fn sockaddr_in(ip: [u8; 4], port: u16) -> [u8; 16] {
    let mut sa = [0u8; 16];
    sa[0..2].copy_from_slice(&(AF_INET as u16).to_ne_bytes());
    sa[2..4].copy_from_slice(&port.to_be_bytes());
    sa[4..8].copy_from_slice(&ip);
    sa
}

pub fn bind(fd: i32, addr: &[u8]) -> Result<()> {
    // SAFETY: addr is readable for its length.
    check(unsafe {
        syscall6(
            nr::BIND,
            fd as usize,
            addr.as_ptr() as usize,
            addr.len(),
            0,
            0,
            0,
        )
    })
    .map(drop)
}

pub fn connect(fd: i32, addr: &[u8]) -> Result<()> {
    // SAFETY: addr is readable for its length.
    check(unsafe {
        syscall6(
            nr::CONNECT,
            fd as usize,
            addr.as_ptr() as usize,
            addr.len(),
            0,
            0,
            0,
        )
    })
    .map(drop)
}

pub fn listen(fd: i32, backlog: i32) -> Result<()> {
    // SAFETY: no memory arguments.
    check(unsafe { syscall6(nr::LISTEN, fd as usize, backlog as usize, 0, 0, 0, 0) }).map(drop)
}

pub fn accept4(fd: i32, flags: u32) -> Result<i32> {
    // SAFETY: null address pointers ask for no peer address.
    check(unsafe { syscall6(nr::ACCEPT4, fd as usize, 0, 0, flags as usize, 0, 0) })
        .map(|v| v as i32)
}

/// accept4(2) that also returns the peer's address.
pub fn accept4_addr(fd: i32, flags: u32) -> Result<(i32, Option<SockAddr>)> {
    let mut buf = [0u8; 128];
    let mut len: u32 = buf.len() as u32;
    // SAFETY: buf and len describe a writable sockaddr_storage.
    let conn = check(unsafe {
        syscall6(
            nr::ACCEPT4,
            fd as usize,
            buf.as_mut_ptr() as usize,
            &mut len as *mut u32 as usize,
            flags as usize,
            0,
            0,
        )
    })? as i32;
    let len = (len as usize).min(buf.len());
    Ok((conn, SockAddr::from_bytes(&buf[..len])))
}

fn sockname(nr: usize, fd: i32) -> Result<Vec<u8>> {
    let mut buf = [0u8; 128];
    let mut len: u32 = buf.len() as u32;
    // SAFETY: buf and len describe a writable sockaddr_storage.
    check(unsafe {
        syscall6(
            nr,
            fd as usize,
            buf.as_mut_ptr() as usize,
            &mut len as *mut u32 as usize,
            0,
            0,
            0,
        )
    })?;
    Ok(buf[..(len as usize).min(buf.len())].to_vec())
}

/// The local address of a socket, as raw `sockaddr` bytes.
pub fn getsockname(fd: i32) -> Result<Vec<u8>> {
    sockname(nr::GETSOCKNAME, fd)
}

/// The peer address of a connected socket, as raw `sockaddr` bytes.
pub fn getpeername(fd: i32) -> Result<Vec<u8>> {
    sockname(nr::GETPEERNAME, fd)
}

/// sendto(2); `addr` None sends on a connected socket.
pub fn sendto(fd: i32, data: &[u8], flags: u32, addr: Option<&[u8]>) -> Result<usize> {
    let (ap, al) = addr.map_or((0, 0), |a| (a.as_ptr() as usize, a.len()));
    // SAFETY: data and addr are readable for their lengths.
    check(unsafe {
        syscall6(
            nr::SENDTO,
            fd as usize,
            data.as_ptr() as usize,
            data.len(),
            flags as usize,
            ap,
            al,
        )
    })
}

/// struct msghdr.
#[repr(C)]
struct MsgHdr {
    name: usize,
    namelen: u32,
    iov: *const [usize; 2],
    iovlen: usize,
    control: *mut u8,
    controllen: usize,
    flags: i32,
}

const SCM_RIGHTS: i32 = 1;
const MSG_CMSG_CLOEXEC: u32 = 0x4000_0000;
/// Room for a cmsghdr (16 bytes) and up to 16 descriptors.
const FD_CONTROL_LEN: usize = 16 + 16 * 4;

/// sendmsg(2) of `data` on a Unix stream socket, with descriptor `pass` (SCM_RIGHTS) when
/// given: the bytes written.
pub fn send_with_fd(fd: i32, data: &[u8], pass: Option<i32>, flags: u32) -> Result<usize> {
    let iov = [data.as_ptr() as usize, data.len()];
    // cmsghdr { len: CMSG_LEN(4) = 20, level: SOL_SOCKET, type: SCM_RIGHTS } then the fd,
    // padded to CMSG_SPACE(4) = 24.
    let mut control = Control([0u8; 24]);
    let bytes = &mut control.0;
    let (control_ptr, control_len) = match pass {
        Some(passed) => {
            bytes[0..8].copy_from_slice(&20usize.to_ne_bytes());
            bytes[8..12].copy_from_slice(&(SOL_SOCKET as i32).to_ne_bytes());
            bytes[12..16].copy_from_slice(&SCM_RIGHTS.to_ne_bytes());
            bytes[16..20].copy_from_slice(&passed.to_ne_bytes());
            (bytes.as_mut_ptr(), 24)
        }
        None => (core::ptr::null_mut(), 0),
    };
    let msg = MsgHdr {
        name: 0,
        namelen: 0,
        iov: &iov,
        iovlen: 1,
        control: control_ptr,
        controllen: control_len,
        flags: 0,
    };
    // SAFETY: msg points at iov (data, readable for its length) and at the control buffer,
    // all alive for the call.
    check(unsafe {
        syscall6(
            nr::SENDMSG,
            fd as usize,
            &msg as *const MsgHdr as usize,
            flags as usize,
            0,
            0,
            0,
        )
    })
}

/// Ancillary data, 8-aligned as the kernel reads cmsghdrs.
#[repr(C, align(8))]
struct Control<const N: usize>([u8; N]);

/// recvmsg(2) into `buf`: the bytes read, and the descriptors that came with them (made
/// close-on-exec).
pub fn recv_with_fds(fd: i32, buf: &mut [u8]) -> Result<(usize, Vec<i32>)> {
    let iov = [buf.as_mut_ptr() as usize, buf.len()];
    let mut control = Control([0u8; FD_CONTROL_LEN]);
    let mut msg = MsgHdr {
        name: 0,
        namelen: 0,
        iov: &iov,
        iovlen: 1,
        control: control.0.as_mut_ptr(),
        controllen: FD_CONTROL_LEN,
        flags: 0,
    };
    // SAFETY: msg points at iov (buf, writable for its length) and at the control buffer,
    // both alive for the call; the kernel updates msg's lengths.
    let n = check(unsafe {
        syscall6(
            nr::RECVMSG,
            fd as usize,
            &mut msg as *mut MsgHdr as usize,
            MSG_CMSG_CLOEXEC as usize,
            0,
            0,
            0,
        )
    })?;
    let bytes = &control.0[..msg.controllen.min(FD_CONTROL_LEN)];
    let mut fds = Vec::new();
    let mut at = 0;
    while at + 16 <= bytes.len() {
        let len = usize::from_ne_bytes(bytes[at..at + 8].try_into().unwrap_or_default());
        let level = i32::from_ne_bytes(bytes[at + 8..at + 12].try_into().unwrap_or_default());
        let kind = i32::from_ne_bytes(bytes[at + 12..at + 16].try_into().unwrap_or_default());
        if len < 16 || at + len > bytes.len() {
            break;
        }
        if level == SOL_SOCKET as i32 && kind == SCM_RIGHTS {
            for chunk in bytes[at + 16..at + len].chunks_exact(4) {
                fds.push(i32::from_ne_bytes(chunk.try_into().unwrap_or_default()));
            }
        }
        at += (len + 7) & !7;
    }
    Ok((n, fds))
}

/// recvfrom(2): the length of the datagram (which may exceed `buf` with `MSG_TRUNC`)
/// and the sender's address.
pub fn recvfrom(fd: i32, buf: &mut [u8], flags: u32) -> Result<(usize, Option<SockAddr>)> {
    // SAFETY: buf is writable for its length.
    unsafe { recvfrom_raw(fd, buf.as_mut_ptr(), buf.len(), flags) }
}

/// recvfrom(2) into `buf`'s spare capacity, growing its length by the bytes received.
pub fn recvfrom_spare(fd: i32, buf: &mut Vec<u8>, flags: u32) -> Result<(usize, Option<SockAddr>)> {
    let spare = buf.spare_capacity_mut();
    // SAFETY: the spare capacity is writable for its length.
    let (n, from) = unsafe { recvfrom_raw(fd, spare.as_mut_ptr().cast(), spare.len(), flags)? };
    // The kernel wrote at most the spare length (a longer datagram is cut short, and n
    // then says how long it was only with MSG_TRUNC).
    let n = n.min(buf.capacity() - buf.len());
    // SAFETY: the kernel initialised the first n bytes of the spare capacity.
    unsafe { buf.set_len(buf.len() + n) };
    Ok((n, from))
}

/// # Safety
/// `ptr` must be writable for `len` bytes.
unsafe fn recvfrom_raw(
    fd: i32,
    ptr: *mut u8,
    len: usize,
    flags: u32,
) -> Result<(usize, Option<SockAddr>)> {
    let mut sa = [0u8; 128];
    let mut sa_len: u32 = sa.len() as u32;
    // SAFETY: the caller vouches for ptr..ptr+len; sa and sa_len are writable.
    let n = check(unsafe {
        syscall6(
            nr::RECVFROM,
            fd as usize,
            ptr as usize,
            len,
            flags as usize,
            sa.as_mut_ptr() as usize,
            &mut sa_len as *mut u32 as usize,
        )
    })?;
    let sa_len = (sa_len as usize).min(sa.len());
    Ok((n, SockAddr::from_bytes(&sa[..sa_len])))
}

/// writev(2) over (ptr, len) pairs.
///
/// # Safety
/// Each (ptr, len) must be readable memory.
pub unsafe fn writev(fd: i32, bufs: &[(usize, usize)]) -> Result<usize> {
    let iov: Vec<usize> = bufs.iter().flat_map(|&(p, l)| [p, l]).collect();
    // SAFETY: iov is an array of struct iovec over the caller's readable buffers.
    check(unsafe {
        syscall6(
            nr::WRITEV,
            fd as usize,
            iov.as_ptr() as usize,
            bufs.len(),
            0,
            0,
            0,
        )
    })
}

pub fn getsockopt_int(fd: i32, level: u32, name: u32) -> Result<i32> {
    let mut value: i32 = 0;
    let mut len: u32 = 4;
    // SAFETY: value is an int and len its size.
    check(unsafe {
        syscall6(
            nr::GETSOCKOPT,
            fd as usize,
            level as usize,
            name as usize,
            &mut value as *mut i32 as usize,
            &mut len as *mut u32 as usize,
            0,
        )
    })?;
    Ok(value)
}

/// setsockopt(2) with a structured value (`ip_mreq`, `ipv6_mreq`, …).
pub fn setsockopt_bytes(fd: i32, level: u32, name: u32, value: &[u8]) -> Result<()> {
    // SAFETY: value is readable for its length.
    check(unsafe {
        syscall6(
            nr::SETSOCKOPT,
            fd as usize,
            level as usize,
            name as usize,
            value.as_ptr() as usize,
            value.len(),
            0,
        )
    })
    .map(drop)
}

pub fn setsockopt_int(fd: i32, level: u32, name: u32, value: i32) -> Result<()> {
    // SAFETY: value is an int and its size is passed.
    check(unsafe {
        syscall6(
            nr::SETSOCKOPT,
            fd as usize,
            level as usize,
            name as usize,
            &value as *const i32 as usize,
            4,
            0,
        )
    })
    .map(drop)
}

pub fn shutdown(fd: i32, how: u32) -> Result<()> {
    // SAFETY: no memory arguments.
    check(unsafe { syscall6(nr::SHUTDOWN, fd as usize, how as usize, 0, 0, 0, 0) }).map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fs;

    #[test]
    fn passes_a_descriptor_with_its_bytes() {
        let (a, b) = socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC).unwrap();
        let (r, w) = fs::pipe2(fs::O_CLOEXEC).unwrap();
        assert_eq!(send_with_fd(a, b"hi", Some(w), MSG_NOSIGNAL).unwrap(), 2);
        let mut buf = [0u8; 8];
        let (n, fds) = recv_with_fds(b, &mut buf).unwrap();
        assert_eq!((&buf[..n], fds.len()), (&b"hi"[..], 1));
        // The received descriptor is the pipe's write end.
        fs::write(fds[0], b"x").unwrap();
        assert_eq!(fs::read(r, &mut buf).unwrap(), 1);
        assert_eq!(send_with_fd(a, b"plain", None, MSG_NOSIGNAL).unwrap(), 5);
        assert_eq!(recv_with_fds(b, &mut buf).unwrap(), (5, vec![]));
        for fd in [a, b, r, w, fds[0]] {
            fs::close(fd).unwrap();
        }
    }

    #[test]
    fn tcp_loopback_connect() {
        let srv = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0).unwrap();
        bind(srv, &sockaddr_in([127, 0, 0, 1], 0)).unwrap();
        listen(srv, 8).unwrap();
        let name = getsockname(srv).unwrap();
        let port = u16::from_be_bytes([name[2], name[3]]);
        assert_ne!(port, 0);
        let cli = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0).unwrap();
        connect(cli, &sockaddr_in([127, 0, 0, 1], port)).unwrap();
        let conn = accept4(srv, SOCK_CLOEXEC).unwrap();
        fs::write_all(cli, b"ping").unwrap();
        let mut buf = [0u8; 4];
        assert_eq!(fs::read(conn, &mut buf).unwrap(), 4);
        assert_eq!(&buf, b"ping");
        for fd in [conn, cli, srv] {
            fs::close(fd).unwrap();
        }
    }

    #[test]
    fn recvfrom_spare_cuts_a_long_datagram_to_the_spare_capacity() {
        let (a, b) = socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC).unwrap();
        let mut buf = Vec::with_capacity(4);
        let sent: Vec<u8> = (0..buf.capacity() as u8 + 4).collect();
        fs::write_all(a, &sent).unwrap();
        let (n, _) = recvfrom_spare(b, &mut buf, 0).unwrap();
        assert_eq!(n, buf.capacity());
        assert_eq!(buf, sent[..n]);
        for fd in [a, b] {
            fs::close(fd).unwrap();
        }
    }

    #[test]
    fn sockaddr_round_trips() {
        let addrs = [
            SockAddr::V4 {
                ip: [10, 0, 0, 1],
                port: 8080,
            },
            SockAddr::V6 {
                ip: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
                port: 443,
                flowinfo: 7,
                scope_id: 2,
            },
            SockAddr::Unix(b"/tmp/x.sock".to_vec()),
            SockAddr::Unix(b"\0abstract".to_vec()),
        ];
        for a in addrs {
            assert_eq!(SockAddr::from_bytes(&a.to_bytes()), Some(a));
        }
    }

    #[test]
    fn udp_sendto_recvfrom() {
        let a = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0).unwrap();
        bind(a, &sockaddr_in([127, 0, 0, 1], 0)).unwrap();
        let name = getsockname(a).unwrap();
        let b = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0).unwrap();
        sendto(b, b"hello", 0, Some(&name)).unwrap();
        let mut buf = [0u8; 2];
        let (n, from) = recvfrom(a, &mut buf, MSG_TRUNC).unwrap();
        assert_eq!(n, 5, "MSG_TRUNC reports the whole datagram's length");
        assert_eq!(&buf, b"he");
        assert!(matches!(
            from,
            Some(SockAddr::V4 {
                ip: [127, 0, 0, 1],
                ..
            })
        ));
        fs::close(a).unwrap();
        fs::close(b).unwrap();
    }
}
