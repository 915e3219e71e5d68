//! A min-heap of deadlines with cancellation and re-arming by id.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// Timers keyed by a caller's id. Ties on the deadline fire in arming order, which is what
/// Node's timer lists guarantee for timers of equal expiry.
#[derive(Default)]
pub struct TimerHeap {
    heap: BinaryHeap<Reverse<(u64, u64, u64)>>,
    /// id → (deadline, sequence) of the live arming; heap entries that differ are stale.
    live: HashMap<u64, (u64, u64)>,
    seq: u64,
}

impl TimerHeap {
    pub fn new() -> Self {
        Self::default()
    }

    /// Arms (or re-arms) timer `id` to fire at `deadline` (any monotonic unit).
    pub fn arm(&mut self, id: u64, deadline: u64) {
        self.seq += 1;
        self.live.insert(id, (deadline, self.seq));
        self.heap.push(Reverse((deadline, self.seq, id)));
    }

    /// Disarms timer `id`; returns whether it was armed.
    pub fn cancel(&mut self, id: u64) -> bool {
        self.live.remove(&id).is_some()
    }

    pub fn is_armed(&self, id: u64) -> bool {
        self.live.contains_key(&id)
    }

    pub fn len(&self) -> usize {
        self.live.len()
    }

    pub fn is_empty(&self) -> bool {
        self.live.is_empty()
    }

    fn drop_stale(&mut self) {
        while let Some(Reverse((deadline, seq, id))) = self.heap.peek().copied() {
            if self.live.get(&id) == Some(&(deadline, seq)) {
                return;
            }
            self.heap.pop();
        }
    }

    /// The earliest live deadline.
    pub fn next_deadline(&mut self) -> Option<u64> {
        self.drop_stale();
        self.heap.peek().map(|Reverse((d, _, _))| *d)
    }

    /// Removes and returns the earliest timer due at or before `now`.
    pub fn pop_due(&mut self, now: u64) -> Option<u64> {
        self.drop_stale();
        match self.heap.peek() {
            Some(Reverse((d, _, id))) if *d <= now => {
                let id = *id;
                self.heap.pop();
                self.live.remove(&id);
                Some(id)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fires_in_deadline_then_arming_order() {
        let mut t = TimerHeap::new();
        t.arm(1, 10);
        t.arm(2, 5);
        t.arm(3, 10);
        t.arm(4, 5);
        assert_eq!(t.next_deadline(), Some(5));
        let mut order = vec![];
        while let Some(id) = t.pop_due(10) {
            order.push(id);
        }
        assert_eq!(order, vec![2, 4, 1, 3]);
        assert!(t.is_empty());
    }

    #[test]
    fn cancel_and_rearm() {
        let mut t = TimerHeap::new();
        t.arm(1, 5);
        t.arm(2, 6);
        assert!(t.cancel(1));
        assert!(!t.cancel(1));
        t.arm(2, 20);
        assert_eq!(t.pop_due(10), None);
        assert_eq!(t.next_deadline(), Some(20));
        assert_eq!(t.pop_due(20), Some(2));
        assert_eq!(t.next_deadline(), None);
    }
}
