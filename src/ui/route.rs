//! Where the user is, kept in the address hash so Back, Forward and reload
//! work: `#/` start, `#/linh-vuc/2` a field, `#/linh-vuc/2/2.1.3` an item in
//! it, `#/tong-hop` the summary, `#/bo-tieu-chi` the criteria sets.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// Choose a set and fill in the agency profile.
    Start,
    /// One field of the set; `item` is the item to bring into view.
    Field {
        code: String,
        item: Option<String>,
    },
    Summary,
    Library,
    /// The list of drafts (and the recovery of unreadable ones).
    Drafts,
    /// The reviewer's desk.
    Desk,
    /// One agency's submission on the desk, by its draft id.
    DeskEntry(String),
    /// The result notice (thông báo kết quả thẩm định) of one submission.
    DeskNotice(String),
    /// The ranking of every agency on the desk.
    Ranking,
    /// One block of the ranking as printed (A4 landscape), by its set key.
    RankingPrint(String),
    /// The criteria-set studio (Sở Nội vụ).
    Studio,
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.split('/').filter(|p| !p.is_empty());
        match parts.next() {
            Some("linh-vuc") => match parts.next() {
                Some(code) => Route::Field {
                    code: code.to_string(),
                    item: parts.next().map(str::to_string),
                },
                None => Route::Start,
            },
            Some("tong-hop") => Route::Summary,
            Some("bo-tieu-chi") => Route::Library,
            Some("ban-tu-danh-gia") => Route::Drafts,
            Some("xep-hang") => match (parts.next(), parts.next()) {
                (Some("in"), Some(key)) => Route::RankingPrint(key.to_string()),
                _ => Route::Ranking,
            },
            Some("soan-bo-tieu-chi") => Route::Studio,
            Some("tham-dinh") => match parts.next() {
                Some(key) => match parts.next() {
                    Some("thong-bao") => Route::DeskNotice(key.to_string()),
                    _ => Route::DeskEntry(key.to_string()),
                },
                None => Route::Desk,
            },
            _ => Route::Start,
        }
    }

    pub fn hash(&self) -> String {
        match self {
            Route::Start => "#/".into(),
            Route::Field { code, item: None } => format!("#/linh-vuc/{code}"),
            Route::Field {
                code,
                item: Some(i),
            } => format!("#/linh-vuc/{code}/{i}"),
            Route::Summary => "#/tong-hop".into(),
            Route::Library => "#/bo-tieu-chi".into(),
            Route::Drafts => "#/ban-tu-danh-gia".into(),
            Route::Desk => "#/tham-dinh".into(),
            Route::DeskEntry(key) => format!("#/tham-dinh/{key}"),
            Route::DeskNotice(key) => format!("#/tham-dinh/{key}/thong-bao"),
            Route::Ranking => "#/xep-hang".into(),
            Route::RankingPrint(key) => format!("#/xep-hang/in/{key}"),
            Route::Studio => "#/soan-bo-tieu-chi".into(),
        }
    }

    /// The reviewer's desk and its pages (the ranking, a submission, a
    /// notice).
    pub fn is_desk(&self) -> bool {
        matches!(
            self,
            Route::Desk
                | Route::DeskEntry(_)
                | Route::DeskNotice(_)
                | Route::Ranking
                | Route::RankingPrint(_)
        )
    }

    pub fn item(field: &str, item: &str) -> Route {
        Route::Field {
            code: field.to_string(),
            item: Some(item.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn routes_round_trip_through_the_hash() {
        for r in [
            Route::Start,
            Route::Summary,
            Route::Library,
            Route::Drafts,
            Route::Desk,
            Route::Ranking,
            Route::Studio,
            Route::DeskEntry("mhq3k2-8f1x0a".into()),
            Route::DeskNotice("mhq3k2-8f1x0a".into()),
            Route::RankingPrint("minh-hoa-xa-2026@1.0.0".into()),
            Route::Field {
                code: "2".into(),
                item: None,
            },
            Route::item("2", "2.1.3"),
        ] {
            assert_eq!(Route::parse(&r.hash()), r);
        }
        assert_eq!(Route::parse(""), Route::Start);
        assert_eq!(Route::parse("#/khong-co"), Route::Start);
        assert_eq!(Route::parse("#/linh-vuc"), Route::Start);
    }
}
