//! A list column: the values (topics, staff) of each row of a fact table, stored flat so a
//! table of millions of rows needs no allocation per row. Replacing a row's list (a corrected
//! contact, a planned visit that was conducted) marks its old entries dead and appends the new
//! ones; readers skip dead entries.

use serde::{Deserialize, Serialize};

use super::symbols::Symbol;

const DEAD: u32 = u32::MAX;

#[derive(Clone, Debug, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Lists {
    /// The row each entry belongs to (`DEAD` once replaced).
    owner: Vec<u32>,
    value: Vec<Symbol>,
    /// First entry and number of entries per row.
    spans: Vec<(u32, u32)>,
}

impl Lists {
    /// Sets the list of `row` (rows are numbered from 0 without gaps).
    pub fn set(&mut self, row: usize, values: impl IntoIterator<Item = Symbol>) {
        if self.spans.len() <= row {
            self.spans.resize(row + 1, (0, 0));
        }
        let (start, len) = self.spans[row];
        for entry in start..start + len {
            self.owner[entry as usize] = DEAD;
        }
        let start = self.value.len() as u32;
        for value in values {
            self.owner.push(row as u32);
            self.value.push(value);
        }
        self.spans[row] = (start, self.value.len() as u32 - start);
    }

    /// The values of `row`.
    pub fn of(&self, row: usize) -> impl Iterator<Item = Symbol> + '_ {
        let (start, len) = self.spans.get(row).copied().unwrap_or((0, 0));
        self.value[start as usize..(start + len) as usize]
            .iter()
            .copied()
    }

    /// Every live entry as (row, value), in the order written.
    pub fn entries(&self) -> impl Iterator<Item = (usize, Symbol)> + '_ {
        self.owner
            .iter()
            .zip(&self.value)
            .filter(|(owner, _)| **owner != DEAD)
            .map(|(owner, value)| (*owner as usize, *value))
    }

    /// Number of live entries.
    pub fn len(&self) -> usize {
        self.spans.iter().map(|(_, len)| *len as usize).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
#[path = "lists_tests.rs"]
mod tests;
