//! The native half of MessagePorts whose two ends may be on different threads
//! (lib/internal/messaging.js): a port sent to a worker, or from one, becomes one end of a
//! native channel. Each end has an inbox of serialized messages whose eventfd wakes the
//! loop of the thread holding the end; ends are named by ids any thread can take up, so a
//! port can be passed on again.

use super::def;
use crate::engine::bytes_of;
use rquickjs::{Array, ArrayBuffer, Ctx, Exception, Object, Result, Value};
use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use unode_sys::{event, fs, Errno};

/// What one end receives: its peer's messages, and whether the peer closed.
struct Inbox {
    queue: Mutex<VecDeque<Vec<u8>>>,
    peer_closed: AtomicBool,
    fd: i32,
}

impl Inbox {
    fn new() -> std::result::Result<Arc<Inbox>, Errno> {
        let fd = event::eventfd(0, event::EFD_NONBLOCK | event::EFD_CLOEXEC)?;
        Ok(Arc::new(Inbox {
            queue: Mutex::new(VecDeque::new()),
            peer_closed: AtomicBool::new(false),
            fd,
        }))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<Vec<u8>>> {
        // A poisoned lock means a thread panicked holding it; the queue is still whole.
        self.queue.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn wake(&self) {
        // EAGAIN means the counter is saturated: the reader is woken anyway.
        let _ = event::signal(self.fd);
    }
}

impl Drop for Inbox {
    fn drop(&mut self) {
        let _ = fs::close(self.fd);
    }
}

/// One end of a channel: its own inbox, and its peer's, which it posts to. An end's inbox
/// lives while either end does, so the descriptor a loop watches stays open until the
/// end's holder has stopped watching it and closed the end.
struct End {
    inbox: Arc<Inbox>,
    peer: Arc<Inbox>,
}

static ENDS: Mutex<BTreeMap<u64, End>> = Mutex::new(BTreeMap::new());
static NEXT_END: AtomicU64 = AtomicU64::new(1);

thread_local! {
    /// The ends this thread's ports hold: closed when a worker's runtime ends, so that
    /// the ports on the other side learn of it, as they would of a port closed by hand.
    static HELD: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

fn ends() -> std::sync::MutexGuard<'static, BTreeMap<u64, End>> {
    ENDS.lock().unwrap_or_else(|e| e.into_inner())
}

fn hold(id: u64) {
    HELD.with(|h| h.borrow_mut().push(id));
}

fn release(id: u64) {
    HELD.with(|h| h.borrow_mut().retain(|&held| held != id));
}

/// Closes end `id`: its peer is told (and woken), and the end is gone.
fn close_end(id: u64) {
    release(id);
    if let Some(end) = ends().remove(&id) {
        end.peer.peer_closed.store(true, Ordering::Release);
        end.peer.wake();
    }
}

/// Closes the ends this thread still holds (a worker's runtime is ending).
pub fn close_held() {
    for id in HELD.with(|h| std::mem::take(&mut *h.borrow_mut())) {
        close_end(id);
    }
}

pub fn init<'js>(obj: &Object<'js>) -> Result<()> {
    // channel() → [a, b]: a new channel's two ends, both held by this thread.
    def(obj, "channel", |ctx: Ctx<'js>| -> Result<Vec<f64>> {
        let (a, b) = match (Inbox::new(), Inbox::new()) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => return Err(super::throw_uv(&ctx, e, "eventfd", None)),
        };
        let first = NEXT_END.fetch_add(2, Ordering::Relaxed);
        let mut all = ends();
        all.insert(
            first,
            End {
                inbox: a.clone(),
                peer: b.clone(),
            },
        );
        all.insert(first + 1, End { inbox: b, peer: a });
        drop(all);
        hold(first);
        hold(first + 1);
        Ok(vec![first as f64, (first + 1) as f64])
    })?;
    // adopt(id) → the descriptor to watch for end `id`'s messages, now held by this
    // thread; -1 for an end that is gone.
    def(obj, "adopt", |id: f64| -> i32 {
        let id = id as u64;
        let fd = ends().get(&id).map_or(-1, |end| end.inbox.fd);
        if fd >= 0 {
            hold(id);
        }
        fd
    })?;
    // disown(id): end `id` leaves this thread (in a message to another).
    def(obj, "disown", |id: f64| release(id as u64))?;
    // post(id, bytes) → whether the message went (false once the peer has closed).
    def(
        obj,
        "post",
        |ctx: Ctx<'js>, id: f64, bytes: Value<'js>| -> Result<bool> {
            let message = match bytes_of(&ctx, &bytes) {
                // SAFETY: a live JS buffer, copied before any JS runs again.
                Some((p, n)) => unsafe { std::slice::from_raw_parts(p, n) }.to_vec(),
                None => return Err(Exception::throw_type(&ctx, "expected an ArrayBufferView")),
            };
            // Nothing goes to a peer that has closed (this end's inbox says so).
            let peer = match ends().get(&(id as u64)) {
                Some(end) if !end.inbox.peer_closed.load(Ordering::Acquire) => end.peer.clone(),
                _ => return Ok(false),
            };
            peer.lock().push_back(message);
            peer.wake();
            Ok(true)
        },
    )?;
    // take(id) → [peerClosed, ...messages]: what end `id` has received, and whether its
    // peer has closed (then nothing more will come).
    def(
        obj,
        "take",
        |ctx: Ctx<'js>, id: f64| -> Result<Array<'js>> {
            let out = Array::new(ctx.clone())?;
            let Some(inbox) = ends().get(&(id as u64)).map(|end| end.inbox.clone()) else {
                out.set(0, true)?;
                return Ok(out);
            };
            let _ = event::drain(inbox.fd);
            // The flag is read before the queue: a message posted before the close is taken.
            let closed = inbox.peer_closed.load(Ordering::Acquire);
            let messages: Vec<Vec<u8>> = inbox.lock().drain(..).collect();
            out.set(0, closed)?;
            for (i, m) in messages.into_iter().enumerate() {
                out.set(i + 1, ArrayBuffer::new(ctx.clone(), m)?)?;
            }
            Ok(out)
        },
    )?;
    // requeue(id, messages): messages taken but not delivered go back, ahead of the rest
    // (the end is being sent on, and its next holder gets them).
    def(
        obj,
        "requeue",
        |ctx: Ctx<'js>, id: f64, messages: Vec<Value<'js>>| -> Result<()> {
            let Some(inbox) = ends().get(&(id as u64)).map(|end| end.inbox.clone()) else {
                return Ok(());
            };
            let mut queue = inbox.lock();
            for m in messages.iter().rev() {
                match bytes_of(&ctx, m) {
                    // SAFETY: a live JS buffer, copied at once.
                    Some((p, n)) => {
                        queue.push_front(unsafe { std::slice::from_raw_parts(p, n) }.to_vec())
                    }
                    None => return Err(Exception::throw_type(&ctx, "expected an ArrayBuffer")),
                }
            }
            drop(queue);
            inbox.wake();
            Ok(())
        },
    )?;
    // close(id): end `id` closes; its peer is told.
    def(obj, "close", |id: f64| close_end(id as u64))?;
    Ok(())
}
