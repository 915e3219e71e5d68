//! `unode image app.js [-o app.img] [args…]`: an initramfs whose /init is this very
//! (static) binary, holding the app's directory (node_modules included) under /app.

use std::ffi::CString;
use unode_sys::fs::{self, write_all};

/// Directories an app never needs inside its image.
const SKIP_DIRS: &[&str] = &[".git", ".cache", "target"];

fn fail(msg: &str) -> ! {
    let _ = write_all(2, format!("unode image: {msg}\n").as_bytes());
    unode_sys::process::exit_group(1)
}

fn read(path: &str) -> Vec<u8> {
    let c = CString::new(path).unwrap_or_else(|_| fail(&format!("bad path {path:?}")));
    fs::read_file(&c).unwrap_or_else(|e| fail(&format!("cannot read {path}: {e}")))
}

/// Every regular file under `dir`, as paths relative to `dir`.
fn walk(dir: &str, rel: &str, out: &mut Vec<String>) {
    let path = if rel.is_empty() {
        dir.to_owned()
    } else {
        format!("{dir}/{rel}")
    };
    let c = CString::new(path.as_str()).unwrap_or_else(|_| fail(&format!("bad path {path:?}")));
    let entries = fs::read_dir(&c).unwrap_or_else(|e| fail(&format!("cannot list {path}: {e}")));
    for e in entries {
        let name = String::from_utf8_lossy(&e.name).into_owned();
        let child = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        let full = CString::new(format!("{dir}/{child}")).unwrap_or_default();
        match fs::stat(&full) {
            Ok(st) if st.is_dir() && !SKIP_DIRS.contains(&name.as_str()) => walk(dir, &child, out),
            Ok(st) if st.is_file() => out.push(child),
            _ => {}
        }
    }
}

/// What `unode image` and `unode vm` pack: the initramfs bytes and what it holds.
pub struct Image {
    pub bytes: Vec<u8>,
    pub init_len: usize,
    pub files: usize,
    pub app_bytes: usize,
}

/// Packs `script` (its whole directory) with `args` into an initramfs.
pub fn build(script: &str, args: &[String]) -> Image {
    let script_path = crate::absolute(script);
    let c = CString::new(script_path.as_str()).unwrap_or_default();
    if !fs::stat(&c).is_ok_and(|st| st.is_file()) {
        fail(&format!("no such script: {script}"));
    }
    let (dir, name) = script_path.rsplit_once('/').unwrap_or(("/", &script_path));
    let dir = if dir.is_empty() { "/" } else { dir };
    let mut files = Vec::new();
    walk(dir, "", &mut files);
    let mut payload = Vec::new();
    let mut app_bytes = 0;
    for f in &files {
        let data = read(&format!("{dir}/{f}"));
        app_bytes += data.len();
        payload.push((format!("app/{f}"), data, 0o644));
    }
    let mut entry = format!("/app/{name}\n");
    for a in args {
        entry.push_str(a);
        entry.push('\n');
    }
    payload.push(("app/.unode-entry".to_owned(), entry.into_bytes(), 0o644));
    let init = read("/proc/self/exe");
    let bytes = unode_image::initramfs(&init, &payload);
    Image {
        bytes,
        init_len: init.len(),
        files: files.len(),
        app_bytes,
    }
}

pub fn main(args: &[String]) -> ! {
    let mut output = None;
    let mut rest = Vec::new();
    let mut i = 0;
    while i < args.len() {
        if args[i] == "-o" || args[i] == "--output" {
            output = Some(
                args.get(i + 1)
                    .cloned()
                    .unwrap_or_else(|| fail("-o needs a file name")),
            );
            i += 2;
        } else {
            rest.push(args[i].clone());
            i += 1;
        }
    }
    let Some(script) = rest.first().cloned() else {
        fail("usage: unode image app.js [-o app.img] [args...]")
    };
    let image = build(&script, &rest[1..]);
    let name = script.rsplit('/').next().unwrap_or(&script);
    let out = output.unwrap_or_else(|| {
        format!(
            "{}.img",
            name.trim_end_matches(".js").trim_end_matches(".mjs")
        )
    });
    let fd = fs::open(
        &CString::new(out.as_str()).unwrap_or_default(),
        fs::O_WRONLY | fs::O_CREAT | fs::O_TRUNC,
        0o644,
    )
    .unwrap_or_else(|e| fail(&format!("cannot write {out}: {e}")));
    write_all(fd, &image.bytes).unwrap_or_else(|e| fail(&format!("cannot write {out}: {e}")));
    let _ = fs::close(fd);
    let report = format!(
        "{out}: {} bytes (LZ4 initramfs: /init = unode {} bytes, app {} files {} bytes)\n",
        image.bytes.len(),
        image.init_len,
        image.files,
        image.app_bytes
    );
    let _ = write_all(1, report.as_bytes());
    if let Some(vmlinux) = crate::vm_cmd::cached_kernel() {
        let size = |p: &std::path::Path| {
            let c = CString::new(p.to_string_lossy().as_bytes()).unwrap_or_default();
            fs::stat(&c).map(|st| st.size).unwrap_or(0)
        };
        let bz = vmlinux.with_file_name("bzImage");
        let line = format!(
            "kernel: {} ({} bytes; bzImage {} bytes); image + bzImage = {} bytes\n",
            vmlinux.display(),
            size(&vmlinux),
            size(&bz),
            size(&bz) + image.bytes.len() as i64
        );
        let _ = write_all(1, line.as_bytes());
    }
    unode_sys::process::exit_group(0)
}
