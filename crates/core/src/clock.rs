use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// A moment, as milliseconds since the Unix epoch (UTC). An integer travels
/// unchanged through SQLite, PostgreSQL, JSON and export files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl Timestamp {
    pub fn from_millis(ms: i64) -> Self {
        Timestamp(ms)
    }

    pub fn millis(self) -> i64 {
        self.0
    }

    pub fn minus_hours(self, hours: i64) -> Self {
        Timestamp(self.0 - hours * 3_600_000)
    }

    pub fn plus_hours(self, hours: i64) -> Self {
        Timestamp(self.0 + hours * 3_600_000)
    }

    fn to_datetime(self) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp_nanos(self.0 as i128 * 1_000_000)
            .unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }

    /// "12 March 2026", for pages.
    pub fn date(self) -> String {
        let d = self.to_datetime();
        format!("{} {} {}", d.day(), d.month(), d.year())
    }

    /// RFC 3339, for `<time datetime>` and the API.
    pub fn rfc3339(self) -> String {
        self.to_datetime()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    }

    /// "3 hours", "2 days": how long from `self` until `later`, for readers
    /// who want to know how fresh an answer is.
    pub fn elapsed_until(self, later: Timestamp) -> String {
        let minutes = (later.0 - self.0).max(0) / 60_000;
        let (n, unit) = match minutes {
            0..=59 => (minutes, "minute"),
            60..=1_439 => (minutes / 60, "hour"),
            1_440..=43_199 => (minutes / 1_440, "day"),
            43_200..=525_599 => (minutes / 43_200, "month"),
            _ => (minutes / 525_600, "year"),
        };
        if n == 1 {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates_for_people_and_machines() {
        let t = Timestamp(1_700_000_000_000);
        assert_eq!(t.date(), "14 November 2023");
        assert_eq!(t.rfc3339(), "2023-11-14T22:13:20Z");
    }

    #[test]
    fn elapsed_time_reads_naturally() {
        let t = Timestamp(0);
        assert_eq!(t.elapsed_until(Timestamp(30_000)), "0 minutes");
        assert_eq!(t.elapsed_until(Timestamp(3_600_000)), "1 hour");
        assert_eq!(t.elapsed_until(Timestamp(3 * 86_400_000)), "3 days");
        assert_eq!(t.elapsed_until(Timestamp(-5)), "0 minutes");
    }
}
