//! Evidence on answers: citations, and experts' reviews of one another's
//! answers, claim by claim.

use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::question::{AnswerId, Author};
use crate::text::{bounded, refuse_control_characters};
use crate::{Timestamp, ValidationError};

/// A structured reference: a DOI, a PMID or a web address, with a title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pmid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

/// At most this many references on one answer.
pub const MAX_CITATIONS: usize = 30;

fn doi_pattern() -> Option<&'static Regex> {
    static DOI: OnceLock<Option<Regex>> = OnceLock::new();
    DOI.get_or_init(|| Regex::new(r"^10\.\d{4,9}/\S{1,200}$").ok())
        .as_ref()
}

impl Citation {
    /// Checks and tidies a citation from outside input.
    pub fn parse(mut self) -> Result<Citation, ValidationError> {
        self.title = self.title.split_whitespace().collect::<Vec<_>>().join(" ");
        refuse_control_characters("citation title", &self.title)?;
        bounded("citation title", &self.title, 300)?;
        self.doi = self
            .doi
            .map(|d| {
                d.trim()
                    .trim_start_matches("https://doi.org/")
                    .trim_start_matches("doi:")
                    .to_owned()
            })
            .filter(|d| !d.is_empty());
        self.pmid = self
            .pmid
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty());
        self.url = self
            .url
            .map(|u| u.trim().to_owned())
            .filter(|u| !u.is_empty());
        if let Some(doi) = &self.doi {
            if !doi_pattern().is_some_and(|re| re.is_match(doi)) {
                return Err(ValidationError::BadCitation(
                    "a DOI looks like 10.1002/sm2.74",
                ));
            }
        }
        if let Some(pmid) = &self.pmid {
            if pmid.len() > 9 || !pmid.chars().all(|c| c.is_ascii_digit()) {
                return Err(ValidationError::BadCitation(
                    "a PMID is a number of up to 9 digits",
                ));
            }
        }
        if let Some(url) = &self.url {
            if !(url.starts_with("https://") || url.starts_with("http://"))
                || url.len() > 500
                || url.contains(char::is_whitespace)
            {
                return Err(ValidationError::BadCitation(
                    "a web address starts with https://",
                ));
            }
        }
        if self.year.is_some_and(|y| !(1800..=2100).contains(&y)) {
            return Err(ValidationError::BadCitation("the year is out of range"));
        }
        Ok(self)
    }

    /// Where a reader can check it: the DOI or PubMed resolver, else the address.
    pub fn link(&self) -> Option<String> {
        if let Some(doi) = &self.doi {
            return Some(format!("https://doi.org/{doi}"));
        }
        if let Some(pmid) = &self.pmid {
            return Some(format!("https://pubmed.ncbi.nlm.nih.gov/{pmid}/"));
        }
        self.url.clone()
    }

    /// The line [`Citation::parse_line`] reads back.
    pub fn to_line(&self) -> String {
        let mut line = self.title.clone();
        if let Some(year) = self.year {
            line.push_str(&format!(" ({year})"));
        }
        if let Some(doi) = &self.doi {
            line.push_str(&format!(" doi:{doi}"));
        }
        if let Some(pmid) = &self.pmid {
            line.push_str(&format!(" pmid:{pmid}"));
        }
        if let Some(url) = &self.url {
            line.push_str(&format!(" {url}"));
        }
        line
    }

    /// Reads an expert's reference list, one per line; blank lines are skipped.
    pub fn parse_lines(text: &str) -> Result<Vec<Citation>, ValidationError> {
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.len() > MAX_CITATIONS {
            return Err(ValidationError::BadCitation(
                "at most 30 references on one answer",
            ));
        }
        lines.into_iter().map(Citation::parse_line).collect()
    }

    /// One line of an expert's reference list:
    /// `Title (2015) doi:10.1002/sm2.74`, `… pmid:123`, or `… https://…`.
    pub fn parse_line(line: &str) -> Result<Citation, ValidationError> {
        let mut title_words = Vec::new();
        let mut c = Citation {
            title: String::new(),
            doi: None,
            pmid: None,
            url: None,
            year: None,
        };
        for word in line.split_whitespace() {
            let lower = word.to_ascii_lowercase();
            if let Some(doi) = lower.strip_prefix("doi:").map(|_| &word[4..]) {
                c.doi = Some(doi.to_owned());
            } else if lower.starts_with("https://doi.org/") {
                c.doi = Some(word["https://doi.org/".len()..].to_owned());
            } else if let Some(pmid) = lower.strip_prefix("pmid:") {
                c.pmid = Some(pmid.to_owned());
            } else if lower.starts_with("http://") || lower.starts_with("https://") {
                c.url = Some(word.to_owned());
            } else if let Some(year) = word
                .strip_prefix('(')
                .and_then(|w| w.strip_suffix(')'))
                .and_then(|y| y.parse().ok())
            {
                c.year = Some(year);
            } else {
                title_words.push(word);
            }
        }
        c.title = title_words
            .join(" ")
            .trim_end_matches(['.', ','])
            .to_owned();
        c.parse()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Endorse,
    Dispute,
}

