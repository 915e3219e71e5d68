//! The embedded `lib/` modules (their bytecode) for the JS loader.

use super::def;
use crate::engine;
use rquickjs::{Ctx, Function, Object, Result};

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    obj.set("ids", engine::builtin_ids().collect::<Vec<_>>())?;
    def(obj, "has", |id: String| engine::has_builtin(&id))?;
    def(
        obj,
        "load",
        |ctx: Ctx<'js>, id: String| -> Result<Function<'js>> { engine::load_builtin(&ctx, &id) },
    )?;
    Ok(())
}
