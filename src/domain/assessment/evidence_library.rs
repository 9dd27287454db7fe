//! The draft's library of cited documents: each document once however many
//! items cite it, found by number or title, corrected once for every item.

use super::draft::Draft;
use super::evidence::EvidenceRef;

/// A document of the draft's library: one document however many items cite
/// it, with where each cites it.
#[derive(Clone, Debug, PartialEq)]
pub struct CitedDocument {
    /// The document as first cited, without the section or page (each item
    /// has its own).
    pub doc: EvidenceRef,
    /// Each item citing it, with its section or page there.
    pub uses: Vec<(String, String)>,
}

impl CitedDocument {
    /// Issued before the assessment year (e.g. carried over in a copy of
    /// last year's draft): worth a look before citing it again.
    pub fn from_earlier_year(&self, year: &str) -> bool {
        match (self.doc.date.get(..4), year.trim().get(..4)) {
            (Some(d), Some(y)) if self.doc.date.len() == 10 => d < y,
            _ => false,
        }
    }
}

/// Every document the draft cites, once each, in the order of first use
/// (items in code order).
pub fn cited_documents(draft: &Draft) -> Vec<CitedDocument> {
    let mut out: Vec<CitedDocument> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for (code, r) in &draft.responses {
        for e in r.evidence.iter().filter(|e| !e.is_blank()) {
            let at = *index.entry(e.identity()).or_insert_with(|| {
                out.push(CitedDocument {
                    doc: e.for_another_item(),
                    uses: Vec::new(),
                });
                out.len() - 1
            });
            out[at]
                .uses
                .push((code.clone(), e.location.trim().to_string()));
        }
    }
    out
}

/// The documents whose number, title or issuer holds every word of the
/// query (accents optional); all of them for an empty query.
pub fn find_documents<'a>(docs: &'a [CitedDocument], query: &str) -> Vec<&'a CitedDocument> {
    use crate::domain::base::text::fold_vi;
    let q = fold_vi(query);
    let words: Vec<&str> = q.split_whitespace().collect();
    docs.iter()
        .filter(|d| {
            let hay = fold_vi(&format!(
                "{} {} {}",
                d.doc.number, d.doc.subject, d.doc.issuer
            ));
            words.iter().all(|w| hay.contains(w))
        })
        .collect()
}

/// Changes a document wherever it is cited: what identifies it (number,
/// date, issuer, title) and its link take the new values; each item keeps
/// its own section, page and note. Returns how many citations changed.
pub fn update_document(draft: &mut Draft, old: &EvidenceRef, new: &EvidenceRef) -> usize {
    let id = old.identity();
    let mut n = 0;
    for r in draft.responses.values_mut() {
        for e in r
            .evidence
            .iter_mut()
            .filter(|e| !e.is_blank() && e.identity() == id)
        {
            e.number = new.number.clone();
            e.date = new.date.clone();
            e.issuer = new.issuer.clone();
            e.subject = new.subject.clone();
            e.link = new.link.clone();
            n += 1;
        }
    }
    n
}
