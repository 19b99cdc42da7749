//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// `data/api/v1/` of the repository: the embedded dataset.
pub fn embedded() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/api/v1")
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs")
}

/// A fresh, empty directory under the system temp dir; removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("kemitraan-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&p);
        fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Every file under `dir`, by path relative to it, with its bytes.
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p
                    .strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Copies a dataset directory (two levels deep).
pub fn copy_dataset(from: &Path, to: &Path) {
    for (rel, bytes) in files(from) {
        let p = to.join(&rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, bytes).unwrap();
    }
}

pub fn json(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

/// The detail bucket file (relative to the dataset) of `id` in `kind`
/// (`"partners"` or `"agreements"`), from `meta.json`'s counts.
pub fn detail_rel(dir: &Path, kind: &str, id: &str) -> String {
    let meta = json(&dir.join("meta.json"));
    let n = meta["counts"][kind].as_u64().unwrap();
    match kind {
        "partners" => kemitraan_core::model::paths::partner(id, n),
        _ => kemitraan_core::model::paths::agreement(id, n),
    }
}

fn detail_id(d: &serde_json::Value) -> &str {
    d.get("partner")
        .or_else(|| d.get("agreement"))
        .and_then(|x| x["id"].as_str())
        .unwrap_or("")
}

/// The detail of `id` in its bucket, if it is there.
pub fn detail(dir: &Path, kind: &str, id: &str) -> Option<serde_json::Value> {
    let bucket = json(&dir.join(detail_rel(dir, kind, id)));
    bucket["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| detail_id(d) == id)
        .cloned()
}

/// Changes the detail of `id` in its bucket (which must hold it).
pub fn edit_detail(dir: &Path, kind: &str, id: &str, f: impl FnOnce(&mut serde_json::Value)) {
    let path = dir.join(detail_rel(dir, kind, id));
    let mut bucket = json(&path);
    let d = bucket["items"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|d| detail_id(d) == id)
        .unwrap();
    f(d);
    fs::write(path, serde_json::to_string(&bucket).unwrap()).unwrap();
}
