//! The native half of lib/net.js and lib/dgram.js: non-blocking sockets over raw
//! syscalls. Calls return a negative errno instead of throwing, so the JS side can build
//! Node's error shapes (`connect ECONNREFUSED 127.0.0.1:80`) and the hot paths (read,
//! write) never pay for an exception.

use super::def;
use crate::engine::{bytes_of, with_string_wtf8, wtf8_to_utf8};
use crate::fs_ops::Out;
use crate::state::Shared;
use rquickjs::function::Opt;
use rquickjs::{Array, ArrayBuffer, Ctx, Object, Result, Value};
// Address types only (core::net): no I/O goes through std.
use core::net::{Ipv4Addr, Ipv6Addr};
use unode_sys::fs as sfs;
use unode_sys::net::{self as sn, SockAddr};
use unode_sys::netlink;
use unode_sys::Errno;

/// Family numbers on the JS side: 4, 6, or 0 for a Unix socket.
const FAMILY_UNIX: u32 = 0;

/// `bind` flags.
const BIND_REUSEADDR: u32 = 1;
const BIND_V6ONLY: u32 = 2;
const BIND_REUSEPORT: u32 = 4;

/// How much one `read` takes: libuv's 64 KiB.
const READ_SIZE: usize = 64 * 1024;

thread_local! {
    /// Where reads land (in its spare capacity: nothing is zeroed first) before a small
    /// read is copied into an exactly sized buffer: a chunk must not keep 64 KiB alive for
    /// the few bytes it holds.
    static SCRATCH: std::cell::RefCell<Vec<u8>> = std::cell::RefCell::new(Vec::with_capacity(READ_SIZE));
}

fn neg(e: Errno) -> f64 {
    -(e.0 as f64)
}

fn ret(r: std::result::Result<(), Errno>) -> f64 {
    r.map_or_else(neg, |()| 0.0)
}

/// The index of the interface an IPv6 `%zone` names (libuv's if_nametoindex), or the zone
/// as a number; 0 for none.
fn zone_index(zone: &str) -> u32 {
    let by_name = netlink::links()
        .ok()
        .and_then(|links| links.into_iter().find(|l| l.name == zone))
        .map(|l| l.index);
    by_name.unwrap_or_else(|| zone.parse().unwrap_or(0))
}

/// How an IPv6 address's scope is written after its `%`: the interface's name, as libuv
/// writes it, or the number when no interface has it.
fn zone_name(index: u32) -> String {
    netlink::links()
        .ok()
        .and_then(|links| links.into_iter().find(|l| l.index == index))
        .map_or_else(|| index.to_string(), |l| l.name)
}

/// Parses `address` for `family` (4 or 6; an IPv6 address may carry a `%zone`: an
/// interface's name or index).
pub fn parse_addr(family: u32, address: &str, port: u16) -> Option<SockAddr> {
    match family {
        4 => Some(SockAddr::V4 {
            ip: address.parse::<Ipv4Addr>().ok()?.octets(),
            port,
        }),
        6 => {
            let (ip, scope) = match address.split_once('%') {
                Some((ip, zone)) => (ip, zone_index(zone)),
                None => (address, 0),
            };
            Some(SockAddr::V6 {
                ip: ip.parse::<Ipv6Addr>().ok()?.octets(),
                port,
                flowinfo: 0,
                scope_id: scope,
            })
        }
        _ => None,
    }
}

/// (family, address, port) of a socket address, as Node reports them.
pub fn addr_parts(addr: &SockAddr) -> (u32, String, u16) {
    match addr {
        SockAddr::V4 { ip, port } => (4, Ipv4Addr::from(*ip).to_string(), *port),
        SockAddr::V6 {
            ip, port, scope_id, ..
        } => {
            let mut s = Ipv6Addr::from(*ip).to_string();
            if *scope_id != 0 {
                s.push('%');
                s.push_str(&zone_name(*scope_id));
            }
            (6, s, *port)
        }
        SockAddr::Unix(path) => (FAMILY_UNIX, String::from_utf8_lossy(path).into_owned(), 0),
    }
}

