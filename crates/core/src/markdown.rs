//! Markdown to safe HTML. Everything anyone writes passes through here once,
//! when it is written; pages then insert the stored HTML as is.

use std::collections::HashSet;
use std::sync::OnceLock;

use pulldown_cmark::{html, Event, Options, Parser};

/// Renders Markdown to HTML that cannot run script, load third-party
/// resources, or style itself out of its box.
pub fn render(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES,
    )
    // Raw HTML in Markdown shows as the text it is: a question about
    // `<script>` should read as written, not vanish.
    .map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        other => other,
    });
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, parser);
    sanitizer().clean(&unsafe_html).to_string()
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let tags: HashSet<&str> = [
            "a",
            "p",
            "br",
            "hr",
            "em",
            "strong",
            "del",
            "code",
            "pre",
            "blockquote",
            "ul",
            "ol",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "table",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
        ]
        .into_iter()
        .collect();
        let mut builder = ammonia::Builder::default();
        // No images: every image would be a request to someone else's server,
        // telling them who reads what.
        builder
            .tags(tags)
            .url_schemes(["http", "https", "mailto"].into_iter().collect())
            .link_rel(Some("nofollow noopener ugc"))
            .strip_comments(true);
        builder
    })
}

/// A short URL part from a title: "Why did she cry?" -> "why-did-she-cry".
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + word.len() > 60 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Plain text from Markdown, for excerpts and feeds.
pub fn excerpt(markdown: &str, max_chars: usize) -> String {
    let text: String = Parser::new(markdown)
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.into_string()),
            Event::SoftBreak | Event::HardBreak | Event::End(_) => Some(" ".into()),
            _ => None,
        })
        .collect();
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= max_chars {
        return folded;
    }
    let cut: String = folded.chars().take(max_chars).collect();
    let cut = cut.rsplit_once(' ').map(|(head, _)| head).unwrap_or(&cut);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_ordinary_markdown() {
        let html = render("Hello **there**\n\n- one\n- two");
        assert!(html.contains("<strong>there</strong>"));
        assert!(html.contains("<li>one</li>"));
    }

    #[test]
    fn raw_html_is_shown_as_text_not_run() {
        let html = render("<script>alert(1)</script> and <b onclick=x>bold</b>");
        assert!(!html.contains("<script"));
        assert!(!html.contains("<b "));
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn javascript_links_lose_their_href() {
        let html = render("[click](javascript:alert(1))");
        assert!(!html.contains("javascript:"));
    }

    #[test]
    fn links_are_marked_untrusted() {
        let html = render("[NHS](https://www.nhs.uk)");
        assert!(html.contains(r#"rel="nofollow noopener ugc""#), "{html}");
    }

    #[test]
    fn images_never_load() {
        let html = render("![pixel](https://tracker.example/p.gif)");
        assert!(!html.contains("<img"));
        assert!(!html.contains("tracker.example/p.gif\""));
    }

    #[test]
    fn slugs_are_short_and_plain() {
        assert_eq!(
            slug("Why did she cry after sex?"),
            "why-did-she-cry-after-sex"
        );
        assert_eq!(slug("¿Es normal?"), "es-normal");
        assert!(slug(&"word ".repeat(40)).len() <= 60);
        assert_eq!(slug("!!!"), "");
    }

    #[test]
    fn excerpts_cut_at_a_word() {
        assert_eq!(excerpt("*Hello* there", 100), "Hello there");
        assert_eq!(excerpt("one two three four", 9), "one two…");
    }
}
