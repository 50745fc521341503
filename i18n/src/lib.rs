//! Kindred's interface in English and Traditional Chinese.
//!
//! The words live in Fluent files (`locales/*.ftl`), one per language, so that a translator
//! edits text, not code, and plural rules come from Fluent rather than from `if n == 1`.
//!
//! The app asks for them through [`words!`], which the build script (`build/main.rs`) makes
//! from en.ftl: a function per fixed phrase and a struct per message with variables, so that
//! a misspelt id or argument does not compile. They read the language chosen with
//! [`set_language`]. A message that fails to format (which the types should rule out) panics
//! in debug builds and tests, and `tests/completeness.rs` formats every message of every
//! language with the variables en.ftl declares, and fails when a language lacks a message or
//! takes other arguments.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

pub use fluent_bundle::FluentValue as Value;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
pub use kindred_core::settings::Language;
use unic_langid::{langid, LanguageIdentifier};

// The `words!` macro, made by the build script from en.ftl.
include!(concat!(env!("OUT_DIR"), "/words_macro.rs"));

/// A number that a message chooses its words by ("1 entry", "2 entries"): the type of every
/// variable that a message selects on. Text is not a `Number`, so "10,000" cannot be passed
/// where Fluent would then silently choose the default plural form.
pub trait Number {
    fn value(self) -> Value<'static>;
}

macro_rules! numbers {
    ($($number:ty)*) => {
        $(
            impl Number for $number {
                fn value(self) -> Value<'static> {
                    Value::from(self)
                }
            }
        )*
    };
}

numbers!(u8 u16 u32 u64 usize i8 i16 i32 i64 isize f32 f64);

/// A count, which [`grouped`] writes in thousands: any unsigned whole number, whatever its
/// width (a hostile file's 64-bit count is not cut to the 32 bits of a wasm `usize`).
pub trait Whole: fmt::Display {}

impl Whole for u8 {}
impl Whole for u16 {}
impl Whole for u32 {}
impl Whole for u64 {}
impl Whole for usize {}

/// The Fluent source of each language, built into the app: there is nothing to fetch.
pub const SOURCES: [(Language, &str); 2] = [
    (Language::English, include_str!("../locales/en.ftl")),
    (
        Language::TraditionalChinese,
        include_str!("../locales/zh-Hant.ftl"),
    ),
];

/// The language tag for `lang` attributes: screen readers choose their voice by it.
pub fn tag(language: Language) -> &'static str {
    match language {
        Language::English => "en",
        Language::TraditionalChinese => "zh-Hant",
    }
}

fn language_id(language: Language) -> LanguageIdentifier {
    match language {
        Language::English => langid!("en"),
        Language::TraditionalChinese => langid!("zh-Hant"),
    }
}

/// The interface language for a browser's preferred languages (`navigator.languages`): the
/// first one Kindred speaks. Any Chinese is offered Traditional Chinese, the only Chinese
/// Kindred has, which readers of Simplified Chinese can also read.
pub fn language_for<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Language {
    for tag in preferred {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "zh" => return Language::TraditionalChinese,
            "en" => return Language::English,
            _ => {}
        }
    }
    Language::English
}

/// One language's messages.
pub struct Messages {
    language: Language,
    bundle: FluentBundle<FluentResource>,
}

impl Messages {
    pub fn new(language: Language) -> Self {
        let source = SOURCES
            .iter()
            .find(|(l, _)| *l == language)
            .map(|(_, source)| *source)
            .expect("every language has a source");
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", tag(language)));
        let mut bundle = FluentBundle::new(vec![language_id(language)]);
        // Unicode isolation marks around every argument would end up in accessible names and
        // in the text people copy; Kindred's arguments are short and in the page's direction.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .expect("message ids are unique");
        Self { language, bundle }
    }

    /// The message `id` with `args`.
    ///
    /// A message that does not format (missing, or missing an argument: the generated
    /// phrase functions rule both out for English, the completeness tests for the other
    /// language) panics in debug builds and tests. A release build shows what Fluent could
    /// make of it, or the id, so that a gap shows as a word rather than as a crash.
    pub fn format(&self, id: &str, args: &[(&str, Value)]) -> String {
        self.try_format(id, args).unwrap_or_else(|error| {
            debug_assert!(false, "{error}");
            error.text
        })
    }

    /// The message `id` with `args`, or every error Fluent met in making it.
    pub fn try_format(&self, id: &str, args: &[(&str, Value)]) -> Result<String, FormatError> {
        let error = |problems, text| FormatError {
            language: self.language,
            id: id.to_string(),
            problems,
            text,
        };
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return Err(error(vec!["no such message".into()], id.to_string()));
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned();
        if errors.is_empty() {
            Ok(text)
        } else {
            let problems = errors.iter().map(ToString::to_string).collect();
            Err(error(problems, text))
        }
    }
}

