//! The reviewer's desk (thẩm định): import agencies' submission files, see
//! each one checked and recomputed, and keep the work across reloads in the
//! browser's database (IndexedDB: a province's ~190 submissions outgrow
//! localStorage). Only the entries that came or changed are checked, and
//! only those that changed are written, so typing costs the same on any
//! desk, and a few files imported onto a province's desk check only those.

pub mod appraisal_cell;
pub mod council_card;
pub mod council_roster;
pub mod desk_page;
pub mod entry_page;
pub mod notice_page;
pub mod ranking_page;
pub mod ranking_print;
pub mod survey_import;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser::{idb, page, storage, tabs};
use crate::domain::appraisal::council::{AppraisalPart, CouncilSeat, MergeReport, SEAT_KEY};
use crate::domain::appraisal::desk::{Desk, DeskEntry};
use crate::domain::appraisal::desk_list::{DeskQuery, ROWS_PER_PAGE_KEY};
use crate::domain::appraisal::desk_storage::{
    StoredBy, REVIEW_ENTRY_PREFIX, REVIEW_PREFIX, REVIEW_SET_PREFIX,
};
use crate::domain::appraisal::submission::Checks;
use crate::domain::base::paging::{DEFAULT_PAGE_SIZE, PAGE_SIZES};
use crate::domain::Library;
use crate::ui::app::LibraryState;
use crate::ui::lazy::ChunkError;
use crate::ui::route::Route;
use desk_page::DeskPage;
use entry_page::EntryPage;
use notice_page::NoticePage;
use ranking_page::RankingPage;
use ranking_print::RankingPrintPage;

/// Entries written per transaction when many changed at once (an import):
/// ~35 ms of serialising and handing over at 4x, between two turns of the page.
const SAVE_BATCH: usize = 20;

#[derive(Clone, Copy)]
pub struct ReviewState {
    pub desk: RwSignal<Desk>,
    /// Why the desk could not be saved or fully restored, if so.
    pub storage_message: RwSignal<Option<String>>,
    /// False until the desk has been read from the browser's database.
    pub ready: RwSignal<bool>,
    /// Changes when submissions come, are replaced or go, not when an
    /// appraisal is typed (the council card follows it).
    pub submissions: RwSignal<u64>,
    /// Every entry's checks against the library's sets: computed when the
    /// entry comes or is replaced (all of them when the library changes),
    /// never per keystroke.
    pub checks: ReadSignal<Arc<BTreeMap<String, Checks>>>,
    set_checks: WriteSignal<Arc<BTreeMap<String, Checks>>>,
    library: RwSignal<Library>,
    /// What the desk's list shows: kept while the reviewer opens an agency
    /// and comes back.
    pub list: RwSignal<DeskQuery>,
    /// Names of the agencies whose last change is not saved.
    pub unsaved: RwSignal<Vec<String>>,
    /// Space used and available to the app (bytes), when the browser says.
    pub space: RwSignal<Option<(f64, f64)>>,
    /// Who appraises on this desk, and the fields assigned to them.
    pub seat: RwSignal<CouncilSeat>,
    /// Whether every change is in the browser's database, for the status line.
    pub saving: RwSignal<DeskSaving>,
    /// Writes started and not yet finished.
    writes: StoredValue<u32>,
    /// Entries changed since the last save.
    dirty: StoredValue<BTreeSet<String>>,
    db: StoredValue<Option<idb::Db>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// The app's other tabs: told what this one saved, and heard.
    tabs: StoredValue<Option<Arc<tabs::Tabs>>, LocalStorage>,
}

/// The rows per page the reviewer chose last time (one of [`PAGE_SIZES`]).
fn remembered_rows_per_page() -> Option<usize> {
    match storage::load::<Option<usize>>(ROWS_PER_PAGE_KEY) {
        Ok(Some(rows)) if PAGE_SIZES.contains(&rows) => rows,
        _ => DEFAULT_PAGE_SIZE,
    }
}

