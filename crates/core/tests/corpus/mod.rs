//! The hand-kept corpus of hostile strings (tests/corpus/strings.txt),
//! shared by the property tests.

/// Every non-comment line, with `\n`, `\t`, `\\` and `\u{HEX}` unescaped.
pub fn lines() -> Vec<String> {
    let text = include_str!("strings.txt");
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .map(unescape)
        .collect()
}

fn unescape(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        if let Some(r) = after.strip_prefix('n') {
            out.push('\n');
            rest = r;
        } else if let Some(r) = after.strip_prefix('t') {
            out.push('\t');
            rest = r;
        } else if let Some(r) = after.strip_prefix("u{") {
            let end = r.find('}').expect("corpus: unclosed \\u{");
            let c = u32::from_str_radix(&r[..end], 16)
                .ok()
                .and_then(char::from_u32)
                .expect("corpus: bad \\u{} escape");
            out.push(c);
            rest = &r[end + 1..];
        } else {
            out.push('\\');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Splits a corpus line as a query string: `a=b&c=d` -> pairs.
#[allow(dead_code)]
pub fn pairs(line: &str) -> Vec<(String, String)> {
    line.split('&')
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.to_owned(), v.to_owned()),
            None => (p.to_owned(), String::new()),
        })
        .collect()
}
