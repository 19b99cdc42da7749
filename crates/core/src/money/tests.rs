//! Tests of money arithmetic, formatting and parsing.

use super::*;
use crate::Lang;
use Lang::{En, Id};

fn r(n: i64) -> Rupiah {
    Rupiah(n)
}

#[test]
fn constructors() {
    assert_eq!(Rupiah::juta(250), r(250_000_000));
    assert_eq!(Rupiah::miliar(1), r(1_000_000_000));
    assert_eq!(Rupiah::triliun(2), r(2_000_000_000_000));
    const LIMIT: Rupiah = Rupiah::miliar(50);
    assert_eq!(LIMIT.0, 50_000_000_000);
    assert_eq!(Rupiah::juta(-3), r(-3_000_000));
}

#[test]
#[should_panic]
fn constructor_overflow_panics() {
    let n = std::hint::black_box(i64::MAX);
    let _ = Rupiah::triliun(n);
}

#[test]
fn checked_arithmetic() {
    assert_eq!(r(1).checked_add(r(2)), Some(r(3)));
    assert_eq!(r(i64::MAX).checked_add(r(1)), None);
    assert_eq!(r(i64::MIN).checked_sub(r(1)), None);
    assert_eq!(r(5).checked_sub(r(7)), Some(r(-2)));
    assert_eq!(r(i64::MAX).saturating_add(r(1)), r(i64::MAX));
    assert_eq!(r(i64::MIN).saturating_add(r(-1)), r(i64::MIN));
    assert_eq!(r(i64::MIN).checked_mul_i64(-1), None);
    assert_eq!(
        Rupiah::miliar(5).checked_mul_i64(2),
        Some(Rupiah::miliar(10))
    );
    assert_eq!(Rupiah::checked_sum([]), Some(Rupiah::ZERO));
    assert_eq!(Rupiah::checked_sum([r(i64::MAX), r(1)]), None);
    // Overflow is caught even if a later term would bring it back.
    assert_eq!(Rupiah::checked_sum([r(i64::MAX), r(1), r(-1)]), None);
    let path = [Rupiah::miliar(1), Rupiah::miliar(5), Rupiah::miliar(10)];
    assert_eq!(Rupiah::checked_sum(path), Some(Rupiah::miliar(16)));
}

#[test]
fn percent_of_basis_points() {
    assert_eq!(percent_of(r(1), r(8)), Some(1250));
    assert_eq!(percent_of(r(1), r(3)), Some(3333));
    assert_eq!(percent_of(r(2), r(3)), Some(6667));
    assert_eq!(percent_of(r(1), r(20_000)), Some(1)); // 0.5 bp rounds up
    assert_eq!(percent_of(r(1), r(20_001)), Some(0));
    assert_eq!(percent_of(r(-1), r(20_000)), Some(-1));
    assert_eq!(percent_of(r(0), r(5)), Some(0));
    assert_eq!(percent_of(r(5), r(0)), None);
    assert_eq!(percent_of(r(5), r(-5)), None);
    assert_eq!(percent_of(r(i64::MAX), r(i64::MAX)), Some(10_000));
    assert_eq!(percent_of(r(i64::MAX), r(1)), None);
    assert_eq!(percent_of(r(i64::MIN), r(1)), None);
    // End of 2021 (Rp2,73 triliun) against the first signing (Rp1,5 triliun).
    let growth = percent_of(Rupiah::juta(2_730_000), Rupiah::juta(1_500_000));
    assert_eq!(growth, Some(18_200));
}

#[test]
fn number_grouping() {
    assert_eq!(format_number(0, Id), "0");
    assert_eq!(format_number(999, Id), "999");
    assert_eq!(format_number(1_000, Id), "1.000");
    assert_eq!(format_number(1_500_000, Id), "1.500.000");
    assert_eq!(format_number(1_500_000, En), "1,500,000");
    assert_eq!(format_number(-1_000, En), "-1,000");
    assert_eq!(format_number(i64::MAX, Id), "9.223.372.036.854.775.807");
    assert_eq!(format_number(i64::MIN, Id), "-9.223.372.036.854.775.808");
}

