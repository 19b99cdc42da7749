//! UMKM size classes of PP 7/2021, Pasal 35.
//!
//! | class    | modal usaha (excl. land and buildings) | hasil penjualan tahunan |
//! |----------|-----------------------------------------|-------------------------|
//! | Mikro    | <= Rp1 miliar                           | <= Rp2 miliar           |
//! | Kecil    | > Rp1 miliar, <= Rp5 miliar             | > Rp2 miliar, <= Rp15 miliar |
//! | Menengah | > Rp5 miliar, <= Rp10 miliar            | > Rp15 miliar, <= Rp50 miliar |
//! | Besar    | > Rp10 miliar                           | > Rp50 miliar           |
//!
//! "paling banyak" is `<=` and "lebih dari" is `>`, so each limit belongs to
//! the smaller class: exactly Rp1 miliar of capital is still Mikro.
//!
//! The older UU 20/2008 limits (e.g. micro sales <= Rp300 juta) no longer
//! apply; data from before 2021 may have been classed under them, so a
//! stored class is never trusted over the stored values.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::money::Rupiah;

/// Business size class. Ordered from small to large, so `Mikro < Besar`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SizeClass {
    /// Usaha mikro.
    Mikro,
    /// Usaha kecil.
    Kecil,
    /// Usaha menengah.
    Menengah,
    /// Usaha besar: above the medium limits.
    Besar,
}

impl SizeClass {
    /// All classes, smallest first (the "naik kelas" ladder).
    pub const ALL: [SizeClass; 4] = [
        SizeClass::Mikro,
        SizeClass::Kecil,
        SizeClass::Menengah,
        SizeClass::Besar,
    ];

    /// The class's name in the interface language.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (SizeClass::Mikro, Lang::Id) => "Mikro",
            (SizeClass::Kecil, Lang::Id) => "Kecil",
            (SizeClass::Menengah, Lang::Id) => "Menengah",
            (SizeClass::Besar, Lang::Id) => "Besar",
            (SizeClass::Mikro, Lang::En) => "Micro",
            (SizeClass::Kecil, Lang::En) => "Small",
            (SizeClass::Menengah, Lang::En) => "Medium",
            (SizeClass::Besar, Lang::En) => "Large",
        }
    }

    /// The class one step up ("naik kelas"); `None` for Besar.
    pub fn next(self) -> Option<SizeClass> {
        match self {
            SizeClass::Mikro => Some(SizeClass::Kecil),
            SizeClass::Kecil => Some(SizeClass::Menengah),
            SizeClass::Menengah => Some(SizeClass::Besar),
            SizeClass::Besar => None,
        }
    }

    /// The OCDS `details.scale` code (`micro`/`small`/`medium`/`large`),
    /// for the OCDS-shaped export.
    pub fn ocds_scale(self) -> &'static str {
        match self {
            SizeClass::Mikro => "micro",
            SizeClass::Kecil => "small",
            SizeClass::Menengah => "medium",
            SizeClass::Besar => "large",
        }
    }
}

/// Which of the two Pasal 35 criteria set a class. The UI shows it next to
/// the class, because the same business can be Mikro by one and Kecil by the
/// other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SizeTest {
    /// Modal usaha (excluding land and buildings): used when a business is
    /// founded or registered.
    Capital,
    /// Hasil penjualan tahunan: used for support measures.
    Sales,
}

impl SizeTest {
    /// The test's name in the interface language.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (SizeTest::Capital, Lang::Id) => "modal usaha",
            (SizeTest::Sales, Lang::Id) => "hasil penjualan tahunan",
            (SizeTest::Capital, Lang::En) => "business capital",
            (SizeTest::Sales, Lang::En) => "annual sales",
        }
    }
}

/// Upper limits (inclusive) of Mikro, Kecil and Menengah by capital.
pub const CAPITAL_LIMITS: [Rupiah; 3] = [Rupiah::miliar(1), Rupiah::miliar(5), Rupiah::miliar(10)];