/// Every (key, text) of a desk kept in localStorage by earlier versions.
fn legacy_pairs() -> Vec<(String, String)> {
    let mut keys = storage::keys_with_prefix(REVIEW_SET_PREFIX).unwrap_or_default();
    keys.extend(storage::keys_with_prefix(REVIEW_ENTRY_PREFIX).unwrap_or_default());
    keys.into_iter()
        .filter_map(|k| storage::load_raw(&k).map(|t| (k, t)))
        .collect()
}

/// Opens the database and moves a desk that earlier versions kept in
/// localStorage into it (removed from localStorage only once written). The
/// trainer's sample desk is seeded into localStorage; it replaces the
/// previous sample desk.
async fn open_and_migrate() -> Result<idb::Db, String> {
    let db = idb::open().await?;
    let legacy = legacy_pairs();
    if !legacy.is_empty() {
        let mut removes = Vec::new();
        if storage::in_demo() {
            removes = db
                .all(REVIEW_PREFIX)
                .await?
                .into_iter()
                .map(|(k, _)| k)
                .filter(|k| !legacy.iter().any(|(x, _)| x == k))
                .collect();
        }
        db.write(&legacy, &removes).await?;
        for (k, _) in &legacy {
            let _ = storage::remove(k);
        }
    }
    Ok(db)
}

