//! Command-line parsing and dispatch for `kemitraan-data`.
//!
//! Exit codes: 0 success; 1 failure (a problem found by `validate`, an I/O
//! error); 2 `import` rejected at least one row (the good rows are still
//! written); 64 bad usage.

use std::fmt;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::export_ocds::{self, ExportArgs};
use crate::generate::{self, GenerateArgs, DEFAULT_PAGE_SIZE, DEFAULT_SCALE, DEFAULT_SEED};
use crate::import::{self, ImportArgs};
use crate::validate;

pub const USAGE: &str = "\
usage:
  kemitraan-data generate [--seed S] [--scale N] [--page-size N] [--quiet] [--hostile] --out DIR
  kemitraan-data import --partners P.csv --agreements A.csv [--transactions T.csv]
                        [--events EVENTS.json] --out DIR [--as-of YYYY-MM-DD] [--name NAME]
                        [--dataset-version V] [--synthetic] [--page-size N]
  kemitraan-data validate DIR
  kemitraan-data aggregate DIR
  kemitraan-data build-index DIR [--budget ROWS]
  kemitraan-data export-ocds DIR [--out FILE] [--agreement ID]

generate: a deterministic synthetic dataset (default seed 20210118, scale 252 partners,
          which reproduces the signing of 18 January 2021). --hostile puts markup,
          script, RTL overrides, emoji, zero-width characters, CSV formulas and
          10 000-character strings into names, cities and the event name.
import:   CSV files (docs/import.md) into the same layout; every rejected row is
          reported as FILE:LINE:COLUMN: reason and the exit code is 2.
validate: checks every file of a dataset; exit code 1 if anything is wrong.
aggregate: (re)writes the agreement aggregates (aggregates/) of an existing dataset;
          generate and import write them too.
build-index: (re)writes DIR/search/, the partner search index (generate and import
          write it too), from the partner pages; prints its size and the time taken.
          --budget: rows a keystroke may fetch before a word typed alone gets a
          precomputed first page (default 600; validate keeps the root's).
export-ocds: an OCDS-shaped release package (not certified OCDS).

exit codes: 0 ok, 1 failure, 2 import rejected rows, 64 bad usage";

#[derive(Debug, PartialEq, Eq)]
pub enum ArgError {
    NoCommand,
    UnknownCommand(String),
    UnknownOption(String),
    MissingValue(String),
    Missing(&'static str),
    BadValue {
        option: String,
        value: String,
        reason: String,
    },
    UnexpectedArgument(String),
}

impl fmt::Display for ArgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgError::NoCommand => f.write_str("no command given"),
            ArgError::UnknownCommand(c) => write!(f, "unknown command {c:?}"),
            ArgError::UnknownOption(o) => write!(f, "unknown option {o}"),
            ArgError::MissingValue(o) => write!(f, "option {o} needs a value"),
            ArgError::Missing(what) => write!(f, "{what} is required"),
            ArgError::BadValue {
                option,
                value,
                reason,
            } => write!(f, "{option} {value:?}: {reason}"),
            ArgError::UnexpectedArgument(a) => write!(f, "unexpected argument {a:?}"),
        }
    }
}

impl std::error::Error for ArgError {}

/// Arguments after the command: options with values, flags, positionals.
#[derive(Debug, Default)]
pub struct Parsed {
    pub positional: Vec<String>,
    values: Vec<(String, String)>,
    flags: Vec<String>,
}

impl Parsed {
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }

    fn number<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, ArgError> {
        match self.value(name) {
            None => Ok(None),
            Some(v) => v.parse().map(Some).map_err(|_| ArgError::BadValue {
                option: name.to_owned(),
                value: v.to_owned(),
                reason: "not a whole number".to_owned(),
            }),
        }
    }

    fn date(&self, name: &str) -> Result<Option<NaiveDate>, ArgError> {
        match self.value(name) {
            None => Ok(None),
            Some(v) => NaiveDate::parse_from_str(v, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| ArgError::BadValue {
                    option: name.to_owned(),
                    value: v.to_owned(),
                    reason: "not a date YYYY-MM-DD".to_owned(),
                }),
        }
    }
}