#[test]
fn full_form() {
    assert_eq!(format_full(r(1_500_000), Id), "Rp1.500.000");
    assert_eq!(format_full(r(-1_500_000), Id), "-Rp1.500.000");
    assert_eq!(format_full(r(1_500_000), En), "IDR 1,500,000");
    assert_eq!(format_full(r(-1_500_000), En), "-IDR 1,500,000");
    assert_eq!(format_full(r(0), Id), "Rp0");
    assert_eq!(format_full(r(0), En), "IDR 0");
    assert_eq!(format_full(r(i64::MIN), Id), "-Rp9.223.372.036.854.775.808");
    assert_eq!(
        format_full(r(i64::MAX), En),
        "IDR 9,223,372,036,854,775,807"
    );
}

#[test]
fn words_domain_examples() {
    // The 18 January 2021 signing and the end-of-2021 total.
    assert_eq!(format_words(Rupiah::juta(1_500_000), Id), "Rp1,5 triliun");
    assert_eq!(
        format_words(Rupiah::juta(1_500_000), En),
        "IDR 1.5 trillion"
    );
    assert_eq!(format_words(Rupiah::juta(2_730_000), Id), "Rp2,73 triliun");
    assert_eq!(format_words(Rupiah::juta(250), Id), "Rp250 juta");
    assert_eq!(format_words(Rupiah::juta(250), En), "IDR 250 million");
    assert_eq!(format_words(Rupiah::juta(3_200), Id), "Rp3,2 miliar");
    assert_eq!(format_words(Rupiah::juta(3_200), En), "IDR 3.2 billion");
    assert_eq!(format_words(Rupiah::juta(1_500), En), "IDR 1.5 billion");
    // The President's path.
    assert_eq!(format_words(Rupiah::miliar(1), Id), "Rp1 miliar");
    assert_eq!(format_words(Rupiah::miliar(5), Id), "Rp5 miliar");
    assert_eq!(format_words(Rupiah::miliar(10), Id), "Rp10 miliar");
}

#[test]
fn words_edges() {
    assert_eq!(format_words(r(950_000), Id), "Rp950.000");
    assert_eq!(format_words(r(999_999), En), "IDR 999,999");
    assert_eq!(format_words(r(0), Id), "Rp0");
    assert_eq!(format_words(r(1_000_000), Id), "Rp1 juta");
    assert_eq!(format_words(r(1_234_567), Id), "Rp1,23 juta");
    assert_eq!(format_words(r(1_235_000), Id), "Rp1,24 juta"); // half-up
    assert_eq!(format_words(r(-1_500_000_000_000), Id), "-Rp1,5 triliun");
    assert_eq!(format_words(r(-250_000_000), En), "-IDR 250 million");
    // Rounding carries into the next unit.
    assert_eq!(format_words(r(999_994_999), Id), "Rp999,99 juta");
    assert_eq!(format_words(r(999_995_000), Id), "Rp1 miliar");
    assert_eq!(format_words(r(999_999_000), Id), "Rp1 miliar");
    assert_eq!(format_words(r(999_999_999_999), Id), "Rp1 triliun");
    // No unit above triliun: the integer part is grouped.
    assert_eq!(format_words(r(999_999_999_999_999), Id), "Rp1.000 triliun");
    assert_eq!(format_words(r(i64::MAX), Id), "Rp9.223.372,04 triliun");
    assert_eq!(format_words(r(i64::MAX), En), "IDR 9,223,372.04 trillion");
    assert_eq!(format_words(r(i64::MIN), Id), "-Rp9.223.372,04 triliun");
}

#[test]
fn short_form() {
    assert_eq!(format_short(Rupiah::juta(1_500_000), Id), "Rp1,5 T");
    assert_eq!(format_short(Rupiah::juta(3_200), Id), "Rp3,2 M");
    assert_eq!(format_short(Rupiah::juta(250), Id), "Rp250 jt");
    assert_eq!(format_short(r(950_000), Id), "Rp950 rb");
    assert_eq!(format_short(r(500), Id), "Rp500");
    assert_eq!(format_short(Rupiah::juta(1_500_000), En), "IDR 1.5T");
    assert_eq!(format_short(Rupiah::juta(3_200), En), "IDR 3.2B");
    assert_eq!(format_short(Rupiah::juta(250), En), "IDR 250M");
    assert_eq!(format_short(r(950_000), En), "IDR 950K");
    assert_eq!(format_short(r(500), En), "IDR 500");
    assert_eq!(format_short(r(0), Id), "Rp0");
    assert_eq!(format_short(Rupiah::juta(2_730_000), Id), "Rp2,7 T");
    assert_eq!(format_short(Rupiah::juta(2_750_000), Id), "Rp2,8 T");
    assert_eq!(format_short(r(999_950), Id), "Rp1 jt");
    assert_eq!(format_short(r(999_949), Id), "Rp999,9 rb");
    assert_eq!(format_short(r(-1_500), Id), "-Rp1,5 rb");
    assert_eq!(format_short(r(i64::MIN), Id), "-Rp9.223.372 T");
    assert_eq!(format_short(r(i64::MAX), En), "IDR 9,223,372T");
}

