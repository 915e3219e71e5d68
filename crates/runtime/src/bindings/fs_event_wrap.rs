//! inotify for fs.watch (Node's `fs_event_wrap`): lib/internal/fs/watch.js watches the
//! descriptor in the event loop and reads events here when it is readable.

use super::{cpath, def, throw_uv};
use rquickjs::{Array, Ctx, Object, Result};
use unode_sys::inotify::{self, IN_ATTRIB, IN_CLOEXEC, IN_MODIFY, IN_NONBLOCK, WATCH_MASK};

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    // start(path) → an inotify descriptor watching `path`.
    def(obj, "start", |ctx: Ctx<'js>, path: String| -> Result<i32> {
        let c = cpath(&ctx, &path)?;
        let fd = inotify::init(IN_NONBLOCK | IN_CLOEXEC)
            .map_err(|e| throw_uv(&ctx, e, "watch", Some(&path)))?;
        if let Err(e) = inotify::add_watch(fd, &c, WATCH_MASK) {
            let _ = unode_sys::fs::close(fd);
            return Err(throw_uv(&ctx, e, "watch", Some(&path)));
        }
        Ok(fd)
    })?;
    // read(fd) → [[eventType, filename], ...] with Node's 'change' / 'rename' mapping;
    // filename is '' when the event is about the watched path itself.
    def(
        obj,
        "read",
        |ctx: Ctx<'js>, fd: i32| -> Result<Array<'js>> {
            let events = inotify::read_events(fd).map_err(|e| throw_uv(&ctx, e, "read", None))?;
            let out = Array::new(ctx.clone())?;
            for (i, e) in events.iter().enumerate() {
                let kind = if e.mask & (IN_MODIFY | IN_ATTRIB) != 0 {
                    "change"
                } else {
                    "rename"
                };
                let row = Array::new(ctx.clone())?;
                row.set(0, kind)?;
                row.set(1, String::from_utf8_lossy(&e.name).as_ref())?;
                out.set(i, row)?;
            }
            Ok(out)
        },
    )?;
    Ok(())
}
