//! The generated agencies (benchmark files, the desk's rehearsal): their
//! files are sealed, realistic (two documents per answered item) and read
//! back as they were written; the rehearsal goes through a whole import.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use cchc_tu_danh_gia::domain::appraisal::sample::*;
use cchc_tu_danh_gia::domain::appraisal::submission::*;
use support::*;

const SETS: [&str; 2] = [
    "public/criteria/minh-hoa-ubnd-xa-phuong-2026.json",
    "public/criteria/minh-hoa-so-ban-nganh-2026.json",
];

#[test]
fn sample_files_are_sealed_and_cite_two_documents_per_answered_item() {
    for path in SETS {
        let set = load(path);
        for i in [0, 1, 57] {
            let text = sample_file(&set, i);
            let sub = read_submission(text.as_bytes()).expect(path);
            assert!(Seal::of(&sub).digest_ok && Seal::of(&sub).set_digest_ok);
            let draft = sample_draft(&set, i);
            let answered: Vec<_> = draft
                .responses
                .values()
                .filter(|r| r.choice.is_some() || !r.value.is_empty() || !r.numerator.is_empty())
                .collect();
            assert!(
                answered.len() * 10 >= set.scored_units().count() * 8,
                "{path}: most items answered"
            );
            assert!(answered.iter().all(|r| r.evidence.len() == 2));
            // a commune's file is about the size of a real one (~44 KB)
            assert!(text.len() > 20_000, "{path}: {} bytes", text.len());
        }
        assert_ne!(
            sample_file(&set, 0),
            sample_file(&set, 1),
            "agencies differ"
        );
    }
}

#[test]
fn the_rehearsal_goes_through_a_whole_import() {
    for path in SETS {
        let r = rehearse(&load(path));
        assert_eq!(
            r,
            Rehearsal {
                imported: 2,
                sealed: true,
                flagged: false,
                listed: 2,
                ranked: 2,
            },
            "{path}"
        );
    }
}
