//! Every message exists in every language, takes the same arguments, and formats without an
//! error from Fluent in every language with the variables en.ftl declares.
//!
//! What the build checks is not repeated here: the app asks for messages through functions
//! and structs made from en.ftl (build/main.rs), so a message it asks for that en.ftl lacks,
//! or a misspelt or missing argument, does not compile, and a message of en.ftl the app never
//! asks for is a dead-code error in `cargo clippy -p kindred --target wasm32-unknown-unknown
//! -- -D warnings`. The ideas, which are chosen by number at run time, are checked here.

#[path = "../build/catalogue.rs"]
mod catalogue;

use std::collections::{BTreeMap, BTreeSet};

use catalogue::{Message, Use};
use kindred_i18n::{tag, Language, Messages, Value, SOURCES};

/// The messages the app's code is made from, as the app has them: the test formats through
/// the same functions and structs.
#[allow(dead_code)]
mod app {
    kindred_i18n::words!();
    pub use self::words::*;
}

fn catalogue(language: Language) -> BTreeMap<String, Message> {
    let source = SOURCES.iter().find(|(l, _)| *l == language).unwrap().1;
    let messages = catalogue::read(source)
        .unwrap_or_else(|problems| panic!("{}.ftl:\n{}", tag(language), problems.join("\n")));
    messages.into_iter().map(|m| (m.id.clone(), m)).collect()
}

#[test]
fn every_message_is_in_every_language_with_the_same_arguments() {
    let english = catalogue(Language::English);
    let chinese = catalogue(Language::TraditionalChinese);
    let missing_in_chinese: Vec<_> = english
        .keys()
        .filter(|id| !chinese.contains_key(*id))
        .collect();
    let missing_in_english: Vec<_> = chinese
        .keys()
        .filter(|id| !english.contains_key(*id))
        .collect();
    assert!(
        missing_in_chinese.is_empty(),
        "missing in zh-Hant: {missing_in_chinese:?}"
    );
    assert!(
        missing_in_english.is_empty(),
        "missing in en: {missing_in_english:?}"
    );
    for (id, message) in &english {
        let names = |m: &Message| m.variables.keys().cloned().collect::<BTreeSet<_>>();
        assert_eq!(
            names(&chinese[id]),
            names(message),
            "{id} takes different arguments in zh-Hant"
        );
        // The app passes what en.ftl asks for: a variable only shown in English may be text,
        // so another language must not choose a plural form by it.
        for (variable, how) in &chinese[id].variables {
            assert!(
                *how <= message.variables[variable],
                "{id} chooses by ${variable} in zh-Hant, but en.ftl only shows it, so the app \
                 may pass text"
            );
        }
    }
}

/// Arguments for every variable of `message`: each number in turn for the ones it chooses
/// by, and text or a number for the ones it only shows.
fn samples(message: &Message) -> Vec<Vec<(&str, Value<'static>)>> {
    [0u32, 1, 2, 5, 21, 10_000]
        .into_iter()
        .map(|n| {
            message
                .variables
                .iter()
                .map(|(name, how)| {
                    let value = match how {
                        Use::Number => Value::from(n),
                        Use::Shown if n % 2 == 0 => Value::from(format!("text {n}")),
                        Use::Shown => Value::from(n),
                    };
                    (name.as_str(), value)
                })
                .collect()
        })
        .collect()
}

#[test]
fn every_message_formats_without_error_in_every_language() {
    let english = catalogue(Language::English);
    for (language, _) in SOURCES {
        let messages = Messages::new(language);
        for message in english.values() {
            for args in samples(message) {
                let text = messages
                    .try_format(&message.id, &args)
                    .unwrap_or_else(|error| {
                        panic!("{error}, with {args:?}; en.ftl has\n{}", message.source)
                    });
                assert!(
                    !text.trim().is_empty(),
                    "{} is empty in {}",
                    message.id,
                    tag(language)
                );
            }
        }
    }
}

#[test]
fn a_formatting_error_is_reported() {
    let english = Messages::new(Language::English);
    let error = english
        .try_format("imported", &[("cuont", Value::from(2))])
        .unwrap_err();
    assert_eq!(error.id, "imported");
    assert!(!error.problems.is_empty(), "{error:?}");
    let missing = english.try_format("no_such_message", &[]).unwrap_err();
    assert_eq!(missing.problems, ["no such message"]);
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "imported in en")]
fn a_formatting_error_panics_in_debug_builds() {
    Messages::new(Language::English).format("imported", &[("cuont", Value::from(2))]);
}

#[test]
fn every_idea_has_its_text_in_every_language_and_no_text_is_left_over() {
    let english = catalogue(Language::English);
    let ideas: BTreeSet<String> = kindred_core::ideas::IDEAS
        .iter()
        .map(|idea| format!("idea_{}", idea.id))
        .collect();
    let written: BTreeSet<String> = english
        .keys()
        .filter(|id| {
            id.strip_prefix("idea_")
                .is_some_and(|n| n.parse::<u16>().is_ok())
        })
        .cloned()
        .collect();
    let missing: Vec<_> = ideas.difference(&written).collect();
    let unused: Vec<_> = written.difference(&ideas).collect();
    assert!(missing.is_empty(), "ideas without text: {missing:?}");
    assert!(unused.is_empty(), "text for no idea: {unused:?}");
    for idea in kindred_core::ideas::IDEAS {
        assert!(app::idea_n(idea.id.into()).is_some(), "idea {}", idea.id);
    }
}

/// The weekly goal in both languages, said through the app's own structs, once not yet
/// reached and once passed.
#[test]
fn the_weekly_goal_is_said_as_a_person_would_once_it_is_passed() {
    kindred_i18n::set_language(Language::English);
    assert_eq!(
        app::WeeklyProgress { done: 0, goal: 1 }.format(),
        "0 of 1 act of kindness given this week"
    );
    assert_eq!(
        app::WeeklyProgress { done: 1, goal: 3 }.format(),
        "1 of 3 acts of kindness given this week"
    );
    assert_eq!(
        app::WeeklyGoalReached { done: 1, goal: 1 }.format(),
        "1 act of kindness given this week: your goal of 1 is reached"
    );
    let passed = app::WeeklyGoalReached { done: 2, goal: 1 }.format();
    assert_eq!(
        passed,
        "2 acts of kindness given this week: your goal of 1 is reached"
    );
    assert!(!passed.contains("2 of 1"), "{passed}");

    kindred_i18n::set_language(Language::TraditionalChinese);
    assert_eq!(
        app::WeeklyProgress { done: 1, goal: 3 }.format(),
        "本週已做 1 件善行，目標是 3 件"
    );
    assert_eq!(
        app::WeeklyGoalReached { done: 2, goal: 1 }.format(),
        "本週已做 2 件善行，已達成每週 1 件的目標"
    );
    kindred_i18n::set_language(Language::English);
}

#[test]
fn a_streak_is_said_one_run_at_a_time() {
    kindred_i18n::set_language(Language::English);
    assert_eq!(app::StreakDays { days: 1 }.format(), "1 day in a row");
    assert_eq!(app::StreakWeeks { weeks: 3 }.format(), "3 weeks in a row");
}
