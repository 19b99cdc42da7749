//! CSV that opens cleanly in a spreadsheet: UTF-8 with a byte-order mark (so
//! Excel does not guess a legacy code page), CRLF line ends, fields quoted
//! when they hold a comma, semicolon (the list
//! separator of Indonesian Excel), quote or line break, and text that a spreadsheet
//! would run as a formula (`=`, `+`, `-`, `@` first) prefixed with `'`.
//!
//! Numbers are written by the caller as plain integers; this module only
//! escapes.

/// The UTF-8 byte-order mark.
pub const BOM: &str = "\u{feff}";

/// Builds one CSV document.
#[derive(Debug, Default)]
pub struct CsvWriter {
    out: String,
}

impl CsvWriter {
    /// Starts a document with the BOM and a header row.
    pub fn with_header<S: AsRef<str>>(header: &[S]) -> CsvWriter {
        let mut w = CsvWriter {
            out: String::from(BOM),
        };
        w.text_row(header);
        w
    }

    /// A row of text fields, each guarded against formula injection.
    pub fn text_row<S: AsRef<str>>(&mut self, fields: &[S]) {
        let cells: Vec<Cell> = fields.iter().map(|f| Cell::Text(f.as_ref())).collect();
        self.row(&cells);
    }

    /// A row of mixed cells.
    pub fn row(&mut self, cells: &[Cell<'_>]) {
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            match cell {
                Cell::Int(n) => self.out.push_str(&n.to_string()),
                Cell::Text(t) => push_text(&mut self.out, t),
                Cell::Empty => {}
            }
        }
        self.out.push_str("\r\n");
    }

    /// The file's text.
    pub fn finish(self) -> String {
        self.out
    }
}

/// One field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell<'a> {
    /// Written as digits with an optional minus, never guarded.
    Int(i64),
    /// Text, quoted when needed and guarded against formula injection.
    Text(&'a str),
    /// An empty field.
    Empty,
}

fn push_text(out: &mut String, t: &str) {
    let guarded =
        matches!(t.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r')) && !is_number(t);
    let needs_quotes = guarded || t.contains([',', ';', '"', '\n', '\r']);
    if needs_quotes {
        out.push('"');
    }
    if guarded {
        out.push('\'');
    }
    for c in t.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if needs_quotes {
        out.push('"');
    }
}

/// A signed decimal such as `-12.5`: a spreadsheet reads it as a number, not
/// a formula, so it needs no guard.
fn is_number(t: &str) -> bool {
    let digits = t.strip_prefix(['-', '+']).unwrap_or(t);
    let mut parts = digits.splitn(2, ['.', ',']);
    let whole = parts.next().unwrap_or("");
    let frac = parts.next();
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// Splits a document written by [`CsvWriter`] back into rows, for tests and
/// for checking exports. Handles quotes; strips the BOM.
pub fn parse(doc: &str) -> Vec<Vec<String>> {
    let doc = doc.strip_prefix(BOM).unwrap_or(doc);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = doc.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_with_bom_and_escapes() {
        let mut w = CsvWriter::with_header(&["nama", "nilai"]);
        w.row(&[Cell::Text("PT \"Maju\", Tbk"), Cell::Int(1_500_000)]);
        w.row(&[Cell::Text("=HYPERLINK(\"x\")"), Cell::Int(-5)]);
        let doc = w.finish();
        assert!(doc.starts_with('\u{feff}'));
        assert!(doc.contains("\"PT \"\"Maju\"\", Tbk\",1500000\r\n"));
        assert!(doc.contains("\"'=HYPERLINK(\"\"x\"\")\",-5\r\n"));
        let rows = parse(&doc);
        assert_eq!(rows.len(), 3);
        let mut w = CsvWriter::with_header(&["g"]);
        w.text_row(&["-12.5"]);
        w.text_row(&["-1+1"]);
        assert!(w.finish().ends_with("-12.5\r\n\"'-1+1\"\r\n"));
        assert_eq!(rows[1], ["PT \"Maju\", Tbk", "1500000"]);
        assert_eq!(rows[2][0], "'=HYPERLINK(\"x\")");
    }

    #[test]
    fn line_breaks_stay_inside_a_field() {
        let mut w = CsvWriter::with_header(&["a"]);
        w.text_row(&["baris satu\nbaris dua"]);
        let rows = parse(&w.finish());
        assert_eq!(
            rows,
            vec![
                vec!["a".to_string()],
                vec!["baris satu\nbaris dua".to_string()]
            ]
        );
    }
}