/// Upper limits (inclusive) of Mikro, Kecil and Menengah by annual sales.
pub const SALES_LIMITS: [Rupiah; 3] = [Rupiah::miliar(2), Rupiah::miliar(15), Rupiah::miliar(50)];

fn class_by_limits(value: Rupiah, limits: &[Rupiah; 3]) -> SizeClass {
    // Negative values are treated as 0, i.e. Mikro: a loss or a data-entry
    // sign error must not make a business look larger than the smallest
    // class, and every limit is positive anyway.
    let value = value.max(Rupiah::ZERO);
    match limits.iter().position(|limit| value <= *limit) {
        Some(0) => SizeClass::Mikro,
        Some(1) => SizeClass::Kecil,
        Some(_) => SizeClass::Menengah,
        None => SizeClass::Besar,
    }
}

/// Class by modal usaha (excluding land and buildings): <= Rp1 M
/// Mikro, <= Rp5 M Kecil, <= Rp10 M Menengah, above Besar. Negative values
/// count as 0 (Mikro).
pub fn class_by_capital(capital: Rupiah) -> SizeClass {
    class_by_limits(capital, &CAPITAL_LIMITS)
}

/// Class by hasil penjualan tahunan: <= Rp2 M Mikro, <= Rp15 M Kecil,
/// <= Rp50 M Menengah, above Besar. Negative values count as 0 (Mikro).
pub fn class_by_sales(sales: Rupiah) -> SizeClass {
    class_by_limits(sales, &SALES_LIMITS)
}

fn band(class: SizeClass, limits: &[Rupiah; 3]) -> (Option<Rupiah>, Option<Rupiah>) {
    match class {
        SizeClass::Mikro => (None, Some(limits[0])),
        SizeClass::Kecil => (Some(limits[0]), Some(limits[1])),
        SizeClass::Menengah => (Some(limits[1]), Some(limits[2])),
        SizeClass::Besar => (Some(limits[2]), None),
    }
}

/// Bounds of a class by annual sales, for drawing chart bands: the lower
/// bound is exclusive ("lebih dari"), the upper inclusive ("paling banyak");
/// `None` means unbounded (Mikro has no lower limit, Besar no upper).
pub fn sales_band(class: SizeClass) -> (Option<Rupiah>, Option<Rupiah>) {
    band(class, &SALES_LIMITS)
}

/// Bounds of a class by capital; same conventions as [`sales_band`].
pub fn capital_band(class: SizeClass) -> (Option<Rupiah>, Option<Rupiah>) {
    band(class, &CAPITAL_LIMITS)
}

/// A class together with the test that set it, as the UI must show both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Classification {
    /// The class.
    pub class: SizeClass,
    /// The test that set it.
    pub test: SizeTest,
}

impl Classification {
    /// `Kecil (menurut hasil penjualan tahunan)` / `Small (by annual sales)`.
    pub fn label(&self, lang: Lang) -> String {
        let by = if lang == Lang::Id { "menurut" } else { "by" };
        format!(
            "{} ({by} {})",
            self.class.label(lang),
            self.test.label(lang)
        )
    }
}

/// Classifies a business from whatever values are known.
///
/// Sales decide when present: partnership is a support measure, and
/// businesses that existed before PP 7/2021 are classed by annual sales
/// (domain.md, "UMKM size classes"); the capital test is
/// for founding and registration, so it is only the fallback. `None` when
/// neither value is known.
pub fn classify(capital: Option<Rupiah>, sales: Option<Rupiah>) -> Option<Classification> {
    match (sales, capital) {
        (Some(s), _) => Some(Classification {
            class: class_by_sales(s),
            test: SizeTest::Sales,
        }),
        (None, Some(c)) => Some(Classification {
            class: class_by_capital(c),
            test: SizeTest::Capital,
        }),
        (None, None) => None,
    }
}

