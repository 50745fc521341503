//! Reads a Fluent file into its catalogue: each message's id, the variables it takes, and
//! whether each variable must be a number.
//!
//! Shared by the build script (`main.rs` here), which turns en.ftl into the app's typed
//! phrase functions, and by the completeness tests (`../tests/completeness.rs`), which hold
//! every other language to en.ftl.
//!
//! Kindred's messages keep to the part of Fluent that can be checked this way, and this
//! reader refuses the rest: no terms, attributes, functions or references to other messages,
//! and selectors only on numbers (plural categories such as `[one]`, or exact numbers such as
//! `[0]`), never on words, since nothing could check the word a caller passes.

use std::collections::BTreeMap;

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, Resource, VariantKey,
};

/// What a message does with one of its variables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Use {
    /// It is only shown: any text or number will do.
    Shown,
    /// It chooses a plural form or an exact number, so it must be a number: "10,000" as
    /// text would silently choose the default form.
    Number,
}

/// One message of a Fluent file.
#[derive(Debug, Clone)]
pub struct Message {
    pub id: String,
    /// Each variable by name, with what the message does with it.
    pub variables: BTreeMap<String, Use>,
    /// The message as written in the file, for the documentation of generated code.
    pub source: String,
}

/// The plural categories of Unicode's rules, the only words a selector may choose by.
const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Every message of `source`, in the file's order, or every problem found.
pub fn read(source: &str) -> Result<Vec<Message>, Vec<String>> {
    let resource = fluent_syntax::parser::parse(source).map_err(|(_, errors)| {
        errors
            .iter()
            .map(|error| format!("does not parse: {error:?}"))
            .collect::<Vec<_>>()
    })?;
    let mut problems = Vec::new();
    let mut messages: Vec<Message> = Vec::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(message) => {
                let id = message.id.name.to_string();
                let mut found = Found {
                    id: &id,
                    variables: BTreeMap::new(),
                    problems: &mut problems,
                };
                match &message.value {
                    Some(value) => found.pattern(value),
                    None => found.problem("has no text"),
                }
                if !message.attributes.is_empty() {
                    found.problem("has attributes, which Kindred does not use");
                }
                let variables = found.variables;
                if messages.iter().any(|m| m.id == id) {
                    problems.push(format!("{id}: appears twice"));
                }
                let mut alone = message.clone();
                alone.comment = None;
                let source = fluent_syntax::serializer::serialize(&Resource {
                    body: vec![Entry::Message(alone)],
                });
                messages.push(Message {
                    id,
                    variables,
                    source: source.trim_end().to_string(),
                });
            }
            Entry::Term(term) => problems.push(format!(
                "-{}: terms are not used; write the words into each message",
                term.id.name
            )),
            Entry::Junk { content } => problems.push(format!("does not parse: {content}")),
            Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => {}
        }
    }
    if problems.is_empty() {
        Ok(messages)
    } else {
        Err(problems)
    }
}

/// The variables of one message as its text is walked, and what is wrong with it.
struct Found<'a> {
    id: &'a str,
    variables: BTreeMap<String, Use>,
    problems: &'a mut Vec<String>,
}

impl Found<'_> {
    fn problem(&mut self, what: &str) {
        self.problems.push(format!("{}: {what}", self.id));
    }

    fn variable(&mut self, name: &str, how: Use) {
        let entry = self.variables.entry(name.to_string()).or_insert(how);
        *entry = (*entry).max(how);
    }

    fn pattern(&mut self, pattern: &Pattern<&str>) {
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                self.expression(expression);
            }
        }
    }

    fn expression(&mut self, expression: &Expression<&str>) {
        match expression {
            Expression::Select { selector, variants } => {
                match selector {
                    InlineExpression::VariableReference { id } => {
                        self.variable(id.name, Use::Number)
                    }
                    _ => self.problem("selects on something other than a variable"),
                }
                for variant in variants {
                    if let VariantKey::Identifier { name } = &variant.key {
                        if !PLURAL_CATEGORIES.contains(name) {
                            self.problem(&format!(
                                "selects on the word [{name}]; only numbers and plural \
                                 categories are checked, so make one message per word"
                            ));
                        }
                    }
                    self.pattern(&variant.value);
                }
            }
            Expression::Inline(inline) => self.inline(inline),
        }
    }

    fn inline(&mut self, inline: &InlineExpression<&str>) {
        match inline {
            InlineExpression::VariableReference { id } => self.variable(id.name, Use::Shown),
            InlineExpression::Placeable { expression } => self.expression(expression),
            InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {}
            InlineExpression::FunctionReference { id, .. } => {
                self.problem(&format!("calls {}(), which Kindred does not use", id.name))
            }
            InlineExpression::MessageReference { id, .. } => self.problem(&format!(
                "refers to {}; write the words into the message instead",
                id.name
            )),
            InlineExpression::TermReference { id, .. } => self.problem(&format!(
                "refers to the term -{}, which Kindred does not use",
                id.name
            )),
        }
    }
}
