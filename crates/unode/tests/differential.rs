//! The differential suite: every script in tests/node/cases runs under the machine's
//! `node` and under `unode`; exit codes, stdout and normalised stderr must match.
//!
//! Directives in a case's leading comment lines:
//!   `// @args a b c`   arguments after the script
//!   `// @stdin text`   text fed to standard input (`\n` escapes allowed)
//!   `// @flags --x`    runtime options before the script
//!   `// @stdout-only`  compare stdout and exit code, not stderr
//!   `// @ulimit-n 64`  run with at most that many open descriptors
//!   `// @as-nobody`    run as an unprivileged user (uid/gid 65534 through setpriv when
//!                      the suite runs as root), so permission errors happen; the
//!                      runtime and the case are copied where that user can reach them

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

struct Outcome {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

struct Case {
    path: PathBuf,
    args: Vec<String>,
    flags: Vec<String>,
    stdin: Option<String>,
    stdout_only: bool,
    ulimit_n: Option<u32>,
    as_nobody: bool,
}

fn parse_case(path: PathBuf) -> Case {
    let text = std::fs::read_to_string(&path).expect("read case");
    let mut case = Case {
        path,
        args: vec![],
        flags: vec![],
        stdin: None,
        stdout_only: false,
        ulimit_n: None,
        as_nobody: false,
    };
    for line in text
        .lines()
        .take_while(|l| l.starts_with("//") || l.starts_with("#!"))
    {
        let l = line.trim_start_matches('/').trim();
        if let Some(rest) = l.strip_prefix("@args ") {
            case.args = rest.split_whitespace().map(String::from).collect();
        } else if let Some(rest) = l.strip_prefix("@flags ") {
            case.flags = rest.split_whitespace().map(String::from).collect();
        } else if let Some(rest) = l.strip_prefix("@stdin ") {
            case.stdin = Some(rest.replace("\\n", "\n"));
        } else if l.starts_with("@stdout-only") {
            case.stdout_only = true;
        } else if let Some(rest) = l.strip_prefix("@ulimit-n ") {
            case.ulimit_n = rest.trim().parse().ok();
        } else if l.starts_with("@as-nobody") {
            case.as_nobody = true;
        }
    }
    case
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("Uid:"))
                .map(|l| l.split_whitespace().nth(1) == Some("0"))
        })
        .unwrap_or(false)
}

/// For `@as-nobody` under root: the program and the case copied into a fresh directory
/// anyone can read (the checkout may sit under a private home), and the command that
/// runs the copy as uid/gid 65534.
fn as_nobody(program: &Path, case: &Case) -> (Command, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let dir = std::env::temp_dir().join(format!(
        "unode-diff-nobody-{}-{}",
        std::process::id(),
        program.file_name().unwrap().to_string_lossy()
    ));
    std::fs::create_dir_all(&dir).expect("nobody dir");
    let exe = dir.join(program.file_name().unwrap());
    let script = dir.join(case.path.file_name().unwrap());
    std::fs::copy(program, &exe).expect("copy runtime");
    std::fs::copy(&case.path, &script).expect("copy case");
    for (p, mode) in [(&dir, 0o755), (&exe, 0o755), (&script, 0o644)] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).expect("chmod");
    }
    let mut c = Command::new("setpriv");
    c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        .arg(exe);
    (c, script)
}

