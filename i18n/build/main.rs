//! Makes locales/en.ftl into Rust, so that a message asked for by a misspelt id, or with a
//! misspelt, missing or extra argument, is a compile error rather than broken text on screen.
//!
//! It writes two files into `OUT_DIR`:
//!
//! - `words.rs`, the messages as Rust, for the module that says `kindred_i18n::words!()`
//!   (the app's src/text.rs):
//!   - a message without variables is a function named by its id: `save() -> &'static str`;
//!   - a message with variables is a struct named by its id in a module `words`, with one
//!     field per variable, and `format()` to say it:
//!     `words::Imported { count: 3, shown: "3" }.format()`. A variable the message chooses a
//!     plural form or an exact number by must be a number ([`kindred_i18n::Number`]), so
//!     that text such as "10,000" cannot silently choose the default form;
//!   - messages numbered `idea_1`, `idea_2`, … are one function, `idea_n(2)`, for messages
//!     chosen by a number at run time (today's idea, by its id in kindred-core).
//! - `words_macro.rs`, the `words!` macro, which includes `words.rs` where it is called. The
//!   code is included from the file rather than written out by the macro so that the compiler
//!   treats it as the caller's own: an unused message is then a dead-code warning in the app,
//!   which its clippy run (`-D warnings`) turns into an error.
//!
//! Every language is held to en.ftl's ids and variables by `../tests/completeness.rs`.

mod catalogue;

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

use catalogue::{Message, Use};

fn main() {
    println!("cargo::rerun-if-changed=locales/en.ftl");
    println!("cargo::rerun-if-changed=build");
    let manifest = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let source = std::fs::read_to_string(Path::new(&manifest).join("locales/en.ftl"))
        .expect("locales/en.ftl can be read");
    let code = catalogue::read(&source).and_then(|messages| rust(&messages));
    let code = match code {
        Ok(code) => code,
        Err(problems) => {
            for problem in problems {
                println!("cargo::error=locales/en.ftl: {problem}");
            }
            return;
        }
    };
    let words = Path::new(&out).join("words.rs");
    std::fs::write(&words, code).expect("OUT_DIR is writable");
    let path = words.to_str().expect("OUT_DIR is a UTF-8 path");
    let words_macro = format!(
        "/// Puts Kindred's messages, made from `locales/en.ftl` at build time, into the module \
         where it is called:\n\
         /// a function per message without variables (`save()`), a struct per message with \
         variables in a module\n\
         /// `words` (`words::Imported {{ count, shown }}.format()`), and one function per \
         numbered family\n\
         /// (`idea_n(7)`). See `build/main.rs` in kindred-i18n.\n\
         #[macro_export]\n\
         macro_rules! words {{\n    () => {{\n        include!({path:?});\n    }};\n}}\n"
    );
    std::fs::write(Path::new(&out).join("words_macro.rs"), words_macro)
        .expect("OUT_DIR is writable");
}

