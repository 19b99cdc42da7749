//! Property tests of `money::parse_amount`, the parser behind every amount
//! a user types (simulator fields, the agreement list's min/max filter, the
//! URL). It must never panic, and everything the app itself writes as an
//! amount must read back to the same rupiah.
//!
//! Cases: `PROPTEST_CASES` (default 256, a fraction of a second); `make fuzz`
//! runs many more.

mod corpus;

use kemitraan_core::money::{format_full, format_number, parse_amount, AmountError};
use kemitraan_core::simulate_io::amount_input_text;
use kemitraan_core::{Lang, Rupiah};
use proptest::prelude::*;

fn lang() -> impl Strategy<Value = Lang> {
    prop_oneof![Just(Lang::Id), Just(Lang::En)]
}

/// Text built from the pieces amounts are made of, so the parser's branches
/// are reached far more often than by uniform random strings.
fn amountish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[0-9]{1,4}",
        Just(".".to_string()),
        Just(",".to_string()),
        Just("-".to_string()),
        Just(" ".to_string()),
        Just(",-".to_string()),
        Just("Rp".to_string()),
        Just("IDR ".to_string()),
        "(rb|jt|juta|M|miliar|B|T|triliun|K|million|bn|Tn|xyz)",
        "\\PC",
    ];
    prop::collection::vec(piece, 0..10).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn never_panics_on_any_string(s in "\\PC*") {
        let _ = parse_amount(&s);
    }

    #[test]
    fn never_panics_on_amount_like_text(s in amountish()) {
        // Whatever it says, a success is a whole, non-negative amount.
        if let Ok(v) = parse_amount(&s) {
            prop_assert!(v.0 >= 0, "{s:?} -> {v:?}");
        }
    }

    #[test]
    fn plain_digits_read_back(n in 0i64..=i64::MAX) {
        prop_assert_eq!(parse_amount(&n.to_string()), Ok(Rupiah(n)));
    }

    #[test]
    fn indonesian_full_format_reads_back(n in 0i64..=i64::MAX) {
        // `Rp1.500.000`: what the app shows is what a user copies back.
        prop_assert_eq!(parse_amount(&format_full(Rupiah(n), Lang::Id)), Ok(Rupiah(n)));
        prop_assert_eq!(parse_amount(&format_number(n, Lang::Id)), Ok(Rupiah(n)));
    }

    #[test]
    fn input_text_reads_back(n in 0i64..=i64::MAX, lang in lang()) {
        // The simulator fills its fields with this text; it must round-trip
        // in both languages (English groups with commas, which parse_amount
        // reads as decimals, so the function must avoid that form).
        let text = amount_input_text(Rupiah(n), lang);
        prop_assert_eq!(parse_amount(&text), Ok(Rupiah(n)), "text {:?}", text);
    }

    #[test]
    fn small_multiples_of_units_read_back(int in 0i64..1000, cents in 0i64..100) {
        let text = format!("{int},{cents:02} miliar");
        prop_assert_eq!(parse_amount(&text), Ok(Rupiah(int * 1_000_000_000 + cents * 10_000_000)));
    }

    #[test]
    fn negative_amounts_are_refused(n in 1i64..=i64::MAX) {
        prop_assert_eq!(parse_amount(&format!("-{n}")), Err(AmountError::Negative));
    }
}

#[test]
fn corpus_never_panics() {
    for s in corpus::lines() {
        if let Ok(v) = parse_amount(&s) {
            assert!(v.0 >= 0, "{s:?} -> {v:?}");
        }
        // Every prefix too: a user types one character at a time.
        for (i, _) in s.char_indices() {
            let _ = parse_amount(&s[..i]);
        }
    }
}
