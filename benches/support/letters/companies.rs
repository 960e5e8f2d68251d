//! Fictional companies with distinct names.

use super::*;

/// A fictional company.
#[derive(Debug, Clone)]
pub struct Company {
    /// Its name, e.g. "Bramblecrest Logistics Holdings Ltd.".
    pub name: String,
    /// Its folder name, e.g. "bramblecrest-logistics-holdings-ltd".
    pub slug: String,
    /// Files 20-F rather than 10-K.
    pub foreign: bool,
    pub(crate) address: Vec<String>,
}

/// `count` companies with distinct names.
pub fn companies(seed: u64, count: usize) -> Vec<Company> {
    let mut rng = Rng::new(seed, u64::MAX);
    let mut out: Vec<Company> = Vec::with_capacity(count);
    let mut seen = std::collections::HashSet::new();
    while out.len() < count {
        let foreign = rng.chance(0.2);
        let part = rng.pick(NAME_PARTS);
        let suffix = if part.contains(' ') {
            ""
        } else {
            rng.pick(NAME_SUFFIXES)
        };
        let industry = rng.pick(INDUSTRIES);
        let form = if foreign {
            rng.pick(FOREIGN_FORMS)
        } else {
            rng.pick(DOMESTIC_FORMS)
        };
        let mut name = format!("{part}{suffix} {industry} {form}");
        if !seen.insert(name.clone()) {
            // Rare collisions get a place name, then a number, to stay distinct.
            name = format!("{part}{suffix} {industry} of {} {form}", rng.pick(CITIES).0);
            if !seen.insert(name.clone()) {
                name = format!("{part}{suffix} {industry} {} {form}", out.len());
                seen.insert(name.clone());
            }
        }
        let slug = slug(&name);
        let street = format!("{} {}", rng.range(10, 9900), rng.pick(STREETS));
        let address = if foreign {
            let (city, country) = rng.pick(FOREIGN_CITIES);
            vec![street, city.to_string(), country.to_string()]
        } else {
            let (city, state, zip) = rng.pick(CITIES);
            vec![street, format!("{city}, {state} {zip}")]
        };
        out.push(Company {
            name,
            slug,
            foreign,
            address,
        });
    }
    out
}

pub(crate) fn slug(name: &str) -> String {
    let mut s = String::new();
    for word in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        if !word.is_empty() {
            if !s.is_empty() {
                s.push('-');
            }
            s.push_str(&word.to_ascii_lowercase());
        }
    }
    s
}
