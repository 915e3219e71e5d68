//! `unode`: run a Node.js program (`unode app.js`, `-e`, `-p`, stdin), build a guest image
//! (`unode image`), and, as PID 1 of a microVM guest, be its init.

mod flags;
mod image_cmd;
mod vm_cmd;

use unode_runtime::{Entry, Options};
use unode_sys::fs::{isatty, write_all};

/// The Node release whose API we implement; packages read it for feature checks.
const NODE_VERSION: &str = "v20.20.2";

const HELP: &str = "\
Usage: unode [options] [ script.js | -e \"script\" | - ] [arguments]
       unode image script.js [-o app.img] [arguments]
       unode vm script.js [--mem SIZE] [--kernel VMLINUX] [--cmdline ...] [--timings] [arguments]

Runs a Node.js program on unode: a small, fast-starting runtime whose only door
to the kernel is the raw syscall instruction. `unode image` packs a script and its
directory into an initramfs whose /init is unode, to boot as a microVM guest.

Options:
  -e, --eval \"script\"     evaluate script
  -p, --print \"script\"    evaluate script and print the result
  -                       read the script from standard input
  -r, --require MODULE    load a CommonJS module before the program
  --import MODULE         import an ES module before the program (after --require's)
  --input-type=module     treat --eval / stdin input as an ES module
  --env-file=PATH         set the variables of a .env file the environment lacks
  --no-warnings           silence process warnings
  --no-deprecation        silence deprecation warnings
  --throw-deprecation     throw on deprecations
  --trace-warnings        print stack traces for warnings
  --max-http-header-size=N  the HTTP parser's default limit on a head (16384 bytes)
  --insecure-http-parser  HTTP parsers accept malformed heads by default
  --stack-trace-limit=N   accepted for compatibility
  --icu-data-dir=...      accepted for compatibility (Intl's English data is built in)
  -v, --version           print unode's Node API version
  --unode-version         print unode's own version
  -h, --help              print this help

Environment:
  NODE_OPTIONS            options taken before the command line's (not -e, -p, scripts)
  UV_THREADPOOL_SIZE      worker pool size (default 4)
  TZ, TZDIR               Intl's default time zone, and where the tz database is
  NODE_ICU_DATA           accepted for compatibility (as --icu-data-dir)
";

fn fail(msg: &str, code: i32) -> ! {
    let _ = write_all(2, format!("unode: {msg}\n").as_bytes());
    unode_sys::process::exit_group(code)
}

/// `path` made absolute against the working directory.
fn absolute(path: &str) -> String {
    if path.starts_with('/') {
        return path.to_owned();
    }
    let cwd = unode_sys::fs::getcwd().unwrap_or_default();
    format!("{}/{path}", String::from_utf8_lossy(&cwd))
}

fn main() {
    if unode_init::is_init() {
        unode_init::main();
    }
    let mut all = std::env::args();
    let argv0 = all.next().unwrap_or_else(|| "unode".into());
    let args: Vec<String> = all.collect();
    match args.first().map(String::as_str) {
        Some("image") => image_cmd::main(&args[1..]),
        Some("vm") => vm_cmd::main(&args[1..]),
        _ => {}
    }
    let mut flags = flags::Flags::default();
    if let Ok(text) = std::env::var("NODE_OPTIONS") {
        if let Err(msg) = flags.take_node_options(&text) {
            fail(&msg, 9)
        }
    }
    let mut entry = None;
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        match a.as_str() {
            "-h" | "--help" => {
                let _ = write_all(1, HELP.as_bytes());
                return;
            }
            "-v" | "--version" => {
                let _ = write_all(1, format!("{NODE_VERSION}\n").as_bytes());
                return;
            }
            "--unode-version" => {
                let _ = write_all(
                    1,
                    format!("unode {}\n", env!("CARGO_PKG_VERSION")).as_bytes(),
                );
                return;
            }
            "-e" | "--eval" | "-p" | "--print" | "-pe" => {
                let Some(code) = args.get(i + 1) else {
                    fail(&format!("{a} requires an argument"), 9)
                };
                flags.exec_argv.push(a.clone());
                flags.exec_argv.push(code.clone());
                entry = Some(Entry::Eval {
                    code: code.clone(),
                    print: a.contains('p'),
                });
                i += 2;
                break;
            }
            "-" => {
                entry = Some(Entry::Stdin);
                i += 1;
                break;
            }
            "--" => {
                i += 1;
                break;
            }
            _ => match flags.take(&args, i, true) {
                Ok(0) if a.starts_with('-') && a.len() > 1 => fail(&format!("bad option: {a}"), 9),
                Ok(0) => break,
                Ok(used) => i += used,
                Err(msg) => fail(&msg, 9),
            },
        }
    }
    let entry = match entry {
        Some(e) => e,
        None => match args.get(i) {
            Some(script) => {
                i += 1;
                Entry::Script(script.clone())
            }
            None if isatty(0) => {
                fail("no script given and the REPL is not available yet: try `unode app.js` or `unode -e code`", 9)
            }
            None => Entry::Stdin,
        },
    };
    unode_runtime::run(Options {
        entry,
        args: args[i..].to_vec(),
        exec_argv: flags.exec_argv,
        options: flags.options,
        require: flags.require,
        import: flags.import,
        input_module: flags.input_module,
        argv0,
    })
}
