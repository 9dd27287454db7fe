//! A Word document (.docx, Office Open XML) with what official reports use:
//! paragraphs of plain, bold or italic text, aligned; tables with a
//! repeated heading row; A4 pages with the margins of Nghị định
//! 30/2020/NĐ-CP in Times New Roman. Written by hand (a few hundred bytes
//! of XML templates and a stored ZIP) so no crate reaches the wasm for it.

/// Horizontal alignment of a paragraph.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
    Justify,
}

/// A run of text in one style. A newline in the text breaks the line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// Half-points (26 = 13 pt); None keeps the document's 13 pt.
    pub size: Option<u32>,
}

impl Run {
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            ..Run::default()
        }
    }
    pub fn bold(text: impl Into<String>) -> Run {
        Run {
            bold: true,
            ..Run::plain(text)
        }
    }
    pub fn italic(text: impl Into<String>) -> Run {
        Run {
            italic: true,
            ..Run::plain(text)
        }
    }
    pub fn sized(mut self, half_points: u32) -> Run {
        self.size = Some(half_points);
        self
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Para {
    pub runs: Vec<Run>,
    pub align: Align,
    /// Space after, in twentieths of a point.
    pub after: u32,
    /// First-line indent, in twips (567 ≈ 1 cm).
    pub indent: u32,
}

impl Para {
    pub fn new(runs: Vec<Run>) -> Para {
        Para {
            runs,
            after: 120,
            ..Para::default()
        }
    }
    pub fn text(text: impl Into<String>) -> Para {
        Para::new(vec![Run::plain(text)])
    }
    pub fn align(mut self, align: Align) -> Para {
        self.align = align;
        self
    }
    pub fn after(mut self, twentieths: u32) -> Para {
        self.after = twentieths;
        self
    }
    pub fn indent(mut self, twips: u32) -> Para {
        self.indent = twips;
        self
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    pub paras: Vec<Para>,
    /// Columns spanned (at least 1).
    pub span: u32,
    /// A shaded cell (field rows, headings).
    pub shaded: bool,
}

impl Cell {
    pub fn new(paras: Vec<Para>) -> Cell {
        Cell {
            paras,
            span: 1,
            shaded: false,
        }
    }
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::new(vec![Para::text(text).after(0)])
    }
    pub fn bold(text: impl Into<String>) -> Cell {
        Cell::new(vec![Para::new(vec![Run::bold(text)]).after(0)])
    }
    pub fn right(text: impl Into<String>) -> Cell {
        Cell::new(vec![Para::text(text).after(0).align(Align::Right)])
    }
    pub fn span(mut self, columns: u32) -> Cell {
        self.span = columns.max(1);
        self
    }
    pub fn shaded(mut self) -> Cell {
        self.shaded = true;
        self
    }
}

/// A table's heading row: each label bold on a shaded cell.
pub fn header_row(labels: &[&str]) -> Vec<Cell> {
    labels.iter().map(|l| Cell::bold(*l).shaded()).collect()
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// Column widths in twips; the page's text is 9 354 twips wide (16.5 cm).
    pub widths: Vec<u32>,
    pub rows: Vec<Vec<Cell>>,
    /// How many first rows repeat at the top of every page.
    pub header_rows: usize,
    pub borders: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Para(Para),
    Table(Table),
}

/// A document: its blocks in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn para(&mut self, p: Para) {
        self.blocks.push(Block::Para(p));
    }
    pub fn table(&mut self, t: Table) {
        self.blocks.push(Block::Table(t));
    }

    /// The body XML (word/document.xml).
    pub fn document_xml(&self) -> String {
        let mut x = String::with_capacity(64 * 1024);
        x.push_str(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#);
        for b in &self.blocks {
            match b {
                Block::Para(p) => para_xml(&mut x, p),
                Block::Table(t) => table_xml(&mut x, t),
            }
        }
        // A4 portrait; top and bottom 2 cm, left 3 cm, right 1.5 cm
        x.push_str(r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>"#);
        x
    }

    /// The .docx file.
    pub fn to_docx(&self) -> Vec<u8> {
        stored_zip(&[
            ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
            ("_rels/.rels", ROOT_RELS.as_bytes()),
            ("word/_rels/document.xml.rels", DOC_RELS.as_bytes()),
            ("word/styles.xml", STYLES.as_bytes()),
            ("word/document.xml", self.document_xml().as_bytes()),
        ])
    }
}

/// The text as XML character data: markup escaped, and the characters XML
/// 1.0 forbids (control characters a pasted text may carry) dropped.
pub fn escape(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '>' => s.push_str("&gt;"),
            '"' => s.push_str("&quot;"),
            '\t' | '\n' | '\r' => s.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => s.push(c),
        }
    }
    s
}

