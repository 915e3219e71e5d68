//! Native objects JS holds by number (parsers, hashes, compressors): a table whose freed
//! slots are reused, so ids stay small and a stale id finds nothing instead of another
//! object's memory.

use std::cell::RefCell;
use std::rc::Rc;

pub struct Slots<T>(Vec<Option<T>>);

/// A table shared by a binding's functions.
pub type Shared<T> = Rc<RefCell<Slots<T>>>;

pub fn shared<T>() -> Shared<T> {
    Rc::new(RefCell::new(Slots::new()))
}

impl<T> Slots<T> {
    pub const fn new() -> Self {
        Slots(Vec::new())
    }

    /// Stores `value`; its id, as the f64 JS gets.
    pub fn insert(&mut self, value: T) -> f64 {
        match self.0.iter().position(Option::is_none) {
            Some(i) => {
                self.0[i] = Some(value);
                i as f64
            }
            None => {
                self.0.push(Some(value));
                (self.0.len() - 1) as f64
            }
        }
    }

    pub fn get(&self, id: usize) -> Option<&T> {
        self.0.get(id).and_then(Option::as_ref)
    }

    pub fn get_mut(&mut self, id: usize) -> Option<&mut T> {
        self.0.get_mut(id).and_then(Option::as_mut)
    }

    /// Removes and returns the object under `id`.
    pub fn take(&mut self, id: usize) -> Option<T> {
        self.0.get_mut(id).and_then(Option::take)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_reused_and_stale_ids_find_nothing() {
        let mut s = Slots(Vec::new());
        assert_eq!(s.insert("a"), 0.0);
        assert_eq!(s.insert("b"), 1.0);
        assert_eq!(s.take(0), Some("a"));
        assert_eq!(s.get(0), None);
        assert_eq!(s.insert("c"), 0.0);
        assert_eq!(s.get_mut(7), None);
    }
}