/// The Rust for every message, or what in en.ftl cannot be made into Rust.
fn rust(messages: &[Message]) -> Result<String, Vec<String>> {
    let mut problems = Vec::new();
    let mut phrases = String::new();
    let mut structs = String::new();
    let mut families: BTreeMap<String, Vec<(u32, &str)>> = BTreeMap::new();
    // Functions (phrases and families) and structs, by name, with the id that made each.
    let mut functions = BTreeMap::new();
    let mut structs_made = BTreeMap::new();
    for message in messages {
        let id = message.id.as_str();
        if let Err(problem) = identifier(id) {
            problems.push(format!("{id}: {problem}"));
            continue;
        }
        for variable in message.variables.keys() {
            if let Err(problem) = identifier(variable) {
                problems.push(format!("{id}: ${variable}: {problem}"));
            }
        }
        if let Some((family, number)) = numbered(id) {
            if message.variables.is_empty() {
                families
                    .entry(format!("{family}_n"))
                    .or_default()
                    .push((number, id));
            } else {
                problems.push(format!(
                    "{id}: a numbered message cannot take variables (it is chosen at run time)"
                ));
            }
        } else if message.variables.is_empty() {
            functions.insert(id.to_string(), id);
            phrase(&mut phrases, message);
        } else {
            let name = camel(id);
            if let Some(other) = structs_made.insert(name.clone(), id) {
                problems.push(format!("{id} and {other} both make the struct {name}"));
            }
            message_struct(&mut structs, message, &name);
        }
    }
    for family in families.keys() {
        if let Some(id) = functions.get(family) {
            problems.push(format!("{id} has the name of a numbered family's function"));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut code = String::from(
        "// Made by kindred-i18n's build/main.rs from locales/en.ftl at build time: edit the \
         .ftl files, not this.\n\n",
    );
    code.push_str(&phrases);
    for (name, members) in &families {
        family(&mut code, name, members);
    }
    code.push_str(
        "/// The messages with variables: one struct each, named by the message's id, with a \
         field per variable.\n\
         mod words {\n",
    );
    code.push_str(&structs);
    code.push_str("}\n");
    Ok(code)
}

fn doc(message: &Message) -> String {
    format!(
        "#[doc = {:?}]\n",
        format!(
            "`{}` in en.ftl:\n\n```ftl\n{}\n```",
            message.id, message.source
        )
    )
}

fn phrase(code: &mut String, message: &Message) {
    let id = &message.id;
    code.push_str(&doc(message));
    writeln!(
        code,
        "pub fn {}() -> &'static str {{\n    ::kindred_i18n::phrase({id:?})\n}}\n",
        raw(id)
    )
    .unwrap();
}

fn message_struct(code: &mut String, message: &Message, name: &str) {
    let id = &message.id;
    // Each variable's name in the message, its field and its type parameter.
    let variables: Vec<(&str, String, String, Use)> = message
        .variables
        .iter()
        .map(|(variable, how)| {
            let mut generic = camel(variable);
            if generic == name {
                generic.push_str("Value");
            }
            (variable.as_str(), raw(variable), generic, *how)
        })
        .collect();
    let generics = variables
        .iter()
        .map(|(_, _, generic, _)| generic.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let bounded = variables
        .iter()
        .map(|(_, _, generic, how)| match how {
            Use::Number => format!("{generic}: ::kindred_i18n::Number"),
            Use::Shown => generic.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let shown: Vec<&str> = variables
        .iter()
        .filter(|(_, _, _, how)| *how == Use::Shown)
        .map(|(_, _, generic, _)| generic.as_str())
        .collect();
    code.push_str(&doc(message));
    writeln!(code, "pub struct {name}<{generics}> {{").unwrap();
    for (_, field, generic, _) in &variables {
        writeln!(code, "    pub {field}: {generic},").unwrap();
    }
    writeln!(code, "}}\n").unwrap();
    writeln!(code, "impl<{bounded}> {name}<{generics}> {{").unwrap();
    writeln!(code, "    /// The message in the language in use.").unwrap();
    if shown.is_empty() {
        writeln!(code, "    pub fn format(self) -> ::std::string::String {{").unwrap();
    } else {
        writeln!(code, "    pub fn format<'a>(self) -> ::std::string::String").unwrap();
        writeln!(code, "    where").unwrap();
        for generic in &shown {
            writeln!(
                code,
                "        {generic}: ::core::convert::Into<::kindred_i18n::Value<'a>>,"
            )
            .unwrap();
        }
        writeln!(code, "    {{").unwrap();
    }
    writeln!(
        code,
        "        ::kindred_i18n::message(\n            {id:?},\n            &["
    )
    .unwrap();
    for (variable, field, _, how) in &variables {
        let value = match how {
            Use::Number => format!("::kindred_i18n::Number::value(self.{field})"),
            Use::Shown => format!("::core::convert::Into::into(self.{field})"),
        };
        writeln!(code, "                ({variable:?}, {value}),").unwrap();
    }
    writeln!(code, "            ],\n        )\n    }}\n}}\n").unwrap();
}

fn family(code: &mut String, name: &str, members: &[(u32, &str)]) {
    let prefix = name.trim_end_matches("_n");
    writeln!(
        code,
        "/// The messages `{prefix}_<n>` of en.ftl by their number, or `None` for a number \
         en.ftl has not."
    )
    .unwrap();
    writeln!(
        code,
        "pub fn {name}(n: u32) -> ::core::option::Option<&'static str> {{\n    let id = match n {{"
    )
    .unwrap();
    for (number, id) in members {
        writeln!(code, "        {number} => {id:?},").unwrap();
    }
    writeln!(
        code,
        "        _ => return ::core::option::Option::None,\n    }};\n    \
         ::core::option::Option::Some(::kindred_i18n::phrase(id))\n}}\n"
    )
    .unwrap();
}

/// `idea_12` → `("idea", 12)`: a message of a family chosen by number at run time.
fn numbered(id: &str) -> Option<(&str, u32)> {
    let (family, number) = id.rsplit_once('_')?;
    if family.is_empty() || number.starts_with('0') {
        return None;
    }
    Some((family, number.parse().ok()?))
}

/// Whether `name` can be a Rust name as it is: snake_case ASCII.
fn identifier(name: &str) -> Result<(), &'static str> {
    let mut chars = name.chars();
    let starts_well = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    if !starts_well || !chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
        return Err("ids and variables are snake_case (a-z, 0-9 and _), to be Rust names");
    }
    if ["self", "super", "crate"].contains(&name) {
        return Err("this name cannot be a Rust name");
    }
    Ok(())
}

/// A Rust name for `name`, raw when it is a keyword: `type` → `r#type`.
fn raw(name: &str) -> String {
    const KEYWORDS: &[&str] = &[
        "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do",
        "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in",
        "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
        "return", "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe",
        "unsized", "use", "virtual", "where", "while", "yield",
    ];
    if KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else {
        name.to_string()
    }
}

/// `import_undone_partly` → `ImportUndonePartly`.
fn camel(name: &str) -> String {
    name.split('_')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}
