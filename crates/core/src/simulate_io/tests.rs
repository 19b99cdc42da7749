//! Tests of the simulator's query, fields and table.

use super::*;
use crate::money::{parse_amount, AmountError};
use crate::simulate::project;
use crate::simulate::MAX_RATE_BP;
use crate::size_class::SizeClass;

fn pairs(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| match kv.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => (kv.to_string(), String::new()),
        })
        .collect()
}

fn read(q: &str) -> Vec<SimInput> {
    let p = pairs(q);
    from_query(p.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

fn custom() -> SimInput {
    SimInput {
        start: Rupiah(2_512_345_678),
        first_year: 2024,
        years: 12,
        mode: Mode::Target,
        path: vec![Some(Rupiah::miliar(3)), None, Some(Rupiah::miliar(7))],
        rate_bp: -5_000,
        target: Rupiah::miliar(40),
        target_year: 2030,
        other_sales: Some(Rupiah::juta(750)),
        capital: Some(Rupiah::ZERO),
    }
}

#[test]
fn the_default_is_the_presidents_path() {
    let s = SimInput::default();
    assert_eq!(
        s.path_values(),
        vec![Rupiah::miliar(1), Rupiah::miliar(5), Rupiah::miliar(10)]
    );
    let p = project(&s.scenario()).unwrap();
    let classes: Vec<_> = p.rows.iter().map(|r| r.class_by_sales).collect();
    assert_eq!(
        classes,
        [SizeClass::Mikro, SizeClass::Kecil, SizeClass::Kecil]
    );
    assert_eq!(p.rows[0].year, 2021);
}

#[test]
fn path_values_hold_gaps_and_follow_the_horizon() {
    let mut s = custom();
    s.mode = Mode::Path;
    s.years = 6;
    let b = Rupiah::miliar;
    assert_eq!(
        s.path_values(),
        vec![Rupiah(2_512_345_678), b(3), b(3), b(7), b(7), b(7)]
    );
    s.years = 2;
    assert_eq!(s.path_values(), vec![Rupiah(2_512_345_678), b(3)]);
    s.years = 1;
    assert_eq!(s.path_values(), vec![Rupiah(2_512_345_678)]);
}

#[test]
fn round_trip_one_two_and_three_scenarios() {
    let mut second = custom();
    second.mode = Mode::Rate;
    second.rate_bp = 1_250;
    second.other_sales = None;
    let third = SimInput {
        rate_bp: 30_000,
        years: 30,
        path: vec![],
        ..SimInput::default()
    };
    let all = [SimInput::default(), second, third];
    for n in 1..=3 {
        let q = to_query(&all[..n]);
        assert_eq!(read(&q), all[..n].to_vec(), "{q}");
    }
    assert_eq!(read(&to_query(&[custom()])), vec![custom()]);
    // A fourth is not written.
    let four = vec![SimInput::default(); 4];
    assert_eq!(read(&to_query(&four)).len(), 3);
}

#[test]
fn the_query_is_readable() {
    let q = to_query(&[SimInput::default()]);
    assert_eq!(
        q,
        "v=1000000000&y=2021&n=3&m=path&p=5000000000,10000000000&g=20&tv=10000000000&ty=2023"
    );
    let mut s = custom();
    s.rate_bp = -1_255;
    let q = to_query(&[SimInput::default(), s]);
    assert!(q.contains("&g2=-12.55&"), "{q}");
    assert!(q.contains("&p2=3000000000,,7000000000&"), "{q}");
    assert!(q.ends_with("&o2=750000000&c2=0"), "{q}");
}

#[test]
fn an_agreement_link_prefills_value_and_year() {
    let s = read("v=2500000000&y=2022");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].start, Rupiah(2_500_000_000));
    assert_eq!(s[0].first_year, 2022);
    assert_eq!(s[0].mode, Mode::Path);
    assert_eq!(amount_input_text(s[0].start, Lang::Id), "Rp2,5 miliar");
    // Typed forms are read too.
    assert_eq!(read("v=1,5M")[0].start, Rupiah(1_500_000_000));
    assert_eq!(read("v=Rp 2.000.000")[0].start, Rupiah(2_000_000));
}

