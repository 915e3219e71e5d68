//! System facts for lib/os.js that need syscalls or netlink; /proc files are read in JS.

use super::{def, throw_uv};
use rquickjs::{Array, Ctx, Object, Result, TypedArray};
use unode_sys::{netlink, process as sp};

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    // uname() → [sysname, nodename, release, version, machine].
    def(obj, "uname", |ctx: Ctx<'js>| -> Result<Vec<String>> {
        sp::uname()
            .map(Vec::from)
            .map_err(|e| throw_uv(&ctx, e, "uv_os_uname", None))
    })?;
    def(obj, "cpuCount", || {
        sp::cpu_affinity_count().unwrap_or(1) as f64
    })?;
    def(
        obj,
        "getPriority",
        |ctx: Ctx<'js>, pid: i32| -> Result<i32> {
            sp::getpriority(pid).map_err(|e| throw_uv(&ctx, e, "uv_os_getpriority", None))
        },
    )?;
    def(
        obj,
        "setPriority",
        |ctx: Ctx<'js>, pid: i32, prio: i32| -> Result<()> {
            sp::setpriority(pid, prio).map_err(|e| throw_uv(&ctx, e, "uv_os_setpriority", None))
        },
    )?;
    // interfaces() → rows of [name, family (4|6), address bytes, prefix length, mac bytes,
    // internal, scope id], in the kernel's order.
    def(obj, "interfaces", |ctx: Ctx<'js>| -> Result<Array<'js>> {
        let fail = |e| throw_uv(&ctx, e, "uv_interface_addresses", None);
        let links = netlink::links().map_err(fail)?;
        let addrs = netlink::addrs().map_err(fail)?;
        let out = Array::new(ctx.clone())?;
        for a in addrs {
            let Some(link) = links.iter().find(|l| l.index == a.index) else {
                continue;
            };
            let row = Array::new(ctx.clone())?;
            row.set(0, link.name.as_str())?;
            row.set(1, if a.family == 2 { 4 } else { 6 })?;
            row.set(2, TypedArray::<u8>::new(ctx.clone(), a.address)?)?;
            row.set(3, a.prefix_len)?;
            let mut mac = link.mac.clone();
            mac.resize(6, 0);
            row.set(4, TypedArray::<u8>::new(ctx.clone(), mac)?)?;
            row.set(5, link.is_loopback())?;
            row.set(6, a.scope_id)?;
            out.set(out.len(), row)?;
        }
        Ok(out)
    })?;
    Ok(())
}
