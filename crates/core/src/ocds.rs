//! OCDS-shaped exports (Open Contracting Data Standard release packages).
//!
//! Shaped after OCDS 1.1 — `parties[]` with `identifier{scheme,id,legalName}`,
//! `roles[]` and `details.scale`; `contracts[]` with `value`, `period`,
//! `dateSigned` and `implementation.transactions[]` — without claiming
//! compliance: both parties are private, and the pattern, PMA/PMDN and the
//! signing event sit in a `kemitraan` extension object. The data tool and the
//! app's download buttons both use this module, so the two files agree.

use chrono::NaiveDate;
use serde_json::{json, Value};

use crate::model::{Agreement, AgreementSummary, Kind, KindDetails, Partner, PartnerRef, Status};
use crate::pattern::Pattern;
use crate::province::ProvinceCode;
use crate::size_class::Classification;
use crate::Lang;

/// Prefix of every `ocid`. Not registered with the OCDS registry: the files
/// are OCDS-shaped, not published OCDS.
pub const OCID_PREFIX: &str = "ocds-kemitraan-";

/// What a release says of one party.
#[derive(Clone, Debug)]
pub struct PartyInfo<'a> {
    /// The partner's id.
    pub id: &'a str,
    /// The partner's name.
    pub name: &'a str,
    /// PMA, PMDN or UMKM.
    pub kind: Kind,
    /// The NIB, when known.
    pub nib: Option<&'a str>,
    /// ISO 3166-1 alpha-2 code of a PMA's country of origin.
    pub country: Option<&'a str>,
    /// The city, when known.
    pub city: Option<&'a str>,
    /// The province, when known.
    pub province: Option<ProvinceCode>,
    /// An UMKM's size class, when known.
    pub size: Option<Classification>,
}

impl<'a> PartyInfo<'a> {
    /// Everything a full partner record says.
    pub fn from_partner(p: &'a Partner) -> PartyInfo<'a> {
        PartyInfo {
            id: &p.id,
            name: &p.name,
            kind: p.kind(),
            nib: Some(p.nib.as_str()),
            country: match &p.details {
                KindDetails::Pma { country, .. } => Some(country),
                _ => None,
            },
            city: Some(&p.city),
            province: Some(p.province),
            size: p.size(),
        }
    }

    /// Only a name and id, when nothing more could be loaded.
    pub fn from_name(r: &'a PartnerRef) -> PartyInfo<'a> {
        PartyInfo {
            id: &r.id,
            name: &r.name,
            kind: r.kind,
            nib: None,
            country: None,
            city: None,
            province: None,
            size: None,
        }
    }

    /// From a list entry, which names a party without its identifiers.
    pub fn from_ref(
        r: &'a PartnerRef,
        province: ProvinceCode,
        size: Option<Classification>,
    ) -> PartyInfo<'a> {
        PartyInfo {
            province: Some(province),
            size,
            ..PartyInfo::from_name(r)
        }
    }
}

/// OCDS dates are date-times; the program's dates are days, taken in WIB.
pub fn date_time(d: NaiveDate) -> String {
    format!("{d}T00:00:00+07:00")
}

fn money(amount: i64) -> Value {
    json!({ "amount": amount, "currency": "IDR" })
}

/// Who pays whom: in a franchise the UMKM pays fees, in distribution it buys
/// the principal's goods; otherwise the company buys from the UMKM.
pub fn umkm_pays(p: Pattern) -> bool {
    matches!(p, Pattern::Waralaba | Pattern::DistribusiKeagenan)
}

fn party(p: &PartyInfo, roles: [&str; 2], role_in_pattern: &str) -> Value {
    let scale = match (p.kind, p.size) {
        (Kind::Umkm, Some(c)) => c.class.ocds_scale(),
        (Kind::Umkm, None) => "sme",
        _ => "large",
    };
    let identifier = match p.nib {
        Some(nib) => json!({ "scheme": "ID-NIB", "id": nib, "legalName": p.name }),
        None => json!({ "scheme": "X-KEMITRAAN", "id": p.id, "legalName": p.name }),
    };
    json!({
        "id": p.id,
        "name": p.name,
        "identifier": identifier,
        "address": {
            "locality": p.city,
            "region": p.province.map(|c| c.name()),
            "countryName": "Indonesia"
        },
        "roles": roles,
        "details": {
            "scale": scale,
            "kemitraan": {
                "kind": p.kind.key(),
                "country": p.country,
                "role": role_in_pattern,
                "sizeTest": p.size.map(|c| c.test),
            }
        }
    })
}

fn status(s: Status) -> &'static str {
    match s {
        Status::Upcoming => "pending",
        Status::Active => "active",
        Status::Ended => "terminated",
    }
}

