//! The one place that touches the browser: storage, files, fetching the
//! app's own data files. Everything else is pure domain or thin UI.

pub mod bundled;
pub mod digest;
pub mod files;
pub mod idb;
pub mod page;
pub mod storage;
pub mod tabs;
