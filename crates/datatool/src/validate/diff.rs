//! The first difference between two JSON values, as a path and both sides,
//! so a problem names exactly what disagrees.

use serde_json::Value;

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 80 {
        let cut: String = s.chars().take(77).collect();
        format!("{cut}...")
    } else {
        s
    }
}

/// `None` when equal; otherwise `"$.a.b[3]: <left> vs <right>"`, or an
/// unknown/missing field.
pub fn first_difference(
    left: &Value,
    right: &Value,
    left_name: &str,
    right_name: &str,
) -> Option<String> {
    walk(left, right, "$".to_owned(), left_name, right_name)
}

fn walk(l: &Value, r: &Value, path: String, ln: &str, rn: &str) -> Option<String> {
    match (l, r) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                match b.get(k) {
                    None => return Some(format!("{path}.{k}: in {ln} but not in {rn}")),
                    Some(vb) => {
                        if let Some(d) = walk(va, vb, format!("{path}.{k}"), ln, rn) {
                            return Some(d);
                        }
                    }
                }
            }
            b.keys()
                .find(|k| !a.contains_key(*k))
                .map(|k| format!("{path}.{k}: in {rn} but not in {ln}"))
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, (va, vb)) in a.iter().zip(b).enumerate() {
                if let Some(d) = walk(va, vb, format!("{path}[{i}]"), ln, rn) {
                    return Some(d);
                }
            }
            (a.len() != b.len())
                .then(|| format!("{path}: {} items in {ln}, {} in {rn}", a.len(), b.len()))
        }
        _ => (l != r).then(|| format!("{path}: {ln} has {}, {rn} has {}", short(l), short(r))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_the_first_differing_path() {
        let a = json!({"totals": {"committed": 5, "x": [1, 2]}});
        let b = json!({"totals": {"committed": 6, "x": [1, 2]}});
        assert_eq!(
            first_difference(&a, &b, "file", "rows").unwrap(),
            "$.totals.committed: file has 5, rows has 6"
        );
        assert_eq!(first_difference(&a, &a, "f", "r"), None);
        let c = json!({"totals": {"committed": 5, "x": [1, 2], "extra": true}});
        assert!(first_difference(&c, &a, "file", "contract")
            .unwrap()
            .contains("extra: in file but not in contract"));
        let d = json!({"totals": {"committed": 5, "x": [1]}});
        assert!(first_difference(&a, &d, "l", "r")
            .unwrap()
            .contains("2 items in l, 1 in r"));
    }
}