/// A message that did not format, with Fluent's errors.
#[derive(Debug, Clone, PartialEq)]
pub struct FormatError {
    pub language: Language,
    pub id: String,
    pub problems: Vec<String>,
    /// What Fluent made of it anyway (`{$name}` for a missing argument), or the id.
    pub text: String,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} in {}: {}",
            self.id,
            tag(self.language),
            self.problems.join("; ")
        )
    }
}

impl std::error::Error for FormatError {}

/// A count as people write it, in thousands: "10,000". English and Traditional Chinese (as
/// written in Hong Kong and Taiwan) both group by three with a comma; Fluent's own numbers
/// are not grouped.
pub fn grouped(n: impl Whole) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

thread_local! {
    static CURRENT: RefCell<Current> = RefCell::new(Current::new(Language::English));
}

/// The language in use, with the fixed phrases of every language used so far, kept so
/// that each is made once per session however often the language is switched.
struct Current {
    language: Language,
    messages: Messages,
    phrases: HashMap<(Language, &'static str), &'static str>,
}

impl Current {
    fn new(language: Language) -> Self {
        Self {
            language,
            messages: Messages::new(language),
            phrases: HashMap::new(),
        }
    }
}

/// Switches the language of every later [`phrase`] and [`message`].
pub fn set_language(language: Language) {
    CURRENT.with(|current| {
        let mut current = current.borrow_mut();
        if current.language != language {
            current.language = language;
            current.messages = Messages::new(language);
        }
    });
}

/// The language in use.
pub fn language() -> Language {
    CURRENT.with(|current| current.borrow().language)
}

/// A fixed text, such as a button's label, in the language in use. The app asks through the
/// functions [`words!`] makes, which call this with ids that en.ftl has.
///
/// Phrases are leaked once per language and session: there are a few hundred short ones and
/// two languages, and a `&'static str` fits everywhere a label goes.
pub fn phrase(id: &'static str) -> &'static str {
    CURRENT.with(|current| {
        let mut current = current.borrow_mut();
        let key = (current.language, id);
        if let Some(text) = current.phrases.get(&key) {
            return *text;
        }
        let text: &'static str = current.messages.format(id, &[]).leak();
        current.phrases.insert(key, text);
        text
    })
}

/// A text with arguments ("3 kindnesses") in the language in use. The app asks through the
/// structs [`words!`] makes, which call this with exactly the arguments en.ftl declares.
pub fn message(id: &str, args: &[(&str, Value)]) -> String {
    CURRENT.with(|current| current.borrow().messages.format(id, args))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_language_chooses_the_interface_language() {
        assert_eq!(language_for(["zh-TW", "en"]), Language::TraditionalChinese);
        assert_eq!(language_for(["zh-HK"]), Language::TraditionalChinese);
        assert_eq!(language_for(["zh"]), Language::TraditionalChinese);
        assert_eq!(
            language_for(["fr-FR", "zh-Hant-TW"]),
            Language::TraditionalChinese
        );
        assert_eq!(language_for(["en-GB", "zh-TW"]), Language::English);
        assert_eq!(language_for(["fr"]), Language::English);
        assert_eq!(language_for([]), Language::English);
    }

    #[test]
    fn plurals_follow_each_language() {
        let english = Messages::new(Language::English);
        let chinese = Messages::new(Language::TraditionalChinese);
        let count = |n: usize| [("count", Value::from(n)), ("shown", grouped(n).into())];
        assert_eq!(english.format("entries", &count(1)), "1 entry");
        assert_eq!(english.format("entries", &count(3)), "3 entries");
        assert_eq!(english.format("entries", &count(10_000)), "10,000 entries");
        let chinese_many = chinese.format("entries", &count(10_000));
        assert!(chinese_many.contains("10,000") && !chinese_many.contains("entr"));
    }

    #[test]
    fn counts_are_grouped_in_thousands() {
        assert_eq!(grouped(0u32), "0");
        assert_eq!(grouped(999u32), "999");
        assert_eq!(grouped(1000u32), "1,000");
        assert_eq!(grouped(52_428_800u32), "52,428,800");
        assert_eq!(grouped(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn switching_language_changes_phrases() {
        set_language(Language::English);
        assert_eq!(phrase("save"), "Save");
        set_language(Language::TraditionalChinese);
        assert_ne!(phrase("save"), "Save");
        assert_eq!(language(), Language::TraditionalChinese);
        set_language(Language::English);
        assert_eq!(phrase("save"), "Save");
    }
}
