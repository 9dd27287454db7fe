//! Stage 2, scoring: answers in, an exact score report out. `answer` is what
//! goes in and comes out per item, `rules` scores one item by its rule kind,
//! `engine` sums items into criteria, fields, the total, index and class.
//! Uses `base` and `criteria`.

pub mod answer;
pub mod engine;
pub mod rules;
