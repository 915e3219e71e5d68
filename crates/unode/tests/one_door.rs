//! The architecture's first rule, checked: the runtime's crates reach the kernel only
//! through `unode-sys`. No std file/network/process I/O, no libc, no async runtimes.

use std::path::{Path, PathBuf};

const FORBIDDEN: &[&str] = &[
    "std::fs::",
    "std::net::",
    "std::process::Command",
    "std::io::stdout",
    "std::io::stdin",
    "std::io::stderr",
    "std::os::unix::net",
    "println!",
    "eprintln!",
    "libc::",
    "tokio",
    "mio::",
    "nix::",
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read source dir").flatten() {
        let p = entry.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn runtime_crates_use_only_the_syscall_door() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for krate in ["sys", "aio", "http", "runtime", "unode"] {
        sources(&root.join("crates").join(krate).join("src"), &mut files);
    }
    assert!(files.len() > 10, "sources not found");
    let mut hits = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("read source");
        // Unit tests may use std freely; only shipped code is held to the rule.
        let shipped = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in shipped.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for pat in FORBIDDEN {
                if line.contains(pat) {
                    hits.push(format!("{}:{}: {}", f.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        hits.is_empty(),
        "I/O outside the syscall door:\n{}",
        hits.join("\n")
    );
}
