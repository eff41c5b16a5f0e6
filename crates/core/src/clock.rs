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

    /// Midnight UTC of a calendar date, if there is such a date.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Timestamp> {
        let month = time::Month::try_from(month).ok()?;
        let date = time::Date::from_calendar_date(year, month, day).ok()?;
        let at = date.midnight().assume_utc().unix_timestamp();
        Some(Timestamp(at * 1000))
    }

    /// The calendar date (UTC): year, month 1–12, day 1–31. Pages write
    /// it in the reader's language.
    pub fn ymd(self) -> (i32, u8, u8) {
        let d = self.to_datetime();
        (d.year(), u8::from(d.month()), d.day())
    }

    /// RFC 3339, for `<time datetime>` and the API.
    pub fn rfc3339(self) -> String {
        self.to_datetime()
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    }

    /// How long from `self` until `later`, in the largest unit that fits
    /// (3 hours, 2 days), for readers who want to know how fresh an answer
    /// is. Pages word it in the reader's language.
    pub fn elapsed_parts(self, later: Timestamp) -> (i64, TimeUnit) {
        let minutes = (later.0 - self.0).max(0) / 60_000;
        match minutes {
            0..=59 => (minutes, TimeUnit::Minute),
            60..=1_439 => (minutes / 60, TimeUnit::Hour),
            1_440..=43_199 => (minutes / 1_440, TimeUnit::Day),
            43_200..=525_599 => (minutes / 43_200, TimeUnit::Month),
            _ => (minutes / 525_600, TimeUnit::Year),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Minute,
    Hour,
    Day,
    Month,
    Year,
}

impl TimeUnit {
    pub fn as_str(self) -> &'static str {
        match self {
            TimeUnit::Minute => "minute",
            TimeUnit::Hour => "hour",
            TimeUnit::Day => "day",
            TimeUnit::Month => "month",
            TimeUnit::Year => "year",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_dates_for_people_and_machines() {
        let t = Timestamp(1_700_000_000_000);
        assert_eq!(t.ymd(), (2023, 11, 14));
        assert_eq!(
            Timestamp::from_ymd(2023, 11, 14).map(|d| d.ymd()),
            Some((2023, 11, 14))
        );
        assert_eq!(Timestamp::from_ymd(2023, 2, 30), None);
        assert_eq!(t.rfc3339(), "2023-11-14T22:13:20Z");
    }

    #[test]
    fn elapsed_time_reads_naturally() {
        let t = Timestamp(0);
        assert_eq!(t.elapsed_parts(Timestamp(30_000)), (0, TimeUnit::Minute));
        assert_eq!(t.elapsed_parts(Timestamp(3_600_000)), (1, TimeUnit::Hour));
        assert_eq!(
            t.elapsed_parts(Timestamp(3 * 86_400_000)),
            (3, TimeUnit::Day)
        );
        assert_eq!(t.elapsed_parts(Timestamp(-5)), (0, TimeUnit::Minute));
    }
}
