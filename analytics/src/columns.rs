//! Building polars columns from the fact tables' vectors: text columns gathered from a
//! dictionary (one index per cell instead of a copied string), German labels of a few distinct
//! values, values picked by row, and the `owner, value` frames of list columns.

use polars::prelude::*;
use wifo_projections::facts::{Lists, Symbol};

pub(crate) fn frame(columns: Vec<Column>) -> PolarsResult<DataFrame> {
    let height = columns.first().map_or(0, Column::len);
    DataFrame::new(height, columns)
}

pub(crate) fn text<T: AsRef<str>>(value: Option<&T>) -> Option<&str> {
    value.map(AsRef::as_ref)
}

/// A text column gathered from a small dictionary by index (`None` for a null cell): each of
/// millions of rows costs one index and shares the dictionary's strings instead of copying one.
pub(crate) fn gathered(
    name: &str,
    dictionary: &Series,
    indices: impl Iterator<Item = Option<u32>>,
) -> PolarsResult<Column> {
    let indices = IdxCa::from_iter_options("".into(), indices);
    Ok(dictionary
        .take(&indices)?
        .with_name(name.into())
        .into_column())
}

/// A text column of symbols, gathered from the `dictionary` of all symbol texts.
pub(crate) fn symbols(name: &str, values: &[Symbol], dictionary: &Series) -> PolarsResult<Column> {
    gathered(name, dictionary, values.iter().map(|s| s.index()))
}

/// A text column of the German labels of a few distinct values (channels, steps, kinds): each
/// distinct value is labelled once.
pub(crate) fn labelled<T: Copy + PartialEq>(
    name: &str,
    values: impl Iterator<Item = Option<T>>,
    label: impl Fn(T) -> &'static str,
) -> PolarsResult<Column> {
    let mut seen: Vec<T> = Vec::new();
    let mut indices = Vec::new();
    for value in values {
        indices.push(value.map(|value| {
            let place = seen.iter().position(|known| *known == value);
            place.unwrap_or_else(|| {
                seen.push(value);
                seen.len() - 1
            }) as u32
        }));
    }
    let dictionary = Series::new(
        "".into(),
        seen.into_iter().map(label).collect::<Vec<&str>>(),
    );
    gathered(name, &dictionary, indices.into_iter())
}

/// A column of values mapped row by row.
pub(crate) fn mapped<T, U, Phantom: ?Sized>(name: &str, values: &[T], f: impl Fn(&T) -> U) -> Column
where
    Series: NamedFrom<Vec<U>, Phantom>,
{
    Column::new(name.into(), values.iter().map(f).collect::<Vec<U>>())
}

/// The values of `rows`, in that order.
pub(crate) fn picked<T: Copy>(values: &[T], rows: &[usize]) -> Vec<T> {
    rows.iter()
        .filter_map(|row| values.get(*row).copied())
        .collect()
}

/// `owner, value` rows of a list column for the rows `keep` accepts, the owner named by its
/// row's key.
pub(crate) fn list_frame(
    owner: &str,
    keys: &[u64],
    lists: &Lists,
    value: &str,
    dictionary: &Series,
    keep: impl Fn(usize) -> bool,
) -> PolarsResult<DataFrame> {
    let (owners, values): (Vec<u64>, Vec<Symbol>) = lists
        .entries()
        .filter(|(row, _)| keep(*row))
        .filter_map(|(row, symbol)| Some((*keys.get(row)?, symbol)))
        .unzip();
    frame(vec![
        Column::new(owner.into(), owners),
        symbols(value, &values, dictionary)?,
    ])
}
