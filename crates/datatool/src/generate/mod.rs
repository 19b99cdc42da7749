//! `generate`: a deterministic synthetic dataset.
//!
//! The same seed and scale always give the same bytes: the random numbers
//! come from our own SplitMix64 ([`crate::rng`]), only integer arithmetic
//! is used, and every list is written in a fixed order. The default seed and
//! scale reproduce the signing of 18 January 2021 (see [`block`]).

pub mod block;
pub mod hostile;
pub mod names;
pub mod tables;

use std::fmt;
use std::path::PathBuf;

use kemitraan_core::model::{Event, Events, Place, ReportedFigures, SourceRef};
use kemitraan_core::Rupiah;

use crate::progress::Progress;
use crate::write::{LayoutWriter, MetaInfo, WriteError};
use block::{IdSpace, EVENT_ID, EVENT_PARTNERS};

pub const DEFAULT_SEED: u64 = 20210118;
pub const DEFAULT_SCALE: u64 = EVENT_PARTNERS;
pub const DEFAULT_PAGE_SIZE: u32 = 1000;
/// Changes whenever the generator's output for a seed changes.
pub const GENERATOR_VERSION: &str = "1.0.0";
/// Show progress from this many partners on.
const PROGRESS_FROM: u64 = 10_000;

#[derive(Clone, Debug)]
pub struct GenerateArgs {
    pub seed: u64,
    pub scale: u64,
    pub out: PathBuf,
    pub page_size: u32,
    /// Show progress on stderr for large runs.
    pub progress: bool,
    /// Hostile names, cities and event name (see [`hostile`]).
    pub hostile: bool,
}

#[derive(Debug)]
pub enum GenerateError {
    ScaleTooSmall(u64),
    Write(WriteError),
    /// A bug in the generator: a table or date it built is invalid.
    Internal(String),
}

impl fmt::Display for GenerateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GenerateError::ScaleTooSmall(n) => write!(
                f,
                "--scale {n} is too small: the signing of 18 January 2021 alone has {EVENT_PARTNERS} partners"
            ),
            GenerateError::Write(e) => write!(f, "{e}"),
            GenerateError::Internal(m) => write!(f, "internal error in the generator: {m}"),
        }
    }
}

impl std::error::Error for GenerateError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            GenerateError::Write(e) => Some(e),
            _ => None,
        }
    }
}

impl From<WriteError> for GenerateError {
    fn from(e: WriteError) -> Self {
        GenerateError::Write(e)
    }
}

/// The signing of 18 January 2021 as the press release reported it.
pub fn event() -> Result<Event, GenerateError> {
    Ok(Event {
        id: EVENT_ID.to_owned(),
        name: "Penandatanganan Perjanjian Kerja Sama Kemitraan antara PMA/PMDN dengan UMKM"
            .to_owned(),
        date: block::event_date()?,
        place: Place {
            is_virtual: true,
            location: None,
        },
        reported: ReportedFigures {
            companies: block::EVENT_PMA + block::EVENT_PMDN,
            pma: block::EVENT_PMA,
            pmdn: block::EVENT_PMDN,
            umkm: block::EVENT_UMKM,
            investment: Rupiah::miliar(1_500),
        },
        source: SourceRef {
            title: "Wordpers.id — Pemprov Bengkulu dukung kemitraan UMKM dengan investor"
                .to_owned(),
            reference: "seed/000_a2906ef972e07183.txt".to_owned(),
            url: None,
        },
    })
}

/// What a run wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generated {
    pub partners: u64,
    pub agreements: u64,
}

pub fn run(args: &GenerateArgs) -> Result<Generated, GenerateError> {
    if args.scale < EVENT_PARTNERS {
        return Err(GenerateError::ScaleTooSmall(args.scale));
    }
    let plan = block::plan(args.scale);
    let ids = IdSpace::new(args.scale, args.seed);
    let show = args.progress && args.scale >= PROGRESS_FROM;

    // Pass 1: count the agreements, which every list page states.
    let mut counting = Progress::new("counting", args.scale, show);
    let mut agreements = 0u64;
    for b in &plan {
        agreements += block::build(args.seed, b, &ids, agreements)?
            .agreements
            .len() as u64;
        counting.advance(b.partners());
    }
    counting.finish();

    // Pass 2: the same blocks again, written as they come.
    let mut writer = LayoutWriter::create(&args.out, args.page_size, args.scale, agreements)?;
    writer.report_times = show;
    let mut writing = Progress::new("writing", args.scale, show);
    let mut next = 0u64;
    for b in &plan {
        let mut block = block::build(args.seed, b, &ids, next)?;
        if args.hostile {
            hostile::partners(&mut block.partners, b.first_partner);
        }
        next += block.agreements.len() as u64;
        writer.write_group(&block.partners, &block.agreements)?;
        writing.advance(b.partners());
    }
    writing.finish();

    let mut source = format!("Dibuat oleh kemitraan-data generate --seed {}", args.seed);
    if args.scale != DEFAULT_SCALE {
        source.push_str(&format!(" --scale {}", args.scale));
    }
    if args.hostile {
        source.push_str(" --hostile");
    }
    let info = MetaInfo {
        name: "Data contoh Kemitraan (sintetis)".to_owned(),
        version: GENERATOR_VERSION.to_owned(),
        as_of: block::as_of()?,
        synthetic: true,
        source,
        description: "Data sintetis: nama, NIB, NPWP, lokasi dan nilai semua perusahaan, UMKM \
            dan perjanjian di sini rekaan, bukan data sebenarnya. Hanya angka utama \
            penandatanganan 18 Januari 2021 (56 perusahaan PMA/PMDN, yaitu 29 PMA dan 27 PMDN; \
            196 UMKM; nilai Rp1,5 triliun) yang mengikuti siaran pers. / Synthetic data: every \
            name and figure is invented; only the headline figures of the 18 January 2021 \
            signing follow the press release."
            .to_owned(),
    };
    let mut events = Events {
        items: vec![event()?],
    };
    if args.hostile {
        hostile::events(&mut events);
    }
    let meta = writer.finish(info, &events)?;
    Ok(Generated {
        partners: meta.counts.partners,
        agreements: meta.counts.agreements,
    })
}
