//! Reads one CSV file into rows of named, trimmed text fields, reporting
//! every row that cannot be read (non-UTF-8 bytes, too few or too many
//! fields) instead of dropping it. Quotes and commas inside quoted fields
//! are ordinary CSV (RFC 4180) and are kept as they are.

use std::collections::HashMap;
use std::path::Path;

use super::{ImportError, RowError};

/// One data row: its line in the file (1-based, the header is line 1) and
/// its fields by column name.
#[derive(Debug)]
pub struct Row {
    pub line: u64,
    values: HashMap<String, String>,
}

impl Row {
    /// The trimmed field; "" when the column is optional and absent.
    pub fn get(&self, column: &str) -> &str {
        self.values.get(column).map(String::as_str).unwrap_or("")
    }
}

pub struct Table {
    pub rows: Vec<Row>,
    pub errors: Vec<RowError>,
}

/// Reads `path`. `required` columns must be in the header; `optional` ones
/// may be; any other column is reported (its data would otherwise be lost).
pub fn read(
    path: &Path,
    file: &str,
    required: &[&str],
    optional: &[&str],
) -> Result<Table, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(path)
        .map_err(|source| ImportError::Csv {
            path: path.to_owned(),
            source,
        })?;
    let mut errors = Vec::new();
    let err = |line: u64, column: &str, reason: String| RowError {
        file: file.to_owned(),
        line,
        column: column.to_owned(),
        reason,
    };

    let mut records = reader.byte_records();
    let header = match records.next() {
        None => {
            errors.push(err(1, "-", "empty file: no header line".into()));
            return Ok(Table {
                rows: Vec::new(),
                errors,
            });
        }
        Some(Err(source)) => {
            return Err(ImportError::Csv {
                path: path.to_owned(),
                source,
            })
        }
        Some(Ok(h)) => h,
    };
    let mut columns: Vec<String> = Vec::with_capacity(header.len());
    let mut header_ok = true;
    for (i, raw) in header.iter().enumerate() {
        let raw = if i == 0 {
            raw.strip_prefix(b"\xef\xbb\xbf").unwrap_or(raw)
        } else {
            raw
        };
        match std::str::from_utf8(raw) {
            Ok(name) => {
                let name = name.trim().to_owned();
                if name.is_empty() {
                    // E.g. a trailing comma: report the position, as the
                    // report has no name to show (found by proptest).
                    errors.push(err(
                        1,
                        &format!("#{}", i + 1),
                        "column has no name (see docs/import.md); its values would be lost".into(),
                    ));
                } else if columns.contains(&name) {
                    errors.push(err(1, &name, "column appears twice in the header".into()));
                    header_ok = false;
                } else if !required.contains(&name.as_str()) && !optional.contains(&name.as_str()) {
                    errors.push(err(
                        1,
                        &name,
                        "unknown column (see docs/import.md); its values would be lost".into(),
                    ));
                }
                columns.push(name);
            }
            Err(_) => {
                errors.push(err(
                    1,
                    &format!("#{}", i + 1),
                    "column name is not valid UTF-8".into(),
                ));
                header_ok = false;
                columns.push(String::new());
            }
        }
    }
    for name in required {
        if !columns.iter().any(|c| c == name) {
            errors.push(err(1, name, "missing column".into()));
            header_ok = false;
        }
    }
    if !header_ok {
        // Without a usable header no row can be read for sure.
        let rows = records.count() as u64;
        if rows > 0 {
            errors.push(err(
                1,
                "-",
                format!("all {rows} data row(s) rejected because of the header"),
            ));
        }
        return Ok(Table {
            rows: Vec::new(),
            errors,
        });
    }

    let mut rows = Vec::new();
    for rec in records {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                errors.push(err(line, "-", format!("unreadable row: {e}")));
                continue;
            }
        };
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        let mut bad = false;
        if rec.len() > columns.len() {
            errors.push(err(
                line,
                &format!("#{}", columns.len() + 1),
                format!(
                    "{} fields, but the header has {} columns",
                    rec.len(),
                    columns.len()
                ),
            ));
            bad = true;
        }
        if rec.len() < columns.len() {
            errors.push(err(line, &columns[rec.len()], "missing column".into()));
            bad = true;
        }
        let mut values = HashMap::with_capacity(columns.len());
        for (i, raw) in rec.iter().enumerate().take(columns.len()) {
            match std::str::from_utf8(raw) {
                Ok(v) => {
                    values.insert(columns[i].clone(), v.trim().to_owned());
                }
                Err(e) => {
                    errors.push(err(
                        line,
                        &columns[i],
                        format!(
                            "not valid UTF-8 (byte {} of the field); save the file as UTF-8",
                            e.valid_up_to() + 1
                        ),
                    ));
                    bad = true;
                }
            }
        }
        if !bad {
            rows.push(Row { line, values });
        }
    }
    Ok(Table { rows, errors })
}