impl ReviewState {
    /// Starts reading the desk from the browser's database (moving an older
    /// localStorage desk into it first); saving starts once it is read.
    pub fn provide() -> ReviewState {
        let desk = RwSignal::new(Desk::default());
        let submissions = RwSignal::new(0u64);
        let lib = expect_context::<LibraryState>();
        let (checks, set_checks) = signal(Arc::new(BTreeMap::new()));
        let state = ReviewState {
            desk,
            storage_message: RwSignal::new(None),
            ready: RwSignal::new(false),
            submissions,
            checks,
            set_checks,
            library: lib.library,
            list: RwSignal::new(DeskQuery {
                per_page: remembered_rows_per_page(),
                ..DeskQuery::default()
            }),
            unsaved: RwSignal::new(Vec::new()),
            space: RwSignal::new(None),
            seat: RwSignal::new(
                storage::load::<CouncilSeat>(SEAT_KEY)
                    .ok()
                    .flatten()
                    .unwrap_or_default(),
            ),
            saving: RwSignal::new(DeskSaving::Idle),
            writes: StoredValue::new(0),
            dirty: StoredValue::new(BTreeSet::new()),
            db: StoredValue::new(None),
            timer: StoredValue::new(None),
            tabs: StoredValue::new_local(None),
        };
        let heard = tabs::Tabs::open("cchc.review.tabs", move |text| {
            if let Ok(keys) = serde_json::from_str::<Vec<String>>(&text) {
                state.reload_from_other_tab(keys);
            }
        });
        state.tabs.set_value(heard.map(Arc::new));
        spawn_local(async move {
            match open_and_migrate().await {
                Ok(db) => {
                    match db.all(REVIEW_PREFIX).await {
                        Ok(pairs) => {
                            let (restored, unreadable) = Desk::restore(&pairs, StoredBy::ThisBrowser);
                            if unreadable > 0 {
                                state.storage_message.set(Some(tf!("{unreadable} hồ sơ đã lưu không đọc được; dữ liệu vẫn được giữ trong trình duyệt. Hãy nhập lại tệp của các cơ quan đó.", "{unreadable} saved submissions could not be read; the data is kept in the browser. Import those agencies' files again.")));
                            }
                            // imported while it was being read: kept, and saved
                            let early: Vec<String> = state.desk.with_untracked(|d| d.entries.keys().cloned().collect());
                            state.desk.update(|d| {
                                for (k, e) in restored.entries {
                                    d.entries.entry(k).or_insert(e);
                                }
                            });
                            state.db.set_value(Some(db));
                            state.recheck(None);
                            state.submissions_changed(early);
                        }
                        Err(e) => state.storage_message.set(Some(e)),
                    }
                }
                Err(e) => state.storage_message.set(Some(tf!("{e}. Bàn thẩm định chỉ còn trong trang này: hãy tải bản sao lưu trước khi đóng trang.", "{e}. The desk lives only in this page: download a backup before closing it."))),
            }
            state.ready.set(true);
            let _ = idb::ask_persistent().await;
            state.space.set(idb::estimate().await);
        });
        // the seat is read above, before this starts saving it
        Effect::new(move |_| {
            let seat = state.seat.get();
            // nothing is written for a reviewer who never gave a name
            if seat != CouncilSeat::default() || storage::load_raw(SEAT_KEY).is_some() {
                let _ = storage::save(SEAT_KEY, &seat);
            }
        });
        // the rows per page, read above, remembered when the reviewer changes them
        Effect::new(move |before: Option<Option<usize>>| {
            let rows = state.list.with(|q| q.per_page);
            if before.is_some_and(|b| b != rows) {
                let _ = storage::save(ROWS_PER_PAGE_KEY, &rows);
            }
            rows
        });
        // another official set, or one fewer: every entry is checked again
        Effect::new(move |_| {
            lib.library.track();
            state.recheck(None);
        });
        // a page being hidden or closed saves at once
        let _ = window_event_listener(leptos::ev::pagehide, move |_| state.save_all());
        let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if crate::browser::page::is_hidden() {
                state.save_all();
            }
        });
        provide_context(state);
        state
    }

    /// Merges a council member's part (see [`Desk::merge_part`]); the
    /// entries it changed are saved.
    pub fn merge(self, part: &AppraisalPart) -> MergeReport {
        let mut report = MergeReport::default();
        self.desk.update(|d| report = d.merge_part(part));
        self.touched(report.changed.clone());
        report
    }

    /// Changes one entry, and saves it (only it) shortly after.
    pub fn edit(self, key: &str, f: impl FnOnce(&mut DeskEntry)) {
        self.desk.update(|d| {
            if let Some(e) = d.entries.get_mut(key) {
                f(e)
            }
        });
        self.touched([key.to_string()]);
    }

    /// Marks entries as changed and schedules a save of those alone.
    pub fn touched(self, keys: impl IntoIterator<Item = String>) {
        self.pending(keys);
        if let Some(t) = self.timer.get_value() {
            t.clear();
        }
        let handle =
            set_timeout_with_handle(move || self.save(), std::time::Duration::from_millis(300))
                .ok();
        self.timer.set_value(handle);
    }

    /// Submissions came, were replaced or went: the checks are recomputed,
    /// and they are saved as soon as the page has shown them.
    pub fn submissions_changed(self, keys: impl IntoIterator<Item = String>) {
        let keys: Vec<String> = keys.into_iter().collect();
        self.recheck(Some(&keys));
        self.pending(keys);
        self.submissions.update(|n| *n += 1);
        spawn_local(async move {
            page::after_paint().await;
            self.save();
        });
    }

    /// Checks these entries again (every entry with `None`), against the
    /// library's sets.
    fn recheck(self, keys: Option<&[String]>) {
        page::timed("cchc-desk-checks", || {
            self.desk.with_untracked(|desk| {
                self.library.with_untracked(|l| {
                    let official = |k: &str| l.get(k).map(|e| &e.set);
                    match keys {
                        None => self.set_checks.set(Arc::new(desk.checks(official))),
                        Some(keys) => self
                            .set_checks
                            .update(|c| desk.recheck(Arc::make_mut(c), keys, official)),
                    }
                })
            })
        });
    }

    /// Entries wait to be written; the status says so (set once, not per
    /// keystroke, and not when nothing changed).
    fn pending(self, keys: impl IntoIterator<Item = String>) {
        let mut any = false;
        self.dirty.update_value(|d| {
            for k in keys {
                any = true;
                d.insert(k);
            }
        });
        if any && self.saving.get_untracked() != DeskSaving::Pending {
            self.saving.set(DeskSaving::Pending);
        }
    }

    /// Another tab saved these entries: they are read again, so both tabs
    /// show the same desk. An entry this tab has also changed and not yet
    /// saved is kept as this tab has it, and the reviewer is told.
    fn reload_from_other_tab(self, keys: Vec<String>) {
        let Some(db) = self.db.get_value() else {
            return;
        };
        spawn_local(async move {
            let entry_keys: Vec<String> = keys
                .iter()
                .map(|k| format!("{REVIEW_ENTRY_PREFIX}{k}"))
                .collect();
            let Ok(entries) = db.get(&entry_keys).await else {
                return;
            };
            let set_keys: Vec<String> = entries
                .iter()
                .filter_map(|(_, t)| serde_json::from_str::<serde_json::Value>(t).ok())
                .flat_map(|v| {
                    ["current", "previous"].map(|part| {
                        v.get(part)
                            .and_then(|p| p.get("set_digest"))
                            .and_then(|d| d.as_str())
                            .map(|d| format!("{REVIEW_SET_PREFIX}{d}"))
                    })
                })
                .flatten()
                .collect();
            let Ok(sets) = db.get(&set_keys).await else {
                return;
            };
            let (theirs, _) = Desk::restore(&[sets, entries].concat(), StoredBy::ThisBrowser);
            let dirty = self.dirty.get_value();
            let mut clashes = Vec::new();
            // appraisals typed in the other tab do not change the checks
            let mut submissions_changed = false;
            self.desk.update(|d| {
                for k in &keys {
                    if dirty.contains(k) {
                        if let Some(e) = d.entries.get(k) {
                            clashes.push(e.submission.agency.name.clone());
                        }
                        continue;
                    }
                    let seal = |e: Option<&DeskEntry>| e.map(|e| e.submission.digest.clone());
                    submissions_changed |= seal(d.entries.get(k)) != seal(theirs.entries.get(k));
                    match theirs.entries.get(k) {
                        Some(e) => {
                            d.entries.insert(k.clone(), e.clone());
                        }
                        None => {
                            d.entries.remove(k);
                        }
                    }
                }
            });
            if submissions_changed {
                self.recheck(Some(&keys));
                self.submissions.update(|n| *n += 1);
            }
            if !clashes.is_empty() {
                self.storage_message.set(Some(tf!(
                    "Hồ sơ {} vừa được sửa ở cả thẻ này và một thẻ khác: bản ở thẻ này được giữ và lưu đè. Mỗi hồ sơ chỉ nên sửa ở một thẻ.",
                    "Submission {} was just changed in this tab and in another one: this tab's version is kept and saved over it. Change each submission in one tab only.",
                    clashes.join(", ")
                )));
            }
        });
    }

    /// Writes the changed entries, [`SAVE_BATCH`] at a time, one transaction
    /// each, the next once the last is written: after an import of 200
    /// files the page stays responsive while they are saved (in one go,
    /// serialising and handing them to the database held the page ~0.35 s
    /// at 4x). When a write fails, the agencies are named, their work stays
    /// in the page and is retried with the next change.
    fn save(self) {
        self.write_dirty(SAVE_BATCH);
    }

    /// Writes every changed entry at once: the page is being hidden or
    /// closed, and may not run again.
    fn save_all(self) {
        self.write_dirty(usize::MAX);
    }

    fn write_dirty(self, at_most: usize) {
        if let Some(t) = self.timer.get_value() {
            t.clear();
            self.timer.set_value(None);
        }
        let Some(db) = self.db.get_value() else {
            return;
        };
        let mut keys = self.dirty.get_value();
        if keys.is_empty() {
            return;
        }
        let rest = keys
            .iter()
            .nth(at_most)
            .cloned()
            .map(|k| keys.split_off(&k));
        self.dirty.set_value(rest.unwrap_or_default());
        self.writes.update_value(|n| *n += 1);
        let (puts, removes) = page::timed("cchc-desk-store", || {
            self.desk.with_untracked(|d| d.stored_changes(&keys))
        });
        spawn_local(async move {
            let written = db.write(&puts, &removes).await;
            self.writes.update_value(|n| *n = n.saturating_sub(1));
            let settled = self.writes.get_value() == 0 && self.dirty.with_value(BTreeSet::is_empty);
            match written {
                Ok(()) => {
                    // a failed entry is kept dirty, so this write held it too
                    if settled {
                        self.saving
                            .set(DeskSaving::Saved(page::now_iso()[11..].to_string()));
                    }
                    if let Some(t) = self.tabs.get_value() {
                        t.post(&serde_json::to_string(&keys).unwrap_or_default());
                    }
                    if !self.unsaved.with_untracked(Vec::is_empty) {
                        self.unsaved.set(Vec::new());
                        self.storage_message.set(None);
                    }
                    if !self.dirty.with_value(BTreeSet::is_empty) {
                        // the next batch, after the page has had a turn
                        page::next_tick().await;
                        self.save();
                        return;
                    }
                    self.space.set(idb::estimate().await);
                }
                Err(e) => {
                    // this batch, and those not tried yet
                    self.dirty.update_value(|d| d.extend(keys));
                    let names: Vec<String> = self.desk.with_untracked(|d| {
                        self.dirty.with_value(|keys| {
                            keys.iter()
                                .filter_map(|k| {
                                    d.entries.get(k).map(|e| e.submission.agency.name.clone())
                                })
                                .collect()
                        })
                    });
                    self.storage_message.set(Some(tf!(
                        "{e}: chưa lưu được {} hồ sơ ({}). Công việc vẫn còn trong trang này; hãy tải bản sao lưu bàn thẩm định hoặc xóa bớt hồ sơ không cần, rồi thao tác tiếp để lưu lại.",
                        "{e}: {} submissions are not saved ({}). The work is still in this page; download a backup of the desk or delete submissions you no longer need, then carry on to save again.",
                        names.len(),
                        names.join(", ")
                    )));
                    self.unsaved.set(names);
                    self.saving.set(DeskSaving::Failed);
                }
            }
        });
    }
}
/// Where the desk's changes stand.
#[derive(Clone, Debug, PartialEq)]
pub enum DeskSaving {
    /// Nothing changed since the page opened.
    Idle,
    /// A change is waiting for, or in, a write.
    Pending,
    /// Everything is written; the time of the last write.
    Saved(String),
    /// The last write failed (the banner names the agencies).
    Failed,
}

