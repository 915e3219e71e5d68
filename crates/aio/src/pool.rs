//! Worker threads for work that blocks; completions come back through the reactor's waker.

use crate::Waker;
use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use unode_sys::signal::{sigprocmask, SigSet, SIG_BLOCK};

type Job<T> = Box<dyn FnOnce() -> T + Send + 'static>;
/// A job and the id its completion is reported under.
type Queued<T> = (u64, Job<T>);

/// A fixed-size pool. Threads start on the first submission, so programs that never
/// block pay nothing at start-up.
pub struct Pool<T: Send + 'static> {
    size: usize,
    waker: Waker,
    /// Set on the first submission; the pool lives on the loop thread only.
    jobs: std::cell::OnceCell<Option<Arc<Jobs<T>>>>,
    done: Arc<Mutex<VecDeque<(u64, T)>>>,
    pending: std::cell::Cell<usize>,
}

/// The queue workers take jobs from. One condition variable and a count of sleeping
/// workers, so that a job wakes at most one thread and none when all are busy (a
/// mutex-guarded channel woke two per job: the receiver, then the next worker waiting
/// for the mutex — two context switches per 64 KiB of a stream copy).
struct Jobs<T> {
    state: Mutex<JobsState<T>>,
    ready: Condvar,
}

struct JobsState<T> {
    queue: VecDeque<Queued<T>>,
    idle: usize,
    closed: bool,
}

impl<T> Jobs<T> {
    fn lock(&self) -> MutexGuard<'_, JobsState<T>> {
        // A job that panicked poisons nothing here: jobs run outside the lock.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The next job, waiting for one; None once the pool is dropped.
    fn next(&self) -> Option<Queued<T>> {
        let mut state = self.lock();
        loop {
            if let Some(job) = state.queue.pop_front() {
                return Some(job);
            }
            if state.closed {
                return None;
            }
            state.idle += 1;
            state = self.ready.wait(state).unwrap_or_else(|p| p.into_inner());
            state.idle -= 1;
        }
    }
}

impl<T: Send + 'static> Pool<T> {
    pub fn new(size: usize, waker: Waker) -> Self {
        Pool {
            size: size.max(1),
            waker,
            jobs: std::cell::OnceCell::new(),
            done: Arc::new(Mutex::new(VecDeque::new())),
            pending: std::cell::Cell::new(0),
        }
    }

    /// Starts the workers; None if not one could be started.
    fn spawn_workers(&self) -> Option<Arc<Jobs<T>>> {
        let jobs = Arc::new(Jobs {
            state: Mutex::new(JobsState {
                queue: VecDeque::new(),
                idle: 0,
                closed: false,
            }),
            ready: Condvar::new(),
        });
        let mut started = 0;
        for i in 0..self.size {
            let jobs = jobs.clone();
            let done = self.done.clone();
            let waker = self.waker.clone();
            let spawned = std::thread::Builder::new()
                .name(format!("unode-pool-{i}"))
                .spawn(move || {
                    // Signals belong to the loop thread's signalfd, never to a worker.
                    let _ = sigprocmask(SIG_BLOCK, &SigSet::full());
                    while let Some((id, job)) = jobs.next() {
                        let result = job();
                        if push_completion(&done, id, result) {
                            waker.wake();
                        }
                    }
                });
            if spawned.is_ok() {
                started += 1;
            }
        }
        (started > 0).then_some(jobs)
    }

    /// Queues `job`; its result comes back from [`Pool::take_completed`] as `(id, result)`
    /// after the reactor reports a wake-up.
    pub fn submit(&self, id: u64, job: impl FnOnce() -> T + Send + 'static) {
        self.pending.set(self.pending.get() + 1);
        let Some(jobs) = self.jobs.get_or_init(|| self.spawn_workers()) else {
            // No worker could start: run the job here so its completion is never lost.
            if push_completion(&self.done, id, job()) {
                self.waker.wake();
            }
            return;
        };
        let mut state = jobs.lock();
        state.queue.push_back((id, Box::new(job)));
        let wake = state.idle > 0;
        drop(state);
        if wake {
            jobs.ready.notify_one();
        }
    }

    /// Jobs submitted and not yet taken back.
    pub fn pending(&self) -> usize {
        self.pending.get()
    }

    /// Waits until every job submitted has finished (its result queued, taken or not): a
    /// process that ends then loses no job's effect.
    pub fn wait_finished(&self) {
        loop {
            let finished = match self.done.lock() {
                Ok(q) => q.len(),
                Err(p) => p.into_inner().len(),
            };
            if finished >= self.pending.get() {
                return;
            }
            // Jobs here are short (socket writes that never block, a file operation).
            let _ = unode_sys::time::nanosleep(20_000);
        }
    }

    /// Every finished job's `(id, result)`, in completion order.
    pub fn take_completed(&self) -> Vec<(u64, T)> {
        let taken: Vec<_> = match self.done.lock() {
            Ok(mut q) => q.drain(..).collect(),
            Err(p) => p.into_inner().drain(..).collect(),
        };
        self.pending.set(self.pending.get() - taken.len());
        taken
    }
}