/// Splits `args`: `--name value`, `--name=value` for `with_value`, bare
/// `--flag` for `flags`, anything else positional.
pub fn parse(args: &[String], with_value: &[&str], flags: &[&str]) -> Result<Parsed, ArgError> {
    let mut out = Parsed::default();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if let Some(stripped) = a.strip_prefix("--") {
            let (name, inline) = match stripped.split_once('=') {
                Some((n, v)) => (format!("--{n}"), Some(v.to_owned())),
                None => (a.clone(), None),
            };
            if with_value.contains(&name.as_str()) {
                let v = match inline {
                    Some(v) => v,
                    None => it
                        .next()
                        .cloned()
                        .ok_or(ArgError::MissingValue(name.clone()))?,
                };
                out.values.push((name, v));
            } else if flags.contains(&name.as_str()) && inline.is_none() {
                out.flags.push(name);
            } else {
                return Err(ArgError::UnknownOption(a.clone()));
            }
        } else {
            out.positional.push(a.clone());
        }
    }
    Ok(out)
}

fn no_positionals(p: &Parsed) -> Result<(), ArgError> {
    match p.positional.first() {
        Some(a) => Err(ArgError::UnexpectedArgument(a.clone())),
        None => Ok(()),
    }
}

fn page_size(p: &Parsed) -> Result<u32, ArgError> {
    let n = p.number::<u32>("--page-size")?.unwrap_or(DEFAULT_PAGE_SIZE);
    if n == 0 {
        return Err(ArgError::BadValue {
            option: "--page-size".into(),
            value: "0".into(),
            reason: "must be at least 1".into(),
        });
    }
    Ok(n)
}

pub fn generate_args(args: &[String]) -> Result<GenerateArgs, ArgError> {
    let p = parse(
        args,
        &["--seed", "--scale", "--out", "--page-size"],
        &["--quiet", "--hostile"],
    )?;
    no_positionals(&p)?;
    Ok(GenerateArgs {
        seed: p.number("--seed")?.unwrap_or(DEFAULT_SEED),
        scale: p.number("--scale")?.unwrap_or(DEFAULT_SCALE),
        out: PathBuf::from(p.value("--out").ok_or(ArgError::Missing("--out DIR"))?),
        page_size: page_size(&p)?,
        progress: !p.flag("--quiet"),
        hostile: p.flag("--hostile"),
    })
}

pub fn import_args(args: &[String]) -> Result<ImportArgs, ArgError> {
    let p = parse(
        args,
        &[
            "--partners",
            "--agreements",
            "--transactions",
            "--events",
            "--out",
            "--as-of",
            "--name",
            "--dataset-version",
            "--page-size",
        ],
        &["--synthetic"],
    )?;
    no_positionals(&p)?;
    let path = |name: &str| p.value(name).map(PathBuf::from);
    Ok(ImportArgs {
        partners: path("--partners").ok_or(ArgError::Missing("--partners FILE"))?,
        agreements: path("--agreements").ok_or(ArgError::Missing("--agreements FILE"))?,
        transactions: path("--transactions"),
        events: path("--events"),
        out: path("--out").ok_or(ArgError::Missing("--out DIR"))?,
        as_of: p.date("--as-of")?,
        name: p.value("--name").map(str::to_owned),
        version: p.value("--dataset-version").map(str::to_owned),
        synthetic: p.flag("--synthetic"),
        page_size: page_size(&p)?,
    })
}

pub fn export_args(args: &[String]) -> Result<ExportArgs, ArgError> {
    let p = parse(args, &["--out", "--agreement"], &[])?;
    let dir = match p.positional.as_slice() {
        [d] => PathBuf::from(d),
        [] => return Err(ArgError::Missing("the dataset DIR")),
        [_, extra, ..] => return Err(ArgError::UnexpectedArgument(extra.clone())),
    };
    Ok(ExportArgs {
        dir,
        out: p.value("--out").map(PathBuf::from),
        agreement: p.value("--agreement").map(str::to_owned),
    })
}

fn usage_error(e: &dyn fmt::Display) -> ExitCode {
    eprintln!("kemitraan-data: {e}\n\n{USAGE}");
    ExitCode::from(64)
}

fn failure(e: &dyn fmt::Display) -> ExitCode {
    eprintln!("kemitraan-data: {e}");
    ExitCode::from(1)
}

