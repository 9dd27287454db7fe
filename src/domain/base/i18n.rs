//! The interface language: Vietnamese (the default) or English.
//!
//! The language is chosen once per page load, before anything is shown, like a
//! process locale: `main` reads the user's choice and calls [`set_lang`], and
//! switching language saves the choice and reloads the page (drafts are
//! autosaved, so nothing is lost). Every message, in the UI and in the
//! domain's errors, is written at its call site in both languages:
//!
//! ```ignore
//! t!("Lưu", "Save")                       // &'static str
//! tf!("Mục {code}", "Item {code}")        // String, like format!
//! ```
//!
//! Both texts sit side by side in the source, so a message can't lose its
//! translation without it showing in review, and the cost is just the English
//! bytes: no catalogue, no lookup table, no reactive closure per label.
//! Criteria sets carry optional English titles (`title_en`, `label_en`);
//! [`localized`] falls back to the Vietnamese text when a set has none.

use std::cell::Cell;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The BCP 47 code, for `<html lang>` and for storing the choice.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Reads a stored code; anything unknown is the default, Vietnamese.
    pub fn from_code(code: &str) -> Lang {
        match code {
            "en" => Lang::En,
            _ => Lang::Vi,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }
}

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::Vi) };
}

/// The language of this page (of this thread, in native tests).
pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

pub fn set_lang(lang: Lang) {
    LANG.with(|c| c.set(lang));
}

pub fn is_en() -> bool {
    lang() == Lang::En
}

/// One of two texts, by the current language. Use through [`t!`].
#[inline(never)]
pub fn pick(vi: &'static str, en: &'static str) -> &'static str {
    if is_en() {
        en
    } else {
        vi
    }
}

/// A text from a criteria set: its English form in English when the set
/// gives one, otherwise the Vietnamese.
pub fn localized<'a>(vi: &'a str, en: Option<&'a str>) -> &'a str {
    match en {
        Some(en) if is_en() && !en.trim().is_empty() => en,
        _ => vi,
    }
}

/// A fixed text in both languages: `t!("Lưu", "Save")`.
macro_rules! t {
    ($vi:literal, $en:literal $(,)?) => {
        $crate::domain::base::i18n::pick($vi, $en)
    };
}

/// A formatted text in both languages, like `format!`:
/// `tf!("Mục {code}: {}", "Item {code}: {}", why)`.
macro_rules! tf {
    ($vi:literal, $en:literal $($args:tt)*) => {
        if $crate::domain::base::i18n::is_en() {
            format!($en $($args)*)
        } else {
            format!($vi $($args)*)
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_by_language_and_falls_back_for_set_texts() {
        set_lang(Lang::Vi);
        assert_eq!(t!("Lưu", "Save"), "Lưu");
        let code = "1.1";
        assert_eq!(tf!("Mục {code}", "Item {code}"), "Mục 1.1");
        assert_eq!(localized("Thể chế", Some("Institutions")), "Thể chế");
        set_lang(Lang::En);
        assert_eq!(t!("Lưu", "Save"), "Save");
        assert_eq!(tf!("Mục {}", "Item {}", code), "Item 1.1");
        assert_eq!(localized("Thể chế", Some("Institutions")), "Institutions");
        assert_eq!(localized("Thể chế", None), "Thể chế");
        assert_eq!(localized("Thể chế", Some("  ")), "Thể chế");
        set_lang(Lang::Vi);
    }

    #[test]
    fn stored_codes() {
        assert_eq!(Lang::from_code("en"), Lang::En);
        assert_eq!(Lang::from_code("vi"), Lang::Vi);
        assert_eq!(Lang::from_code("fr"), Lang::Vi);
        assert_eq!(Lang::En.other(), Lang::Vi);
        assert_eq!(Lang::Vi.code(), "vi");
    }
}