impl<T: Send + 'static> Drop for Pool<T> {
    /// Workers finish the job in hand and exit.
    fn drop(&mut self) {
        if let Some(Some(jobs)) = self.jobs.get() {
            jobs.lock().closed = true;
            jobs.ready.notify_all();
        }
    }
}

/// Queues a completion; true when the queue was empty, i.e. when the loop must be woken.
/// Later completions ride on that wake-up: the reactor drains its eventfd before the loop
/// takes the queue, so one pushed after the take finds it empty and wakes again (one
/// eventfd write per burst rather than per job; under a 64 KiB stream copy that was a
/// syscall per chunk).
fn push_completion<T>(done: &Mutex<VecDeque<(u64, T)>>, id: u64, result: T) -> bool {
    let mut q = match done.lock() {
        Ok(q) => q,
        Err(p) => p.into_inner(),
    };
    q.push_back((id, result));
    q.len() == 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Event, Reactor};

    /// What the reactor reports within 5 s.
    fn wait(reactor: &mut Reactor) -> Vec<Event> {
        let mut events = vec![];
        reactor
            .poll(
                Some(5_000_000_000),
                unode_sys::time::monotonic_ns(),
                &mut events,
            )
            .unwrap();
        events
    }

    #[test]
    fn completions_return_through_the_reactor() {
        let mut reactor = Reactor::new().unwrap();
        let pool: Pool<u64> = Pool::new(4, reactor.waker());
        for i in 0..100u64 {
            pool.submit(i, move || {
                unode_sys::time::nanosleep(100_000).unwrap();
                i * i
            });
        }
        assert_eq!(pool.pending(), 100);
        let mut got = vec![];
        while got.len() < 100 {
            let events = wait(&mut reactor);
            assert!(events.contains(&Event::Wake), "no wake-up within 5 s");
            got.extend(pool.take_completed());
        }
        assert_eq!(pool.pending(), 0);
        got.sort();
        assert_eq!(got, (0..100u64).map(|i| (i, i * i)).collect::<Vec<_>>());
    }

    #[test]
    fn a_burst_of_instant_jobs_is_never_left_without_a_wake_up() {
        // Completions that find the queue non-empty do not wake the loop: every one must
        // still come back, whatever the interleaving with the loop's takes.
        let mut reactor = Reactor::new().unwrap();
        let pool: Pool<u64> = Pool::new(4, reactor.waker());
        let mut got = 0;
        for round in 0..200u64 {
            for i in 0..50 {
                pool.submit(round * 50 + i, move || i);
            }
            while pool.pending() > 0 {
                let events = wait(&mut reactor);
                assert!(!events.is_empty(), "a completion was never announced");
                got += pool.take_completed().len();
            }
        }
        assert_eq!(got, 10_000);
    }

    #[test]
    fn blocking_work_runs_in_parallel() {
        let mut reactor = Reactor::new().unwrap();
        let pool: Pool<()> = Pool::new(4, reactor.waker());
        let start = unode_sys::time::monotonic_ns();
        for i in 0..4 {
            pool.submit(i, || unode_sys::time::nanosleep(100_000_000).unwrap());
        }
        let mut n = 0;
        while n < 4 {
            wait(&mut reactor);
            n += pool.take_completed().len();
        }
        let took = unode_sys::time::monotonic_ns() - start;
        assert!(
            took < 350_000_000,
            "4 × 100 ms sleeps took {took} ns: not parallel"
        );
    }

    #[test]
    fn wait_finished_returns_once_every_job_ran() {
        let reactor = Reactor::new().unwrap();
        let pool: Pool<()> = Pool::new(1, reactor.waker());
        let ran = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        for i in 0..5 {
            let ran = ran.clone();
            pool.submit(i, move || {
                unode_sys::time::nanosleep(10_000_000).unwrap();
                ran.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            });
        }
        pool.wait_finished();
        assert_eq!(ran.load(std::sync::atomic::Ordering::SeqCst), 5);
        // Finished, not taken: the results are still there for the loop.
        assert_eq!(pool.take_completed().len(), 5);
        pool.wait_finished();
    }
}
