//! Every message exists in every language, takes the same arguments, formats without error,
//! and is one the app asks for; and every message the app asks for exists.

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use kindred_i18n::{tag, Language, Messages, Value, SOURCES};

/// Each message's id and the names of the variables it uses.
type Catalogue = BTreeMap<String, BTreeSet<String>>;

fn catalogue(language: Language) -> Catalogue {
    let source = SOURCES.iter().find(|(l, _)| *l == language).unwrap().1;
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", tag(language)));
    let mut messages = Catalogue::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let mut variables = BTreeSet::new();
            let value = message
                .value
                .unwrap_or_else(|| panic!("{} has no text in {}", message.id.name, tag(language)));
            pattern_variables(&value, &mut variables);
            let id = message.id.name.to_string();
            assert!(
                messages.insert(id.clone(), variables).is_none(),
                "{id} twice in {}",
                tag(language)
            );
        }
    }
    messages
}

fn pattern_variables(pattern: &Pattern<&str>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, found);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, found: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_variables(selector, found);
            for variant in variants {
                pattern_variables(&variant.value, found);
            }
        }
        Expression::Inline(inline) => inline_variables(inline, found),
    }
}

fn inline_variables(inline: &InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            found.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, found),
        _ => {}
    }
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
    for (id, variables) in &english {
        assert_eq!(
            &chinese[id], variables,
            "{id} takes different arguments in zh-Hant"
        );
    }
}

#[test]
fn every_message_formats_without_error_in_every_language() {
    for (language, source) in SOURCES {
        let resource = FluentResource::try_new(source.to_string()).expect("parses");
        let mut bundle = FluentBundle::new(vec![tag(language).parse().unwrap()]);
        bundle.add_resource(resource).expect("unique ids");
        for (id, variables) in catalogue(language) {
            let mut args = FluentArgs::new();
            for variable in &variables {
                args.set(variable.as_str(), 2);
            }
            let pattern = bundle.get_message(&id).unwrap().value().unwrap();
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
            assert!(errors.is_empty(), "{id} in {}: {errors:?}", tag(language));
            assert!(
                !text.trim().is_empty(),
                "{id} is empty in {}",
                tag(language)
            );
        }
    }
}

/// The app's words are all asked for in `src/text.rs`: phrases by the identifiers of the
/// `phrases!` block, the rest by string literals.
fn app_source() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../src/text.rs");
    std::fs::read_to_string(path).expect("the app's text module")
}

fn phrases_asked_for(source: &str) -> Vec<String> {
    let start = source.find("phrases! {").expect("a phrases! block") + "phrases! {".len();
    let block = &source[start..start + source[start..].find('}').unwrap()];
    block
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .map(|line| line.trim_end_matches(',').to_string())
        .collect()
}

#[test]
fn every_phrase_the_app_asks_for_exists() {
    let english = catalogue(Language::English);
    let missing: Vec<_> = phrases_asked_for(&app_source())
        .into_iter()
        .filter(|id| !english.contains_key(id))
        .collect();
    assert!(
        missing.is_empty(),
        "asked for but not in en.ftl: {missing:?}"
    );
}

#[test]
fn every_message_is_used_by_the_app() {
    let source = app_source();
    let phrases: BTreeSet<String> = phrases_asked_for(&source).into_iter().collect();
    let ideas: BTreeSet<String> = kindred_core::ideas::IDEAS
        .iter()
        .map(|idea| format!("idea_{}", idea.id))
        .collect();
    let unused: Vec<_> = catalogue(Language::English)
        .into_keys()
        .filter(|id| {
            !phrases.contains(id) && !ideas.contains(id) && !source.contains(&format!("\"{id}\""))
        })
        .collect();
    assert!(
        unused.is_empty(),
        "in en.ftl but never asked for (a typo in src/text.rs?): {unused:?}"
    );
}

#[test]
fn every_idea_has_its_text_in_every_language() {
    let english = catalogue(Language::English);
    for idea in kindred_core::ideas::IDEAS {
        assert!(
            english.contains_key(&format!("idea_{}", idea.id)),
            "idea {}",
            idea.id
        );
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