#[test]
fn bad_and_unknown_parameters_are_ignored_and_the_rest_kept() {
    let s = read("v=abc&y=2022&n=99&m=fly&g=12%2C5&zz=1&p=1,x&tv=-5&ty=20x&o=&c=1M&lang=en");
    assert_eq!(s.len(), 1);
    let d = SimInput::default();
    assert_eq!(s[0].start, d.start);
    assert_eq!(s[0].first_year, 2022);
    assert_eq!(s[0].years, d.years);
    assert_eq!(s[0].mode, d.mode);
    assert_eq!(s[0].path, d.path);
    assert_eq!(s[0].target, d.target);
    assert_eq!(s[0].target_year, d.target_year);
    assert_eq!(s[0].other_sales, None);
    assert_eq!(s[0].capital, Some(Rupiah::miliar(1)));
    // Absurd and hostile values.
    for q in [
        "",
        "&&&",
        "=",
        "v",
        "v=",
        "v=-1",
        "v=99999999999999999999999",
        "y=0",
        "y=-2021",
        "y=99999",
        "n=0",
        "n=31",
        "n=-3",
        "g=NaN",
        "g=inf",
        "g=-101",
        "g=1e9",
        "g=100000001",
        "p=,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
        "m=",
        "v9=1",
        "v0=1",
        "v22=1",
        "x2=1",
        "%ZZ=%ZZ",
    ] {
        let s = read(q);
        assert_eq!(s, vec![SimInput::default()], "{q}");
    }
}

#[test]
fn later_scenarios_exist_only_with_a_good_parameter() {
    assert_eq!(read("v2=abc").len(), 1);
    let s = read("v2=3M");
    assert_eq!(s.len(), 2);
    assert_eq!(s[0], SimInput::default());
    assert_eq!(s[1].start, Rupiah::miliar(3));
    // A third without a second moves up.
    let s = read("g3=50&m3=rate");
    assert_eq!(s.len(), 2);
    assert_eq!(s[1].mode, Mode::Rate);
    assert_eq!(s[1].rate_bp, 5_000);
}

#[test]
fn percent_fields() {
    assert_eq!(parse_percent_bp("20"), Ok(2_000));
    assert_eq!(parse_percent_bp("12,5"), Ok(1_250));
    assert_eq!(parse_percent_bp("12.5 %"), Ok(1_250));
    assert_eq!(parse_percent_bp(" +7% "), Ok(700));
    assert_eq!(parse_percent_bp("-50"), Ok(-5_000));
    assert_eq!(parse_percent_bp("\u{2212}50"), Ok(-5_000));
    assert_eq!(parse_percent_bp("0"), Ok(0));
    assert_eq!(parse_percent_bp("0,25"), Ok(25));
    assert_eq!(parse_percent_bp("300"), Ok(30_000));
    assert_eq!(parse_percent_bp("-100"), Ok(-10_000));
    assert_eq!(parse_percent_bp("1000000"), Ok(MAX_RATE_BP));
    assert_eq!(parse_percent_bp("12,50"), Ok(1_250));
    assert_eq!(
        parse_percent_bp("12,555"),
        Err(FieldError::PercentPrecision)
    );
    assert_eq!(parse_percent_bp("-100,01"), Err(FieldError::RateTooLow));
    assert_eq!(parse_percent_bp("1000000,01"), Err(FieldError::RateTooHigh));
    assert_eq!(
        parse_percent_bp("999999999999"),
        Err(FieldError::RateTooHigh)
    );
    for bad in [
        "",
        "%",
        "-",
        "abc",
        "1.000.000",
        "1,2,3",
        ",5",
        "5-",
        "NaN",
        "inf",
        "1e3",
    ] {
        assert!(parse_percent_bp(bad).is_err(), "{bad}");
    }
    for bp in [0, 1, 10, 1_250, -5_000, -10_000, 30_000, MAX_RATE_BP, -1] {
        for lang in Lang::ALL {
            assert_eq!(parse_percent_bp(&percent_input_text(bp, lang)), Ok(bp));
        }
    }
    assert_eq!(percent_input_text(1_250, Lang::Id), "12,5");
    assert_eq!(percent_input_text(1_250, Lang::En), "12.5");
}

#[test]
fn year_and_horizon_fields() {
    assert_eq!(parse_year("2021"), Ok(2021));
    assert_eq!(parse_year(" 2030 "), Ok(2030));
    for bad in ["", "abc", "20", "1900", "2201", "99999", "-2021", "2021.5"] {
        assert_eq!(parse_year(bad), Err(FieldError::Year), "{bad}");
    }
    assert_eq!(parse_horizon("1"), Ok(1));
    assert_eq!(parse_horizon("30"), Ok(30));
    for bad in ["", "0", "31", "-1", "3,5", "x", "1000"] {
        assert_eq!(parse_horizon(bad), Err(FieldError::Horizon), "{bad}");
    }
    assert!(FieldError::Year.message(Lang::Id).contains("1945"));
    assert!(FieldError::Amount(AmountError::Invalid)
        .message(Lang::En)
        .contains("valid"));
    assert_eq!(parse_optional_amount("  "), Ok(None));
    assert_eq!(parse_optional_amount("250 jt"), Ok(Some(Rupiah::juta(250))));
    assert!(parse_optional_amount("abc").is_err());
}