struct Core<'a> {
    id: &'a str,
    pattern: Pattern,
    date_signed: NaiveDate,
    start: NaiveDate,
    end: NaiveDate,
    value: i64,
}

fn base(
    c: &Core,
    company: &PartyInfo,
    umkm: &PartyInfo,
    as_of: NaiveDate,
    transactions: Vec<Value>,
) -> Value {
    let (company_role, umkm_role) = c.pattern.roles();
    let (company_roles, umkm_roles) = if umkm_pays(c.pattern) {
        (["supplier", "payee"], ["buyer", "payer"])
    } else {
        (["buyer", "payer"], ["supplier", "payee"])
    };
    let mut tag = vec!["contract"];
    if !transactions.is_empty() {
        tag.push("implementation");
    }
    let period = crate::model::Period {
        start: c.start,
        end: c.end,
    };
    json!({
        "ocid": format!("{OCID_PREFIX}{}", c.id),
        "id": format!("{}-{}", c.id, c.date_signed),
        "date": date_time(c.date_signed),
        "tag": tag,
        "language": "id",
        "parties": [
            party(company, company_roles, company_role.label(Lang::Id)),
            party(umkm, umkm_roles, umkm_role.label(Lang::Id)),
        ],
        "contracts": [{
            "id": c.id,
            "title": format!("Kesepakatan Kemitraan Usaha: {}", c.pattern.label(Lang::Id)),
            "status": status(Status::on(period, as_of)),
            "value": money(c.value),
            "period": { "startDate": date_time(c.start), "endDate": date_time(c.end) },
            "dateSigned": date_time(c.date_signed),
            "implementation": { "transactions": transactions },
        }],
    })
}

/// One release for one agreement, with its transactions.
pub fn release(a: &Agreement, company: &PartyInfo, umkm: &PartyInfo, as_of: NaiveDate) -> Value {
    let (payer, payee) = if umkm_pays(a.pattern) {
        (umkm, company)
    } else {
        (company, umkm)
    };
    let org = |p: &PartyInfo| json!({ "id": p.id, "name": p.name });
    let transactions = a
        .transactions
        .iter()
        .enumerate()
        .map(|(i, t)| {
            json!({
                "id": format!("{}-{}", a.id, i + 1),
                "date": date_time(t.date),
                "value": money(t.amount.0),
                "payer": org(payer),
                "payee": org(payee),
            })
        })
        .collect();
    let core = Core {
        id: &a.id,
        pattern: a.pattern,
        date_signed: a.date_signed,
        start: a.period.start,
        end: a.period.end,
        value: a.value.0,
    };
    let mut r = base(&core, company, umkm, as_of, transactions);
    r["kemitraan"] = json!({
        "pattern": a.pattern.key(),
        "patternLabel": a.pattern.label(Lang::Id),
        "patternOther": a.pattern_other,
        "companyKind": company.kind.key(),
        "investment": money(a.value.0),
        "eventId": a.event_id,
        "renews": a.renews.as_ref().map(|r| format!("{OCID_PREFIX}{r}")),
        "source": { "title": a.source.title, "reference": a.source.reference, "url": a.source.url },
    });
    r
}

