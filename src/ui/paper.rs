//! The parts of an official document (thể thức văn bản, Nghị định
//! 30/2020/NĐ-CP) that printed pages share: the heading with the issuer
//! and the national motto, the place and date, and the signature block.

use leptos::prelude::*;

/// The heading: the issuer's lines on the left (the last one bold), the
/// national motto on the right, then "Place, ngày … tháng … năm …".
/// `hidden` keeps it for paper only (a page whose screen shows the same
/// facts another way).
pub fn doc_head(issuer: Vec<String>, place: String, date_iso: &str, hidden: bool) -> impl IntoView {
    let date = tf!(
        "{}, ngày {} tháng {} năm {}",
        "{}, {}/{}/{}",
        place.trim(),
        date_iso.get(8..10).unwrap_or(""),
        date_iso.get(5..7).unwrap_or(""),
        date_iso.get(..4).unwrap_or("")
    );
    view! {
        <div class="doc-head" aria-hidden=hidden.then_some("true")>
            <p class="doc-agency">{issuer.into_iter().map(|l| view! { <span>{l}</span><br/> }).collect_view()}</p>
            <p class="doc-nation">{t!("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM")}<br/><span>{t!("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness")}</span></p>
            <p class="doc-date">{date}</p>
        </div>
    }
}

/// The provincial People's Committee as a document's issuer:
/// "Minh Họa" → "UBND TỈNH MINH HỌA"; "Thành phố Huế" → "UBND THÀNH PHỐ HUẾ".
pub fn province_issuer(province: &str) -> String {
    let p = province.trim();
    if p.is_empty() {
        return t!("UBND TỈNH", "PROVINCIAL PEOPLE'S COMMITTEE").into();
    }
    let folded = crate::domain::base::text::fold_vi(p);
    if folded.starts_with("tinh ") || folded.starts_with("thanh pho ") {
        tf!("UBND {}", "PEOPLE'S COMMITTEE OF {}", p.to_uppercase())
    } else {
        tf!(
            "UBND TỈNH {}",
            "PEOPLE'S COMMITTEE OF {} PROVINCE",
            p.to_uppercase()
        )
    }
}

/// One side of a signature block.
pub struct Signer {
    /// E.g. ["TM. HỘI ĐỒNG THẨM ĐỊNH", "CHỦ TỊCH"].
    pub lines: Vec<String>,
    /// E.g. "(Ký, ghi rõ họ tên và đóng dấu)".
    pub note: &'static str,
    /// Printed under the room to sign, when known.
    pub name: String,
}

/// A signature block: the signers side by side, each with room to sign
/// under the heading and the name under that. `hidden` as for [`doc_head`].
pub fn signature_block(signers: Vec<Signer>, hidden: bool) -> impl IntoView {
    view! {
        <div class="signatures" aria-hidden=hidden.then_some("true")>
            {signers.into_iter().map(|s| view! {
                <p>
                    {s.lines.into_iter().map(|l| view! { <strong>{l}</strong><br/> }).collect_view()}
                    {s.note}
                    <span class="signer">{s.name}</span>
                </p>
            }).collect_view()}
        </div>
    }
}
