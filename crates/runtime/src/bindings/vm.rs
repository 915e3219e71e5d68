//! The VMM driven from JavaScript (`require('unode:vm')`): a microVM runs as a job on the
//! worker pool while its serial console streams through a socket pair (one end for JS as
//! a net.Socket, the other read and written by the VMM's threads); the result (why it
//! stopped, the exit code, timings) comes back through the loop.

use super::def;
use super::slots;
use crate::fs_ops::{Completion, FsError, Out};
use crate::state::Shared;
use rquickjs::{Ctx, Exception, Object, Result, Value};
use unode_sys::{net, Errno};
use unode_vmm::{ExitReason, GuestCode, Machine, MachineConfig, StopHandle};

/// The VMM's end of the console socket pair, written by the vCPU thread.
struct ConsoleOut(i32);

impl std::io::Write for ConsoleOut {
    fn write(&mut self, mut b: &[u8]) -> std::io::Result<usize> {
        let len = b.len();
        while !b.is_empty() {
            // MSG_NOSIGNAL: JS may have closed its end. Blocking while JS does not read
            // holds the guest back (as a child process is held by a full pipe); a stop
            // request interrupts it (EINTR), and the rest of the output is dropped then, as
            // it is once nobody listens.
            match net::sendto(self.0, b, net::MSG_NOSIGNAL, None) {
                Ok(n) => b = &b[n..],
                Err(_) => break,
            }
        }
        Ok(len)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn bytes_arg(ctx: &Ctx<'_>, v: &Value<'_>) -> Option<Vec<u8>> {
    crate::engine::bytes_of(ctx, v).map(|(p, n)| {
        // SAFETY: (p, n) is the live buffer behind `v`, copied before JS runs again.
        unsafe { std::slice::from_raw_parts(p, n) }.to_vec()
    })
}

/// What to boot, from `{ kernel, initrd, cmdline }` or `{ code, mode }`.
fn guest_code(ctx: &Ctx<'_>, opts: &Object<'_>) -> Result<GuestCode> {
    if let Some(kernel) = opts.get::<_, Option<String>>("kernel")? {
        return Ok(GuestCode::Linux {
            vmlinux: kernel.into(),
            initrd: opts
                .get::<_, Value>("initrd")
                .ok()
                .and_then(|v| bytes_arg(ctx, &v)),
            cmdline: opts
                .get::<_, Option<String>>("cmdline")?
                .unwrap_or_else(|| "console=ttyS0 reboot=k panic=-1".into()),
        });
    }
    let Some(bytes) = opts
        .get::<_, Value>("code")
        .ok()
        .and_then(|v| bytes_arg(ctx, &v))
    else {
        return Err(Exception::throw_type(
            ctx,
            "a VM needs `kernel` (a kernel path) or `code` (machine code bytes)",
        ));
    };
    use unode_vmm::arch::x86_64::Mode;
    let mode = match opts.get::<_, Option<String>>("mode")?.as_deref() {
        None | Some("real") => Mode::Real,
        Some("protected") => Mode::Protected32,
        Some("long") => Mode::Long64,
        Some(other) => {
            return Err(Exception::throw_type(
                ctx,
                &format!("unknown mode {other:?}: real, protected or long"),
            ))
        }
    };
    Ok(GuestCode::Blob {
        bytes,
        load: 0x1000,
        mode,
    })
}

/// Runs the machine to its end (on a pool worker), feeding the guest what JS writes to
/// the console; then ends the console so that JS sees its end.
fn run_to_end(machine: Machine, fd: i32) -> Completion {
    let input = machine.serial_input();
    let reader = std::thread::Builder::new()
        .name("unode-vm-console".into())
        .spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = unode_sys::retry(|| unode_sys::fs::read(fd, &mut buf)) {
                if !input.send(&buf[..n]) {
                    break;
                }
            }
        });
    let report = machine.run();
    let _ = net::shutdown(fd, net::SHUT_RDWR);
    if let Ok(reader) = reader {
        let _ = reader.join();
    }
    let _ = unode_sys::fs::close(fd);
    let report = report.map_err(|e| FsError {
        errno: Errno::EINVAL,
        syscall: "vm",
        path: Some(e.to_string()),
        dest: None,
    })?;
    let (reason, exit_code) = match &report.reason {
        ExitReason::ExitCode(c) => ("exit".to_owned(), Out::Num(*c as f64)),
        other => (format!("{other:?}"), Out::Unit),
    };
    let timings = report
        .timings
        .iter()
        .map(|(k, ns)| (*k, Out::Num(*ns as f64)))
        .collect();
    Ok(Out::Object(vec![
        ("reason", Out::Str(reason)),
        ("exitCode", exit_code),
        (
            "bootNs",
            report.boot_ns.map_or(Out::Unit, |n| Out::Num(n as f64)),
        ),
        ("timings", Out::Object(timings)),
    ]))
}

pub fn init<'js>(obj: &Object<'js>, state: &Shared) -> Result<()> {
    let machines: slots::Shared<StopHandle> = slots::shared();
    let s = state.clone();
    let m = machines.clone();
    // start({ kernel, initrd, cmdline, memMib, code, mode }, req) → { id, fd }: the
    // machine is built here (bad kernels and configurations throw), then runs on the pool;
    // `fd` is JS's end of the console, `id` names it for stop().
    def(
        obj,
        "start",
        move |ctx: Ctx<'js>, opts: Object<'js>, req: f64| -> Result<Object<'js>> {
            let mem_mib: Option<f64> = opts.get("memMib")?;
            let code = guest_code(&ctx, &opts)?;
            let (js_end, vmm_end) =
                net::socketpair(net::AF_UNIX, net::SOCK_STREAM | net::SOCK_CLOEXEC)
                    .map_err(|e| super::throw_uv(&ctx, e, "socketpair", None))?;
            let config = MachineConfig {
                mem_mib: mem_mib.unwrap_or(128.0) as u64,
                code,
                serial_out: Box::new(ConsoleOut(vmm_end)),
                serial_in: Vec::new(),
                irqchip: true,
            };
            let machine = match Machine::new(config) {
                Ok(machine) => machine,
                Err(e) => {
                    let _ = unode_sys::fs::close(js_end);
                    let _ = unode_sys::fs::close(vmm_end);
                    let err = Exception::from_message(ctx.clone(), &format!("VM failed: {e}"))?;
                    err.set("code", "ERR_UNODE_VM")?;
                    return Err(ctx.throw(err.into_value()));
                }
            };
            let id = m.borrow_mut().insert(machine.stop_handle());
            s.borrow()
                .pool
                .submit(req as u64, move || run_to_end(machine, vmm_end));
            let handles = Object::new(ctx)?;
            handles.set("id", id)?;
            handles.set("fd", js_end)?;
            Ok(handles)
        },
    )?;
    let m = machines.clone();
    def(obj, "stop", move |id: f64| {
        if let Some(stop) = m.borrow().get(id as usize) {
            stop.stop();
        }
    })?;
    let m = machines;
    def(obj, "release", move |id: f64| {
        m.borrow_mut().take(id as usize);
    })?;
    Ok(())
}