/// A release from a list entry: no transactions (the list holds only their
/// total, given as `kemitraan.realised`) and no NIB.
pub fn release_from_summary(s: &AgreementSummary, as_of: NaiveDate) -> Value {
    let company = PartyInfo::from_ref(&s.company, s.company_province, None);
    let umkm = PartyInfo::from_ref(&s.umkm, s.umkm_province, s.umkm_size);
    let core = Core {
        id: &s.id,
        pattern: s.pattern,
        date_signed: s.date_signed,
        start: s.period.start,
        end: s.period.end,
        value: s.value.0,
    };
    let mut r = base(&core, &company, &umkm, as_of, Vec::new());
    r["kemitraan"] = json!({
        "pattern": s.pattern.key(),
        "patternLabel": s.pattern.label(Lang::Id),
        "companyKind": s.company.kind.key(),
        "investment": money(s.value.0),
        "realised": money(s.realised.0),
        "eventId": s.event_id,
    });
    r
}

/// The package around releases.
pub fn package(releases: Vec<Value>, published: NaiveDate, uri: &str) -> Value {
    json!({
        "uri": uri,
        "version": "1.1",
        "publishedDate": date_time(published),
        "publisher": { "name": "Kemitraan (OCDS-shaped export, not certified)" },
        "license": null,
        "releases": releases,
    })
}

/// A package of list entries as pretty JSON, for the app's download button.
pub fn summaries_package(items: &[AgreementSummary], today: NaiveDate) -> String {
    let releases = items
        .iter()
        .map(|s| release_from_summary(s, today))
        .collect();
    let pkg = package(
        releases,
        today,
        &format!("urn:kemitraan:ocds:export:{today}"),
    );
    serde_json::to_string_pretty(&pkg).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Period;
    use crate::size_class::{SizeClass, SizeTest};
    use crate::Rupiah;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn summary(pattern: Pattern) -> AgreementSummary {
        AgreementSummary {
            id: "A1".into(),
            company: PartnerRef {
                id: "C1".into(),
                name: "PT Rekaan".into(),
                kind: Kind::Pma,
            },
            umkm: PartnerRef {
                id: "U1".into(),
                name: "UD Rekaan".into(),
                kind: Kind::Umkm,
            },
            company_province: ProvinceCode::parse("31").unwrap(),
            umkm_province: ProvinceCode::parse("17").unwrap(),
            umkm_size: Some(Classification {
                class: SizeClass::Kecil,
                test: SizeTest::Sales,
            }),
            pattern,
            event_id: Some("E20210118".into()),
            date_signed: d(2021, 1, 18),
            period: Period {
                start: d(2021, 2, 1),
                end: d(2022, 1, 31),
            },
            value: Rupiah::miliar(1),
            realised: Rupiah(900_000_000),
        }
    }

    #[test]
    fn a_summary_release_has_the_ocds_shape() {
        let r = release_from_summary(&summary(Pattern::IntiPlasma), d(2026, 11, 29));
        assert_eq!(r["ocid"], "ocds-kemitraan-A1");
        assert_eq!(r["parties"][0]["roles"], json!(["buyer", "payer"]));
        assert_eq!(r["parties"][1]["details"]["scale"], "small");
        assert_eq!(r["parties"][0]["details"]["scale"], "large");
        assert_eq!(
            r["contracts"][0]["value"],
            json!({"amount": 1_000_000_000i64, "currency": "IDR"})
        );
        assert_eq!(r["contracts"][0]["dateSigned"], "2021-01-18T00:00:00+07:00");
        assert_eq!(r["contracts"][0]["status"], "terminated");
        assert_eq!(r["kemitraan"]["realised"]["amount"], 900_000_000i64);
        assert_eq!(r["kemitraan"]["companyKind"], "pma");
    }

    #[test]
    fn in_a_franchise_the_umkm_pays() {
        let r = release_from_summary(&summary(Pattern::Waralaba), d(2021, 6, 1));
        assert_eq!(r["parties"][1]["roles"], json!(["buyer", "payer"]));
        assert_eq!(r["contracts"][0]["status"], "active");
    }

    #[test]
    fn the_package_lists_every_release() {
        let items = vec![summary(Pattern::IntiPlasma), summary(Pattern::Subkontrak)];
        let doc = summaries_package(&items, d(2026, 11, 29));
        let v: Value = serde_json::from_str(&doc).unwrap();
        assert_eq!(v["releases"].as_array().map(Vec::len), Some(2));
        assert_eq!(v["version"], "1.1");
    }
}
