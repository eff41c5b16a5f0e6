//! Atom feeds: how an asker follows their question without giving an
//! address, and how anyone follows a topic's newly answered questions.

use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use confide_core::question::ReplyAuthor;
use confide_core::{markdown, Capability, Timestamp, Topic};

use super::base_url;
use crate::error::PageError;
use crate::i18n::{m, Ui};
use crate::{AppState, Error};

/// Text made safe for XML character data and attributes.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped rather than sent.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

struct Entry {
    id: String,
    title: String,
    link: String,
    updated: Timestamp,
    author: String,
    /// HTML, escaped into the XML as text.
    content_html: String,
}

fn atom(id: &str, title: &str, link: &str, entries: &[Entry]) -> String {
    let updated = entries
        .iter()
        .map(|e| e.updated)
        .max()
        .unwrap_or(Timestamp(0));
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    out.push_str(&format!(
        "  <id>{}</id>\n  <title>{}</title>\n",
        xml(id),
        xml(title)
    ));
    out.push_str(&format!(
        "  <link href=\"{}\"/>\n  <updated>{}</updated>\n",
        xml(link),
        updated.rfc3339()
    ));
    out.push_str("  <author><name>Confide</name></author>\n");
    for e in entries {
        out.push_str("  <entry>\n");
        out.push_str(&format!(
            "    <id>{}</id>\n    <title>{}</title>\n",
            xml(&e.id),
            xml(&e.title)
        ));
        out.push_str(&format!("    <link href=\"{}\"/>\n", xml(&e.link)));
        out.push_str(&format!("    <updated>{}</updated>\n", e.updated.rfc3339()));
        out.push_str(&format!(
            "    <author><name>{}</name></author>\n",
            xml(&e.author)
        ));
        out.push_str(&format!(
            "    <content type=\"html\">{}</content>\n",
            xml(&e.content_html)
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

fn feed_response(body: String, private: bool) -> Response {
    let cache = if private {
        "no-store"
    } else {
        "public, max-age=300"
    };
    (
        [
            (CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (CACHE_CONTROL, cache),
        ],
        body,
    )
        .into_response()
}

/// The asker's private feed: every answer and expert reply to their question.
pub async fn private_feed(
    State(state): State<AppState>,
    Path(capability): Path<String>,
    headers: HeaderMap,
    Ui { tr, .. }: Ui,
) -> Result<Response, PageError> {
    let capability = Capability::parse(&capability).ok_or(Error::NotFound)?;
    let id = state
        .store
        .question_id_by_capability(&capability.hash())
        .await?
        .ok_or(Error::NotFound)?;
    let thread = state
        .store
        .thread(id)
        .await?
        .ok_or(Error::NotFound)?
        .visible_to(&confide_core::Viewer::Asker(id));
    let base = base_url(&state, &headers);
    let page = format!("{base}/private/{}", capability.as_str());
    let mut entries: Vec<Entry> = thread
        .answers
        .iter()
        .map(|a| Entry {
            id: format!("{page}#answer-{}", a.id.0),
            title: tr
                .text_with(
                    m::FEED_ANSWER_FROM,
                    &[("name", a.author.display_name.as_str().into())],
                )
                .into_owned(),
            link: format!("{page}#answer-{}", a.id.0),
            updated: a.updated_at,
            author: a.author.display_name.clone(),
            content_html: a.body_html.clone(),
        })
        .collect();
    entries.extend(thread.replies.iter().filter_map(|r| {
        match &r.author {
            ReplyAuthor::Expert(author) => Some(Entry {
                id: format!("{page}#reply-{}", r.id.0),
                title: tr
                    .text_with(
                        m::FEED_REPLY_FROM,
                        &[("name", author.display_name.as_str().into())],
                    )
                    .into_owned(),
                link: format!("{page}#reply-{}", r.id.0),
                updated: r.created_at,
                author: author.display_name.clone(),
                content_html: r.body_html.clone(),
            }),
            ReplyAuthor::Asker => None,
        }
    }));
    entries.sort_by_key(|e| std::cmp::Reverse(e.updated));
    // The feed's title is neutral: feed readers show it, sometimes to others.
    let body = atom(&page, &tr.text(m::FEED_PRIVATE_TITLE), &page, &entries);
    Ok(feed_response(body, true))
}

/// A topic's newly answered questions.
pub async fn topic_feed(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    Ui { tr, .. }: Ui,
) -> Result<Response, PageError> {
    let slug = slug.strip_suffix(".xml").unwrap_or(&slug);
    let topic = Topic::parse(slug).map_err(|_| Error::NotFound)?;
    let list = state.store.public_questions(Some(topic), None, 30).await?;
    let base = base_url(&state, &headers);
    let entries: Vec<Entry> = list
        .questions
        .iter()
        .map(|q| Entry {
            id: format!("{base}{}", confide_core::question::question_path(q.id, "")),
            title: q.title.clone(),
            link: format!("{base}{}", q.path()),
            updated: q.published_at.unwrap_or(q.created_at),
            author: "Confide".into(),
            content_html: format!("<p>{}</p>", xml(&markdown::excerpt(&q.excerpt, 300))),
        })
        .collect();
    let link = format!("{base}/?topic={}", topic.slug());
    let body = atom(
        &link,
        &tr.text_with(
            m::FEED_TOPIC_TITLE,
            &[("topic", crate::view::topic_name(topic, tr).into())],
        ),
        &link,
        &entries,
    );
    Ok(feed_response(body, false))
}

#[cfg(test)]
mod tests {
    #[test]
    fn xml_escapes_and_drops_forbidden_characters() {
        assert_eq!(super::xml("a<b>&\"'\u{1}c"), "a&lt;b&gt;&amp;&quot;&apos;c");
    }
}
