//! rtnetlink: the kernel's interface and address tables, read over a netlink socket
//! (what getifaddrs(3) does, without libc).

use crate::{fs, net, Errno, Result};

const AF_NETLINK: u32 = 16;
const NETLINK_ROUTE: u32 = 0;
const SOCK_RAW: u32 = 3;
const RTM_GETLINK: u16 = 18;
const RTM_NEWLINK: u16 = 16;
const RTM_GETADDR: u16 = 22;
const RTM_NEWADDR: u16 = 20;
const NLM_F_REQUEST: u16 = 1;
const NLM_F_DUMP: u16 = 0x300;
const NLMSG_ERROR: u16 = 2;
const NLMSG_DONE: u16 = 3;
const IFLA_ADDRESS: u16 = 1;
const IFLA_IFNAME: u16 = 3;
const IFA_ADDRESS: u16 = 1;
const IFA_LOCAL: u16 = 2;
const IFF_LOOPBACK: u32 = 0x8;

/// One network interface as `ip link` shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Link {
    pub index: u32,
    pub name: String,
    pub flags: u32,
    pub mac: Vec<u8>,
}

impl Link {
    pub fn is_loopback(&self) -> bool {
        self.flags & IFF_LOOPBACK != 0
    }
}

/// One address as `ip addr` shows it: family (AF_INET / AF_INET6), bytes, prefix length.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Addr {
    pub index: u32,
    pub family: u8,
    pub prefix_len: u8,
    pub scope_id: u32,
    pub address: Vec<u8>,
}

struct Socket(i32);

impl Drop for Socket {
    fn drop(&mut self) {
        let _ = fs::close(self.0);
    }
}

/// Sends a dump request of `msg_type` with `payload` and calls `each(type, body)` for
/// every reply message until the dump ends.
fn dump(msg_type: u16, payload: &[u8], mut each: impl FnMut(u16, &[u8])) -> Result<()> {
    let sock = Socket(net::socket(
        AF_NETLINK,
        SOCK_RAW | net::SOCK_CLOEXEC,
        NETLINK_ROUTE,
    )?);
    // struct nlmsghdr: len u32, type u16, flags u16, seq u32, pid u32.
    let len = 16 + payload.len();
    let mut req = Vec::with_capacity(len);
    req.extend_from_slice(&(len as u32).to_ne_bytes());
    req.extend_from_slice(&msg_type.to_ne_bytes());
    req.extend_from_slice(&(NLM_F_REQUEST | NLM_F_DUMP).to_ne_bytes());
    req.extend_from_slice(&1u32.to_ne_bytes());
    req.extend_from_slice(&0u32.to_ne_bytes());
    req.extend_from_slice(payload);
    fs::write_all(sock.0, &req)?;
    let mut buf = vec![0u8; 32 * 1024];
    loop {
        let n = crate::retry(|| fs::read(sock.0, &mut buf))?;
        if n == 0 {
            return Ok(());
        }
        let mut off = 0;
        while off + 16 <= n {
            let mlen =
                u32::from_ne_bytes([buf[off], buf[off + 1], buf[off + 2], buf[off + 3]]) as usize;
            let mtype = u16::from_ne_bytes([buf[off + 4], buf[off + 5]]);
            if mlen < 16 || off + mlen > n {
                return Err(Errno::EIO);
            }
            match mtype {
                NLMSG_DONE => return Ok(()),
                NLMSG_ERROR => {
                    let code = i32::from_ne_bytes([
                        buf[off + 16],
                        buf[off + 17],
                        buf[off + 18],
                        buf[off + 19],
                    ]);
                    return if code == 0 { Ok(()) } else { Err(Errno(-code)) };
                }
                _ => each(mtype, &buf[off + 16..off + mlen]),
            }
            off += (mlen + 3) & !3;
        }
    }
}

/// Route attributes (`struct rtattr`: len u16, type u16, data) from `start` on.
fn attrs(body: &[u8], start: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut off = start;
    std::iter::from_fn(move || {
        if off + 4 > body.len() {
            return None;
        }
        let len = u16::from_ne_bytes([body[off], body[off + 1]]) as usize;
        let ty = u16::from_ne_bytes([body[off + 2], body[off + 3]]);
        if len < 4 || off + len > body.len() {
            return None;
        }
        let data = &body[off + 4..off + len];
        off += (len + 3) & !3;
        Some((ty, data))
    })
}

