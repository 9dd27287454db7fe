//! Text helpers for Vietnamese: matching without diacritics.

/// Lower-case, without Vietnamese diacritics: "Kế hoạch" → "ke hoach".
pub fn fold_vi(text: &str) -> String {
    const GROUPS: [(&str, char); 7] = [
        ("àáạảãâầấậẩẫăằắặẳẵ", 'a'),
        ("èéẹẻẽêềếệểễ", 'e'),
        ("ìíịỉĩ", 'i'),
        ("òóọỏõôồốộổỗơờớợởỡ", 'o'),
        ("ùúụủũưừứựửữ", 'u'),
        ("ỳýỵỷỹ", 'y'),
        ("đ", 'd'),
    ];
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| {
            if c.is_ascii() {
                return c;
            }
            GROUPS
                .iter()
                .find(|(g, _)| g.contains(c))
                .map(|(_, base)| *base)
                .unwrap_or(c)
        })
        .collect()
}
