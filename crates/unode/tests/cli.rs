//! The command line: flags, entry modes, bad input, and the seed's examples.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn unode() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_unode"));
    c.env("NO_COLOR", "1");
    c
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repo root")
}

fn with_stdin(mut cmd: Command, input: &str) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn version_and_help() {
    let out = unode().arg("--version").output().unwrap();
    assert!(out.status.success());
    assert!(
        text(&out.stdout).starts_with("v20."),
        "{}",
        text(&out.stdout)
    );
    let out = unode().arg("--help").output().unwrap();
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("Usage: unode"));
}

#[test]
fn unknown_flag_is_a_clear_error_with_nodes_exit_code() {
    let out = unode().arg("--no-such-flag").output().unwrap();
    assert_eq!(out.status.code(), Some(9));
    assert_eq!(text(&out.stderr), "unode: bad option: --no-such-flag\n");
    let out = unode().arg("-e").output().unwrap();
    assert_eq!(out.status.code(), Some(9));
    assert!(text(&out.stderr).contains("requires an argument"));
}

#[test]
fn env_file_sets_what_the_environment_lacks() {
    let dir = std::env::temp_dir().join(format!("unode-env-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("app.env");
    std::fs::write(&file, "GREETING=\"hello\\nthere\"\nOWN=from file\n").unwrap();
    let out = unode()
        .arg(format!("--env-file={}", file.display()))
        .args([
            "-p",
            "JSON.stringify([process.env.GREETING, process.env.OWN])",
        ])
        .env("OWN", "from the environment")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "[\"hello\\nthere\",\"from the environment\"]\n"
    );
    // A missing file ends the process before the script, with Node's exit code.
    let missing = dir.join("none.env");
    let out = unode()
        .arg(format!("--env-file={}", missing.display()))
        .args(["-e", "console.log('ran')"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(9));
    assert!(text(&out.stdout).is_empty());
    assert!(
        text(&out.stderr).contains("not found"),
        "{}",
        text(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn eval_and_print() {
    let out = unode()
        .args([
            "-e",
            "console.log(1 + 1, process.argv.length, require('path').sep)",
            "x",
        ])
        .output()
        .unwrap();
    assert_eq!(text(&out.stdout), "2 2 /\n");
    let out = unode()
        .args(["-p", "[1, 'a'].length + 40"])
        .output()
        .unwrap();
    assert_eq!(text(&out.stdout), "42\n");
    let out = unode().args(["-p", "'plain string'"]).output().unwrap();
    assert_eq!(text(&out.stdout), "plain string\n");
    let out = unode()
        .args(["-p", "({ a: [1, { b: 2 }] })"])
        .output()
        .unwrap();
    assert_eq!(text(&out.stdout), "{ a: [ 1, { b: 2 } ] }\n");
    let out = unode()
        .args(["-e", "process.exitCode = 5"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    let out = unode()
        .args([
            "--input-type=module",
            "-e",
            "import p from 'node:path'; console.log(p.join('a', 'b'), await 7)",
        ])
        .output()
        .unwrap();
    assert_eq!(text(&out.stdout), "a/b 7\n", "{}", text(&out.stderr));
}

#[test]
fn program_from_stdin() {
    let out = with_stdin(unode(), "console.log('piped', typeof require)");
    assert_eq!(text(&out.stdout), "piped function\n");
    let mut cmd = unode();
    cmd.arg("-");
    let out = with_stdin(cmd, "#!/usr/bin/env node\nconsole.log('dash')");
    assert_eq!(text(&out.stdout), "dash\n");
}

#[test]
fn missing_script_is_module_not_found() {
    let out = unode().arg("/nonexistent/app.js").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("Error: Cannot find module '/nonexistent/app.js'"),
        "{err}"
    );
    assert!(err.contains("code: 'MODULE_NOT_FOUND'"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn syntax_error_shows_location_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("unode-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.js");
    std::fs::write(&file, "const ok = 1;\nlet x = ;\n").unwrap();
    let out = unode().arg(&file).output().unwrap();
    let err = text(&out.stderr);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("bad.js:2"), "{err}");
    assert!(err.contains("let x = ;"), "{err}");
    assert!(err.contains("SyntaxError:"), "{err}");
}

#[test]
fn seed_libsys_example_prints_hello_world() {
    let out = unode()
        .arg(root().join("examples/seed-libsys.js"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "Hello world\n");
}

#[test]
fn seed_libjs_example_reads_a_real_file() {
    let dir = std::env::temp_dir().join(format!("unode-libjs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("myfile.txt");
    std::fs::write(&file, "contents of my file").unwrap();
    let out = unode()
        .arg(root().join("examples/seed-libjs.js"))
        .arg(&file)
        .output()
        .unwrap();
    let missing = unode()
        .arg(root().join("examples/seed-libjs.js"))
        .arg(dir.join("absent"))
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        text(&out.stdout),
        "Bytes read:  19\ncontents of my file\n",
        "{}",
        text(&out.stderr)
    );
    assert_eq!(text(&missing.stdout), "Error:  -2\n");
}

#[test]
fn libsys_extras_for_a_js_vmm() {
    let script = r#"
        const sys = require('libsys');
        const libjs = require('libjs');
        console.log(typeof sys.syscall64(sys.nr.getpid), sys.syscall64(sys.nr.getpid) === BigInt(process.pid));
        const buf = new Uint8Array(16);
        const addr = sys.addressOf(buf);
        const view = new Uint8Array(sys.view(addr, 16));
        view[3] = 99;
        console.log(buf[3], addr > 0, sys.addressOf64(buf) === BigInt(addr));
        const len = 1 << 16;
        const mem = libjs.mmap(0, len, libjs.PROT.READ | libjs.PROT.WRITE, libjs.MAP.PRIVATE | libjs.MAP.ANONYMOUS);
        const ram = new Uint8Array(sys.view(mem, len));
        ram[len - 1] = 7;
        console.log(ram.length, ram[len - 1], libjs.munmap(mem, len));
        console.log(libjs.close(12345), libjs.ERRNO.EBADF, libjs.stat('/').mode > 0, libjs.stat('/nope'));
        const ep = libjs.epoll_create1();
        const [r, w] = libjs.pipe();
        libjs.epoll_ctl(ep, libjs.EPOLL_CTL.ADD, r, libjs.EPOLL.IN);
        libjs.write(w, 'x');
        console.log(JSON.stringify(libjs.epoll_wait(ep, 8, 1000).map((e) => [e.events, e.data === r])));
        console.log(libjs.readdir('/proc/self').includes('status'));
    "#;
    let out = unode().args(["-e", script]).output().unwrap();
    assert_eq!(
        text(&out.stdout),
        "bigint true\n99 true true\n65536 7 0\n-9 9 true -2\n[[1,true]]\ntrue\n",
        "{}",
        text(&out.stderr)
    );
}

/// guest/test's kernels (scripts/build-test-guests.sh), assembled into a fresh directory.
fn test_kernels(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
    let built = Command::new("bash")
        .arg(root().join("scripts/build-test-guests.sh"))
        .arg(&dir)
        .status()
        .unwrap();
    assert!(built.success(), "scripts/build-test-guests.sh failed");
    dir
}

#[test]
fn a_vmm_written_in_js_boots_a_tiny_guest() {
    if !Path::new("/dev/kvm").exists() {
        eprintln!("SKIPPED: examples/vmm.js needs /dev/kvm, which this machine does not have");
        return;
    }
    let out = unode()
        .arg(root().join("examples/vmm.js"))
        .env("VMM_INPUT", "typed on the host\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "Hi from a JS VMM\ntyped on the host\n");
    for (guest, expected) in [
        ("protected", "guest stopped: exit code 7\n"),
        ("long", "guest stopped: exit code 42\n"),
    ] {
        let out = unode()
            .arg(root().join("examples/vmm.js"))
            .args(["--guest", guest])
            .output()
            .unwrap();
        assert!(out.status.success(), "{guest}: {}", text(&out.stderr));
        assert_eq!(text(&out.stdout), expected, "{guest}");
    }
}

#[test]
fn the_js_vmm_boots_the_pvh_and_bzimage_test_kernels() {
    if !Path::new("/dev/kvm").exists() {
        eprintln!("SKIPPED: examples/vmm.js needs /dev/kvm, which this machine does not have");
        return;
    }
    let dir = test_kernels("unode-js-vmm-kernels");
    std::fs::write(dir.join("initrd"), b"initrd says hi\0").unwrap();
    let e820 = "e820: 0000000000000000 000000000009fc00 1\n\
                e820: 0000000000100000 0000000000f00000 1\n";
    for (kernel, expected) in [
        (
            "pvh.elf",
            format!(
                "pvh: start_info version 00000001\n\
                 cmdline: console=ttyS0 from-js\n\
                 initrd: 00fff000 0000000f\n\
                 initrd text: initrd says hi\n\
                 {e820}guest stopped: exit code 33\n"
            ),
        ),
        (
            "bzImage",
            format!(
                "bzImage: type_of_loader ff\n\
                 cmdline: console=ttyS0 from-js\n\
                 initrd: 0000000000fff000 000000000000000f\n\
                 initrd text: initrd says hi\n\
                 {e820}guest stopped: exit code 64\n"
            ),
        ),
    ] {
        let out = unode()
            .arg(root().join("examples/vmm.js"))
            .arg("--kernel")
            .arg(dir.join(kernel))
            .arg("--initrd")
            .arg(dir.join("initrd"))
            .args(["--cmdline", "console=ttyS0 from-js"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{kernel}: {}", text(&out.stderr));
        assert_eq!(text(&out.stdout), expected, "{kernel}");
    }
}

/// `unode vm` with a test kernel instead of Linux: the CLI's whole path (pack the app,
/// boot, console to stdout, the guest's exit code as the command's, --timings) runs here
/// even where a Linux guest cannot (PVM).
#[test]
fn unode_vm_boots_a_test_kernel_and_returns_its_exit_code() {
    if !Path::new("/dev/kvm").exists() {
        eprintln!("SKIPPED: unode vm needs /dev/kvm, which this machine does not have");
        return;
    }
    let dir = test_kernels("unode-vm-cli-kernels");
    let out = unode()
        .arg("vm")
        .arg(root().join("examples/hello.js"))
        .arg("--kernel")
        .arg(dir.join("bzImage"))
        .args([
            "--mem",
            "64M",
            "--cmdline",
            "console=ttyS0 from-cli",
            "--timings",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(64), "{}", text(&out.stderr));
    let console = text(&out.stdout);
    assert!(
        console.contains("cmdline: console=ttyS0 from-cli\n"),
        "{console}"
    );
    // The packed initramfs (LZ4 legacy frame magic 0x184c2102) sits where the kernel was told.
    assert!(console.contains("initrd text: \u{2}!L\u{18}"), "{console}");
    assert!(
        console.contains("e820: 0000000000100000 0000000003f00000 1\n"),
        "{console}"
    );
    let table = text(&out.stderr);
    for step in ["pack image", "load kernel + initrd", "teardown", "peak RSS"] {
        assert!(table.contains(step), "{table}");
    }
    let bad = unode()
        .arg("vm")
        .arg(root().join("examples/hello.js"))
        .arg("--kernel")
        .arg(root().join("README.md"))
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        text(&bad.stderr).contains("not a loadable vmlinux or bzImage"),
        "{}",
        text(&bad.stderr)
    );
}

#[test]
fn image_packs_an_initramfs_with_unode_as_init() {
    let dir = std::env::temp_dir().join(format!("unode-image-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("node_modules/dep")).unwrap();
    std::fs::write(dir.join("app.js"), "console.log(require('dep'))").unwrap();
    std::fs::write(
        dir.join("node_modules/dep/index.js"),
        "module.exports = 'dep'",
    )
    .unwrap();
    let img = dir.join("out.img");
    let out = unode()
        .arg("image")
        .arg(dir.join("app.js"))
        .arg("-o")
        .arg(&img)
        .arg("arg1")
        .output()
        .unwrap();
    let bytes = std::fs::read(&img).unwrap_or_default();
    let missing = unode()
        .args(["image", "/nonexistent/app.js"])
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("app 2 files"),
        "{}",
        text(&out.stdout)
    );
    // The LZ4 legacy frame magic, then blocks; bigger than nothing, smaller than unode.
    assert_eq!(&bytes[..4], &0x184C_2102u32.to_le_bytes());
    assert!(bytes.len() > 100_000);
    assert_eq!(missing.status.code(), Some(1));
    assert!(
        text(&missing.stderr).contains("no such script"),
        "{}",
        text(&missing.stderr)
    );
}

#[test]
fn the_vmm_is_driven_from_javascript() {
    if !Path::new("/dev/kvm").exists() {
        eprintln!("SKIPPED: unode:vm needs /dev/kvm, which this machine does not have");
        return;
    }
    let script = r#"
        import vm from 'unode:vm';
        // Real mode: print "OK\n" on COM1, then reset through the i8042.
        const code = Buffer.from([0xba, 0xf8, 0x03, 0xb0, 0x4f, 0xee, 0xb0, 0x4b, 0xee, 0xb0, 0x0a, 0xee, 0xb0, 0xfe, 0xe6, 0x64]);
        const r = await vm.run({ code, mode: 'real' });
        console.log(r.reason, JSON.stringify(r.console), typeof r.timings.run);
        try { await vm.run({ kernel: '/nonexistent/vmlinux' }); } catch (e) { console.log(e.code); }
        try { vm.create({ code, mode: 'unreal' }); } catch (e) { console.log(e.name); }

        // The console streams both ways: the guest echoes what is written once it is running.
        const echo = Buffer.from([0xba, 0xfd, 0x03, 0xec, 0xa8, 0x01, 0x74, 0xf8, 0xba, 0xf8, 0x03, 0xec, 0xee, 0x3c, 0x0a, 0x75, 0xef, 0xb0, 0xfe, 0xe6, 0x64]);
        const m = vm.create({ code: echo });
        let said = '';
        m.console.setEncoding('utf8');
        m.console.on('data', (d) => { said += d; });
        setTimeout(() => m.console.write('typed later\n'), 30);
        const closed = new Promise((resolve) => m.console.on('close', resolve));
        m.on('exit', (r) => console.log('exit event', r.reason));
        console.log('exited', (await m.exited).reason, m.running);
        await closed;
        console.log('echoed', JSON.stringify(said));

        // stop(): a guest spinning without exits, and one blocked on a console nobody reads.
        const spin = vm.create({ code: Buffer.from([0xeb, 0xfe]) });
        setTimeout(() => spin.stop(), 50);
        console.log('spin', (await spin.exited).reason);
        const flood = vm.create({ code: Buffer.from([0xba, 0xf8, 0x03, 0xb0, 0x78, 0xee, 0xeb, 0xfd]) });
        flood.console.pause();
        setTimeout(() => flood.stop(), 50);
        console.log('flood', (await flood.exited).reason);
        flood.console.destroy();

        // The test kernels through both loader paths, the exit code from the exit device.
        for (const kernel of ['pvh.elf', 'bzImage']) {
          const k = await vm.run({ kernel: `${process.env.TEST_KERNELS}/${kernel}`, initrd: Buffer.from('from js\0'), cmdline: 'unode:vm', memMib: 16 });
          console.log(kernel, k.reason, k.exitCode, k.console.split('\n').filter((l) => /cmdline|text/.test(l)).join(' | '));
        }
    "#;
    let dir = test_kernels("unode-vm-api-kernels");
    let out = unode()
        .args(["--input-type=module", "-e", script])
        .env("TEST_KERNELS", &dir)
        .output()
        .unwrap();
    assert_eq!(
        text(&out.stdout),
        "Reset \"OK\\n\" number\nERR_UNODE_VM\nTypeError\n\
         exit event Reset\nexited Reset false\nechoed \"typed later\\n\"\n\
         spin Stopped\nflood Stopped\n\
         pvh.elf exit 33 cmdline: unode:vm | initrd text: from js\n\
         bzImage exit 64 cmdline: unode:vm | initrd text: from js\n",
        "{}",
        text(&out.stderr)
    );
}

/// `unode app.js | head -1`: once the reader has gone, console.log's EPIPE is swallowed
/// and the program ends normally, as under node; a bare process.stdout.write fails with
/// EPIPE as node's does.
#[test]
fn console_log_into_a_closed_pipe_ends_quietly_as_node() {
    use std::io::Read;
    for (script, code) in [
        ("for (let i = 0; i < 200000; i++) console.log('line', i)", 0),
        (
            "for (let i = 0; i < 200000; i++) process.stdout.write('line\\n')",
            1,
        ),
    ] {
        for runtime in [Command::new("node"), unode()] {
            let mut runtime = runtime;
            let mut child = runtime
                .args(["-e", script])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let mut first = [0u8; 4];
            child.stdout.take().unwrap().read_exact(&mut first).unwrap();
            // The stdout pipe's reader is gone now.
            let out = child.wait_with_output().unwrap();
            assert_eq!(&first, b"line");
            assert_eq!(out.status.code(), Some(code), "{script}");
            let err = text(&out.stderr);
            if code == 0 {
                assert!(err.is_empty(), "{script}: {err}");
            } else {
                assert!(err.contains("EPIPE"), "{script}: {err}");
            }
        }
    }
}

#[test]
fn option_values_are_checked() {
    let out = unode()
        .args(["--max-http-header-size=many", "-e", "1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(9));
    assert_eq!(
        text(&out.stderr),
        "unode: --max-http-header-size requires a positive integer: many\n"
    );
    let out = unode()
        .args(["-e", "1"])
        .env("NODE_OPTIONS", "--require \"unterminated")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(9));
    assert!(
        text(&out.stderr).contains("NODE_OPTIONS"),
        "{}",
        text(&out.stderr)
    );
}
