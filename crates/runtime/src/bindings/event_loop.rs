//! The loop's clock, timers, descriptor watches, signals and pool completions, polled by
//! lib/internal/event_loop.js once per iteration.

use super::def;
use crate::state::{ParsedReader, Shared, Watch, SIGNAL_TOKEN};
use rquickjs::function::Opt;
use rquickjs::{Array, Ctx, Object, Persistent, Result, Value};
use unode_aio::Event;
use unode_sys::epoll::{EPOLLERR, EPOLLHUP, EPOLLIN};
use unode_sys::signal::{self, SigSet, SFD_CLOEXEC, SFD_NONBLOCK, SIG_BLOCK, SIG_UNBLOCK};
use unode_sys::Errno;

/// Event kinds in `poll`'s result rows.
const EV_IO: i32 = 1;
const EV_POOL: i32 = 2;
const EV_SIGNAL: i32 = 3;
const EV_PARSED: i32 = 4;

pub fn init<'js>(obj: &Object<'js>, state: &Shared) -> Result<()> {
    let s = state.clone();
    def(obj, "now", move || s.borrow().now_ms as f64)?;
    let s = state.clone();
    def(obj, "updateTime", move || {
        let mut st = s.borrow_mut();
        st.update_time();
        st.now_ms as f64
    })?;
    let s = state.clone();
    def(
        obj,
        "timerStart",
        move |id: f64, ms: f64, loop_time: Opt<bool>| {
            let mut st = s.borrow_mut();
            // Node reads a fresh clock when a timer is armed: time spent in the script before
            // setTimeout() does not count against the delay. Idle timers (a socket's timeout,
            // restarted per HTTP request) count from the loop's time, as libuv's do: the clock
            // is a system call here.
            if !loop_time.0.unwrap_or(false) {
                st.update_time();
            }
            let deadline_ms = st.now_ms + ms.max(0.0) as u64;
            st.reactor.timers.arm(id as u64, deadline_ms * 1_000_000);
            // The deadline in the loop's ms, for lib/internal/timers.js to know when the
            // timers phase has something to do without asking every iteration.
            deadline_ms as f64
        },
    )?;
    let s = state.clone();
    def(obj, "timerStop", move |id: f64| {
        s.borrow_mut().reactor.timers.cancel(id as u64)
    })?;
    let s = state.clone();
    def(obj, "nextDueTimer", move || {
        let mut st = s.borrow_mut();
        let now = st.now_ms * 1_000_000;
        st.reactor.timers.pop_due(now).map_or(0.0, |id| id as f64)
    })?;
    let s = state.clone();
    def(obj, "nextDeadline", move || {
        let mut st = s.borrow_mut();
        st.reactor
            .timers
            .next_deadline()
            .map_or(f64::INFINITY, |ns| (ns / 1_000_000) as f64)
    })?;
    let s = state.clone();
    def(
        obj,
        "watch",
        move |ctx: Ctx<'js>, fd: i32, events: u32| -> Result<f64> {
            let mut st = s.borrow_mut();
            let token = st.next_token;
            match st.reactor.register(fd, token, events) {
                Ok(()) => {
                    st.next_token += 1;
                    st.watched.insert(
                        token,
                        Watch {
                            fd,
                            events,
                            reader: None,
                        },
                    );
                    Ok(token as f64)
                }
                Err(e) => Err(super::throw_uv(&ctx, e, "epoll_ctl", None)),
            }
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "rewatch",
        move |ctx: Ctx<'js>, token: f64, events: u32| -> Result<()> {
            let mut st = s.borrow_mut();
            let Some(watch) = st.watched.get_mut(&(token as u64)) else {
                return Ok(());
            };
            watch.events = events;
            let fd = watch.fd;
            st.reactor
                .reregister(fd, token as u64, events)
                .map_err(|e| super::throw_uv(&ctx, e, "epoll_ctl", None))
        },
    )?;
    // readParsed(token, parser, socket): from now on poll reads the watch's descriptor
    // itself when it is readable and asked to be, and parser `parser` parses what came;
    // the rows go to JS with `socket` (EV_PARSED). A parser of -1 ends it.
    let s = state.clone();
    def(
        obj,
        "readParsed",
        move |ctx: Ctx<'js>, token: f64, parser: f64, target: Opt<Value<'js>>| {
            let mut st = s.borrow_mut();
            if let Some(watch) = st.watched.get_mut(&(token as u64)) {
                watch.reader = match target.0.and_then(Value::into_object) {
                    Some(target) if parser >= 0.0 => Some(ParsedReader {
                        parser: parser as usize,
                        target: Persistent::save(&ctx, target),
                    }),
                    _ => None,
                };
            }
        },
    )?;
    let s = state.clone();
    def(obj, "unwatch", move |token: f64| {
        let mut st = s.borrow_mut();
        if let Some(watch) = st.watched.remove(&(token as u64)) {
            // The fd may already be closed, which removed it from epoll: nothing to undo.
            let _ = st.reactor.deregister(watch.fd);
        }
    })?;
    let s = state.clone();
    def(
        obj,
        "signalStart",
        move |ctx: Ctx<'js>, sig: i32| -> Result<()> {
            set_signal(&s, sig, true).map_err(|e| super::throw_uv(&ctx, e, "signalfd", None))
        },
    )?;
    let s = state.clone();
    def(
        obj,
        "signalStop",
        move |ctx: Ctx<'js>, sig: i32| -> Result<()> {
            set_signal(&s, sig, false).map_err(|e| super::throw_uv(&ctx, e, "signalfd", None))
        },
    )?;
    let s = state.clone();
    def(obj, "poolPending", move || s.borrow().pool.pending() as u32)?;
    let s = state.clone();
    def(
        obj,
        "poll",
        move |ctx: Ctx<'js>, block: bool| -> Result<Array<'js>> { poll(&ctx, &s, block) },
    )?;
    Ok(())
}

