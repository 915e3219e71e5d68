//! The VMM driven from JavaScript (`require('unode:vm')`): a run of a microVM as a job on
//! the worker pool, its result (exit, console, timings) delivered through the loop.

use super::def;
use crate::fs_ops::{FsError, Out};
use crate::state::Shared;
use rquickjs::function::Opt;
use rquickjs::{Ctx, Exception, Object, Result, Value};
use std::sync::{Arc, Mutex};
use unode_vmm::{ExitReason, GuestCode, Machine, MachineConfig};

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Capture {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .extend_from_slice(b);
        Ok(b.len())
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

pub fn init<'js>(obj: &Object<'js>, state: &Shared) -> Result<()> {
    let s = state.clone();
    // run({ kernel, initrd, cmdline, memMib, code, mode, input }, req): one VM to its end.
    def(
        obj,
        "run",
        move |ctx: Ctx<'js>, opts: Object<'js>, req: Opt<f64>| -> Result<Value<'js>> {
            let mem_mib: Option<f64> = opts.get("memMib")?;
            let input = opts
                .get::<_, Value>("input")
                .ok()
                .and_then(|v| bytes_arg(&ctx, &v))
                .unwrap_or_default();
            let code = match opts.get::<_, Option<String>>("kernel")? {
                Some(kernel) => GuestCode::Linux {
                    vmlinux: kernel.into(),
                    initrd: opts
                        .get::<_, Value>("initrd")
                        .ok()
                        .and_then(|v| bytes_arg(&ctx, &v)),
                    cmdline: opts
                        .get::<_, Option<String>>("cmdline")?
                        .unwrap_or_else(|| "console=ttyS0 reboot=k panic=-1".into()),
                },
                None => {
                    let Some(bytes) = opts
                        .get::<_, Value>("code")
                        .ok()
                        .and_then(|v| bytes_arg(&ctx, &v))
                    else {
                        return Err(Exception::throw_type(
                            &ctx,
                            "a VM needs `kernel` (a vmlinux path) or `code` (machine code bytes)",
                        ));
                    };
                    let mode = match opts.get::<_, Option<String>>("mode")?.as_deref() {
                        None | Some("real") => unode_vmm::arch::x86_64::Mode::Real,
                        Some("protected") => unode_vmm::arch::x86_64::Mode::Protected32,
                        Some("long") => unode_vmm::arch::x86_64::Mode::Long64,
                        Some(other) => {
                            return Err(Exception::throw_type(
                                &ctx,
                                &format!("unknown mode {other:?}: real, protected or long"),
                            ))
                        }
                    };
                    GuestCode::Blob {
                        bytes,
                        load: 0x1000,
                        mode,
                    }
                }
            };
            super::fs::dispatch(&ctx, &s, req, move || {
                let console = Capture::default();
                let config = MachineConfig {
                    mem_mib: mem_mib.unwrap_or(128.0) as u64,
                    code,
                    serial_out: Box::new(console.clone()),
                    serial_in: input,
                    irqchip: true,
                };
                let failed = |e: unode_vmm::Error| FsError {
                    errno: unode_sys::Errno::EINVAL,
                    syscall: "vm",
                    path: Some(e.to_string()),
                    dest: None,
                };
                let report = Machine::new(config)
                    .and_then(Machine::run)
                    .map_err(failed)?;
                let (reason, exit_code) = match &report.reason {
                    ExitReason::ExitCode(c) => ("exit".to_owned(), Out::Num(*c as f64)),
                    other => (format!("{other:?}"), Out::Unit),
                };
                let text =
                    String::from_utf8_lossy(&console.0.lock().unwrap_or_else(|p| p.into_inner()))
                        .into_owned();
                let timings = report
                    .timings
                    .iter()
                    .map(|(k, ns)| (*k, Out::Num(*ns as f64)))
                    .collect();
                Ok(Out::Object(vec![
                    ("reason", Out::Str(reason)),
                    ("exitCode", exit_code),
                    ("console", Out::Str(text)),
                    (
                        "bootNs",
                        report.boot_ns.map_or(Out::Unit, |n| Out::Num(n as f64)),
                    ),
                    ("timings", Out::Object(timings)),
                ]))
            })
        },
    )?;
    Ok(())
}