fn run(program: &Path, case: &Case) -> Outcome {
    use std::io::Write;
    let dir = case.path.parent().expect("case dir");
    if case.as_nobody && is_root() {
        let (mut command, script) = as_nobody(program, case);
        let out = command
            .arg(&script)
            .current_dir(std::env::temp_dir())
            .env("NO_COLOR", "1")
            .env_remove("NODE_OPTIONS")
            .stdin(Stdio::null())
            .output()
            .expect("setpriv (util-linux) runs the case as nobody");
        let _ = std::fs::remove_dir_all(script.parent().unwrap());
        return Outcome {
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
    }
    let mut command = match case.ulimit_n {
        // The limit is set by a shell that then becomes the runtime.
        Some(n) => {
            let mut c = Command::new("bash");
            c.arg("-c")
                .arg(format!("ulimit -n {n} && exec \"$0\" \"$@\""))
                .arg(program);
            c
        }
        None => Command::new(program),
    };
    let mut child = command
        .args(&case.flags)
        .arg(&case.path)
        .args(&case.args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("NODE_OPTIONS")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("spawn {}: {e}", program.display()));
    let mut stdin = child.stdin.take().expect("stdin");
    let input = case.stdin.clone().unwrap_or_default();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let out = child.wait_with_output().expect("wait");
    let _ = feeder.join();
    Outcome {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Makes stderr comparable across engines: paths relative to the repo, no stack frames
/// (V8 and QuickJS name frames differently), no Node-internal source excerpts, no
/// version banner, no pids, and the caret's column dropped.
fn normalise(text: &str, root: &Path) -> String {
    let root = root.display().to_string();
    let text = text.replace(&root, "<root>");
    let mut out: Vec<String> = Vec::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if is_builtin_location(line) {
            // Node's excerpt of its own source: location, code line, caret, blank.
            for _ in 0..3 {
                lines.next();
            }
            continue;
        }
        if line.starts_with("Node.js v") {
            continue;
        }
        let trimmed = line.trim_end();
        let (body, opens) = match trimmed.strip_suffix(" {") {
            Some(b) => (b, true),
            None => (trimmed, false),
        };
        let is_frame = body.trim_start().starts_with("at ") && line.starts_with("    ");
        if !is_frame {
            let body = if body.trim() == "^"
                || (body.trim_start().starts_with('^') && body.trim().chars().all(|c| c == '^'))
            {
                "^".to_string()
            } else {
                let mut s = body.to_string();
                if let Some(start) = s.find("(node:") {
                    if let Some(end) = s[start..].find(')') {
                        s.replace_range(start..start + end + 1, "(node:PID)");
                    }
                }
                s
            };
            out.push(body);
        }
        if opens {
            out.push("{".into());
        }
    }
    out.join("\n")
}

/// `node:internal/modules/cjs/loader:1210`: where a built-in threw.
fn is_builtin_location(line: &str) -> bool {
    line.strip_prefix("node:")
        .and_then(|rest| rest.rsplit_once(':'))
        .is_some_and(|(module, n)| {
            !module.is_empty() && !module.contains(' ') && n.chars().all(|c| c.is_ascii_digit())
        })
}

fn unode_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_unode"))
}

fn node_bin() -> PathBuf {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("node"))
            .find(|p| p.is_file())
    });
    found.unwrap_or_else(|| {
        panic!("the differential suite needs `node` on PATH: run scripts/setup.sh (it installs Debian's nodejs)")
    })
}

fn cases() -> Vec<PathBuf> {
    let dir = root().join("tests/node/cases");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/node/cases")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            matches!(
                p.extension().and_then(|e| e.to_str()),
                Some("js" | "mjs" | "cjs")
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn differential_against_node() {
    let (node, unode, root) = (node_bin(), unode_bin(), root());
    let filter = std::env::var("DIFF_FILTER").unwrap_or_default();
    let mut failures = Vec::new();
    let mut ran = 0;
    for path in cases() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.contains(&filter) {
            continue;
        }
        ran += 1;
        let case = parse_case(path);
        let expected = run(&node, &case);
        let actual = run(&unode, &case);
        let mut diffs = Vec::new();
        if expected.code != actual.code {
            diffs.push(format!(
                "exit code: node {:?}, unode {:?}",
                expected.code, actual.code
            ));
        }
        let (es, as_) = (
            normalise(&expected.stdout, &root),
            normalise(&actual.stdout, &root),
        );
        if es != as_ {
            diffs.push(format!("stdout differs:\n--- node\n{es}\n--- unode\n{as_}"));
        }
        if !case.stdout_only {
            let (ee, ae) = (
                normalise(&expected.stderr, &root),
                normalise(&actual.stderr, &root),
            );
            if ee != ae {
                diffs.push(format!("stderr differs:\n--- node\n{ee}\n--- unode\n{ae}"));
            }
        }
        if diffs.is_empty() {
            eprintln!("ok    {name}");
        } else {
            eprintln!("FAIL  {name}");
            failures.push(format!("== {name}\n{}", diffs.join("\n")));
        }
    }
    assert!(ran > 0 || !filter.is_empty(), "no cases found");
    assert!(
        failures.is_empty(),
        "{} of {ran} cases differ from node:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}