const RTM_SETLINK: u16 = 19;
const NLM_F_ACK: u16 = 4;
const IFF_UP: u32 = 1;

/// Brings interface `index` up (`ip link set dev X up`).
pub fn set_link_up(index: u32) -> Result<()> {
    let sock = Socket(net::socket(
        AF_NETLINK,
        SOCK_RAW | net::SOCK_CLOEXEC,
        NETLINK_ROUTE,
    )?);
    // nlmsghdr (16) + ifinfomsg (16): family, pad, type, index, flags, change.
    let mut req = Vec::with_capacity(32);
    req.extend_from_slice(&32u32.to_ne_bytes());
    req.extend_from_slice(&RTM_SETLINK.to_ne_bytes());
    req.extend_from_slice(&(NLM_F_REQUEST | NLM_F_ACK).to_ne_bytes());
    req.extend_from_slice(&1u32.to_ne_bytes());
    req.extend_from_slice(&0u32.to_ne_bytes());
    req.extend_from_slice(&[0, 0, 0, 0]);
    req.extend_from_slice(&(index as i32).to_ne_bytes());
    req.extend_from_slice(&IFF_UP.to_ne_bytes());
    req.extend_from_slice(&IFF_UP.to_ne_bytes());
    fs::write_all(sock.0, &req)?;
    let mut buf = [0u8; 256];
    let n = crate::retry(|| fs::read(sock.0, &mut buf))?;
    // The ACK is an NLMSG_ERROR whose code is 0 on success.
    if n >= 20 && u16::from_ne_bytes([buf[4], buf[5]]) == NLMSG_ERROR {
        let code = i32::from_ne_bytes([buf[16], buf[17], buf[18], buf[19]]);
        if code != 0 {
            return Err(Errno(-code));
        }
    }
    Ok(())
}

/// Every network interface.
pub fn links() -> Result<Vec<Link>> {
    let mut out = Vec::new();
    // struct ifinfomsg: family u8, pad u8, type u16, index i32, flags u32, change u32.
    dump(RTM_GETLINK, &[0u8; 16], |ty, body| {
        if ty != RTM_NEWLINK || body.len() < 16 {
            return;
        }
        let mut link = Link {
            index: u32::from_ne_bytes([body[4], body[5], body[6], body[7]]),
            flags: u32::from_ne_bytes([body[8], body[9], body[10], body[11]]),
            ..Link::default()
        };
        for (at, data) in attrs(body, 16) {
            match at {
                IFLA_IFNAME => {
                    let end = data.iter().position(|&b| b == 0).unwrap_or(data.len());
                    link.name = String::from_utf8_lossy(&data[..end]).into_owned();
                }
                IFLA_ADDRESS => link.mac = data.to_vec(),
                _ => {}
            }
        }
        out.push(link);
    })?;
    Ok(out)
}

/// Every address of every interface, IPv4 then IPv6 as the kernel dumps them.
pub fn addrs() -> Result<Vec<Addr>> {
    let mut out = Vec::new();
    // struct ifaddrmsg: family u8, prefixlen u8, flags u8, scope u8, index u32.
    dump(RTM_GETADDR, &[0u8; 8], |ty, body| {
        if ty != RTM_NEWADDR || body.len() < 8 {
            return;
        }
        let family = body[0];
        let index = u32::from_ne_bytes([body[4], body[5], body[6], body[7]]);
        let (mut local, mut address) = (None, None);
        for (at, data) in attrs(body, 8) {
            match at {
                IFA_LOCAL => local = Some(data.to_vec()),
                IFA_ADDRESS => address = Some(data.to_vec()),
                _ => {}
            }
        }
        // On point-to-point links IFA_ADDRESS is the peer; IFA_LOCAL is ours.
        if let Some(address) = local.or(address) {
            let scope_id = if family == net::AF_INET6 as u8 && body[3] == 253 {
                index
            } else {
                0
            };
            out.push(Addr {
                index,
                family,
                prefix_len: body[1],
                scope_id,
                address,
            });
        }
    })?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_is_listed_with_its_address() {
        let links = links().unwrap();
        let lo = links
            .iter()
            .find(|l| l.is_loopback())
            .expect("a loopback link");
        assert_eq!(lo.name, "lo");
        let addrs = addrs().unwrap();
        assert!(addrs
            .iter()
            .any(|a| a.index == lo.index && a.address == vec![127, 0, 0, 1] && a.prefix_len == 8));
    }
}
