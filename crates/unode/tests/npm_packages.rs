//! Real npm packages (installed by scripts/install-npm-fixtures.sh into the folder that
//! `UNODE_NPM_FIXTURES` names): each app in tests/npm runs under node and under unode
//! from that folder, and their output and exit codes must match.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

fn run(runtime: &str, script: &Path, cwd: &Path) -> (Option<i32>, String, String) {
    let out = Command::new(runtime)
        .arg(script)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .unwrap_or_else(|e| panic!("run {runtime}: {e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn npm_apps_run_as_under_node() {
    let Some(fixtures) = std::env::var_os("UNODE_NPM_FIXTURES").map(PathBuf::from) else {
        eprintln!(
            "SKIPPED: npm package tests: UNODE_NPM_FIXTURES is not set (scripts/test.sh sets it after scripts/install-npm-fixtures.sh)"
        );
        return;
    };
    let mut apps: Vec<PathBuf> = std::fs::read_dir(root().join("tests/npm"))
        .expect("tests/npm")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "js"))
        .collect();
    apps.sort();
    assert!(!apps.is_empty());
    for app in apps {
        // The app runs from inside the fixtures folder so that require() finds node_modules.
        let name = app.file_name().expect("file name");
        let copy = fixtures.join(name);
        std::fs::copy(&app, &copy).expect("copy app");
        let node = run("node", &copy, &fixtures);
        let unode = run(env!("CARGO_BIN_EXE_unode"), &copy, &fixtures);
        assert_eq!(
            (unode.0, &unode.1),
            (node.0, &node.1),
            "{}: unode differs from node\nunode stderr:\n{}",
            name.to_string_lossy(),
            unode.2
        );
        assert!(
            !node.1.is_empty(),
            "{} printed nothing",
            name.to_string_lossy()
        );
    }
}
