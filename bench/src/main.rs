//! `unode-bench startup`: `unode -e 0` against `node -e 0`, many runs each, interleaved,
//! reporting the median wall time, the median peak RSS, their ratios, and the binary.
//!
//! Children are spawned from this small process (not from a shell or Python) because a
//! child's peak RSS includes what it inherited before exec.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// One run: wall seconds and the child's peak RSS in KiB (from wait4's rusage, which
/// also reaps the child).
#[allow(clippy::zombie_processes)]
fn run_once(cmd: &[&str]) -> (f64, f64) {
    let start = Instant::now();
    let child = Command::new(cmd[0])
        .args(&cmd[1..])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn {}: {e}", cmd[0]));
    let (status, maxrss_kib) = wait4(child.id() as i32);
    let wall = start.elapsed().as_secs_f64();
    assert!(status == 0, "{cmd:?} exited with status {status}");
    (wall, maxrss_kib)
}

/// wait4(2) through unode's own syscall door, returning (wait status, ru_maxrss in KiB).
fn wait4(pid: i32) -> (i32, f64) {
    let mut status: i32 = 0;
    let mut rusage = [0i64; 18];
    // SAFETY: wait4(pid, &status, 0, &rusage); both buffers are sized for the kernel's
    // int and struct rusage (18 longs on x86_64).
    let ret = unsafe {
        unode_sys::raw::syscall6(
            unode_sys::nr::WAIT4,
            pid as usize,
            &mut status as *mut i32 as usize,
            0,
            rusage.as_mut_ptr() as usize,
            0,
            0,
        )
    };
    assert!(ret == pid as isize, "wait4 failed: {ret}");
    (status, rusage[4] as f64)
}

fn find_node() -> PathBuf {
    std::env::var_os("PATH")
        .and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|p| p.join("node"))
                .find(|p| p.is_file())
        })
        .expect("node not found on PATH: run scripts/setup.sh")
}

fn is_static(path: &Path) -> bool {
    // An ELF with no PT_INTERP program header needs no dynamic loader.
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    if bytes.len() < 64 || &bytes[..4] != b"\x7fELF" {
        return false;
    }
    let u16_at = |o: usize| u16::from_le_bytes([bytes[o], bytes[o + 1]]) as usize;
    let phoff = u64::from_le_bytes(bytes[32..40].try_into().unwrap_or([0; 8])) as usize;
    let (phentsize, phnum) = (u16_at(54), u16_at(56));
    (0..phnum).all(|i| {
        let o = phoff + i * phentsize;
        o + 4 > bytes.len()
            || u32::from_le_bytes([bytes[o], bytes[o + 1], bytes[o + 2], bytes[o + 3]]) != 3
    })
}

fn startup(unode: &Path, runs: usize) {
    let node = find_node();
    let (u, n) = (
        unode.to_string_lossy().into_owned(),
        node.to_string_lossy().into_owned(),
    );
    let (mut uw, mut ur, mut nw, mut nr) = (vec![], vec![], vec![], vec![]);
    // Interleaved so both see the same machine noise.
    for _ in 0..runs {
        let (w, r) = run_once(&[&u, "-e", "0"]);
        uw.push(w);
        ur.push(r);
        let (w, r) = run_once(&[&n, "-e", "0"]);
        nw.push(w);
        nr.push(r);
    }
    let (uw, ur, nw, nr) = (
        median(&mut uw) * 1e3,
        median(&mut ur) / 1024.0,
        median(&mut nw) * 1e3,
        median(&mut nr) / 1024.0,
    );
    let size = std::fs::metadata(unode).map(|m| m.len()).unwrap_or(0);
    println!("startup, {runs} interleaved runs each (medians)");
    println!("  {:<12} {:>10} {:>10}", "", "wall", "peak RSS");
    println!("  {:<12} {:>7.2} ms {:>7.1} MB", "unode -e 0", uw, ur);
    println!("  {:<12} {:>7.2} ms {:>7.1} MB", "node -e 0", nw, nr);
    println!("  node/unode: wall {:.1}x, RSS {:.1}x", nw / uw, nr / ur);
    println!(
        "  binary: {:.2} MB, {}",
        size as f64 / 1e6,
        if is_static(unode) {
            "static"
        } else {
            "dynamically linked"
        }
    );
}

/// Runs a script of bench/js under both runtimes, alternating (unode, node, unode, node …
/// `ROUNDS` times, default 2) so both see the same drift in machine noise; each run prints
/// one JSON object of `{ case: milliseconds }`. Prints each case's median over the rounds
/// side by side with the node/unode ratio.
fn script(unode: &Path, root: &Path, name: &str) {
    let node = find_node();
    let file = root.join("bench/js").join(format!("{name}.js"));
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2);
    let run = |bin: &Path| -> Vec<(String, f64)> {
        let out = Command::new(bin)
            .arg(&file)
            .stderr(Stdio::inherit())
            .output()
            .unwrap_or_else(|e| panic!("run {}: {e}", bin.display()));
        assert!(
            out.status.success(),
            "{} {} failed",
            bin.display(),
            file.display()
        );
        parse_flat_json(&String::from_utf8_lossy(&out.stdout))
    };
    let (mut u, mut n) = (Vec::new(), Vec::new());
    for _ in 0..rounds.max(1) {
        u.push(run(unode));
        n.push(run(&node));
    }
    // A case's median over the rounds (the mean of the middle two for an even count).
    let over_rounds = |runs: &[Vec<(String, f64)>], case: &str| -> f64 {
        let mut v: Vec<f64> = runs
            .iter()
            .filter_map(|r| r.iter().find(|(c, _)| c == case).map(|(_, t)| *t))
            .collect();
        if v.is_empty() {
            return f64::NAN;
        }
        v.sort_by(|a, b| a.total_cmp(b));
        let mid = v.len() / 2;
        if v.len().is_multiple_of(2) {
            (v[mid - 1] + v[mid]) / 2.0
        } else {
            v[mid]
        }
    };
    println!(
        "{name}: median ms per case over {rounds} alternating rounds (lower is better); ratio > 1 means unode is faster"
    );
    println!(
        "  {:<24} {:>10} {:>10} {:>8}",
        "case", "unode", "node", "node/unode"
    );
    for (case, _) in &u[0] {
        let (ut, nt) = (over_rounds(&u, case), over_rounds(&n, case));
        println!("  {:<24} {:>10.2} {:>10.2} {:>8.2}", case, ut, nt, nt / ut);
    }
}

/// The `{"name": number, ...}` objects bench/js scripts print (no nesting, no escapes).
fn parse_flat_json(text: &str) -> Vec<(String, f64)> {
    let body = text.trim().trim_start_matches('{').trim_end_matches('}');
    body.split(",\"")
        .filter_map(|pair| {
            let (k, v) = pair.rsplit_once(':')?;
            Some((k.trim_matches('"').to_string(), v.trim().parse().ok()?))
        })
        .collect()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "startup".into());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let unode = root.join("target/x86_64-unknown-linux-gnu/release/unode");
    let runs = std::env::var("RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    match which.as_str() {
        "startup" => startup(&unode, runs),
        "buffer" | "inspect" | "fs" => script(&unode, &root, &which),
        other => {
            eprintln!("unknown benchmark {other:?}; available: startup, buffer, inspect, fs");
            std::process::exit(2);
        }
    }
}
