//! The asker's own pages give nothing away to someone glancing at the
//! screen, the browser's history or its tabs: their titles and headings
//! never carry the question's words. And before sending, the ask page says
//! what will become public.

use crate::support::{csrf_in, private_path_in, spawn_app, spawn_app_publishing, TestApp};

/// A word no message contains, so finding it means the question's text.
const WORD: &str = "zorblatquix";

/// Asks through the form, in English; returns the private page's path.
async fn ask(app: &TestApp) -> String {
    let (_, form) = app.get_text("/ask").await;
    let r = app
        .post_form(
            None,
            "/ask",
            &[
                ("csrf", &csrf_in(&form)),
                ("title", &format!("Is {WORD} normal after sex?")),
                (
                    "body",
                    &format!("It happened twice and the {WORD} worries me."),
                ),
                ("topic", "other"),
                ("action", "send"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 201, "sent without a redaction preview");
    private_path_in(&r.text().await.unwrap())
}

async fn page_in(app: &TestApp, lang: &str, path: &str) -> String {
    let (status, page) = app.get_as(&format!("lang={lang}"), path).await;
    assert_eq!(status, 200, "{path} in {lang}");
    page
}

/// The text of every `<tag …>…</tag>` on the page.
fn elements<'a>(page: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    page.match_indices(&open)
        .filter(|(at, _)| {
            // `<h1` and not `<h10`; `<title>` and not `<titles`.
            matches!(page.as_bytes().get(at + open.len()), Some(b' ' | b'>'))
        })
        .map(|(at, _)| {
            let rest = &page[at..];
            let start = rest.find('>').map_or(rest.len(), |gt| gt + 1);
            let end = rest.find(&close).unwrap_or(rest.len());
            &rest[start..end.max(start)]
        })
        .collect()
}

fn assert_neutral(page: &str, what: &str, title: &str, h1: &str) {
    let titles = elements(page, "title");
    assert_eq!(titles, [title], "{what}: the page's title");
    let headings = elements(page, "h1");
    assert_eq!(headings, [h1], "{what}: one neutral top heading");
    for text in titles.iter().chain(&headings) {
        assert!(
            !text.to_lowercase().contains(WORD),
            "{what}: the question's words in {text:?}"
        );
    }
}

#[tokio::test]
async fn the_private_page_keeps_the_question_out_of_its_title_and_heading() {
    let app = spawn_app().await;
    let private = ask(&app).await;

    let page = page_in(&app, "en", &private).await;
    assert_neutral(
        &page,
        "private page",
        "Your question · Confide",
        "Your question",
    );
    // The question itself is still there, for the asker, under the heading.
    assert!(
        page.contains(&format!(
            r#"<h2 class="own-title">Is {WORD} normal after sex?</h2>"#
        )),
        "the question's title under the heading"
    );
    assert!(page.contains(&format!("the {WORD} worries me")));
    // Its reply box says where a reply will be read.
    assert!(page.contains(
        "Your reply (shown publicly with your question once it is answered, \
         without the names or contact details we find)"
    ));

    let page = page_in(&app, "es", &private).await;
    assert_neutral(
        &page,
        "private page, es",
        "Tu pregunta · Confide",
        "Tu pregunta",
    );
    assert!(page.contains(&format!("Is {WORD} normal after sex?")));
    assert!(page.contains(
        "Tu mensaje (se mostrará en público junto a tu pregunta cuando alguien la responda"
    ));

    // Erasing, too, is said in general words.
    let erase = format!("{private}/delete");
    let page = page_in(&app, "en", &erase).await;
    assert_neutral(
        &page,
        "erase",
        "Erase your question · Confide",
        "Erase your question?",
    );
    let page = page_in(&app, "es", &erase).await;
    assert_neutral(
        &page,
        "erase, es",
        "Borrar tu pregunta · Confide",
        "¿Borrar tu pregunta?",
    );
}

#[tokio::test]
async fn a_public_question_s_reply_box_says_replies_are_public() {
    let app = spawn_app_publishing().await;
    let private = ask(&app).await;
    let page = page_in(&app, "en", &private).await;
    assert_neutral(
        &page,
        "private page",
        "Your question · Confide",
        "Your question",
    );
    assert!(page.contains(
        "Your reply (shown publicly with your question, without the names or contact details we find)"
    ));
    let page = page_in(&app, "es", &private).await;
    assert!(page.contains("Tu mensaje (se muestra en público junto a tu pregunta"));
}

#[tokio::test]
async fn the_ask_page_says_what_becomes_public_before_sending() {
    // Published once an expert answers (the default).
    let app = spawn_app().await;
    let page = page_in(&app, "en", "/ask").await;
    assert!(
        page.contains(
            "Once an expert answers, your question and your replies become public on this site, \
             with the names, contact details, links and places we find taken out. \
             Your private link is never shown, and nothing else about you is."
        ),
        "{page}"
    );
    let page = page_in(&app, "es", "/ask").await;
    assert!(page.contains(
        "Cuando alguien de nuestro equipo de especialistas responda a tu pregunta, \
         la pregunta y tus mensajes pasarán a ser públicos en este sitio"
    ));
    assert!(page.contains("Tu enlace privado no se muestra nunca"));

    // Published as soon as it is asked.
    let app = spawn_app_publishing().await;
    let page = page_in(&app, "en", "/ask").await;
    assert!(page.contains(
        "Your question becomes public on this site as soon as you send it, \
         and so does each reply you write"
    ));
    assert!(!page.contains("Once an expert answers"));
    let page = page_in(&app, "es", "/ask").await;
    assert!(page.contains("Tu pregunta será pública en este sitio en cuanto la envíes"));
}
