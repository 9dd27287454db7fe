//! The criteria sets the user can pick: bundled ones, and ones loaded from
//! files (kept across reloads). A plain type with testable methods; the UI
//! holds it in a signal and the browser layer persists [`Library::stored`].

use serde::{Deserialize, Serialize};

use super::loader::{load_criteria_set, read_known_set};
use super::set::CriteriaSet;
use crate::domain::base::json::Problem;

/// A set loaded from a file, as persisted: the file's name and its text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredSet {
    pub file_name: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// Shipped with the app (public/criteria).
    Bundled { file_name: String },
    /// Loaded by the user from a file.
    Loaded { file_name: String, text: String },
    /// The studio's set being authored, put in to try it as an agency would
    /// ("Xem như cơ quan"); never stored.
    Trial,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LibraryEntry {
    pub set: CriteriaSet,
    pub origin: Origin,
}

impl LibraryEntry {
    /// "id@version": how a set is referred to.
    pub fn key(&self) -> String {
        set_key(&self.set)
    }

    pub fn is_bundled(&self) -> bool {
        matches!(self.origin, Origin::Bundled { .. })
    }
}

pub fn set_key(set: &CriteriaSet) -> String {
    format!("{}@{}", set.id, set.version)
}

/// A stored set that no longer loads (edited storage, older app version).
/// It is kept as it was, never discarded, and offered for download.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub stored: StoredSet,
    pub problems: Vec<Problem>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    entries: Vec<LibraryEntry>,
    pub unreadable: Vec<Unreadable>,
}

impl Library {
    /// Rebuilds the user's loaded sets from storage. Entries that no longer
    /// load are kept in `unreadable`, untouched.
    pub fn restore(stored: Vec<StoredSet>) -> Library {
        let mut lib = Library::default();
        for s in stored {
            // accepted by the full loader when it was added
            match read_known_set(s.text.as_bytes()) {
                Ok(set) if lib.get(&set_key(&set)).is_none() => lib.entries.push(LibraryEntry {
                    set,
                    origin: Origin::Loaded {
                        file_name: s.file_name,
                        text: s.text,
                    },
                }),
                Ok(_) => {} // an exact duplicate of an entry already restored
                Err(problems) => lib.unreadable.push(Unreadable {
                    stored: s,
                    problems,
                }),
            }
        }
        lib
    }

    pub fn entries(&self) -> &[LibraryEntry] {
        &self.entries
    }

    pub fn get(&self, key: &str) -> Option<&LibraryEntry> {
        self.entries.iter().find(|e| e.key() == key)
    }

    /// Adds a bundled set; bundled sets come first, in the order given.
    pub fn add_bundled(&mut self, file_name: &str, set: CriteriaSet) {
        let key = set_key(&set);
        self.entries.retain(|e| !(e.is_bundled() && e.key() == key));
        let at = self.entries.iter().take_while(|e| e.is_bundled()).count();
        self.entries.insert(
            at,
            LibraryEntry {
                set,
                origin: Origin::Bundled {
                    file_name: file_name.to_string(),
                },
            },
        );
    }

    /// Validates and adds a set from a file. A set with the same id and
    /// version as one loaded before replaces it; one that would shadow a
    /// bundled set is refused. Returns the key of the added set.
    pub fn add_loaded(&mut self, file_name: &str, bytes: &[u8]) -> Result<String, Vec<Problem>> {
        let set = load_criteria_set(bytes)?;
        let key = set_key(&set);
        if self.get(&key).is_some_and(LibraryEntry::is_bundled) {
            return Err(vec![Problem {
                path: "id".into(),
                code: None,
                message: tf!("bộ tiêu chí «{}» phiên bản {} đã có sẵn trong ứng dụng; hãy đổi «id» hoặc «version» nếu đây là bộ khác", "criteria set «{}» version {} is already bundled with the app; change «id» or «version» if this is a different set",
                    set.id, set.version
                ),
            }]);
        }
        // loader accepted it, so it is UTF-8 (a BOM is dropped)
        let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
            .into_owned();
        let entry = LibraryEntry {
            set,
            origin: Origin::Loaded {
                file_name: file_name.to_string(),
                text,
            },
        };
        match self.entries.iter().position(|e| e.key() == key) {
            Some(i) => self.entries[i] = entry,
            None => self.entries.push(entry),
        }
        Ok(key)
    }

    /// Puts in the set being authored, to try it: the previous trial is
    /// replaced, and the id gets a ".ban-thu" suffix and the title
    /// "(bản thử)" so it never stands in for a published set. Returns its key.
    pub fn put_trial(&mut self, mut set: CriteriaSet) -> String {
        self.remove_trial();
        set.id = format!("{}.ban-thu", set.id);
        set.title = tf!("{} (bản thử)", "{} (trial)", set.title);
        let key = set_key(&set);
        self.entries.retain(|e| e.key() != key);
        self.entries.push(LibraryEntry {
            set,
            origin: Origin::Trial,
        });
        key
    }

    pub fn remove_trial(&mut self) {
        self.entries.retain(|e| e.origin != Origin::Trial);
    }

    /// Removes a loaded set. Bundled sets cannot be removed.
    pub fn remove_loaded(&mut self, key: &str) -> bool {
        let before = self.entries.len();
        self.entries.retain(|e| e.is_bundled() || e.key() != key);
        before != self.entries.len()
    }

    /// What must be persisted: every loaded set, and every unreadable entry
    /// exactly as it was found.
    pub fn stored(&self) -> Vec<StoredSet> {
        self.entries
            .iter()
            .filter_map(|e| match &e.origin {
                Origin::Loaded { file_name, text } => Some(StoredSet {
                    file_name: file_name.clone(),
                    text: text.clone(),
                }),
                Origin::Bundled { .. } | Origin::Trial => None,
            })
            .chain(self.unreadable.iter().map(|u| u.stored.clone()))
            .collect()
    }
}

/// Counts shown beside a set and per field.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub fields: usize,
    pub criteria: usize,
    pub items: usize,
    /// What the agency answers: the sub-criteria, and the criteria scored
    /// directly; survey items excluded. The form's "x/y mục" counts these.
    pub answerable: usize,
}

impl CriteriaSet {
    pub fn counts(&self) -> Counts {
        Counts {
            fields: self.fields.len(),
            criteria: self.fields.iter().map(|f| f.criteria.len()).sum(),
            items: self
                .fields
                .iter()
                .flat_map(|f| &f.criteria)
                .map(|c| c.items.len())
                .sum(),
            answerable: self.scored_units().filter(|u| !u.rule.is_survey()).count(),
        }
    }
}
