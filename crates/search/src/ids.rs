//! Per-question values kept by id in a few bytes. Question ids are handed
//! out in order from 1, so a vector indexed by id is both the smallest and
//! the fastest map; an id far beyond the rest (an import from elsewhere)
//! goes to a hash map instead of stretching the vector.

use std::collections::HashMap;

/// The vector never grows past this many slots (64 M), nor by more than
/// [`GROW_AHEAD`] beyond twice what it holds.
const DENSE_BELOW: u64 = 1 << 26;
const GROW_AHEAD: u64 = 1 << 16;

#[derive(Debug)]
pub struct IdMap<T: Copy> {
    dense: Vec<Option<T>>,
    sparse: HashMap<u64, T>,
    len: usize,
}

impl<T: Copy> Default for IdMap<T> {
    fn default() -> Self {
        IdMap {
            dense: Vec::new(),
            sparse: HashMap::new(),
            len: 0,
        }
    }
}

impl<T: Copy> IdMap<T> {
    fn in_dense(&self, id: u64) -> bool {
        id < self.dense.len() as u64
    }

    pub fn get(&self, id: u64) -> Option<T> {
        if self.in_dense(id) {
            self.dense[id as usize]
        } else {
            self.sparse.get(&id).copied()
        }
    }

    pub fn contains(&self, id: u64) -> bool {
        self.get(id).is_some()
    }

    /// Sets the value of `id`; returns the one it replaces.
    pub fn insert(&mut self, id: u64, value: T) -> Option<T> {
        let reach = (self.dense.len() as u64 * 2 + GROW_AHEAD).min(DENSE_BELOW);
        if !self.in_dense(id) && id < reach {
            self.grow(id + 1);
        }
        let old = if self.in_dense(id) {
            self.dense[id as usize].replace(value)
        } else {
            self.sparse.insert(id, value)
        };
        if old.is_none() {
            self.len += 1;
        }
        old
    }

    /// Widens the vector to hold ids below `to` (doubling, as a Vec does),
    /// moving in any ids the hash map held in that range.
    fn grow(&mut self, to: u64) {
        let size = (to.max(self.dense.len() as u64 * 2)).min(DENSE_BELOW) as usize;
        self.dense.resize(size, None);
        let moved: Vec<u64> = self
            .sparse
            .keys()
            .copied()
            .filter(|&id| id < size as u64)
            .collect();
        for id in moved {
            if let Some(value) = self.sparse.remove(&id) {
                self.dense[id as usize] = Some(value);
            }
        }
    }

    pub fn remove(&mut self, id: u64) -> Option<T> {
        let old = if self.in_dense(id) {
            self.dense[id as usize].take()
        } else {
            self.sparse.remove(&id)
        };
        if old.is_some() {
            self.len -= 1;
        }
        old
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn memory_bytes(&self) -> usize {
        self.dense.capacity() * std::mem::size_of::<Option<T>>()
            + self.sparse.capacity() * (8 + std::mem::size_of::<T>() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_and_far_ids_behave_alike() {
        let mut map = IdMap::default();
        for id in [1, 7, 5_000, 3_000_000, DENSE_BELOW + 5, u64::MAX] {
            assert_eq!(map.insert(id, id as u32), None);
            assert_eq!(map.get(id), Some(id as u32));
        }
        assert_eq!(map.len(), 6);
        assert_eq!(map.insert(7, 70), Some(7));
        assert_eq!(map.len(), 6);
        assert_eq!(map.get(2), None);
        assert_eq!(map.get(DENSE_BELOW + 1), None);
        assert_eq!(map.remove(u64::MAX), Some(u64::MAX as u32));
        assert_eq!(map.remove(7), Some(70));
        assert_eq!(map.remove(7), None);
        assert!(!map.contains(7));
        assert_eq!(map.len(), 4);
        // A far id did not stretch the vector.
        assert!(map.dense.len() < 1 << 20, "{}", map.dense.len());
        // Filling in up to it moves it into the vector, still found.
        for id in 8..3_000_000 {
            map.insert(id, 1);
        }
        assert_eq!(map.get(3_000_000), Some(3_000_000));
        assert!(map.sparse.len() <= 1);
    }
}
