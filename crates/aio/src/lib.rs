//! The event loop's machinery, free of JavaScript: a [`Reactor`] (epoll + [`TimerHeap`] +
//! eventfd [`Waker`]) and a [`Pool`] of worker threads for blocking work.

mod pool;
mod reactor;
mod spin;
mod timers;

pub use pool::Pool;
pub use reactor::{Event, Reactor, Waker, WAKE_TOKEN};
pub use timers::TimerHeap;