#[test]
fn amount_input_text_reads_back_exactly() {
    for v in [
        0,
        1,
        999,
        950_000,
        1_000_000,
        2_500_000_000,
        2_512_345_678,
        2_829_000_000,
        1_234_567_890_000,
        1_500_000_000_000,
        999_999_990_000_000,
        i64::MAX,
    ] {
        for lang in Lang::ALL {
            let t = amount_input_text(Rupiah(v), lang);
            assert_eq!(parse_amount(&t), Ok(Rupiah(v)), "{t}");
        }
    }
    assert_eq!(amount_input_text(Rupiah::miliar(1), Lang::Id), "Rp1 miliar");
    assert_eq!(
        amount_input_text(Rupiah(2_512_345_678), Lang::Id),
        "Rp2.512.345.678"
    );
    assert_eq!(
        amount_input_text(Rupiah::juta(2_500), Lang::En),
        "IDR 2.5 billion"
    );
    assert_eq!(
        amount_input_text(Rupiah(2_829_000_000), Lang::Id),
        "Rp2.829 juta"
    );
    assert_eq!(
        amount_input_text(Rupiah(2_829_000_000), Lang::En),
        "IDR 2829 million"
    );
    assert_eq!(
        amount_input_text(Rupiah(1_234_567_890_000), Lang::En),
        "IDR 1234567.89 million"
    );
    assert_eq!(
        amount_input_text(Rupiah(2_512_345_678), Lang::En),
        "2512345678"
    );
}

fn csv_lines(csv: &str) -> Vec<&str> {
    csv.trim_start_matches('\u{FEFF}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn csv_has_a_bom_a_header_and_one_row_per_table_row() {
    let p = project(&SimInput::default().scenario()).unwrap();
    let csv = table_csv(&[('A', &p)], Lang::Id);
    assert!(csv.starts_with('\u{FEFF}'));
    let lines = csv_lines(&csv);
    assert_eq!(lines.len(), 1 + p.rows.len());
    assert_eq!(
        lines[0],
        "Tahun,Nilai kontrak (Rp),Pertumbuhan (%),Nilai kumulatif (Rp),Penjualan tahunan (Rp),Kelas menurut penjualan,Naik kelas"
    );
    assert_eq!(lines[1], "2021,1000000000,,1000000000,1000000000,Mikro,");
    assert_eq!(
        lines[2],
        "2022,5000000000,400,6000000000,5000000000,Kecil,ya"
    );
    assert_eq!(
        lines[3],
        "2023,10000000000,100,16000000000,10000000000,Kecil,"
    );
    let en = table_csv(&[('A', &p)], Lang::En);
    assert!(csv_lines(&en)[0].starts_with("Year,Contract value (IDR),Growth (%)"));
    assert!(csv_lines(&en)[2].ends_with(",Small,yes"));
}

#[test]
fn csv_of_several_scenarios_names_them_and_keeps_every_row() {
    let a = project(&SimInput::default().scenario()).unwrap();
    let mut s = custom();
    s.mode = Mode::Rate;
    s.rate_bp = -5_000;
    let b = project(&s.scenario()).unwrap();
    let sat = SimInput {
        mode: Mode::Rate,
        rate_bp: 30_000,
        years: 30,
        ..SimInput::default()
    };
    let c = project(&sat.scenario()).unwrap();
    let csv = table_csv(&[('A', &a), ('B', &b), ('C', &c)], Lang::En);
    let lines = csv_lines(&csv);
    assert_eq!(lines.len(), 1 + 3 + 12 + 30);
    assert!(lines[0].starts_with("Scenario,Year,"));
    assert!(lines[0].contains(",Class by capital,"));
    assert!(lines[0].ends_with(",Capped at the limit"));
    assert!(lines[1].starts_with("A,2021,"));
    assert!(lines[4].starts_with("B,2024,2512345678,,"));
    assert!(
        lines[5].starts_with("B,2025,1256172839,-50,"),
        "{}",
        lines[5]
    );
    let last = lines[lines.len() - 1];
    assert!(last.starts_with("C,2050,9223372036854775807,,"), "{last}");
    assert!(last.ends_with(",yes"), "{last}");
    // Every line has the same number of fields.
    let width = lines[0].split(',').count();
    assert!(lines.iter().all(|l| l.split(',').count() == width));
    assert!(!csv.contains("inf") && !csv.contains("NaN"));
}

#[test]
fn letters() {
    assert_eq!(scenario_letter(0), 'A');
    assert_eq!(scenario_letter(2), 'C');
}

#[test]
fn links_to_the_simulator() {
    assert_eq!(
        agreement_simulation_href(Rupiah::miliar(2), 2022),
        "/simulasi?v=2000000000&y=2022"
    );
    let s =
        read(agreement_simulation_href(Rupiah::miliar(2), 2022).trim_start_matches("/simulasi?"));
    assert_eq!((s[0].start, s[0].first_year), (Rupiah::miliar(2), 2022));
    let href = simulator_href(&[custom()]);
    assert_eq!(href, format!("/simulasi?{}", to_query(&[custom()])));
}