/// "Đã lưu lúc …" for the desk, beside the page's title.
#[component]
pub fn DeskSaveStatus() -> impl IntoView {
    let r = use_review();
    let text = move || match r.saving.get() {
        _ if r.ready.get() && r.db.with_value(Option::is_none) => (
            "failed",
            t!(
                "Chỉ còn trong trang này: chưa lưu được vào trình duyệt",
                "Only in this page: not saved to the browser"
            )
            .to_string(),
        ),
        DeskSaving::Idle => ("idle", t!("Chưa có thay đổi", "No changes yet").to_string()),
        DeskSaving::Pending => ("pending", t!("Đang lưu…", "Saving…").to_string()),
        DeskSaving::Saved(at) => ("saved", tf!("Đã lưu lúc {at}", "Saved at {at}")),
        DeskSaving::Failed => ("failed", t!("Chưa lưu được", "Not saved").to_string()),
    };
    view! {
        <p class=move || format!("desk-save save-{}", text().0) role="status" id="trang-thai-luu-ban">
            {move || text().1}
        </p>
    }
}

split_page!(
    tham_dinh,
    /// The desk, one entry, its result notice, the ranking and its print:
    /// one chunk. The desk is restored
    /// (and its saving effect started) the first time any of them opens, under
    /// the app's owner so it outlives the page.
    pub fn desk_pages(route: Route, app: Owner) -> Result<AnyView, ChunkError> {
        if use_context::<ReviewState>().is_none() {
            app.with(ReviewState::provide);
        }
        Ok(crate::ui::lazy::with_desk_styles(move || match route {
            Route::DeskEntry(key) => view! { <EntryPage key/> }.into_any(),
            Route::DeskNotice(key) => view! { <NoticePage key/> }.into_any(),
            Route::Ranking => view! { <RankingPage/> }.into_any(),
            Route::RankingPrint(set_key) => view! { <RankingPrintPage set_key/> }.into_any(),
            _ => view! { <DeskPage/> }.into_any(),
        }))
    }
);

/// Shown while the desk is being read from the browser's database.
pub fn opening_desk() -> AnyView {
    view! { <p class="placeholder" role="status">{t!("Đang mở bàn thẩm định…", "Opening the desk…")}</p> }.into_any()
}

pub fn use_review() -> ReviewState {
    expect_context::<ReviewState>()
}
