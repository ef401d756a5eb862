//! Unit tests of `lists`.

use super::*;
use crate::facts::symbols::Symbols;

#[test]
fn a_replaced_list_keeps_only_its_new_values() {
    let mut symbols = Symbols::default();
    let [a, b, c] = ["a", "b", "c"].map(|t| symbols.intern(t));
    let mut lists = Lists::default();
    lists.set(0, [a, b]);
    lists.set(1, [c]);
    lists.set(0, [c]);
    assert_eq!(lists.of(0).collect::<Vec<_>>(), vec![c]);
    assert_eq!(lists.of(1).collect::<Vec<_>>(), vec![c]);
    assert_eq!(lists.entries().collect::<Vec<_>>(), vec![(1, c), (0, c)]);
    assert_eq!(lists.len(), 2);
    assert_eq!(lists.of(7).count(), 0);
}