pub fn addr_array<'js>(ctx: &Ctx<'js>, addr: &SockAddr) -> Result<Array<'js>> {
    let (family, address, port) = addr_parts(addr);
    let arr = Array::new(ctx.clone())?;
    arr.set(0, family)?;
    arr.set(1, address)?;
    arr.set(2, port)?;
    Ok(arr)
}

fn name_of<'js>(ctx: &Ctx<'js>, r: std::result::Result<Vec<u8>, Errno>) -> Result<Value<'js>> {
    match r.map(|raw| SockAddr::from_bytes(&raw)) {
        Ok(Some(addr)) => Ok(addr_array(ctx, &addr)?.into_value()),
        Ok(None) => Ok(Value::new_number(ctx.clone(), neg(Errno::EINVAL))),
        Err(e) => Ok(Value::new_number(ctx.clone(), neg(e))),
    }
}

fn unix_addr(path: &str) -> std::result::Result<SockAddr, Errno> {
    if path.len() >= sn::UNIX_PATH_MAX {
        return Err(Errno::ENAMETOOLONG);
    }
    Ok(SockAddr::Unix(path.as_bytes().to_vec()))
}

/// The bytes of a write chunk: a buffer as is, a string as UTF-8.
pub enum Chunk {
    Borrowed(*const u8, usize),
    Owned(Vec<u8>),
}

impl Chunk {
    pub fn of(ctx: &Ctx<'_>, v: &Value<'_>) -> Result<Chunk> {
        if v.is_string() {
            return with_string_wtf8(ctx, v, |b| Chunk::Owned(wtf8_to_utf8(b).into_owned()));
        }
        match bytes_of(ctx, v) {
            Some((p, n)) => Ok(Chunk::Borrowed(p, n)),
            None => Err(rquickjs::Exception::throw_type(
                ctx,
                "chunk must be a string or an ArrayBufferView",
            )),
        }
    }

    pub fn iov(&self) -> (usize, usize) {
        match self {
            Chunk::Borrowed(p, n) => (*p as usize, *n),
            Chunk::Owned(v) => (v.as_ptr() as usize, v.len()),
        }
    }
}

/// What the scratch buffer read, as its own allocation, leaving the scratch empty: a small
/// read is copied out; a big one takes the buffer itself (at most half of it is slack) and
/// leaves a fresh, unzeroed one behind, which is cheaper than copying tens of KiB.
fn take_bytes(scratch: &mut Vec<u8>) -> Vec<u8> {
    if scratch.len() > READ_SIZE / 2 {
        std::mem::replace(scratch, Vec::with_capacity(READ_SIZE))
    } else {
        let bytes = scratch.to_vec();
        scratch.clear();
        bytes
    }
}

/// Reads `fd` into the read buffer and runs `f` over the bytes that came (empty at end of
/// stream), while they are there.
pub(crate) fn with_read<R>(fd: i32, f: impl FnOnce(std::result::Result<&[u8], Errno>) -> R) -> R {
    SCRATCH.with_borrow_mut(|buf| {
        buf.clear();
        let r = sfs::read_spare(fd, buf).map(|n| &buf[..n]);
        let out = f(r);
        buf.clear();
        out
    })
}

/// A read's result: the bytes, 0 at end of stream, or a negative errno (`-EAGAIN` when
/// nothing is there).
fn read<'js>(ctx: &Ctx<'js>, fd: i32) -> Result<Value<'js>> {
    match SCRATCH.with_borrow_mut(|buf| sfs::read_spare(fd, buf).map(|_| take_bytes(buf))) {
        Ok(bytes) if bytes.is_empty() => Ok(Value::new_int(ctx.clone(), 0)),
        Ok(bytes) => Ok(ArrayBuffer::new(ctx.clone(), bytes)?.into_value()),
        Err(e) => Ok(Value::new_number(ctx.clone(), neg(e))),
    }
}