impl Verdict {
    pub fn parse(s: &str) -> Result<Verdict, ValidationError> {
        match s.trim() {
            "endorse" => Ok(Verdict::Endorse),
            "dispute" => Ok(Verdict::Dispute),
            _ => Err(ValidationError::BadReview(
                "verdict must be endorse or dispute",
            )),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Endorse => "endorse",
            Verdict::Dispute => "dispute",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReviewId(pub i64);

/// Where a review stands. Only open disputes count against an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum ReviewStatus {
    Open,
    /// The author revised the disputed passage away, in this version.
    Addressed {
        revision: i64,
    },
    /// The reviewer took it back.
    Withdrawn,
    /// A moderator closed it, saying why.
    Closed {
        reason: String,
    },
}

impl ReviewStatus {
    pub fn as_str(&self) -> &'static str {
        match self {
            ReviewStatus::Open => "open",
            ReviewStatus::Addressed { .. } => "addressed",
            ReviewStatus::Withdrawn => "withdrawn",
            ReviewStatus::Closed { .. } => "closed",
        }
    }
}

/// Another expert's verdict on an answer; a dispute quotes the exact claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Review {
    pub id: ReviewId,
    pub answer_id: AnswerId,
    pub reviewer: Author,
    pub verdict: Verdict,
    pub quote: Option<String>,
    pub note: String,
    pub note_html: String,
    pub citation: Option<Citation>,
    pub created_at: Timestamp,
    pub status: ReviewStatus,
}

/// A review, checked against the answer it is about, ready to store.
#[derive(Debug, Clone)]
pub struct ReviewDraft {
    pub answer_id: AnswerId,
    pub reviewer: crate::AccountId,
    pub verdict: Verdict,
    pub quote: Option<String>,
    pub note: String,
    pub note_html: String,
    pub citation: Option<Citation>,
    pub at: Timestamp,
}

impl ReviewDraft {
    /// The rules of review: not your own answer; a dispute quotes a passage
    /// that is really in the answer; a reason is given.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        answer: &crate::Answer,
        reviewer: &crate::Account,
        verdict: Verdict,
        quote: Option<&str>,
        note: &str,
        citation: Option<Citation>,
        now: Timestamp,
    ) -> Result<ReviewDraft, ValidationError> {
        if answer.author.id == reviewer.id {
            return Err(ValidationError::BadReview(
                "experts review other experts' answers, not their own",
            ));
        }
        let note = note.trim();
        refuse_control_characters("note", note)?;
        bounded("note", note, 3_000)?;
        let quote = quote
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(str::to_owned);
        match (verdict, &quote) {
            (Verdict::Dispute, None) => {
                return Err(ValidationError::BadReview(
                    "a dispute quotes the exact passage it disputes",
                ))
            }
            (_, Some(q)) if !answer.body.contains(q.as_str()) => {
                return Err(ValidationError::BadReview(
                    "the quoted passage is not in the answer; copy it exactly",
                ))
            }
            _ => {}
        }
        let citation = citation.map(Citation::parse).transpose()?;
        Ok(ReviewDraft {
            answer_id: answer.id,
            reviewer: reviewer.id,
            verdict,
            quote,
            note_html: crate::markdown::render(note),
            note: note.to_owned(),
            citation,
            at: now,
        })
    }
}

