//! Folding: lower-case ASCII with a map back to the original text.

/// The question lower-cased and reduced to ASCII, so that "Condón",
/// "condon" and "CONDÓN" read alike; `origin[i]` is the byte range of the
/// original character that folded byte `i` came from.
pub(super) struct Folded {
    pub(super) text: String,
    pub(super) origin: Vec<(usize, usize)>,
}

pub(super) fn fold(original: &str) -> Folded {
    let mut text = String::with_capacity(original.len());
    let mut origin = Vec::with_capacity(original.len());
    for (start, ch) in original.char_indices() {
        let end = start + ch.len_utf8();
        for lower in ch.to_lowercase() {
            let folded = fold_char(lower);
            for byte in folded.bytes() {
                text.push(char::from(byte));
                origin.push((start, end));
            }
        }
    }
    Folded { text, origin }
}

/// The ASCII a lower-case character reads as. Letters lose their accents;
/// punctuation that separates sentences keeps doing so; anything else
/// becomes a space, which is how the patterns see emoji and other scripts.
pub(super) fn fold_char(c: char) -> FoldedChar {
    if c.is_ascii() {
        return FoldedChar::Ascii(c as u8);
    }
    let ascii: &'static str = match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ą' => "a",
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'í' | 'ì' | 'î' | 'ï' | 'ī' | 'ı' => "i",
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => "o",
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' => "u",
        'ñ' | 'ń' | 'ň' => "n",
        'ç' | 'ć' | 'č' => "c",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'š' | 'ś' => "s",
        'ž' | 'ź' | 'ż' => "z",
        'ł' => "l",
        'ř' => "r",
        'ð' => "d",
        'þ' => "th",
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '\u{00b4}' => "'",
        '\u{201c}' | '\u{201d}' | '\u{00ab}' | '\u{00bb}' => "\"",
        '\u{2026}' => ".",
        '\u{2010}'..='\u{2015}' => "-",
        // Combining accents (from decomposed input) vanish with their accent.
        '\u{0300}'..='\u{036f}' => "",
        _ => " ",
    };
    FoldedChar::Str(ascii)
}

pub(super) enum FoldedChar {
    Ascii(u8),
    Str(&'static str),
}

impl FoldedChar {
    pub(super) fn bytes(self) -> impl Iterator<Item = u8> {
        let (single, many) = match self {
            FoldedChar::Ascii(b) => (Some(b), ""),
            FoldedChar::Str(s) => (None, s),
        };
        single.into_iter().chain(many.bytes())
    }
}