fn set_signal(state: &Shared, sig: i32, on: bool) -> std::result::Result<(), Errno> {
    if !(1..=64).contains(&sig) || sig == signal::SIGKILL || sig == 19 {
        return Err(Errno::EINVAL);
    }
    let mut st = state.borrow_mut();
    let mut one = SigSet::default();
    one.add(sig);
    let mut mask = st.signal_mask;
    if on {
        mask.add(sig);
        signal::sigprocmask(SIG_BLOCK, &one)?;
    } else {
        mask.remove(sig);
        signal::sigprocmask(SIG_UNBLOCK, &one)?;
    }
    st.signal_mask = mask;
    match st.signal_fd {
        Some(fd) => {
            signal::signalfd(fd, &mask, 0)?;
        }
        None => {
            let fd = signal::signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK)?;
            st.reactor.register(fd, SIGNAL_TOKEN, EPOLLIN)?;
            st.signal_fd = Some(fd);
        }
    }
    Ok(())
}

/// For a readiness report of a watch that reads for an HTTP parser (see `readParsed`), and
/// that reading asks for now: the parser, the descriptor, and the socket the rows go to.
/// Reading in poll, before the batch's callbacks run, spares each request of a busy server
/// the JS that reacting to readiness costs (QuickJS runs every step of it); bytes read for
/// a socket that an earlier callback of the batch closes go with it, as they would have.
fn parsed_read<'js>(
    ctx: &Ctx<'js>,
    state: &Shared,
    token: u64,
    readiness: u32,
) -> Result<Option<(usize, i32, Value<'js>)>> {
    let st = state.borrow();
    let Some(watch) = st.watched.get(&token) else {
        return Ok(None);
    };
    let Some(reader) = &watch.reader else {
        return Ok(None);
    };
    // A parser freed under a watch (which JS does not do) leaves the bytes to JS's read.
    if watch.events & EPOLLIN == 0
        || readiness & (EPOLLIN | EPOLLERR | EPOLLHUP) == 0
        || !super::http_parser::exists(reader.parser)
    {
        return Ok(None);
    }
    let target = reader.target.clone().restore(ctx)?.into_value();
    Ok(Some((reader.parser, watch.fd, target)))
}

fn poll<'js>(ctx: &Ctx<'js>, state: &Shared, block: bool) -> Result<Array<'js>> {
    let mut events = Vec::new();
    if block {
        // Idle: memory kept for back-to-back work goes back.
        super::buffer::release_scratch();
    }
    {
        let mut st = state.borrow_mut();
        let wait = if block { None } else { Some(0) };
        let now_ns = st.now_ms * 1_000_000;
        st.reactor
            .poll(wait, now_ns, &mut events)
            .map_err(|e| super::throw_uv(ctx, e, "epoll_wait", None))?;
        st.update_time();
    }
    // One flat array: the loop's time after the wait, then four slots per event (kind, id,
    // and two values): a nested array per event cost an allocation and four property stores
    // each, every loop turn.
    let mut slots = Vec::with_capacity(1 + events.len() * 4);
    slots.push(Value::new_number(ctx.clone(), state.borrow().now_ms as f64));
    let mut push = |row: [Value<'js>; 4]| slots.extend(row);
    let num = |v: f64| Value::new_number(ctx.clone(), v);
    let none = || Value::new_undefined(ctx.clone());
    // Completed work first: a write the writer thread finished ends its response before
    // the connection's next request, read in this same poll, is handled (it then finds
    // the connection free instead of queueing behind the response).
    events.sort_by_key(|ev| !matches!(ev, Event::Wake));
    for ev in events {
        match ev {
            Event::Io {
                token: SIGNAL_TOKEN,
                ..
            } => {
                let fd = state.borrow().signal_fd;
                while let Some(sig) = fd.and_then(|fd| signal::read_signal(fd).ok()) {
                    push([num(EV_SIGNAL as f64), num(sig as f64), none(), none()]);
                }
            }
            Event::Io { token, readiness } => {
                if let Some((parser, fd, target)) = parsed_read(ctx, state, token, readiness)? {
                    let rows = super::http_parser::read_execute(ctx, parser, fd)?;
                    push([num(EV_PARSED as f64), target, num(readiness as f64), rows]);
                    continue;
                }
                push([
                    num(EV_IO as f64),
                    num(token as f64),
                    num(readiness as f64),
                    none(),
                ]);
            }
            Event::Wake => {
                let done = {
                    let st = state.borrow();
                    let mut done = st.pool.take_completed();
                    done.extend(st.writer.take_completed());
                    done
                };
                for (id, completion) in done {
                    let (err, value) = match completion {
                        Ok(out) => (
                            Value::new_null(ctx.clone()),
                            super::fs::out_to_js(ctx, out)?,
                        ),
                        Err(e) => (
                            Value::from_object(super::fs::fs_error(ctx, &e)?),
                            Value::new_undefined(ctx.clone()),
                        ),
                    };
                    push([num(EV_POOL as f64), num(id as f64), err, value]);
                }
            }
        }
    }
    crate::engine::array_from(ctx, slots)
}
