//! Realistic made-up data in any amount, for benchmarks and for trying Kindred out at scale.
//! Deterministic: the same size gives the same data.

use chrono::{DateTime, Days, NaiveDate, Utc, Weekday};
use uuid::Uuid;

use crate::categories;
use crate::helper::Helper;
use crate::journal::{JournalEntry, Kind};

const ACTS: [&str; 8] = [
    "Drove {} to the clinic and waited with them",
    "Picked up groceries for {} on the way home",
    "Sat with {} for an hour and listened",
    "{} brought round soup when I was ill",
    "Saw {} help a child who had fallen off a bike",
    "Fixed the gate for {} before the storm",
    "Phoned {} to see how the new medicine was going",
    "{} lent me an umbrella at the bus stop",
];
const PEOPLE: [&str; 8] = [
    "Mrs Chan",
    "Mr Lee",
    "Grandma Lo",
    "Auntie May",
    "Mr Wong",
    "Sam",
    "Priya",
    "陳太太",
];

/// A small deterministic generator (a 64-bit LCG): enough variety for benchmarks.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 16
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// `count` journal entries spread over the years before `today`, about three a day.
pub fn journal_entries(count: usize, today: NaiveDate, now: DateTime<Utc>) -> Vec<JournalEntry> {
    let mut sequence = Sequence(0x5EED);
    (0..count)
        .map(|i| {
            let id = Uuid::from_u64_pair(sequence.next() << 16 ^ sequence.next(), i as u64);
            let person = sequence.pick(&PEOPLE);
            let text = sequence.pick(&ACTS).replace("{}", person);
            let kind = Kind::ALL[(sequence.next() % 3) as usize];
            // Entries that would fall before chrono's first day are dated on it.
            let date = today
                .checked_sub_days(Days::new(i as u64 / 3))
                .unwrap_or(NaiveDate::MIN);
            let mut entry = JournalEntry::new(id, now, text, kind, date);
            entry.person = person.to_string();
            entry.category = sequence.pick(&categories::SEEDED).to_string();
            entry.tags = vec!["neighbours".into()];
            if i % 4 == 0 {
                entry.private_note = "Remember to ask how the appointment went next week.".into();
            }
            entry
        })
        .collect()
}

const NAMES: [&str; 8] = [
    "May", "Sam", "Priya", "Ka Ming", "Ana", "Wing", "Joseph", "陳",
];
const AREAS: [&str; 4] = ["Tai Hang", "North Point", "Sham Shui Po", "Tai Po"];
const LANGUAGES: [&str; 4] = ["Cantonese", "English", "Mandarin", "Tagalog"];

/// `count` helpers of a large mutual-aid group, each with categories, languages, days free
/// and a way to reach them.
pub fn helpers(count: usize, now: DateTime<Utc>) -> Vec<Helper> {
    let mut sequence = Sequence(0xFACE);
    (0..count)
        .map(|i| {
            let id = Uuid::from_u64_pair(sequence.next() << 16 ^ sequence.next(), i as u64);
            let name = format!("{} {}", sequence.pick(&NAMES), i + 1);
            let mut helper = Helper::new(id, now, name);
            helper.can_help_with = vec![
                sequence.pick(&categories::SEEDED).to_string(),
                sequence.pick(&categories::SEEDED).to_string(),
            ];
            helper.languages = vec![sequence.pick(&LANGUAGES).to_string()];
            helper.area = sequence.pick(&AREAS).to_string();
            helper.phone = format!("+852 2{:03} {:04}", i % 1000, sequence.next() % 10_000);
            helper.availability.days = vec![Weekday::Mon, Weekday::Thu];
            helper
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::tests::at;
    use crate::record::{bucket_of, BUCKETS};

    #[test]
    fn samples_are_deterministic_distinct_and_spread_over_every_bucket() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let a = journal_entries(300, today, at(0));
        assert_eq!(a, journal_entries(300, today, at(0)));
        let ids: std::collections::BTreeSet<_> = a.iter().map(|e| e.id).collect();
        assert_eq!(ids.len(), 300);
        let buckets: std::collections::BTreeSet<_> = a.iter().map(|e| bucket_of(e.id)).collect();
        assert_eq!(buckets.len(), usize::from(BUCKETS));
        assert!(a.iter().all(|e| e.date <= today));
    }
}