fn writev<'js>(ctx: &Ctx<'js>, fd: i32, chunks: Array<'js>) -> Result<f64> {
    let mut owned = Vec::with_capacity(chunks.len());
    for v in chunks.iter::<Value>() {
        owned.push(Chunk::of(ctx, &v?)?);
    }
    let iov: Vec<(usize, usize)> = owned.iter().map(Chunk::iov).collect();
    // The kernel takes at most IOV_MAX (1024) buffers; the caller writes the rest later.
    let iov = &iov[..iov.len().min(1024)];
    // SAFETY: every (ptr, len) points into a live JS buffer or an owned Vec in `owned`,
    // and QuickJS does not run (so cannot free or detach them) during the call.
    match unsafe { sn::writev(fd, iov) } {
        Ok(n) => Ok(n as f64),
        Err(e) => Ok(neg(e)),
    }
}

/// What `writeChunk` answers when the kernel took only part of a chunk: `PARTIAL_WRITE - n`
/// for `n` bytes taken. Below every negated errno (-1..-4095), so one number tells all three
/// outcomes apart without an array per write.
const PARTIAL_WRITE: f64 = -4096.0;

/// Writes `bytes` to `fd`: their length when all of them went, `PARTIAL_WRITE - n` when the
/// kernel took `n` of them, or a negative errno.
fn write_bytes(fd: i32, bytes: &[u8]) -> f64 {
    if bytes.is_empty() {
        return 0.0;
    }
    match sfs::write(fd, bytes) {
        Ok(n) if n == bytes.len() => n as f64,
        Ok(n) => PARTIAL_WRITE - n as f64,
        Err(e) => neg(e),
    }
}

/// Writes one chunk (a string as UTF-8, or an ArrayBufferView), answering as
/// [`write_bytes`].
fn write_chunk<'js>(ctx: &Ctx<'js>, fd: i32, chunk: Value<'js>) -> Result<f64> {
    let write = |bytes: &[u8]| write_bytes(fd, bytes);
    if chunk.is_string() {
        return with_string_wtf8(ctx, &chunk, |b| write(&wtf8_to_utf8(b)));
    }
    match bytes_of(ctx, &chunk) {
        // SAFETY: bytes_of gives the view's live backing bytes; QuickJS does not run (so
        // cannot free or detach them) during the call.
        Some((p, n)) => Ok(write(unsafe { std::slice::from_raw_parts(p, n) })),
        None => Err(rquickjs::Exception::throw_type(
            ctx,
            "chunk must be a string or an ArrayBufferView",
        )),
    }
}

fn bind(fd: i32, family: u32, address: &str, port: u16, flags: u32) -> f64 {
    let Some(addr) = parse_addr(family, address, port) else {
        return neg(Errno::EINVAL);
    };
    let opt = |on: bool, level, name| {
        if on {
            sn::setsockopt_int(fd, level, name, 1)
        } else {
            Ok(())
        }
    };
    ret((|| {
        opt(
            flags & BIND_REUSEADDR != 0,
            sn::SOL_SOCKET,
            sn::SO_REUSEADDR,
        )?;
        opt(
            flags & BIND_REUSEPORT != 0,
            sn::SOL_SOCKET,
            sn::SO_REUSEPORT,
        )?;
        if family == 6 {
            let v6only = (flags & BIND_V6ONLY != 0) as i32;
            sn::setsockopt_int(fd, sn::IPPROTO_IPV6, sn::IPV6_V6ONLY, v6only)?;
        }
        sn::bind(fd, &addr.to_bytes())
    })())
}

fn recvfrom<'js>(ctx: &Ctx<'js>, fd: i32) -> Result<Value<'js>> {
    let received = SCRATCH.with_borrow_mut(|buf| {
        sn::recvfrom_spare(fd, buf, 0).map(|(_, from)| (take_bytes(buf), from))
    });
    match received {
        Ok((bytes, from)) => {
            let arr = Array::new(ctx.clone())?;
            arr.set(0, ArrayBuffer::new(ctx.clone(), bytes)?)?;
            if let Some(addr) = from {
                let (family, address, port) = addr_parts(&addr);
                arr.set(1, family)?;
                arr.set(2, address)?;
                arr.set(3, port)?;
            }
            Ok(arr.into_value())
        }
        Err(e) => Ok(Value::new_number(ctx.clone(), neg(e))),
    }
}

