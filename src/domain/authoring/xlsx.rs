//! The studio's Excel reader: the first worksheet of an .xlsx into rows of
//! cells, like a pasted table (see [`crate::domain::base::table`]).

use crate::domain::base::table::tidy;

/// Reads the first worksheet of an Excel workbook (.xlsx) into rows of
/// cells (numbers as "16.5", which the importer reads like "16,5").
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    use calamine::{Data, Reader, Xlsx};
    let unreadable = |e: &dyn std::fmt::Display| {
        tf!(
            "Không đọc được tệp Excel ({e}). Hãy lưu lại thành .xlsx, hoặc sao chép bảng rồi dán.",
            "Could not read the Excel file ({e}). Save it again as .xlsx, or copy the table and paste it."
        )
    };
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let sheet = book
        .worksheet_range_at(0)
        .ok_or_else(|| {
            t!(
                "Tệp Excel không có trang tính nào.",
                "The Excel file has no worksheet."
            )
            .to_string()
        })?
        .map_err(|e| unreadable(&e))?;
    let text = |c: &Data| match c {
        Data::Empty => String::new(),
        Data::String(s) => tidy(s),
        Data::Float(f) => crate::domain::base::decimal::Dec::from_f64(*f)
            .map(|d| d.to_string())
            .unwrap_or_else(|_| f.to_string()),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    };
    Ok(sheet
        .rows()
        .map(|r| r.iter().map(text).collect::<Vec<_>>())
        .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
        .collect())
}