/// "Reviewed by N experts, M open disputes."
pub fn summary(reviews: &[Review]) -> (usize, usize) {
    let mut reviewers: Vec<_> = reviews.iter().map(|r| r.reviewer.id).collect();
    reviewers.sort();
    reviewers.dedup();
    let disputes = reviews
        .iter()
        .filter(|r| r.verdict == Verdict::Dispute && r.status == ReviewStatus::Open)
        .count();
    (reviewers.len(), disputes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Account, AccountId, Answer, QuestionId, Role};

    fn author(id: i64) -> Author {
        Author {
            id: AccountId(id),
            handle: format!("e{id}"),
            display_name: "E".into(),
            credentials: "C".into(),
            verified_at: Some(Timestamp(0)),
        }
    }

    fn answer() -> Answer {
        Answer {
            id: AnswerId(1),
            question_id: QuestionId(1),
            author: author(1),
            body: "Crying after sex is common. Oxytocin causes it.".into(),
            body_html: String::new(),
            created_at: Timestamp(0),
            updated_at: Timestamp(0),
            citations: Vec::new(),
            reviews: Vec::new(),
            helped_count: 0,
            revisions: 1,
            reviewed_at: Timestamp(0),
            hidden: None,
        }
    }

    fn account(id: i64) -> Account {
        Account {
            id: AccountId(id),
            handle: "r".into(),
            display_name: "R".into(),
            credentials: "C".into(),
            role: Role::Expert,
            disabled: false,
            created_at: Timestamp(0),
            verified_at: Some(Timestamp(0)),
        }
    }

    #[test]
    fn citations_link_to_their_resolver() {
        let c = Citation::parse_line("Postcoital Dysphoria: Prevalence and Psychological Correlates (2015) doi:10.1002/sm2.74").unwrap();
        assert_eq!(
            c.title,
            "Postcoital Dysphoria: Prevalence and Psychological Correlates"
        );
        assert_eq!(c.year, Some(2015));
        assert_eq!(c.link().unwrap(), "https://doi.org/10.1002/sm2.74");
        let p = Citation::parse_line("A trial pmid:12345678").unwrap();
        assert_eq!(
            p.link().unwrap(),
            "https://pubmed.ncbi.nlm.nih.gov/12345678/"
        );
        assert_eq!(
            Citation::parse_line("NHS https://www.nhs.uk")
                .unwrap()
                .link()
                .unwrap(),
            "https://www.nhs.uk"
        );
    }

    #[test]
    fn reference_lines_round_trip() {
        let text =
            "Postcoital Dysphoria (2015) doi:10.1002/sm2.74\n\nNHS guidance https://www.nhs.uk\n";
        let list = Citation::parse_lines(text).unwrap();
        assert_eq!(list.len(), 2);
        let again: Vec<String> = list.iter().map(Citation::to_line).collect();
        assert_eq!(Citation::parse_lines(&again.join("\n")).unwrap(), list);
    }

    #[test]
    fn bad_citations_are_refused() {
        assert_eq!(
            Citation::parse_line("Title doi:nonsense")
                .unwrap_err()
                .code(),
            "bad_citation"
        );
        assert_eq!(
            Citation::parse_line("Title pmid:12ab").unwrap_err().code(),
            "bad_citation"
        );
        assert_eq!(
            Citation::parse_line("Title javascript:alert(1)").map(|c| c.url),
            Ok(None)
        );
        assert_eq!(
            Citation::parse_line("doi:10.1002/sm2.74")
                .unwrap_err()
                .code(),
            "empty"
        );
    }

    #[test]
    fn a_dispute_quotes_the_answer_exactly() {
        let a = answer();
        let ok = ReviewDraft::new(
            &a,
            &account(2),
            Verdict::Dispute,
            Some("Oxytocin causes it."),
            "No study measured hormones.",
            None,
            Timestamp(5),
        );
        assert!(ok.is_ok());
        let missing = ReviewDraft::new(
            &a,
            &account(2),
            Verdict::Dispute,
            None,
            "why",
            None,
            Timestamp(5),
        );
        assert_eq!(missing.unwrap_err().code(), "bad_review");
        let wrong = ReviewDraft::new(
            &a,
            &account(2),
            Verdict::Dispute,
            Some("Hormones cause it."),
            "why",
            None,
            Timestamp(5),
        );
        assert_eq!(wrong.unwrap_err().code(), "bad_review");
        let own = ReviewDraft::new(
            &a,
            &account(1),
            Verdict::Endorse,
            None,
            "great",
            None,
            Timestamp(5),
        );
        assert_eq!(own.unwrap_err().code(), "bad_review");
        let empty_note = ReviewDraft::new(
            &a,
            &account(2),
            Verdict::Endorse,
            None,
            " ",
            None,
            Timestamp(5),
        );
        assert_eq!(empty_note.unwrap_err().code(), "empty");
    }
}