fn sendto<'js>(
    ctx: &Ctx<'js>,
    fd: i32,
    chunks: Array<'js>,
    family: u32,
    address: Opt<String>,
    port: Opt<u16>,
) -> Result<f64> {
    let mut data = Vec::new();
    for v in chunks.iter::<Value>() {
        let chunk = Chunk::of(ctx, &v?)?;
        let (p, n) = chunk.iov();
        // SAFETY: (p, n) is a live JS buffer or the owned Vec in `chunk`.
        data.extend_from_slice(unsafe { std::slice::from_raw_parts(p as *const u8, n) });
    }
    let addr = match address.0 {
        Some(a) => match parse_addr(family, &a, port.0.unwrap_or(0)) {
            Some(sa) => Some(sa.to_bytes()),
            None => return Ok(neg(Errno::EINVAL)),
        },
        None => None,
    };
    Ok(
        match sn::sendto(fd, &data, sn::MSG_NOSIGNAL, addr.as_deref()) {
            Ok(n) => n as f64,
            Err(e) => neg(e),
        },
    )
}

/// IP_ADD_MEMBERSHIP / IPV6_ADD_MEMBERSHIP (and DROP); no `iface` (undefined or null)
/// lets the kernel choose the interface.
fn membership(fd: i32, family: u32, group: &str, iface: Option<String>, add: bool) -> f64 {
    let result = match family {
        4 => {
            let (Ok(g), Ok(i)) = (
                group.parse::<Ipv4Addr>(),
                iface.as_deref().unwrap_or("0.0.0.0").parse::<Ipv4Addr>(),
            ) else {
                return neg(Errno::EINVAL);
            };
            let mut mreq = g.octets().to_vec();
            mreq.extend_from_slice(&i.octets());
            let name = if add {
                sn::IP_ADD_MEMBERSHIP
            } else {
                sn::IP_DROP_MEMBERSHIP
            };
            sn::setsockopt_bytes(fd, sn::IPPROTO_IP, name, &mreq)
        }
        _ => {
            let Ok(g) = group.parse::<Ipv6Addr>() else {
                return neg(Errno::EINVAL);
            };
            let mut mreq = g.octets().to_vec();
            let index: u32 = iface.and_then(|i| i.parse().ok()).unwrap_or(0);
            mreq.extend_from_slice(&index.to_ne_bytes());
            let name = if add {
                sn::IPV6_ADD_MEMBERSHIP
            } else {
                sn::IPV6_DROP_MEMBERSHIP
            };
            sn::setsockopt_bytes(fd, sn::IPPROTO_IPV6, name, &mreq)
        }
    };
    ret(result)
}

/// Joins or leaves `group` for datagrams from `source` only (libuv's
/// uv_udp_set_source_membership): `ip_mreq_source` for IPv4, `group_source_req` (the
/// interface by its index) for IPv6.
fn source_membership(fd: i32, source: &str, group: &str, iface: Option<String>, add: bool) -> f64 {
    if let (Ok(s), Ok(g)) = (source.parse::<Ipv4Addr>(), group.parse::<Ipv4Addr>()) {
        let Ok(i) = iface.as_deref().unwrap_or("0.0.0.0").parse::<Ipv4Addr>() else {
            return neg(Errno::EINVAL);
        };
        // struct ip_mreq_source: group, interface, source.
        let mut mreq = g.octets().to_vec();
        mreq.extend_from_slice(&i.octets());
        mreq.extend_from_slice(&s.octets());
        let name = if add {
            sn::IP_ADD_SOURCE_MEMBERSHIP
        } else {
            sn::IP_DROP_SOURCE_MEMBERSHIP
        };
        return ret(sn::setsockopt_bytes(fd, sn::IPPROTO_IP, name, &mreq));
    }
    let (Ok(s), Ok(g)) = (source.parse::<Ipv6Addr>(), group.parse::<Ipv6Addr>()) else {
        return neg(Errno::EINVAL);
    };
    let index: u32 = iface.and_then(|i| i.parse().ok()).unwrap_or(0);
    // struct group_source_req: the interface index (padded to 8), then the group and the
    // source as sockaddr_storage (128 bytes each) holding a sockaddr_in6.
    const STORAGE: usize = 128;
    let mut req = vec![0u8; 8 + 2 * STORAGE];
    req[..4].copy_from_slice(&index.to_ne_bytes());
    for (slot, addr) in [(8, g), (8 + STORAGE, s)] {
        req[slot..slot + 2].copy_from_slice(&(sn::AF_INET6 as u16).to_ne_bytes());
        req[slot + 8..slot + 24].copy_from_slice(&addr.octets());
    }
    let name = if add {
        sn::MCAST_JOIN_SOURCE_GROUP
    } else {
        sn::MCAST_LEAVE_SOURCE_GROUP
    };
    ret(sn::setsockopt_bytes(fd, sn::IPPROTO_IPV6, name, &req))
}

