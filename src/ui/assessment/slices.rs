//! Per-item views of a large value (the draft, its score report): each item
//! card reads its own signal, and one effect per source writes only the
//! signals whose value changed. A keystroke wakes the one card being typed
//! in, not every card of the page, so typing costs the same on a field of
//! 10 items or of 1,000 (measured in `scripts/bench.mjs`).
//!
//! A card subscribed to the whole draft instead costs every card a re-run
//! per keystroke, and each re-run re-subscribes to the draft, whose
//! subscriber list grows with the page: quadratic in the page's size.

use std::collections::BTreeMap;

use leptos::prelude::*;

/// Signals by item code, created when a card first asks for one.
pub struct Slices<V: Send + Sync + 'static> {
    map: StoredValue<BTreeMap<String, ArcRwSignal<V>>>,
}

impl<V: Send + Sync + 'static> Clone for Slices<V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V: Send + Sync + 'static> Copy for Slices<V> {}

impl<V: Clone + PartialEq + Send + Sync + 'static> Slices<V> {
    pub fn new() -> Self {
        Slices {
            map: StoredValue::new(BTreeMap::new()),
        }
    }

    /// The item's signal, starting from `now` when it is new.
    pub fn get(self, code: &str, now: impl FnOnce() -> V) -> Signal<V> {
        if let Some(s) = self.map.with_value(|m| m.get(code).cloned()) {
            return s.into();
        }
        let s = ArcRwSignal::new(now());
        self.map
            .update_value(|m| drop(m.insert(code.to_string(), s.clone())));
        s.into()
    }

    /// Brings the items' signals up to date: those of `only` (every item
    /// when None). `changed(code, current)` gives the new value only when
    /// it differs, so unchanged items are neither cloned nor woken.
    pub fn sync(self, only: Option<&[&str]>, changed: impl Fn(&str, &V) -> Option<V>) {
        let stale: Vec<(ArcRwSignal<V>, V)> = self.map.with_value(|m| {
            let check = |code: &str, s: &ArcRwSignal<V>| {
                s.with_untracked(|cur| changed(code, cur))
                    .map(|v| (s.clone(), v))
            };
            match only {
                None => m.iter().filter_map(|(c, s)| check(c, s)).collect(),
                Some(codes) => codes.iter().filter_map(|c| check(c, m.get(*c)?)).collect(),
            }
        });
        for (s, v) in stale {
            s.set(v);
        }
    }
}

impl<V: Clone + PartialEq + Send + Sync + 'static> Default for Slices<V> {
    fn default() -> Self {
        Self::new()
    }
}