#[test]
fn percent_format() {
    assert_eq!(format_percent_bp(1250, Id), "12,5%");
    assert_eq!(format_percent_bp(1250, En), "12.5%");
    assert_eq!(format_percent_bp(1234, Id), "12,34%");
    assert_eq!(format_percent_bp(1200, Id), "12%");
    assert_eq!(format_percent_bp(5, En), "0.05%");
    assert_eq!(format_percent_bp(-50, Id), "-0,5%");
    assert_eq!(format_percent_bp(0, Id), "0%");
    assert_eq!(format_percent_bp(18_200, Id), "182%");
    assert_eq!(format_percent_bp(1_000_000, Id), "10.000%");
    assert_eq!(
        format_percent_bp(i64::MIN, En),
        "-92,233,720,368,547,758.08%"
    );
}

#[test]
fn parse_plain_and_grouped() {
    assert_eq!(parse_amount("1000000"), Ok(r(1_000_000)));
    assert_eq!(parse_amount("1.000.000"), Ok(r(1_000_000)));
    assert_eq!(parse_amount("Rp 2.000.000"), Ok(r(2_000_000)));
    assert_eq!(parse_amount("Rp2.000.000"), Ok(r(2_000_000)));
    assert_eq!(parse_amount("rp.2.000.000"), Ok(r(2_000_000)));
    assert_eq!(parse_amount("  IDR 2.000.000 "), Ok(r(2_000_000)));
    assert_eq!(parse_amount("Rp2.000.000,-"), Ok(r(2_000_000)));
    assert_eq!(parse_amount("Rp1.000,00"), Ok(r(1_000)));
    assert_eq!(parse_amount("0"), Ok(r(0)));
    assert_eq!(parse_amount("-0"), Ok(r(0)));
    assert_eq!(parse_amount("9223372036854775807"), Ok(r(i64::MAX)));
    assert_eq!(parse_amount("9.223.372.036.854.775.807"), Ok(r(i64::MAX)));
    assert_eq!("1.500.000".parse::<Rupiah>(), Ok(r(1_500_000)));
}

#[test]
fn parse_units() {
    let m = Rupiah::miliar;
    assert_eq!(parse_amount("1M"), Ok(m(1)));
    assert_eq!(parse_amount("1 M"), Ok(m(1)));
    assert_eq!(parse_amount("1 miliar"), Ok(m(1)));
    assert_eq!(parse_amount("1 Milyar"), Ok(m(1)));
    assert_eq!(parse_amount("1,5 miliar"), Ok(Rupiah::juta(1_500)));
    assert_eq!(parse_amount("1,5M"), Ok(Rupiah::juta(1_500)));
    assert_eq!(parse_amount("Rp1,5 M"), Ok(Rupiah::juta(1_500)));
    assert_eq!(parse_amount("250 jt"), Ok(Rupiah::juta(250)));
    assert_eq!(parse_amount("250jt"), Ok(Rupiah::juta(250)));
    assert_eq!(parse_amount("250 juta"), Ok(Rupiah::juta(250)));
    assert_eq!(parse_amount("1,5 T"), Ok(Rupiah::juta(1_500_000)));
    assert_eq!(parse_amount("Rp1,5 triliun"), Ok(Rupiah::juta(1_500_000)));
    assert_eq!(parse_amount("Rp2,73 triliun"), Ok(Rupiah::juta(2_730_000)));
    assert_eq!(parse_amount("2 TRILIUN"), Ok(Rupiah::triliun(2)));
    assert_eq!(parse_amount("500 rb"), Ok(r(500_000)));
    assert_eq!(parse_amount("500 ribu"), Ok(r(500_000)));
    assert_eq!(parse_amount("500K"), Ok(r(500_000)));
    assert_eq!(parse_amount("1.5 billion"), Ok(Rupiah::juta(1_500)));
    assert_eq!(parse_amount("1.5B"), Ok(Rupiah::juta(1_500)));
    assert_eq!(parse_amount("1.25 miliar"), Ok(Rupiah::juta(1_250)));
    assert_eq!(parse_amount("250 million"), Ok(Rupiah::juta(250)));
    assert_eq!(parse_amount("2 trillion"), Ok(Rupiah::triliun(2)));
    // Three digits after the dot are grouping, even before a unit.
    assert_eq!(parse_amount("1.500 miliar"), Ok(Rupiah::juta(1_500_000)));
    assert_eq!(parse_amount("1.234,5 juta"), Ok(r(1_234_500_000)));
    assert_eq!(parse_amount("1,234567 juta"), Ok(r(1_234_567)));
}

