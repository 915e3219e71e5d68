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
pub const SO_KEEPALIVE: u32 = 9;
pub const IPPROTO_TCP: u32 = 6;
pub const TCP_NODELAY: u32 = 1;
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

/// The local address of a socket, as raw `sockaddr` bytes.
pub fn getsockname(fd: i32) -> Result<Vec<u8>> {
    let mut buf = [0u8; 128];
    let mut len: u32 = buf.len() as u32;
    // SAFETY: buf and len describe a writable sockaddr_storage.
    check(unsafe {
        syscall6(
            nr::GETSOCKNAME,
            fd as usize,
            buf.as_mut_ptr() as usize,
            &mut len as *mut u32 as usize,
            0,
            0,
            0,
        )
    })?;
    Ok(buf[..len as usize].to_vec())
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
}