/// Dissolves a datagram socket's association (connect to an AF_UNSPEC address). Like
/// libuv, EAFNOSUPPORT counts as success: some kernels answer so yet drop the peer.
fn disconnect(fd: i32) -> f64 {
    let unspec = [0u8; 16];
    match sn::connect(fd, &unspec) {
        Err(Errno::EAFNOSUPPORT) => 0.0,
        r => ret(r),
    }
}

/// IP_MULTICAST_IF / IPV6_MULTICAST_IF: the interface outgoing multicast leaves by, named
/// by an IPv4 address or by an IPv6 address's `%zone` (an interface's name or index).
fn multicast_interface(fd: i32, family: u32, address: &str) -> f64 {
    let result = match parse_addr(family, address, 0) {
        Some(SockAddr::V4 { ip, .. }) => {
            sn::setsockopt_bytes(fd, sn::IPPROTO_IP, sn::IP_MULTICAST_IF, &ip)
        }
        Some(SockAddr::V6 { scope_id, .. }) => {
            sn::setsockopt_int(fd, sn::IPPROTO_IPV6, sn::IPV6_MULTICAST_IF, scope_id as i32)
        }
        _ => Err(Errno::EINVAL),
    };
    ret(result)
}

/// Queues one string per socket for the writer thread (see net's writeBehind) under pool
/// request `id`; the completion is each write's result as [`write_bytes`] gives it.
fn write_behind<'js>(
    ctx: &Ctx<'js>,
    state: &Shared,
    fds: Vec<i32>,
    chunks: Vec<Value<'js>>,
    id: f64,
) -> Result<()> {
    let mut batch = Vec::with_capacity(fds.len());
    for (fd, chunk) in fds.into_iter().zip(chunks) {
        let bytes = with_string_wtf8(ctx, &chunk, |b| wtf8_to_utf8(b).into_owned())?;
        batch.push((fd, bytes));
    }
    state.borrow().writer.submit(id as u64, move || {
        Ok(Out::Numbers(
            batch
                .iter()
                .map(|(fd, bytes)| write_bytes(*fd, bytes))
                .collect(),
        ))
    });
    Ok(())
}