fn run_xml(x: &mut String, r: &Run) {
    let mut props = String::new();
    if r.bold {
        props.push_str("<w:b/>");
    }
    if r.italic {
        props.push_str("<w:i/>");
    }
    if let Some(sz) = r.size {
        props.push_str(&format!(r#"<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>"#));
    }
    let text = r.text.replace("\r\n", "\n");
    for (i, line) in text.split('\n').enumerate() {
        x.push_str("<w:r>");
        if !props.is_empty() {
            x.push_str("<w:rPr>");
            x.push_str(&props);
            x.push_str("</w:rPr>");
        }
        if i > 0 {
            x.push_str("<w:br/>");
        }
        x.push_str(r#"<w:t xml:space="preserve">"#);
        x.push_str(&escape(line));
        x.push_str("</w:t></w:r>");
    }
}

fn para_xml(x: &mut String, p: &Para) {
    x.push_str("<w:p><w:pPr>");
    x.push_str(&format!(
        r#"<w:spacing w:before="0" w:after="{}"/>"#,
        p.after
    ));
    if p.indent > 0 {
        x.push_str(&format!(r#"<w:ind w:firstLine="{}"/>"#, p.indent));
    }
    let jc = match p.align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "both",
    };
    x.push_str(&format!(r#"<w:jc w:val="{jc}"/></w:pPr>"#));
    for r in &p.runs {
        run_xml(x, r);
    }
    x.push_str("</w:p>");
}

fn table_xml(x: &mut String, t: &Table) {
    let total: u32 = t.widths.iter().sum();
    x.push_str(&format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblLayout w:type="fixed"/>"#
    ));
    let border = if t.borders { "single" } else { "nil" };
    x.push_str(&format!(
        r#"<w:tblBorders><w:top w:val="{border}" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="{border}" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="{border}" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="{border}" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="{border}" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="{border}" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>"#
    ));
    x.push_str(r#"<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#);
    for w in &t.widths {
        x.push_str(&format!(r#"<w:gridCol w:w="{w}"/>"#));
    }
    x.push_str("</w:tblGrid>");
    for (ri, row) in t.rows.iter().enumerate() {
        x.push_str("<w:tr>");
        if ri < t.header_rows {
            x.push_str("<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
        } else if !t.borders {
            // a heading or a signature block stays on one page
            x.push_str("<w:trPr><w:cantSplit/></w:trPr>");
        }
        let mut col = 0usize;
        for cell in row {
            let span = cell.span.max(1) as usize;
            let width: u32 = t.widths.iter().skip(col).take(span).sum();
            col += span;
            x.push_str(&format!(
                r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#
            ));
            if span > 1 {
                x.push_str(&format!(r#"<w:gridSpan w:val="{span}"/>"#));
            }
            if cell.shaded {
                x.push_str(r#"<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>"#);
            }
            x.push_str("</w:tcPr>");
            if cell.paras.is_empty() {
                // a cell must hold a paragraph
                x.push_str("<w:p/>");
            }
            for p in &cell.paras {
                para_xml(x, p);
            }
            x.push_str("</w:tc>");
        }
        x.push_str("</w:tr>");
    }
    x.push_str("</w:tbl>");
    // Word needs a paragraph between two tables, and after a last one
    x.push_str(r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:p>"#);
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

const DOC_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>"#;

/// CRC-32 (IEEE), as ZIP entries carry it.
pub fn crc32(data: &[u8]) -> u32 {
    let mut table = [0u32; 256];
    for (i, slot) in table.iter_mut().enumerate() {
        let mut c = i as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
        }
        *slot = c;
    }
    let mut crc = !0u32;
    for &b in data {
        crc = table[((crc ^ b as u32) & 0xFF) as usize] ^ (crc >> 8);
    }
    !crc
}

/// A ZIP archive of the files as they are (method 0, "stored"), which every
/// Office reader opens. Names are ASCII; sizes stay far under 4 GB.
fn stored_zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let le16 = |v: &mut Vec<u8>, n: u16| v.extend_from_slice(&n.to_le_bytes());
    let le32 = |v: &mut Vec<u8>, n: u32| v.extend_from_slice(&n.to_le_bytes());
    for (name, data) in files {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let (size, name_len) = (data.len() as u32, name.len() as u16);
        // local file header
        le32(&mut out, 0x0403_4b50);
        le16(&mut out, 20); // version needed
        le16(&mut out, 0); // flags
        le16(&mut out, 0); // stored
        le16(&mut out, 0); // time
        le16(&mut out, 0x21); // date: 1980-01-01
        le32(&mut out, crc);
        le32(&mut out, size);
        le32(&mut out, size);
        le16(&mut out, name_len);
        le16(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // its central directory entry
        le32(&mut central, 0x0201_4b50);
        le16(&mut central, 20); // made by
        le16(&mut central, 20);
        le16(&mut central, 0);
        le16(&mut central, 0);
        le16(&mut central, 0);
        le16(&mut central, 0x21);
        le32(&mut central, crc);
        le32(&mut central, size);
        le32(&mut central, size);
        le16(&mut central, name_len);
        le16(&mut central, 0); // extra
        le16(&mut central, 0); // comment
        le16(&mut central, 0); // disk
        le16(&mut central, 0); // internal attributes
        le32(&mut central, 0); // external attributes
        le32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let (cd_offset, cd_size) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    le32(&mut out, 0x0605_4b50);
    le16(&mut out, 0);
    le16(&mut out, 0);
    le16(&mut out, files.len() as u16);
    le16(&mut out, files.len() as u16);
    le32(&mut out, cd_size);
    le32(&mut out, cd_offset);
    le16(&mut out, 0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_of_known_text() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn escaping_drops_control_characters_and_escapes_markup() {
        assert_eq!(escape("a<b>&\"c\u{1}\u{7}d"), "a&lt;b&gt;&amp;&quot;cd");
        assert_eq!(escape("Hà Nội\tx"), "Hà Nội\tx");
    }
}