#[test]
fn parse_errors() {
    use AmountError::*;
    assert_eq!(parse_amount(""), Err(Empty));
    assert_eq!(parse_amount("   "), Err(Empty));
    assert_eq!(parse_amount("Rp"), Err(Empty));
    assert_eq!(parse_amount("abc"), Err(Invalid));
    assert_eq!(parse_amount("miliar"), Err(Invalid));
    assert_eq!(parse_amount("1.5"), Err(Invalid));
    assert_eq!(parse_amount("1.00.000"), Err(Invalid));
    assert_eq!(parse_amount("1.000."), Err(Invalid));
    assert_eq!(parse_amount("1,5,5 M"), Err(Invalid));
    assert_eq!(parse_amount("1,500,000"), Err(Invalid));
    assert_eq!(parse_amount(",5 M"), Err(Invalid));
    assert_eq!(parse_amount("1 000 000"), Err(Invalid));
    assert_eq!(parse_amount("Rp--5"), Err(Invalid));
    assert_eq!(parse_amount("5 dolar"), Err(UnknownUnit("dolar".into())));
    assert_eq!(parse_amount("-5"), Err(Negative));
    assert_eq!(parse_amount("-Rp5.000"), Err(Negative));
    assert_eq!(parse_amount("Rp -5 juta"), Err(Negative));
    assert_eq!(parse_amount("9223372036854775808"), Err(TooLarge));
    assert_eq!(parse_amount("99999999999999999999999"), Err(TooLarge));
    assert_eq!(parse_amount("9.300.000 T"), Err(TooLarge));
    assert_eq!(parse_amount("1,5"), Err(FractionalRupiah));
    assert_eq!(parse_amount("Rp1.000,50"), Err(FractionalRupiah));
    assert_eq!(parse_amount("1,2345 rb"), Err(FractionalRupiah));
    assert_eq!(parse_amount("1,0000000000001 T"), Err(FractionalRupiah));
}

#[test]
fn error_messages() {
    assert_eq!(
        AmountError::Negative.to_string(),
        "The amount cannot be negative."
    );
    assert_eq!(
        AmountError::Negative.message(Lang::Id),
        "Jumlah tidak boleh negatif."
    );
    assert!(AmountError::FractionalRupiah
        .message(Lang::Id)
        .contains("sen"));
    let e: Box<dyn std::error::Error> = Box::new(AmountError::TooLarge);
    assert_eq!(e.to_string(), "The amount is too large.");
}

#[test]
fn round_trip_words_and_full() {
    for n in [0, 1, 999, 1_000_000, 1_500_000_000_000, i64::MAX] {
        assert_eq!(parse_amount(&format_full(r(n), Id)), Ok(r(n)));
    }
    for s in [
        "Rp1,5 triliun",
        "Rp250 juta",
        "Rp3,2 miliar",
        "Rp2,73 triliun",
    ] {
        let v = parse_amount(s).expect(s);
        assert_eq!(format_words(v, Id), s);
    }
}

#[test]
fn serde_transparent() {
    assert_eq!(serde_json::to_string(&r(1_500_000)).unwrap(), "1500000");
    assert_eq!(serde_json::from_str::<Rupiah>("-7").unwrap(), r(-7));
    assert!(serde_json::from_str::<Rupiah>("1.5").is_err());
}

#[test]
fn saturating_sums_hold_at_the_limit_and_say_so() {
    let s = SaturatingSum::of([r(1), r(2), r(3)]);
    assert_eq!(
        s,
        SaturatingSum {
            total: r(6),
            saturated: false
        }
    );
    let s = SaturatingSum::of([r(i64::MAX - 1), r(5), r(7)]);
    assert_eq!(
        s,
        SaturatingSum {
            total: r(i64::MAX),
            saturated: true
        }
    );
    assert_eq!(SaturatingSum::of([]), SaturatingSum::default());
    assert_eq!(
        SaturatingSum::running([r(1), r(i64::MAX), r(2)]),
        vec![r(1), r(i64::MAX), r(i64::MAX)]
    );
}
