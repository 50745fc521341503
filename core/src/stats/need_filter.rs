//! What the needs board shows: open, done or all needs, narrowed by a search.

use crate::need::{Need, Status};

/// Which needs by where they stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Showing {
    #[default]
    All,
    /// Open or matched: still to be done.
    Open,
    Done,
}

impl Showing {
    pub const ALL: [Showing; 3] = [Showing::All, Showing::Open, Showing::Done];

    pub fn as_str(self) -> &'static str {
        match self {
            Showing::All => "all",
            Showing::Open => "open",
            Showing::Done => "done",
        }
    }
}

/// The board's search and choice of open or done.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NeedFilter {
    pub query: String,
    pub showing: Showing,
}

impl NeedFilter {
    /// Whether the board shows `need`, whose helpers are called `helper_names`: every word of
    /// the search is in its text, person, category, language, notes or helpers' names.
    pub fn matches(&self, need: &Need, helper_names: &[String]) -> bool {
        let done = matches!(need.status, Status::Done { .. });
        let shown = match self.showing {
            Showing::All => true,
            Showing::Open => !done,
            Showing::Done => done,
        };
        if !shown {
            return false;
        }
        let haystack = [
            need.what.as_str(),
            &need.for_whom,
            &need.category,
            &need.language,
            &need.notes,
            &helper_names.join(" "),
        ]
        .join("\n")
        .to_lowercase();
        self.query
            .to_lowercase()
            .split_whitespace()
            .all(|word| haystack.contains(word))
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use uuid::Uuid;

    use super::*;
    use crate::record::tests::at;

    fn need(n: u128, what: &str) -> Need {
        Need::new(Uuid::from_u128(n), at(0), what.into())
    }

    #[test]
    fn open_and_done_split_the_board_and_all_shows_both() {
        let open = need(1, "A ride to the clinic");
        let mut matched = need(2, "Shopping");
        matched.match_helpers(&[Uuid::from_u128(9)]).unwrap();
        let mut done = need(3, "Fix the gate");
        done.mark_done(NaiveDate::from_ymd_opt(2026, 11, 2).unwrap())
            .unwrap();
        let shown = |showing| {
            let filter = NeedFilter {
                showing,
                ..NeedFilter::default()
            };
            [&open, &matched, &done]
                .into_iter()
                .filter(|n| filter.matches(n, &[]))
                .map(|n| n.id.as_u128())
                .collect::<Vec<_>>()
        };
        assert_eq!(shown(Showing::All), vec![1, 2, 3]);
        assert_eq!(shown(Showing::Open), vec![1, 2]);
        assert_eq!(shown(Showing::Done), vec![3]);
    }

    #[test]
    fn search_finds_every_word_in_any_field_or_helper_name_ignoring_case() {
        let mut ride = need(1, "A ride to the clinic");
        ride.for_whom = "Mrs Wong".into();
        ride.notes = "Wheelchair".into();
        let search = |query: &str, names: &[String]| {
            NeedFilter {
                query: query.into(),
                ..NeedFilter::default()
            }
            .matches(&ride, names)
        };
        assert!(search("wong CLINIC", &[]));
        assert!(search("wheelchair", &[]));
        assert!(search("may", &["May Chan".into()]));
        assert!(!search("wong shopping", &[]));
    }
}
