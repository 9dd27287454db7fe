//! Long lists a page at a time (the desk's agencies, a block's ranking):
//! which rows a page holds, and how many pages there are.

/// Rows per page a user can choose; `None` shows them all.
pub const PAGE_SIZES: [Option<usize>; 4] = [Some(25), Some(50), Some(100), None];

/// Rows per page until the user chooses.
pub const DEFAULT_PAGE_SIZE: Option<usize> = Some(50);

/// One page of a list of `total` rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageSpan {
    /// This page, from 0 (a page asked for past the last is the last).
    pub page: usize,
    /// How many there are: at least 1, even for an empty list.
    pub pages: usize,
    /// Position of the page's first row, from 0.
    pub first: usize,
    /// Rows on this page.
    pub len: usize,
}

impl PageSpan {
    /// Page `page` of `total` rows, `per_page` a page (`None` or 0: all).
    pub fn of(total: usize, page: usize, per_page: Option<usize>) -> PageSpan {
        let per_page = per_page.filter(|n| *n > 0).unwrap_or(total.max(1));
        let pages = total.div_ceil(per_page).max(1);
        let page = page.min(pages - 1);
        let first = page * per_page;
        PageSpan {
            page,
            pages,
            first,
            len: total.saturating_sub(first).min(per_page),
        }
    }

    /// The rows of `list` on this page.
    pub fn of_list<'a, T>(&self, list: &'a [T]) -> &'a [T] {
        let first = self.first.min(list.len());
        &list[first..(first + self.len).min(list.len())]
    }
}
