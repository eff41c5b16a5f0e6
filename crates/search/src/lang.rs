//! Which analyser fits a text: English or Spanish, by their commonest words.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En = 0,
    Es = 1,
}

const EN: &[&str] = &[
    "the", "and", "is", "i", "my", "to", "it", "of", "with", "for", "that", "what", "after", "we",
    "he", "she", "was", "have", "do", "how", "this", "when", "are", "can",
];
const ES: &[&str] = &[
    "que", "de", "el", "la", "y", "es", "mi", "con", "por", "para", "una", "los", "las", "del",
    "pero", "como", "cuando", "después", "despues", "estoy", "tengo", "qué", "cómo", "se", "le",
];

/// English unless Spanish words clearly dominate.
pub fn detect(text: &str) -> Lang {
    let (mut en, mut es) = (0, 0);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(200)
    {
        let w = word.to_lowercase();
        en += usize::from(EN.contains(&w.as_str()));
        es += usize::from(ES.contains(&w.as_str()));
    }
    if es > en {
        Lang::Es
    } else {
        Lang::En
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_english_from_spanish() {
        assert_eq!(detect("Why did she cry after we had sex?"), Lang::En);
        assert_eq!(
            detect("¿Por qué mi novia lloró después de hacer el amor?"),
            Lang::Es
        );
        assert_eq!(detect(""), Lang::En);
    }
}