pub fn main(args: &[String]) -> ExitCode {
    let Some((command, rest)) = args.split_first() else {
        return usage_error(&ArgError::NoCommand);
    };
    match command.as_str() {
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        "generate" => match generate_args(rest) {
            Err(e) => usage_error(&e),
            Ok(a) => match generate::run(&a) {
                Ok(g) => {
                    println!(
                        "generated {} partners and {} agreements in {}",
                        g.partners,
                        g.agreements,
                        a.out.display()
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => failure(&e),
            },
        },
        "import" => match import_args(rest) {
            Err(e) => usage_error(&e),
            Ok(a) => match import::run(&a) {
                Ok(report) => {
                    let mut err = std::io::stderr().lock();
                    for r in &report.rejected {
                        let _ = writeln!(err, "{r}");
                    }
                    println!("{}", report.line(&a.out));
                    if report.rejected.is_empty() {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::from(2)
                    }
                }
                Err(e) => failure(&e),
            },
        },
        "validate" => match rest {
            [dir] if !dir.starts_with("--") => {
                let report = validate::validate(std::path::Path::new(dir));
                let mut err = std::io::stderr().lock();
                for p in &report.problems {
                    let _ = writeln!(err, "{p}");
                }
                if report.problems.is_empty() {
                    println!("{}", report.ok_line(std::path::Path::new(dir)));
                    ExitCode::SUCCESS
                } else {
                    let _ = writeln!(err, "{} problem(s) in {dir}", report.problems.len());
                    ExitCode::from(1)
                }
            }
            [] => usage_error(&ArgError::Missing("the dataset DIR")),
            [_, extra, ..] => usage_error(&ArgError::UnexpectedArgument(extra.clone())),
            [a] => usage_error(&ArgError::UnknownOption(a.clone())),
        },
        "aggregate" => match rest {
            [dir] if !dir.starts_with("--") => {
                match crate::aggregates::run(std::path::Path::new(dir)) {
                    Ok(n) => {
                        println!("wrote the aggregates of {n} agreements in {dir}");
                        ExitCode::SUCCESS
                    }
                    Err(e) => failure(&e),
                }
            }
            [] => usage_error(&ArgError::Missing("the dataset DIR")),
            [_, extra, ..] => usage_error(&ArgError::UnexpectedArgument(extra.clone())),
            [a] => usage_error(&ArgError::UnknownOption(a.clone())),
        },
        "build-index" => match rest {
            [dir, flag, n] if flag == "--budget" && !dir.starts_with("--") => {
                match n.parse::<u32>() {
                    Ok(budget) => build_index(dir, Some(budget)),
                    Err(_) => usage_error(&ArgError::UnexpectedArgument(n.clone())),
                }
            }
            [dir] if !dir.starts_with("--") => build_index(dir, None),
            [] => usage_error(&ArgError::Missing("the dataset DIR")),
            [_, extra, ..] => usage_error(&ArgError::UnexpectedArgument(extra.clone())),
            [a] => usage_error(&ArgError::UnknownOption(a.clone())),
        },
        "export-ocds" => match export_args(rest) {
            Err(e) => usage_error(&e),
            Ok(a) => match export_ocds::run(&a) {
                Ok(n) => {
                    if let Some(out) = &a.out {
                        println!("exported {n} releases to {}", out.display());
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => failure(&e),
            },
        },
        other => usage_error(&ArgError::UnknownCommand(other.to_owned())),
    }
}

fn build_index(dir: &str, budget: Option<u32>) -> ExitCode {
    match crate::search_index::build(std::path::Path::new(dir), budget) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => failure(&e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn generate_defaults_and_overrides() {
        let a = generate_args(&s(&["--out", "d"])).unwrap();
        assert_eq!((a.seed, a.scale, a.page_size), (20210118, 252, 1000));
        let a = generate_args(&s(&["--seed=7", "--scale", "1000", "--out=x", "--quiet"])).unwrap();
        assert_eq!((a.seed, a.scale, a.progress), (7, 1000, false));
    }

    #[test]
    fn bad_arguments_are_typed_errors() {
        assert_eq!(
            generate_args(&s(&["--seed", "abc", "--out", "d"])).unwrap_err(),
            ArgError::BadValue {
                option: "--seed".into(),
                value: "abc".into(),
                reason: "not a whole number".into()
            }
        );
        assert_eq!(
            generate_args(&s(&["--seed"])).unwrap_err(),
            ArgError::MissingValue("--seed".into())
        );
        assert_eq!(
            generate_args(&s(&[])).unwrap_err(),
            ArgError::Missing("--out DIR")
        );
        assert_eq!(
            generate_args(&s(&["--out", "d", "--nope"])).unwrap_err(),
            ArgError::UnknownOption("--nope".into())
        );
        assert!(matches!(
            generate_args(&s(&["--out", "d", "--page-size", "0"])),
            Err(ArgError::BadValue { .. })
        ));
        assert!(matches!(
            import_args(&s(&[
                "--partners",
                "p",
                "--agreements",
                "a",
                "--out",
                "o",
                "--as-of",
                "2025-13-01"
            ])),
            Err(ArgError::BadValue { .. })
        ));
    }
}
