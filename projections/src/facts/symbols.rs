//! Interned text for the fact tables: each distinct code (region, sector, topic, office, staff
//! name) is stored once and rows hold a 4-byte `Symbol`, so ten million fact rows cost bytes,
//! not heap allocations, per text cell.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// An interned text, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Symbol(u32);

impl Symbol {
    /// No text (a null cell).
    pub const NONE: Symbol = Symbol(u32::MAX);

    pub fn is_none(self) -> bool {
        self == Self::NONE
    }

    /// The symbol's place in `Symbols::texts`; `None` for `Symbol::NONE`.
    pub fn index(self) -> Option<u32> {
        (!self.is_none()).then_some(self.0)
    }
}

/// The texts behind the symbols, in the order they were first seen. Serialized as that list;
/// the lookup index is rebuilt on load.
#[derive(Clone, Debug, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(from = "Vec<Box<str>>", into = "Vec<Box<str>>")]
pub struct Symbols {
    texts: Vec<Box<str>>,
    index: HashMap<Box<str>, u32>,
}

impl From<Vec<Box<str>>> for Symbols {
    fn from(texts: Vec<Box<str>>) -> Self {
        let index = texts
            .iter()
            .enumerate()
            .map(|(n, text)| (text.clone(), n as u32))
            .collect();
        Self { texts, index }
    }
}

impl From<Symbols> for Vec<Box<str>> {
    fn from(symbols: Symbols) -> Self {
        symbols.texts
    }
}

impl Symbols {
    /// The symbol of `text`, adding it when new.
    pub fn intern(&mut self, text: &str) -> Symbol {
        if let Some(&n) = self.index.get(text) {
            return Symbol(n);
        }
        let n = self.texts.len() as u32;
        self.texts.push(text.into());
        self.index.insert(text.into(), n);
        Symbol(n)
    }

    /// The symbol of an optional text.
    pub fn intern_opt<T: AsRef<str>>(&mut self, text: Option<&T>) -> Symbol {
        text.map_or(Symbol::NONE, |text| self.intern(text.as_ref()))
    }

    /// The text of a symbol; `None` for `Symbol::NONE`.
    pub fn get(&self, symbol: Symbol) -> Option<&str> {
        self.texts.get(symbol.0 as usize).map(AsRef::as_ref)
    }

    /// Every text, in symbol order (`Symbol::index`).
    pub fn texts(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.texts.iter().map(AsRef::as_ref)
    }

    /// The symbol of a text already seen, without adding it.
    pub fn find(&self, text: &str) -> Option<Symbol> {
        self.index.get(text).map(|&n| Symbol(n))
    }
}

#[cfg(test)]
#[path = "symbols_tests.rs"]
mod tests;
