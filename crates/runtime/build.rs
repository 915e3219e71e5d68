//! Compiles every `lib/**/*.js` to QuickJS bytecode and embeds it, so built-in modules
//! cost no parsing at start-up and load only when first required. The bytecode is one
//! blob, the modules every start loads first and in their order: a start then reads a few
//! neighbouring pages of the executable rather than pages scattered over its 2 MB of
//! modules (a page fault each; about a sixth of `unode -e 0`'s time when they were
//! scattered).

use rquickjs::{qjs, Context, Runtime};
use std::ffi::CString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The parameters every built-in module body sees (see lib/internal/bootstrap.js). The last,
/// never passed, is `undefined`: QuickJS reads the name `undefined` as a global variable, a
/// lookup in the global object each time (about 20 a keep-alive request), where a
/// parameter is a slot.
const WRAPPER_HEAD: &str =
    "(function (exports, require, module, process, internalBinding, primordials, undefined) {";

/// The modules a start loads, in the order it loads them (`unode -e 0`, then what the first
/// console.log and a stream add). Only their place in the blob depends on this list: a
/// module missing from it still loads, from further on.
const STARTUP: &[&str] = &[
    "internal/bootstrap",
    "events",
    "internal/events/symbols",
    "internal/options",
    "internal/process/setup",
    "internal/process/task_queues",
    "internal/async_context",
    "internal/timers",
    "internal/event_loop",
    "internal/main",
    "console",
    "util",
    "internal/errors",
    "internal/util/brand",
    "internal/util/width",
    "internal/process/stdio",
    "stream",
    "buffer",
    "internal/streams/legacy",
    "internal/streams/readable",
    "internal/streams/utils",
    "internal/streams/destroy",
    "internal/streams/state",
    "internal/streams/add-abort-signal",
    "internal/streams/end-of-stream",
    "internal/streams/writable",
    "internal/streams/duplex",
    "internal/streams/transform",
    "internal/streams/passthrough",
];

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "js") {
            let rel = path
                .strip_prefix(root)
                .expect("under lib/")
                .with_extension("");
            out.push((rel.to_string_lossy().into_owned(), path));
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let lib = manifest.join("../../lib");
    println!("cargo:rerun-if-changed={}", lib.display());
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    let bc_dir = out_dir.join("bytecode");
    std::fs::create_dir_all(&bc_dir).expect("create OUT_DIR/bytecode");

    let mut files = Vec::new();
    collect(&lib, &lib, &mut files);
    files.sort();

    let rt = Runtime::new().expect("QuickJS runtime");
    let ctx = Context::full(&rt).expect("QuickJS context");
    let mut compiled: Vec<(String, Vec<u8>)> = Vec::new();
    ctx.with(|ctx| {
        for (id, path) in &files {
            println!("cargo:rerun-if-changed={}", path.display());
            let body = std::fs::read_to_string(path).expect("read lib file");
            let source =
                CString::new(format!("{WRAPPER_HEAD}{body}\n}})")).expect("no NUL in lib source");
            let filename = CString::new(format!("node:{id}")).expect("id");
            // SAFETY: raw QuickJS calls on a live context; the source is NUL-terminated as
            // JS_Eval requires, and every value is freed before the context goes away.
            let bytes = unsafe {
                let raw = ctx.as_raw().as_ptr();
                let func = qjs::JS_Eval(
                    raw,
                    source.as_ptr(),
                    source.as_bytes().len() as _,
                    filename.as_ptr(),
                    (qjs::JS_EVAL_TYPE_GLOBAL | qjs::JS_EVAL_FLAG_COMPILE_ONLY) as i32,
                );
                if qjs::JS_IsException(func) {
                    let err: rquickjs::Value = ctx.catch();
                    let msg = err
                        .as_object()
                        .and_then(|o| o.get::<_, String>("message").ok())
                        .unwrap_or_default();
                    let stack = err
                        .as_object()
                        .and_then(|o| o.get::<_, String>("stack").ok())
                        .unwrap_or_default();
                    panic!("lib/{id}.js does not compile: {msg}\n{stack}");
                }
                let mut len = 0;
                let buf = qjs::JS_WriteObject(
                    raw,
                    &mut len,
                    func,
                    (qjs::JS_WRITE_OBJ_BYTECODE | qjs::JS_WRITE_OBJ_STRIP_SOURCE) as i32,
                );
                let bytes = std::slice::from_raw_parts(buf, len as usize).to_vec();
                qjs::js_free(raw, buf as _);
                qjs::JS_FreeValue(raw, func);
                bytes
            };
            compiled.push((id.clone(), bytes));
        }
    });
    // The blob: the start-up modules in their order, then the rest by id.
    let rank = |id: &str| {
        STARTUP
            .iter()
            .position(|s| *s == id)
            .unwrap_or(STARTUP.len())
    };
    let mut order: Vec<usize> = (0..compiled.len()).collect();
    order.sort_by_key(|&i| rank(&compiled[i].0));
    let mut blob = Vec::new();
    let mut spans = vec![(0usize, 0usize); compiled.len()];
    for &i in &order {
        spans[i] = (blob.len(), compiled[i].1.len());
        blob.extend_from_slice(&compiled[i].1);
    }
    let blob_file = bc_dir.join("builtins.qbc");
    std::fs::write(&blob_file, &blob).expect("write bytecode");
    let mut table = format!(
        "/// Every module's QuickJS bytecode (see build.rs for the order).\npub static BYTECODE: &[u8] = include_bytes!({:?});\n\
         /// (module id, offset and length of its wrapper function's bytecode in BYTECODE), sorted by id.\n\
         pub static BUILTINS: &[(&str, usize, usize)] = &[\n",
        blob_file.display().to_string()
    );
    for ((id, _), (offset, len)) in compiled.iter().zip(&spans) {
        writeln!(table, "    ({id:?}, {offset}, {len}),").unwrap();
    }
    table.push_str("];\n");
    std::fs::write(out_dir.join("builtins.rs"), table).expect("write builtins.rs");
}
