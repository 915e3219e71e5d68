//! The runtime's per-process native state, shared by the bindings through `Rc<RefCell<_>>`.

use rquickjs::{Object, Persistent};
use std::collections::HashMap;
use unode_aio::{Pool, Reactor};
use unode_sys::signal::SigSet;
use unode_sys::{time, Errno};

pub use crate::fs_ops::Completion;

pub struct LoopState {
    pub reactor: Reactor,
    pub pool: Pool<Completion>,
    /// One thread that writes batches of sockets' responses (see net's writeBehind): one
    /// thread, so batches go out in the order they were made.
    pub writer: Pool<Completion>,
    /// The loop's cached clock in ms, updated once per iteration like libuv's `uv_now`.
    pub now_ms: u64,
    /// Process start, in monotonic ns.
    pub start_ns: u64,
    /// Each watch's descriptor and what it waits for, by token.
    pub watched: HashMap<u64, Watch>,
    pub next_token: u64,
    pub signal_fd: Option<i32>,
    pub signal_mask: SigSet,
}

pub type Shared = std::rc::Rc<std::cell::RefCell<LoopState>>;

impl LoopState {
    pub fn new(start_ns: u64) -> Result<Self, Errno> {
        let reactor = Reactor::new()?;
        let threads = std::env::var("UV_THREADPOOL_SIZE")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(4usize)
            .clamp(1, 1024);
        let pool = Pool::new(threads, reactor.waker());
        let writer = Pool::new(1, reactor.waker());
        Ok(LoopState {
            reactor,
            pool,
            writer,
            now_ms: start_ns / 1_000_000,
            start_ns,
            watched: HashMap::new(),
            next_token: 1,
            signal_fd: None,
            signal_mask: SigSet::default(),
        })
    }

    pub fn update_time(&mut self) {
        self.now_ms = time::monotonic_ns() / 1_000_000;
    }
}

pub struct Watch {
    pub fd: i32,
    /// The EPOLL* bits asked for.
    pub events: u32,
    /// Set for a socket whose bytes go to an HTTP parser: poll reads and parses them
    /// itself (see bindings/event_loop.rs's `readParsed`).
    pub reader: Option<ParsedReader>,
}

/// Who a watch's parsed reads go to: parser `parser` parses them for `target` (the socket
/// that JS's onParsedRead is given).
pub struct ParsedReader {
    pub parser: usize,
    pub target: Persistent<Object<'static>>,
}

/// The token epoll reports for the signalfd.
pub const SIGNAL_TOKEN: u64 = u64::MAX - 1;
