//! Where to get help, by triage category and country: a data file the
//! operator owns (`resources_file`), with our checked defaults built in.

use std::path::Path;

use serde::Deserialize;

const BUILTIN: &str = include_str!("../data/resources.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    pub categories: Vec<String>,
    /// `us`, `uk`, `es`, … or `any`.
    pub country: String,
    pub lang: String,
    pub name: String,
    /// How to reach it, in words: "Call or text 988".
    pub how: String,
    /// Digits to dial, for a `tel:` link.
    pub tel: Option<String>,
    pub url: Option<String>,
    /// When someone last checked this entry (YYYY-MM-DD).
    pub checked: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    pub category: String,
    pub lang: String,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Resources {
    #[serde(default)]
    pub resource: Vec<Resource>,
    #[serde(default)]
    pub advice: Vec<Advice>,
}

/// Countries an asker can pick (pages name them in the reader's
/// language). Never stored.
pub const COUNTRIES: [&str; 4] = ["us", "uk", "es", "any"];

impl Resources {
    pub fn builtin() -> Result<Self, String> {
        Self::parse(BUILTIN, "built-in resources.toml")
    }

    pub fn from_file(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Self::parse(&text, &path.display().to_string())
    }

    fn parse(text: &str, name: &str) -> Result<Self, String> {
        let resources: Resources = toml::from_str(text).map_err(|e| format!("{name}: {e}"))?;
        for r in &resources.resource {
            if r.tel
                .as_deref()
                .is_some_and(|t| !t.chars().all(|c| c.is_ascii_digit() || c == '+'))
            {
                return Err(format!(
                    "{name}: {}: tel may hold only digits and '+'",
                    r.name
                ));
            }
            if r.url.as_deref().is_some_and(|u| !u.starts_with("https://")) {
                return Err(format!("{name}: {}: url must start with https://", r.name));
            }
        }
        Ok(resources)
    }

    /// Advice and contacts for these categories, in the asker's country
    /// (plus those valid everywhere), preferring the given language.
    pub fn help(
        &self,
        categories: &[&str],
        country: &str,
        lang: &str,
    ) -> (Vec<&Advice>, Vec<&Resource>) {
        let mut advice: Vec<&Advice> = Vec::new();
        for c in categories {
            let mut options = self.advice.iter().filter(|a| a.category == *c);
            let chosen = options
                .clone()
                .find(|a| a.lang == lang)
                .or_else(|| options.next());
            advice.extend(chosen);
        }
        let mut contacts: Vec<&Resource> = self
            .resource
            .iter()
            .filter(|r| r.country == country || r.country == "any")
            .filter(|r| {
                r.categories
                    .iter()
                    .any(|c| categories.contains(&c.as_str()))
            })
            .collect();
        // The asker's own country first; directories for everywhere last.
        contacts.sort_by_key(|r| r.country == "any");
        (advice, contacts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_list_parses_and_covers_every_crisis_category() {
        let r = Resources::builtin().unwrap();
        for category in ["sexual_assault", "partner_violence", "self_harm", "minor"] {
            for country in COUNTRIES {
                let (_, contacts) = r.help(&[category], country, "en");
                assert!(
                    !contacts.is_empty(),
                    "{category} in {country} has no contact"
                );
            }
        }
        for category in [
            "emergency_contraception",
            "hiv_exposure",
            "medical_emergency",
            "sti_symptoms",
        ] {
            for lang in ["en", "es"] {
                let (advice, _) = r.help(&[category], "any", lang);
                assert_eq!(advice.len(), 1, "{category} advice in {lang}");
                assert_eq!(advice[0].lang, lang);
            }
        }
        assert!(
            r.resource.iter().all(|x| x.checked.len() == 10),
            "every entry says when it was checked"
        );
    }

    #[test]
    fn only_the_numbers_we_checked_are_listed() {
        // shared/references.md and the well-known emergency numbers; nothing else.
        let checked = [
            "988",
            "8006564673",
            "116123",
            "08001111",
            "08085002222",
            "016",
            "024",
            "911",
            "999",
            "112",
        ];
        let r = Resources::builtin().unwrap();
        for x in &r.resource {
            if let Some(tel) = &x.tel {
                assert!(
                    checked.contains(&tel.as_str()),
                    "unchecked number {tel} for {}",
                    x.name
                );
            }
        }
    }

    #[test]
    fn the_askers_country_comes_first() {
        let r = Resources::builtin().unwrap();
        let (_, contacts) = r.help(&["self_harm"], "uk", "en");
        assert_eq!(contacts[0].country, "uk");
        assert_eq!(contacts.last().unwrap().country, "any");
        assert!(contacts.iter().all(|c| c.country != "us"));
    }

    #[test]
    fn a_broken_file_is_named() {
        let err = Resources::parse("[[resource]]\nname = 5\n", "mine.toml").unwrap_err();
        assert!(err.starts_with("mine.toml"), "{err}");
        let err = Resources::parse(
            "[[resource]]\ncategories=[]\ncountry='us'\nlang='en'\nname='X'\nhow='h'\ntel='call me'\nchecked='2026-01-01'\n",
            "mine.toml",
        )
        .unwrap_err();
        assert!(err.contains("tel"), "{err}");
    }
}
