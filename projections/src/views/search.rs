//! Tolerant name search: case, umlauts and ß, punctuation and word order do not matter, and a
//! query matches partial words ("bäck schul" finds "Bäckerei Schulz GmbH").

/// Folds a name for comparison: lower case, `ä → ae`, `ö → oe`, `ü → ue`, `ß → ss`, accents
/// dropped, everything but letters and digits becomes one blank.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len() + 4);
    let mut blank = true;
    for c in text.chars().flat_map(char::to_lowercase) {
        let replacement: &str = match c {
            'ä' | 'æ' => "ae",
            'ö' | 'ø' | 'œ' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            'à' | 'á' | 'â' | 'ã' | 'å' => "a",
            'è' | 'é' | 'ê' | 'ë' => "e",
            'ì' | 'í' | 'î' | 'ï' => "i",
            'ò' | 'ó' | 'ô' | 'õ' => "o",
            'ù' | 'ú' | 'û' => "u",
            'ç' | 'č' | 'ć' => "c",
            'ñ' | 'ń' => "n",
            'š' | 'ś' | 'ş' => "s",
            'ž' | 'ź' | 'ż' => "z",
            'ğ' => "g",
            'ı' => "i",
            _ => "",
        };
        if !replacement.is_empty() {
            folded.push_str(replacement);
            blank = false;
        } else if c.is_alphanumeric() {
            folded.push(c);
            blank = false;
        } else if !blank {
            folded.push(' ');
            blank = true;
        }
    }
    if folded.ends_with(' ') {
        folded.pop();
    }
    folded
}

/// Whether every word of the (folded) query starts some word of the (folded) name.
pub fn matches(folded_name: &str, folded_query: &str) -> bool {
    folded_query
        .split(' ')
        .filter(|word| !word.is_empty())
        .all(|word| {
            folded_name
                .split(' ')
                .any(|name_word| name_word.starts_with(word))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_umlauts_and_punctuation() {
        assert_eq!(
            fold("Bäckerei Schulz & Söhne GmbH"),
            "baeckerei schulz soehne gmbh"
        );
        assert_eq!(
            fold("STRAßENBAU  Müller-Lüdenscheidt"),
            "strassenbau mueller luedenscheidt"
        );
        assert_eq!(fold("Café Élysée"), "cafe elysee");
    }

    #[test]
    fn queries_match_word_prefixes_in_any_order() {
        let name = fold("Bäckerei Schulz GmbH");
        assert!(matches(&name, &fold("schulz")));
        assert!(matches(&name, &fold("BAECK schul")));
        assert!(matches(&name, &fold("bäck")));
        assert!(matches(&name, &fold("Schulz, Bäckerei")));
        assert!(!matches(&name, &fold("schulze")));
        assert!(!matches(&name, &fold("konditorei")));
        assert!(matches(&name, ""));
    }
}
