//! Whatever anyone writes, what we render is inert and well-formed: no
//! script, no event handler, no script URL, no styles, no embedded
//! content, every tag closed in order. Inputs are built from fragments
//! that attack each rule, mixed with arbitrary text.

use confide_core::markdown::render;
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "<script>alert(1)</script>",
    "<scr<script>ipt>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "[x](javascript:alert(1))",
    "[x](JAVASCRIPT:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "[x](https://ok.example \"t\" onmouseover=\"alert(1)\")",
    "![i](https://tracker.example/p.gif)",
    "<style>*{}</style>",
    "<p style=\"color:red\">",
    "<iframe src=x>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "</textarea>",
    "<!--",
    "-->",
    "&#106;avascript:",
    "`code <b>`",
    "```\n<script>\n```\n",
    "> quote\n",
    "* item\n",
    "1. item\n",
    "**bold**",
    "_em_",
    "<b>",
    "</b>",
    "<div>",
    "</p>",
    "\n\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n",
    "[ref]: javascript:alert(1)\n[ref]",
    "<details open ontoggle=alert(1)>",
    "<a href=\"https://ok.example\" onclick=\"x\">",
    "\u{0000}",
    "\u{202e}",
];

fn input() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(FRAGMENTS).prop_map(str::to_owned),
        1 => "[ -~]{0,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(12).collect()),
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

const VOID: &[&str] = &["br", "hr", "img", "input", "col", "wbr"];

/// Every tag opened is closed, in order (ammonia writes void tags bare).
fn balanced(html: &str) -> Result<(), String> {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        let after = &rest[lt + 1..];
        let gt = after.find('>').ok_or("a tag never ends")?;
        let tag = &after[..gt];
        rest = &after[gt + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            match stack.pop() {
                Some(open) if open == name.trim() => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        } else {
            let name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if name.is_empty() {
                return Err(format!("a bare '<' in markup: <{tag}>"));
            }
            if !VOID.contains(&name.as_str()) && !tag.ends_with('/') {
                stack.push(name);
            }
        }
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err(format!("never closed: {stack:?}"))
    }
}

fn tags(html: &str) -> impl Iterator<Item = &str> {
    html.split('<').skip(1).filter_map(|t| t.split('>').next())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn rendered_markdown_is_inert(source in input()) {
        let html = render(&source);
        let lower = html.to_ascii_lowercase();
        for forbidden in ["<script", "<style", "<iframe", "<object", "<embed", "<svg", "<math", "<img", "<form", "<input", "<textarea"] {
            prop_assert!(!lower.contains(forbidden), "{forbidden} in {html:?}");
        }
        for tag in tags(&lower) {
            let attributes = tag.split_once(' ').map(|(_, a)| a).unwrap_or("");
            prop_assert!(!attributes.contains("style="), "style attribute in <{tag}>");
            for word in attributes.split(|c: char| c.is_whitespace()) {
                prop_assert!(
                    !(word.starts_with("on") && word.contains('=')),
                    "event handler in <{tag}>"
                );
            }
            if let Some(href) = attributes.split("href=\"").nth(1) {
                let href = href.split('"').next().unwrap_or("");
                prop_assert!(
                    href.starts_with("http://") || href.starts_with("https://")
                        || href.starts_with("mailto:") || href.starts_with('#'),
                    "link to {href:?} in {html:?}"
                );
            }
        }
        prop_assert!(balanced(&html).is_ok(), "{:?} for {html:?}", balanced(&html));
    }

    #[test]
    fn arbitrary_text_never_panics(source in any::<String>()) {
        let _ = render(&source);
        let _ = confide_core::markdown::excerpt(&source, 200);
        let _ = confide_core::markdown::slug(&source);
    }
}