pub fn init<'js>(obj: &Object<'js>, state: &Shared) -> Result<()> {
    let s = state.clone();
    def(
        obj,
        "writeBehind",
        move |ctx: Ctx<'js>, fds: Vec<i32>, chunks: Vec<Value<'js>>, id: f64| {
            write_behind(&ctx, &s, fds, chunks, id)
        },
    )?;
    // Before the process ends: what the writer thread was given has been written.
    let s = state.clone();
    def(obj, "drainWrites", move || {
        s.borrow().writer.wait_finished()
    })?;
    def(obj, "socket", |family: u32, ty: u32| {
        let domain = match family {
            4 => sn::AF_INET,
            6 => sn::AF_INET6,
            _ => sn::AF_UNIX,
        };
        match sn::socket(domain, ty | sn::SOCK_NONBLOCK | sn::SOCK_CLOEXEC, 0) {
            Ok(fd) => fd as f64,
            Err(e) => neg(e),
        }
    })?;
    def(
        obj,
        "bind",
        |fd: i32, family: u32, address: String, port: u16, flags: u32| {
            bind(fd, family, &address, port, flags)
        },
    )?;
    def(obj, "bindUnix", |fd: i32, path: String| {
        ret(unix_addr(&path).and_then(|a| sn::bind(fd, &a.to_bytes())))
    })?;
    def(obj, "listen", |fd: i32, backlog: i32| {
        ret(sn::listen(fd, backlog))
    })?;
    def(
        obj,
        "accept",
        |ctx: Ctx<'js>, fd: i32| -> Result<Value<'js>> {
            match sn::accept4_addr(fd, sn::SOCK_NONBLOCK | sn::SOCK_CLOEXEC) {
                Ok((conn, addr)) => {
                    let arr = match addr {
                        Some(a) => addr_array(&ctx, &a)?,
                        None => Array::new(ctx.clone())?,
                    };
                    arr.set(3, conn)?;
                    Ok(arr.into_value())
                }
                Err(e) => Ok(Value::new_number(ctx.clone(), neg(e))),
            }
        },
    )?;
    def(
        obj,
        "connect",
        |fd: i32, family: u32, address: String, port: u16| match parse_addr(family, &address, port)
        {
            Some(a) => ret(sn::connect(fd, &a.to_bytes())),
            None => neg(Errno::EINVAL),
        },
    )?;
    def(obj, "disconnect", disconnect)?;
    def(obj, "connectUnix", |fd: i32, path: String| {
        ret(unix_addr(&path).and_then(|a| sn::connect(fd, &a.to_bytes())))
    })?;
    def(obj, "soError", |fd: i32| {
        match sn::getsockopt_int(fd, sn::SOL_SOCKET, sn::SO_ERROR) {
            Ok(e) => -(e as f64),
            Err(e) => neg(e),
        }
    })?;
    def(obj, "sockname", |ctx: Ctx<'js>, fd: i32| {
        name_of(&ctx, sn::getsockname(fd))
    })?;
    def(obj, "peername", |ctx: Ctx<'js>, fd: i32| {
        name_of(&ctx, sn::getpeername(fd))
    })?;
    def(obj, "read", |ctx: Ctx<'js>, fd: i32| read(&ctx, fd))?;
    def(
        obj,
        "writev",
        |ctx: Ctx<'js>, fd: i32, chunks: Array<'js>| writev(&ctx, fd, chunks),
    )?;
    def(
        obj,
        "writeChunk",
        |ctx: Ctx<'js>, fd: i32, chunk: Value<'js>| write_chunk(&ctx, fd, chunk),
    )?;
    obj.set("PARTIAL_WRITE", PARTIAL_WRITE)?;
    def(obj, "shutdown", |fd: i32| {
        ret(sn::shutdown(fd, sn::SHUT_WR))
    })?;
    // A linger of zero seconds: the close that follows resets the connection (RST), as
    // libuv's uv_tcp_close_reset does.
    def(obj, "lingerZero", |fd: i32| {
        let linger = [1i32.to_ne_bytes(), 0i32.to_ne_bytes()].concat();
        ret(sn::setsockopt_bytes(
            fd,
            sn::SOL_SOCKET,
            sn::SO_LINGER,
            &linger,
        ))
    })?;
    def(obj, "close", |fd: i32| ret(sfs::close(fd)))?;
    def(
        obj,
        "setsockopt",
        |fd: i32, level: u32, name: u32, value: i32| {
            ret(sn::setsockopt_int(fd, level, name, value))
        },
    )?;
    def(obj, "getsockopt", |fd: i32, level: u32, name: u32| {
        sn::getsockopt_int(fd, level, name).map_or_else(neg, |v| v as f64)
    })?;
    def(obj, "recvfrom", |ctx: Ctx<'js>, fd: i32| recvfrom(&ctx, fd))?;
    def(
        obj,
        "sendto",
        |ctx: Ctx<'js>,
         fd: i32,
         chunks: Array<'js>,
         family: u32,
         address: Opt<String>,
         port: Opt<u16>| { sendto(&ctx, fd, chunks, family, address, port) },
    )?;
    def(
        obj,
        "membership",
        |fd: i32, family: u32, group: String, iface: Option<String>, add: bool| {
            membership(fd, family, &group, iface, add)
        },
    )?;
    def(
        obj,
        "sourceMembership",
        |fd: i32, source: String, group: String, iface: Option<String>, add: bool| {
            source_membership(fd, &source, &group, iface, add)
        },
    )?;
    def(
        obj,
        "multicastInterface",
        |fd: i32, family: u32, address: String| multicast_interface(fd, family, &address),
    )?;
    let constants = Object::new(obj.ctx().clone())?;
    for (name, value) in [
        ("SOCK_STREAM", sn::SOCK_STREAM),
        ("SOCK_DGRAM", sn::SOCK_DGRAM),
        ("SOL_SOCKET", sn::SOL_SOCKET),
        ("SO_BROADCAST", sn::SO_BROADCAST),
        ("SO_SNDBUF", sn::SO_SNDBUF),
        ("SO_RCVBUF", sn::SO_RCVBUF),
        ("SO_KEEPALIVE", sn::SO_KEEPALIVE),
        ("IPPROTO_IP", sn::IPPROTO_IP),
        ("IPPROTO_TCP", sn::IPPROTO_TCP),
        ("IPPROTO_IPV6", sn::IPPROTO_IPV6),
        ("TCP_NODELAY", sn::TCP_NODELAY),
        ("TCP_KEEPIDLE", sn::TCP_KEEPIDLE),
        ("IP_TTL", sn::IP_TTL),
        ("IP_MULTICAST_TTL", sn::IP_MULTICAST_TTL),
        ("IP_MULTICAST_LOOP", sn::IP_MULTICAST_LOOP),
        ("IPV6_UNICAST_HOPS", sn::IPV6_UNICAST_HOPS),
        ("IPV6_MULTICAST_HOPS", sn::IPV6_MULTICAST_HOPS),
        ("IPV6_MULTICAST_LOOP", sn::IPV6_MULTICAST_LOOP),
        ("BIND_REUSEADDR", BIND_REUSEADDR),
        ("BIND_V6ONLY", BIND_V6ONLY),
        ("BIND_REUSEPORT", BIND_REUSEPORT),
    ] {
        constants.set(name, value)?;
    }
    obj.set("constants", constants)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_chunks_do_not_keep_the_whole_scratch_buffer() {
        let mut scratch = Vec::with_capacity(READ_SIZE);
        scratch.extend_from_slice(&[7u8; 10]);
        let small = take_bytes(&mut scratch);
        assert_eq!((small.len(), small.capacity()), (10, 10));
        assert!(
            scratch.is_empty() && scratch.capacity() == READ_SIZE,
            "the scratch is kept"
        );
        scratch.resize(READ_SIZE - 1, 7);
        let big = take_bytes(&mut scratch);
        assert_eq!(big.len(), READ_SIZE - 1);
        assert!(
            scratch.is_empty() && scratch.capacity() == READ_SIZE,
            "a fresh scratch buffer is left behind"
        );
    }

    #[test]
    fn addresses_parse_and_print_as_node_does() {
        let a = parse_addr(6, "::ffff:127.0.0.1", 80).unwrap();
        assert_eq!(addr_parts(&a), (6, "::ffff:127.0.0.1".into(), 80));
        // A zone is an interface, by name or index, and is written back by name (loopback
        // is on every machine); an index no interface has stays a number.
        let lo = netlink::links()
            .unwrap()
            .into_iter()
            .find(|l| l.is_loopback())
            .unwrap();
        for zone in [lo.name.clone(), lo.index.to_string()] {
            let a = parse_addr(6, &format!("fe80::1%{zone}"), 1).unwrap();
            assert_eq!(addr_parts(&a).1, format!("fe80::1%{}", lo.name));
        }
        let a = parse_addr(6, "fe80::1%4000000", 1).unwrap();
        assert_eq!(addr_parts(&a).1, "fe80::1%4000000");
        assert!(parse_addr(4, "01.2.3.4", 0).is_none());
        assert!(parse_addr(4, "::1", 0).is_none());
    }
}
