//! Query strings for shareable links, written here so every page encodes
//! them the same way (and natively tested).

/// Percent-encodes a query component: everything but the unreserved
/// characters of RFC 3986, and `,` which the app uses as a list separator
/// and browsers leave alone.
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                out.push(b as char)
            }
            b' ' => out.push_str("%20"),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `k=v&k=v`, each part encoded; empty for no pairs.
pub fn encode_query<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                encode_component(k.as_ref()),
                encode_component(v.as_ref())
            )
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// A path with its query, without a dangling `?`.
pub fn with_query<K: AsRef<str>, V: AsRef<str>>(path: &str, pairs: &[(K, V)]) -> String {
    let q = encode_query(pairs);
    if q.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{q}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_what_a_url_cannot_hold() {
        assert_eq!(encode_component("kopi & teh"), "kopi%20%26%20teh");
        assert_eq!(encode_component("2021,2022"), "2021,2022");
        assert_eq!(encode_component("Sinár"), "Sin%C3%A1r");
        assert_eq!(encode_component("<img>"), "%3Cimg%3E");
        assert_eq!(
            with_query("/perjanjian", &[("q", "a b"), ("tahun", "2021")]),
            "/perjanjian?q=a%20b&tahun=2021"
        );
        assert_eq!(with_query::<&str, &str>("/perjanjian", &[]), "/perjanjian");
    }
}
