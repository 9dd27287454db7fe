//! The parts of an official document (thể thức văn bản, Nghị định
//! 30/2020/NĐ-CP) that printed pages share: the heading with the issuer
//! and the national motto, the place and date, and the signature block.

use leptos::prelude::*;

/// The heading: the issuer's lines on the left (the parent agency plain,
/// the issuer itself bold) and the document's number when it has one, the
/// national motto on the right, then "Place, ngày … tháng … năm …".
/// `hidden` keeps it for paper only (a page whose screen shows the same
/// facts another way).
pub fn doc_head(
    issuer: Vec<String>,
    number: Option<String>,
    place: String,
    date_iso: &str,
    hidden: bool,
) -> impl IntoView {
    let date = crate::domain::assessment::report::place_and_date(&place, date_iso);
    let last = issuer.len();
    view! {
        <div class="doc-head" aria-hidden=hidden.then_some("true")>
            <p class="doc-agency">
                {issuer.into_iter().enumerate().map(|(i, l)| if i + 1 == last { view! { <strong>{l}</strong><br/> }.into_any() } else { view! { <span>{l}</span><br/> }.into_any() }).collect_view()}
                {number.map(|n| view! { <span class="doc-number">{n}</span> })}
            </p>
            <p class="doc-nation">{t!("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM")}<br/><span>{t!("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness")}</span></p>
            <p class="doc-date">{date}</p>
        </div>
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
