//! Node's own tests (test/parallel, fetched by scripts/fetch-node-suite.sh into the
//! folder that `UNODE_NODE_SUITE` names): every file in tests/node-suite/expected-pass.txt
//! must exit 0 under unode. See tests/node-suite/README.md.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Node's runner gives a test two minutes on a slow machine; ours are short.
const TIMEOUT: Duration = Duration::from_secs(60);
const WORKERS: usize = 2;
/// The flags of a file's `// Flags:` line that are passed on, as Node's test runner passes
/// them all: those unode implements (the rest are Node's internals or its test builds').
const PASSED_FLAGS: &[&str] = &["--expose-gc", "--expose_gc", "--no-warnings"];

/// What of `file`'s `// Flags:` line unode is run with.
fn test_flags(tree: &Path, file: &str) -> Vec<String> {
    let source = std::fs::read_to_string(tree.join("test/parallel").join(file)).unwrap_or_default();
    let Some(line) = source.lines().find_map(|l| l.strip_prefix("// Flags:")) else {
        return vec![];
    };
    line.split_whitespace()
        .filter(|f| PASSED_FLAGS.contains(f))
        .map(str::to_owned)
        .collect()
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

/// Runs one test file from the tree's root: `Ok(())` when it exits 0, else what it said.
/// `worker` names the test's scratch directory (test/common's tmpdir is `.tmp.<worker>`, as
/// Node's runner gives each of its workers one), so tests running at once never share it.
fn run_test(tree: &Path, file: &str, worker: usize) -> Result<(), String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_unode"))
        .args(test_flags(tree, file))
        .arg(Path::new("test/parallel").join(file))
        .current_dir(tree)
        .env("NO_COLOR", "1")
        .env("TEST_THREAD_ID", worker.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("spawn: {e}"))?;
    // stderr is drained on its own thread, so a chatty test cannot block on a full pipe.
    let mut stderr = child.stderr.take().expect("piped stderr");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(format!("wait: {e}")),
        }
    };
    let text = reader.join().unwrap_or_default();
    let tail: String = {
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(12)..].join("\n")
    };
    match status {
        Some(s) if s.success() => Ok(()),
        Some(s) => Err(format!("exit {s}\n{tail}")),
        None => Err(format!("timed out after {}s\n{tail}", TIMEOUT.as_secs())),
    }
}

/// Runs `files` on WORKERS threads; the failures, by file.
fn run_all(tree: &Path, files: &[String]) -> Vec<(String, String)> {
    let next = Mutex::new(0usize);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for worker in 0..WORKERS {
            let (next, failures) = (&next, &failures);
            scope.spawn(move || loop {
                let i = {
                    let mut n = next.lock().expect("index");
                    *n += 1;
                    *n - 1
                };
                let Some(file) = files.get(i) else { break };
                if let Err(why) = run_test(tree, file, worker) {
                    failures.lock().expect("failures").push((file.clone(), why));
                }
            });
        }
    });
    let mut failures = failures.into_inner().expect("failures");
    failures.sort();
    failures
}

fn expected_pass() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("tests/node-suite/expected-pass.txt"))
        .expect("tests/node-suite/expected-pass.txt");
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// With UNODE_NODE_SUITE_SURVEY set to filename prefixes (`test-http-,test-net-`), every
/// file that starts with one runs; the report says what the list should gain or lose.
fn survey(tree: &Path, prefixes: &str, listed: &[String]) {
    let prefixes: Vec<&str> = prefixes.split(',').filter(|p| !p.is_empty()).collect();
    let mut files: Vec<String> = std::fs::read_dir(tree.join("test/parallel"))
        .expect("test/parallel")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".js") && prefixes.iter().any(|p| n.starts_with(p)))
        .collect();
    files.sort();
    let failures = run_all(tree, &files);
    let failed: Vec<&String> = failures.iter().map(|(f, _)| f).collect();
    let passing: Vec<&String> = files.iter().filter(|f| !failed.contains(f)).collect();
    println!("{} of {} pass", passing.len(), files.len());
    for f in passing.iter().filter(|f| !listed.contains(f)) {
        println!("passes, not listed: {f}");
    }
    for (f, _) in failures.iter().filter(|(f, _)| listed.contains(f)) {
        println!("listed, fails: {f}");
    }
}

#[test]
fn node_tests_that_passed_still_pass() {
    let Some(tree) = std::env::var_os("UNODE_NODE_SUITE").map(PathBuf::from) else {
        eprintln!(
            "SKIPPED: Node's own tests: UNODE_NODE_SUITE is not set (scripts/test.sh sets it after scripts/fetch-node-suite.sh)"
        );
        return;
    };
    let listed = expected_pass();
    if let Ok(prefixes) = std::env::var("UNODE_NODE_SUITE_SURVEY") {
        survey(&tree, &prefixes, &listed);
        return;
    }
    assert!(!listed.is_empty());
    let failures = run_all(&tree, &listed);
    let report: Vec<String> = failures
        .iter()
        .map(|(file, why)| format!("== {file}: {why}"))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} listed Node tests fail under unode:\n{}",
        failures.len(),
        listed.len(),
        report.join("\n")
    );
    println!("{} Node tests pass under unode", listed.len());
}