/// The band a classification stands in, as the partner page writes it
/// beside the class: "Rp2 miliar < hasil penjualan tahunan ≤ Rp15 miliar",
/// "modal usaha ≤ Rp1 miliar", "sales > Rp50 billion".
pub fn band_text(c: Classification, lang: Lang) -> String {
    let (lo, hi) = match c.test {
        SizeTest::Capital => capital_band(c.class),
        SizeTest::Sales => sales_band(c.class),
    };
    let what = c.test.label(lang);
    let f = |r: Rupiah| crate::money::format_words(r, lang);
    match (lo, hi) {
        (Some(lo), Some(hi)) => format!("{} < {what} ≤ {}", f(lo), f(hi)),
        (None, Some(hi)) => format!("{what} ≤ {}", f(hi)),
        (Some(lo), None) => format!("{what} > {}", f(lo)),
        (None, None) => what.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use SizeClass::*;

    fn m(n: i64) -> Rupiah {
        Rupiah::miliar(n)
    }

    fn plus1(r: Rupiah) -> Rupiah {
        Rupiah(r.0 + 1)
    }

    #[test]
    fn capital_thresholds() {
        assert_eq!(class_by_capital(Rupiah(0)), Mikro);
        assert_eq!(class_by_capital(m(1)), Mikro);
        assert_eq!(class_by_capital(plus1(m(1))), Kecil);
        assert_eq!(class_by_capital(m(5)), Kecil);
        assert_eq!(class_by_capital(plus1(m(5))), Menengah);
        assert_eq!(class_by_capital(m(10)), Menengah);
        assert_eq!(class_by_capital(plus1(m(10))), Besar);
        assert_eq!(class_by_capital(Rupiah(i64::MAX)), Besar);
        assert_eq!(class_by_capital(Rupiah(-1)), Mikro);
        assert_eq!(class_by_capital(Rupiah(i64::MIN)), Mikro);
    }

    #[test]
    fn sales_thresholds() {
        assert_eq!(class_by_sales(Rupiah(0)), Mikro);
        assert_eq!(class_by_sales(m(2)), Mikro);
        assert_eq!(class_by_sales(plus1(m(2))), Kecil);
        assert_eq!(class_by_sales(m(15)), Kecil);
        assert_eq!(class_by_sales(plus1(m(15))), Menengah);
        assert_eq!(class_by_sales(m(50)), Menengah);
        assert_eq!(class_by_sales(plus1(m(50))), Besar);
        assert_eq!(class_by_sales(Rupiah(i64::MAX)), Besar);
        assert_eq!(class_by_sales(Rupiah(-1)), Mikro);
        assert_eq!(class_by_sales(Rupiah(i64::MIN)), Mikro);
    }

    #[test]
    fn old_uu_20_2008_micro_limit_is_gone() {
        // Rp300 juta was the old micro sales ceiling; Rp301 juta is now Mikro.
        assert_eq!(class_by_sales(Rupiah::juta(301)), Mikro);
    }

    #[test]
    fn presidents_path() {
        // "tahun ini mungkin Rp1M, tahun depan bisa Rp5M, tahun depan Rp10M"
        let path = [m(1), m(5), m(10)];
        let by_sales: Vec<_> = path.iter().map(|v| class_by_sales(*v)).collect();
        assert_eq!(by_sales, [Mikro, Kecil, Kecil]);
        let by_capital: Vec<_> = path.iter().map(|v| class_by_capital(*v)).collect();
        assert_eq!(by_capital, [Mikro, Kecil, Menengah]);
        // Menengah by sales needs more than Rp15 miliar.
        assert_eq!(class_by_sales(m(15)), Kecil);
        assert_eq!(class_by_sales(plus1(m(15))), Menengah);
    }

    #[test]
    fn classify_prefers_sales() {
        let both = classify(Some(m(10)), Some(m(10)));
        assert_eq!(
            both,
            Some(Classification {
                class: Kecil,
                test: SizeTest::Sales
            })
        );
        let capital_only = classify(Some(m(10)), None);
        assert_eq!(
            capital_only,
            Some(Classification {
                class: Menengah,
                test: SizeTest::Capital
            })
        );
        let sales_only = classify(None, Some(m(1)));
        assert_eq!(
            sales_only,
            Some(Classification {
                class: Mikro,
                test: SizeTest::Sales
            })
        );
        assert_eq!(classify(None, None), None);
    }

    #[test]
    fn bands_match_classifiers() {
        for class in SizeClass::ALL {
            for (band, f) in [
                (sales_band(class), class_by_sales as fn(Rupiah) -> SizeClass),
                (capital_band(class), class_by_capital),
            ] {
                let (lo, hi) = band;
                if let Some(lo) = lo {
                    assert!(f(lo) < class, "lower bound is exclusive");
                    assert_eq!(f(plus1(lo)), class);
                }
                if let Some(hi) = hi {
                    assert_eq!(f(hi), class, "upper bound is inclusive");
                    assert_eq!(f(plus1(hi)), class.next().unwrap());
                }
            }
        }
        assert_eq!(sales_band(Mikro), (None, Some(m(2))));
        assert_eq!(sales_band(Besar), (Some(m(50)), None));
        assert_eq!(capital_band(Kecil), (Some(m(1)), Some(m(5))));
    }

    #[test]
    fn ladder_and_labels() {
        assert_eq!(Mikro.next(), Some(Kecil));
        assert_eq!(Kecil.next(), Some(Menengah));
        assert_eq!(Menengah.next(), Some(Besar));
        assert_eq!(Besar.next(), None);
        assert!(Mikro < Kecil && Kecil < Menengah && Menengah < Besar);
        let id: Vec<_> = SizeClass::ALL.iter().map(|c| c.label(Lang::Id)).collect();
        assert_eq!(id, ["Mikro", "Kecil", "Menengah", "Besar"]);
        let en: Vec<_> = SizeClass::ALL.iter().map(|c| c.label(Lang::En)).collect();
        assert_eq!(en, ["Micro", "Small", "Medium", "Large"]);
        assert_eq!(SizeTest::Capital.label(Lang::Id), "modal usaha");
        assert_eq!(SizeTest::Sales.label(Lang::Id), "hasil penjualan tahunan");
        assert_eq!(SizeTest::Capital.label(Lang::En), "business capital");
        assert_eq!(SizeTest::Sales.label(Lang::En), "annual sales");
        let c = Classification {
            class: Kecil,
            test: SizeTest::Sales,
        };
        assert_eq!(c.label(Lang::Id), "Kecil (menurut hasil penjualan tahunan)");
        assert_eq!(c.label(Lang::En), "Small (by annual sales)");
        assert_eq!(Menengah.ocds_scale(), "medium");
    }

    #[test]
    fn serde_names() {
        assert_eq!(serde_json::to_string(&Menengah).unwrap(), "\"menengah\"");
        assert_eq!(
            serde_json::from_str::<SizeClass>("\"mikro\"").unwrap(),
            Mikro
        );
        assert_eq!(
            serde_json::to_string(&SizeTest::Sales).unwrap(),
            "\"sales\""
        );
        let c = Classification {
            class: Besar,
            test: SizeTest::Capital,
        };
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, r#"{"class":"besar","test":"capital"}"#);
        assert_eq!(serde_json::from_str::<Classification>(&json).unwrap(), c);
    }

    #[test]
    fn band_text_names_the_test_and_its_bounds() {
        let c = |class, test| Classification { class, test };
        assert_eq!(
            band_text(c(Kecil, SizeTest::Sales), Lang::Id),
            "Rp2 miliar < hasil penjualan tahunan ≤ Rp15 miliar"
        );
        assert_eq!(
            band_text(c(Mikro, SizeTest::Capital), Lang::Id),
            "modal usaha ≤ Rp1 miliar"
        );
        assert_eq!(
            band_text(c(Besar, SizeTest::Sales), Lang::En),
            "annual sales > IDR 50 billion"
        );
    }
}
