//! Error names and messages (Node's `internalBinding('uv')`).

use super::def;
use rquickjs::{Object, Result};
use unode_sys::errno::TABLE;
use unode_sys::Errno;

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    def(obj, "errname", |n: i32| {
        Errno(n.abs()).name().map(str::to_owned)
    })?;
    def(obj, "errmessage", |n: i32| Errno(n.abs()).message())?;
    for (name, num, _) in TABLE {
        obj.set(format!("UV_{name}"), -num)?;
    }
    Ok(())
}
