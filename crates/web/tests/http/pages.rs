//! The core loop as people live it, through the HTML pages and forms alone
//! (no JavaScript involved anywhere).

use confide_core::Role;
use confide_web::SiteConfig;

use crate::support::{
    csrf_in, private_path_in, spawn_app, spawn_app_publishing, spawn_app_with, value_after,
};

/// Asks through the form; returns the private page's path.
async fn ask(app: &crate::support::TestApp, title: &str, body: &str, topic: &str) -> String {
    let (status, page) = app.get_text("/ask").await;
    assert_eq!(status, 200);
    let r = app
        .post_form(
            None,
            "/ask",
            &[
                ("csrf", &csrf_in(&page)),
                ("title", title),
                ("body", body),
                ("topic", topic),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 201);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let page = r.text().await.unwrap();
    assert!(
        page.contains("only way back"),
        "the asker is told to keep the link"
    );
    private_path_in(&page)
}

#[tokio::test]
async fn ask_answer_follow_up_and_erase_through_pages() {
    let app = spawn_app().await;
    app.create_account("dr.lind", Role::Expert).await;

    // The asker asks, anonymously, and keeps the private link.
    let title = "Why did my partner cry after sex?";
    let private = ask(
        &app,
        title,
        "She said everything was fine. Should I worry?",
        "emotions",
    )
    .await;
    let (status, page) = app.get_text(&private).await;
    assert_eq!(status, 200);
    assert!(page.contains(title));
    assert!(page.contains("Only you and our experts can see your question"));

    // Not public before an answer (default policy).
    assert_eq!(app.get("/q/1").await.status().as_u16(), 404);
    assert!(!app.get_text("/").await.1.contains(title));

    // The expert logs in and finds it in the queue.
    let cookie = app.browser_login("dr.lind").await;
    let (status, queue) = app.get_as(&cookie, "/expert").await;
    assert_eq!(status, 200);
    assert!(queue.contains(title));
    let (status, q_page) = app.get_as(&cookie, "/q/1").await;
    assert_eq!(status, 200, "experts see private questions");
    let csrf = csrf_in(&q_page);

    // Preview does not publish.
    let answer = "Crying after sex is common; it has a name: *postcoital dysphoria*.";
    let r = app
        .post_form(
            Some(&cookie),
            "/q/1/answers",
            &[("csrf", &csrf), ("body", answer), ("action", "preview")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 200);
    let preview = r.text().await.unwrap();
    assert!(
        preview.contains("<em>postcoital dysphoria</em>"),
        "preview renders Markdown"
    );
    assert!(preview.contains("Preview"));
    assert_eq!(
        app.get("/q/1").await.status().as_u16(),
        404,
        "a preview publishes nothing"
    );

    // Publishing makes the question public.
    let r = app
        .post_form(
            Some(&cookie),
            "/q/1/answers",
            &[("csrf", &csrf), ("body", answer), ("action", "publish")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let (status, public) = app.get_text("/q/1/why-did-my-partner-cry-after-sex").await;
    assert_eq!(status, 200);
    assert!(public.contains("Dr dr.lind"), "display name shown");
    assert!(
        public.contains("Credentials of dr.lind"),
        "credentials shown"
    );
    assert!(public.contains("<em>postcoital dysphoria</em>"));
    assert!(
        app.get_text("/").await.1.contains(title),
        "home lists answered questions"
    );
    assert!(app.get_text("/?topic=emotions").await.1.contains(title));
    assert!(!app.get_text("/?topic=pain").await.1.contains(title));
    assert!(
        !app.get_as(&cookie, "/expert").await.1.contains(title),
        "answered leaves the queue"
    );

    // The asker replies to the answer and says it helped.
    let page = app.get_text(&private).await.1;
    let csrf = csrf_in(&page);
    let answer_id = value_after(&page, r#"name="answer_id" value=""#);
    let r = app
        .post_form(
            None,
            &format!("{private}/replies"),
            &[
                ("csrf", &csrf),
                ("body", "Thought?"),
                ("answer_id", &answer_id),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let r = app
        .post_form(
            None,
            &format!("{private}/helpful"),
            &[("csrf", &csrf), ("answer_id", &answer_id)],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);

    // The expert replies back in the thread.
    let r = app
        .post_form(
            Some(&cookie),
            "/q/1/replies",
            &[
                ("csrf", &csrf_in(&app.get_as(&cookie, "/q/1").await.1)),
                ("body", "Ask her what helps."),
                ("answer_id", &answer_id),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);

    let public = app.get_text("/q/1").await.1;
    assert!(public.contains("The asker said this answer helped"));
    let asker_reply = public.find("Thought?").expect("asker reply shown");
    let expert_reply = public
        .find("Ask her what helps.")
        .expect("expert reply shown");
    assert!(asker_reply < expert_reply, "replies in the order written");

    // The asker erases the question: it is gone everywhere.
    let confirm = app.get_text(&format!("{private}/delete")).await.1;
    let r = app
        .post_form(
            None,
            &format!("{private}/delete"),
            &[("csrf", &csrf_in(&confirm))],
        )
        .await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.text().await.unwrap().contains("erased"));
    assert_eq!(app.get("/q/1").await.status().as_u16(), 404);
    let (status, lost) = app.get_text(&private).await;
    assert_eq!(status, 404);
    assert!(
        lost.contains("can't be recovered"),
        "the lost-link page says so plainly"
    );
    assert!(!app.get_text("/").await.1.contains(title));
    let audit = app.store.audit_log(10).await.unwrap();
    let erasure = audit
        .iter()
        .find(|e| e.action == "question.erase")
        .expect("audit entry");
    assert_eq!(
        (erasure.actor.as_str(), erasure.target.as_str()),
        ("asker", "question:1")
    );
}

#[tokio::test]
async fn invalid_question_keeps_what_was_written() {
    let app = spawn_app().await;
    let csrf = csrf_in(&app.get_text("/ask").await.1);
    let r = app
        .post_form(
            None,
            "/ask",
            &[
                ("csrf", &csrf),
                ("title", "   "),
                ("body", "my long careful story"),
                ("topic", "pain"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("Write your question in one line"));
    assert!(
        page.contains("my long careful story"),
        "nothing the asker wrote is lost"
    );
    assert!(page.contains(r#"<option value="pain" selected>"#));

    let long = "x".repeat(201);
    let r = app
        .post_form(
            None,
            "/ask",
            &[
                ("csrf", &csrf),
                ("title", &long),
                ("body", "b"),
                ("topic", "astrology"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("under 200 characters"));
    assert!(page.contains("Unknown topic"));
    assert!(app.store.unanswered_questions(10).await.unwrap().is_empty());
}

#[tokio::test]
async fn forms_without_a_valid_csrf_token_are_refused() {
    let app = spawn_app().await;
    let r = app
        .post_form(
            None,
            "/ask",
            &[
                ("csrf", "forged"),
                ("title", "t"),
                ("body", "b"),
                ("topic", "pain"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 403);
    assert!(r.text().await.unwrap().contains("expired"));

    // A valid token from another site's page is still refused by origin.
    let csrf = csrf_in(&app.get_text("/ask").await.1);
    let r = app
        .http
        .post(app.url("/ask"))
        .header("origin", "https://evil.example")
        .form(&[
            ("csrf", csrf.as_str()),
            ("title", "t"),
            ("body", "b"),
            ("topic", "pain"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    assert!(app.store.unanswered_questions(10).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_capability_for_one_question_does_not_act_on_another() {
    let app = spawn_app().await;
    let first = ask(&app, "First question here", "body one", "pain").await;
    let _second = ask(&app, "Second question here", "body two", "pain").await;
    let csrf = csrf_in(&app.get_text(&first).await.1);
    // Erasing through the first link touches only the first question.
    let r = app
        .post_form(None, &format!("{first}/delete"), &[("csrf", &csrf)])
        .await;
    assert_eq!(r.status().as_u16(), 200);
    let left = app.store.unanswered_questions(10).await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].title, "Second question here");
    // Malformed and unknown links get the same plain answer.
    for bad in [
        "/private/short",
        "/private/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ] {
        let (status, page) = app.get_text(bad).await;
        assert_eq!(status, 404, "{bad}");
        assert!(page.contains("doesn't lead to a question"));
    }
}

#[tokio::test]
async fn experts_edit_only_their_own_answers() {
    let app = spawn_app().await;
    app.create_account("author.one", Role::Expert).await;
    app.create_account("other.two", Role::Expert).await;
    ask(&app, "A question to answer", "details", "bodies").await;
    let author = app.browser_login("author.one").await;
    let csrf = csrf_in(&app.get_as(&author, "/q/1").await.1);
    app.post_form(
        Some(&author),
        "/q/1/answers",
        &[
            ("csrf", &csrf),
            ("body", "First version."),
            ("action", "publish"),
        ],
    )
    .await;

    let (status, form) = app.get_as(&author, "/answers/1/edit").await;
    assert_eq!(status, 200);
    assert!(
        form.contains("First version."),
        "the form holds the current text"
    );
    let r = app
        .post_form(
            Some(&author),
            "/answers/1/edit",
            &[
                ("csrf", &csrf_in(&form)),
                ("body", "Second version."),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 422, "an edit needs a reason");
    let r = app
        .post_form(
            Some(&author),
            "/answers/1/edit",
            &[
                ("csrf", &csrf_in(&form)),
                ("body", "Second version."),
                ("reason", "Clearer wording"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let public = app.get_text("/q/1").await.1;
    assert!(public.contains("Second version.") && !public.contains("First version."));

    // Every edit is a revision with who, when and why, and a diff.
    assert!(public.contains("history (2 versions)"));
    assert!(public.contains("next review due"));
    let history = app.get_text("/answers/1/revisions").await.1;
    assert!(
        history.contains("Version 2")
            && history.contains("Clearer wording")
            && history.contains("First version")
    );
    let diff = app.get_text("/answers/1/revisions/2").await.1;
    assert!(
        diff.contains("<del>First version. </del>") && diff.contains("<ins>Second version. </ins>"),
        "{diff}"
    );
    assert_eq!(
        app.get("/answers/1/revisions/9").await.status().as_u16(),
        404
    );
    let v: serde_json::Value = app.get("/api/v1/questions/1").await.json().await.unwrap();
    assert_eq!(v["answers"][0]["revisions"]["count"], 2);
    assert!(
        v["answers"][0]["review_due"].as_str().unwrap()
            > v["answers"][0]["last_reviewed"].as_str().unwrap()
    );

    // The yearly review: nothing is due for a fresh answer; the author confirms.
    let reviews = app.get_as(&author, "/expert/reviews").await.1;
    assert!(reviews.contains("Nothing is due"));
    let in_a_year = confide_web::now().plus_hours(24 * 400);
    let due = app
        .store
        .answers_reviewed_before(in_a_year, 10)
        .await
        .unwrap();
    assert_eq!(due.len(), 1);
    let r = app
        .post_form(
            Some(&author),
            "/answers/1/confirm",
            &[("csrf", &csrf_in(&reviews))],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);

    let other = app.browser_login("other.two").await;
    assert_eq!(app.get_as(&other, "/answers/1/edit").await.0, 403);
    let other_csrf = csrf_in(&app.get_as(&other, "/q/1").await.1);
    let r = app
        .post_form(
            Some(&other),
            "/answers/1/edit",
            &[
                ("csrf", &other_csrf),
                ("body", "Hijacked."),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 403);
    assert!(!app.get_text("/q/1").await.1.contains("Hijacked."));
}

#[tokio::test]
async fn staff_pages_need_a_login_and_the_right_role() {
    let app = spawn_app().await;
    app.create_account("mod.one", Role::Moderator).await;
    for page in ["/expert", "/moderation", "/admin/experts"] {
        let r = app.get(page).await;
        assert_eq!(r.status().as_u16(), 303);
        assert_eq!(r.headers()["location"], format!("/login?next={page}"));
    }

    // A wrong password keeps the handle and says why.
    let csrf = csrf_in(&app.get_text("/login").await.1);
    let r = app
        .post_form(
            None,
            "/login",
            &[
                ("csrf", &csrf),
                ("handle", "mod.one"),
                ("password", "wrong password!"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 400);
    let page = r.text().await.unwrap();
    assert!(page.contains("do not match") && page.contains(r#"value="mod.one""#));

    // Moderators see the queue but may not answer.
    ask(&app, "Waiting for a clinician", "details", "pain").await;
    let cookie = app.browser_login("mod.one").await;
    assert_eq!(app.get_as(&cookie, "/expert").await.0, 200);
    let page = app.get_as(&cookie, "/q/1").await.1;
    assert!(
        !page.contains("Publish answer"),
        "no answer form for moderators"
    );
    let r = app
        .post_form(
            Some(&cookie),
            "/q/1/answers",
            &[
                ("csrf", &csrf_in(&page)),
                ("body", "x"),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 403);

    // Logging out ends the session on the server, not just in the browser.
    let r = app
        .post_form(Some(&cookie), "/logout", &[("csrf", &csrf_in(&page))])
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert!(r.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .contains("Max-Age=0"));
    assert_eq!(app.get_as(&cookie, "/expert").await.0, 303);
}

#[tokio::test]
async fn disabling_an_account_ends_its_sessions() {
    let app = spawn_app().await;
    app.create_account("dr.gone", Role::Expert).await;
    let cookie = app.browser_login("dr.gone").await;
    assert_eq!(app.get_as(&cookie, "/expert").await.0, 200);
    assert!(app
        .store
        .set_account_disabled("dr.gone", true, confide_web::now())
        .await
        .unwrap());
    assert_eq!(app.get_as(&cookie, "/expert").await.0, 303);
    let csrf = csrf_in(&app.get_text("/login").await.1);
    let r = app
        .post_form(
            None,
            "/login",
            &[
                ("csrf", &csrf),
                ("handle", "dr.gone"),
                ("password", crate::support::PASSWORD),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 400);
}

#[tokio::test]
async fn publish_immediately_makes_questions_public_at_once() {
    let app = spawn_app_publishing().await;
    ask(&app, "Visible straight away?", "yes please", "other").await;
    let (status, page) = app.get_text("/q/1").await;
    assert_eq!(status, 200);
    assert!(page.contains("No answer yet"));
}

#[tokio::test]
async fn home_pages_through_older_questions() {
    let mut config = SiteConfig::default();
    config.rate_limits.enabled = false;
    let app = spawn_app_with(config).await;
    app.create_account("dr.page", Role::Expert).await;
    let token = app.api_login("dr.page").await;
    for n in 0..23 {
        let (id, _) = app
            .api_ask(&format!("Paged question number {n}"), "b", "desire")
            .await;
        assert_eq!(
            app.api_answer(&token, id, "answer").await.status().as_u16(),
            201
        );
    }
    let first = app.get_text("/").await.1;
    assert!(
        first.contains("Paged question number 22") && !first.contains("Paged question number 2<")
    );
    let next = value_after(&first, r#"class="pager"><a href=""#).replace("&amp;", "&");
    let (status, second) = app.get_text(&next).await;
    assert_eq!(status, 200);
    assert!(second.contains("Paged question number 0"));
    assert!(!second.contains("Paged question number 22"));
    assert_eq!(app.get("/?after=garbage").await.status().as_u16(), 400);
    assert_eq!(app.get("/?topic=astrology").await.status().as_u16(), 422);
    assert_eq!(app.get("/q/not-a-number").await.status().as_u16(), 404);
}

#[tokio::test]
async fn without_javascript_the_asker_can_check_for_similar_questions_first() {
    let app = spawn_app().await;
    app.create_account("dr.similar", Role::Expert).await;
    let token = app.api_login("dr.similar").await;
    let (id, _) = app
        .api_ask(
            "Why do I feel sad after sex?",
            "Every time after sex I feel low for an hour.",
            "emotions",
        )
        .await;
    app.api_answer(&token, id, "It has a name: postcoital dysphoria.")
        .await;

    let page = app.get_text("/ask").await.1;
    assert!(page.contains(r#"value="check""#), "an explicit check step");
    let r = app
        .post_form(
            None,
            "/ask",
            &[
                ("csrf", &csrf_in(&page)),
                ("title", "sad after sex"),
                ("body", "feeling low afterwards"),
                ("topic", "emotions"),
                ("action", "check"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 200);
    let page = r.text().await.unwrap();
    assert!(page.contains("Answered questions like yours"));
    assert!(
        page.contains("Why do I feel sad after sex?"),
        "the answered question is offered"
    );
    assert!(
        page.contains("feeling low afterwards"),
        "what the asker wrote is kept"
    );
    assert_eq!(
        app.store.unanswered_questions(10).await.unwrap().len(),
        0,
        "checking posts nothing"
    );
}

#[tokio::test]
async fn search_page_finds_answered_questions_with_snippets_and_filters() {
    let app = spawn_app().await;
    app.create_account("dr.find", Role::Expert).await;
    let token = app.api_login("dr.find").await;
    let (id, _) = app
        .api_ask(
            "Condom broke, what now?",
            "The condom broke last night during sex.",
            "contraception",
        )
        .await;
    app.api_answer(&token, id, "Emergency contraception works best early.")
        .await;
    let (status, page) = app.get_text("/search?q=condom+broke").await;
    assert_eq!(status, 200);
    assert!(page.contains("Condom broke, what now?"));
    assert!(page.contains("<mark>"), "matches are highlighted");
    assert!(
        page.contains("Semantic search off"),
        "the page says when meaning is not matched"
    );
    assert!(!app
        .get_text("/search?q=condom&topic=pain")
        .await
        .1
        .contains("Condom broke, what now?"));
    assert_eq!(
        app.get("/search?q=x&topic=astrology")
            .await
            .status()
            .as_u16(),
        422
    );

    let v: serde_json::Value = app
        .get("/api/v1/search?q=condom%20broke&limit=3")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["results"][0]["id"], id);
    assert_eq!(v["results"][0]["answered"], true);
    assert_eq!(v["semantic"], false);
    assert!(v["results"][0]["score"].as_f64().unwrap() > 0.0);
    let health: serde_json::Value = app.get("/health").await.json().await.unwrap();
    assert_eq!(health["semantic_search"], "off");

    // The question page shows related questions, never itself.
    let (other, _) = app
        .api_ask(
            "Condom slipped off, pregnancy risk?",
            "It slipped off during sex.",
            "contraception",
        )
        .await;
    app.api_answer(&token, other, "Same advice: act early.")
        .await;
    // Ranked in the background on the first view, shown from the next.
    let mut page = app.get_text(&format!("/q/{other}")).await.1;
    for _ in 0..100 {
        if page.contains("Related questions") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        page = app.get_text(&format!("/q/{other}")).await.1;
    }
    let related = &page[page.find("Related questions").expect("related section")..];
    assert!(related.contains("Condom broke, what now?"));
    assert!(!related.contains("Condom slipped off"));
}

#[tokio::test]
async fn the_asker_downloads_their_thread_as_json() {
    let app = spawn_app().await;
    let private = ask(&app, "Export me please", "my words", "other").await;
    let page = app.get_text(&private).await.1;
    assert!(
        page.contains("export.json"),
        "the private page offers the download"
    );
    let r = app.get(&format!("{private}/export.json")).await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("attachment"));
    assert_eq!(r.headers()["cache-control"], "no-store");
    let v: serde_json::Value = r.json().await.unwrap();
    assert_eq!(v["format"], "confide-question-export");
    assert_eq!(v["question"]["title"], "Export me please");
    assert_eq!(v["question"]["body"], "my words");
    assert_eq!(
        app.get("/private/nonsense/export.json")
            .await
            .status()
            .as_u16(),
        404
    );
}

#[tokio::test]
async fn an_expert_exports_and_deletes_their_account() {
    let app = spawn_app().await;
    app.create_account("dr.leaving", Role::Expert).await;
    let token = app.api_login("dr.leaving").await;
    let (id, _) = app
        .api_ask("Who will answer this?", "details", "other")
        .await;
    app.api_answer(&token, id, "My parting answer.").await;

    let cookie = app.browser_login("dr.leaving").await;
    let (status, page) = app.get_as(&cookie, "/expert/account").await;
    assert_eq!(status, 200);
    let export: serde_json::Value = app
        .http
        .get(app.url("/expert/account/export.json"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(export["account"]["handle"], "dr.leaving");
    assert_eq!(export["answers"][0]["body"], "My parting answer.");

    // Without ticking the box, nothing happens.
    let r = app
        .post_form(
            Some(&cookie),
            "/expert/account/delete",
            &[("csrf", &csrf_in(&page))],
        )
        .await;
    assert_eq!(r.status().as_u16(), 400);
    let r = app
        .post_form(
            Some(&cookie),
            "/expert/account/delete",
            &[("csrf", &csrf_in(&page)), ("confirm", "yes")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(
        app.get_as(&cookie, "/expert").await.0,
        303,
        "logged out everywhere"
    );
    let public = app.get_text(&format!("/q/{id}")).await.1;
    assert!(public.contains("My parting answer."), "the answer stays");
    assert!(public.contains("Former expert") && !public.contains("Dr dr.leaving"));
    assert!(
        app.store
            .account_for_login("dr.leaving")
            .await
            .unwrap()
            .is_none(),
        "the handle is gone"
    );
}

#[tokio::test]
async fn unanswered_questions_are_erased_after_the_retention_period() {
    let app = spawn_app().await;
    app.create_account("dr.keep", Role::Expert).await;
    let token = app.api_login("dr.keep").await;
    let (waiting, _) = app.api_ask("Nobody answered me", "b", "other").await;
    let (answered, _) = app.api_ask("Somebody answered me", "b", "other").await;
    app.api_answer(&token, answered, "An answer.").await;
    let in_91_days = confide_web::now().plus_hours(24 * 91);
    assert_eq!(
        confide_web::erase_expired(app.store.as_ref(), 100, in_91_days)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        confide_web::erase_expired(app.store.as_ref(), 90, in_91_days)
            .await
            .unwrap(),
        1
    );
    assert!(app
        .store
        .thread(confide_core::QuestionId(waiting))
        .await
        .unwrap()
        .is_none());
    assert!(app
        .store
        .thread(confide_core::QuestionId(answered))
        .await
        .unwrap()
        .is_some());
    let audit = app.store.audit_log(5).await.unwrap();
    assert_eq!(
        (audit[0].actor.as_str(), audit[0].action.as_str()),
        ("retention", "question.erase")
    );
}

#[tokio::test]
async fn danger_is_recognised_when_asked_and_help_shown_at_once() {
    let app = spawn_app().await;
    app.create_account("dr.triage", Role::Expert).await;
    // An ordinary question first, then an urgent one.
    ask(
        &app,
        "How do I talk about fantasies?",
        "We are shy about it.",
        "desire",
    )
    .await;
    let page = app.get_text("/ask").await.1;
    let r = app
        .http
        .post(app.url("/ask"))
        .header("accept-language", "en-US,en;q=0.8")
        .form(&[
            ("csrf", csrf_in(&page).as_str()),
            ("title", "I woke up at his place and don't remember"),
            ("body", "Last night I had two drinks and then nothing. He didn't stop when I said no earlier."),
            ("topic", "consent"),
            ("action", "send"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 201);
    let confirmation = r.text().await.unwrap();
    let help = confirmation
        .find("Help that can't wait")
        .expect("help on the confirmation page");
    let link = confirmation.find("Your private link").unwrap();
    assert!(help < link, "help comes before everything else");
    assert!(
        confirmation.contains("tel:8006564673"),
        "RAINN for a US reader"
    );
    assert!(confirmation.contains("findahelpline.com"));
    let private = private_path_in(&confirmation);

    // The private page shows it too; the asker may pick another country.
    let uk = app.get_text(&format!("{private}?country=uk")).await.1;
    assert!(
        uk.contains("tel:08085002222"),
        "Rape Crisis for a UK reader"
    );
    assert!(!uk.contains("tel:8006564673"));
    assert!(
        !uk.contains("<script>"),
        "no inline script: the help is plain HTML"
    );

    // The experts' queue puts it first although it is newer.
    let cookie = app.browser_login("dr.triage").await;
    let queue = app.get_as(&cookie, "/expert").await.1;
    let urgent = queue.find("I woke up at his place").unwrap();
    let ordinary = queue.find("How do I talk about fantasies?").unwrap();
    assert!(urgent < ordinary, "most urgent first");
    assert!(queue.contains("sexual assault"));

    // Spanish, through the API.
    let v: serde_json::Value = app
        .http
        .post(app.url("/api/v1/questions"))
        .json(&serde_json::json!({"title": "Se rompió el condón anoche", "body": "No tomo la píldora. ¿Qué hago?"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["triage"]["categories"][0], "emergency_contraception");
    assert_eq!(v["triage"]["urgency"], 2);
    let private = v["private_url"]
        .as_str()
        .unwrap()
        .split_once("/private/")
        .unwrap()
        .1
        .to_owned();
    let r = app
        .http
        .get(app.url(&format!("/private/{private}?country=es")))
        .header("accept-language", "es-ES")
        .send()
        .await
        .unwrap();
    let page = r.text().await.unwrap();
    assert!(page.contains("Ayuda que no puede esperar") && page.contains("120 horas"));
}

#[tokio::test]
async fn ordinary_questions_show_no_alarm() {
    let app = spawn_app().await;
    let page = app.get_text("/ask").await.1;
    let r = app
        .post_form(
            None,
            "/ask",
            &[
                ("csrf", &csrf_in(&page)),
                ("title", "We both want consensual role play"),
                ("body", "How do we agree on a safe word?"),
                ("topic", "consent"),
                ("action", "send"),
            ],
        )
        .await;
    let confirmation = r.text().await.unwrap();
    assert!(!confirmation.contains("Help that can't wait"));
}

#[tokio::test]
async fn answers_carry_references_and_other_experts_review_them_claim_by_claim() {
    let app = spawn_app().await;
    app.create_account("dr.author", Role::Expert).await;
    app.create_account("dr.reviewer", Role::Expert).await;
    app.create_account("mod.rev", Role::Moderator).await;
    ask(
        &app,
        "Why did she cry after sex?",
        "She said all was well.",
        "emotions",
    )
    .await;

    // The author answers through the form, with a reference list.
    let author = app.browser_login("dr.author").await;
    let csrf = csrf_in(&app.get_as(&author, "/q/1").await.1);
    let body = "It is common [1]. Oxytocin floods the brain and causes the tears.";
    let r = app
        .post_form(
            Some(&author),
            "/q/1/answers",
            &[
                ("csrf", &csrf),
                ("body", body),
                (
                    "references",
                    "Postcoital Dysphoria (2015) doi:10.1002/sm2.74",
                ),
                ("action", "publish"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let page = app.get_text("/q/1").await.1;
    assert!(
        page.contains(r#"href="https://doi.org/10.1002/sm2.74""#),
        "a DOI links to its resolver"
    );
    assert!(page.contains("References"));

    // Another expert disputes one claim, quoting it exactly.
    let reviewer = app.browser_login("dr.reviewer").await;
    let page = app.get_as(&reviewer, "/q/1").await.1;
    assert!(
        page.contains("Review this answer"),
        "other experts may review"
    );
    let r = app
        .post_form(
            Some(&reviewer),
            "/answers/1/reviews",
            &[
                ("csrf", &csrf_in(&page)),
                ("verdict", "dispute"),
                ("quote", "Oxytocin floods the brain and causes the tears."),
                ("note", "No study of crying after sex measured hormones."),
                ("citation", "Postcoital Dysphoria (2015) doi:10.1002/sm2.74"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let page = app.get_text("/q/1").await.1;
    assert!(page.contains("Reviewed by 1 expert, 1 open dispute"));
    assert!(
        page.contains(r#"<mark class="disputed""#),
        "the disputed passage is marked"
    );
    assert!(
        page.contains("Disputed by Dr dr.reviewer") && page.contains("Credentials of dr.reviewer")
    );
    assert!(page.contains("No study of crying after sex measured hormones."));

    // The author sees no review form on their own answer; a wrong quote is refused.
    assert!(!app
        .get_as(&author, "/q/1")
        .await
        .1
        .contains("Review this answer"));
    let reviewer_csrf = csrf_in(&app.get_as(&reviewer, "/q/1").await.1);
    let r = app
        .post_form(
            Some(&reviewer),
            "/answers/1/reviews",
            &[
                ("csrf", &reviewer_csrf),
                ("verdict", "dispute"),
                ("quote", "words never written"),
                ("note", "x"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.unwrap().contains("copy it exactly"));

    // Through the API: endorse, refuse bad input, and read it all back.
    let token = app.api_login("dr.reviewer").await;
    let post = |token: String, body: serde_json::Value| {
        let app = &app;
        async move {
            app.http
                .post(app.url("/api/v1/answers/1/reviews"))
                .bearer_auth(token)
                .json(&body)
                .send()
                .await
                .unwrap()
        }
    };
    assert_eq!(
        post(
            token.clone(),
            serde_json::json!({"verdict": "endorse", "note": "The first sentence is right."})
        )
        .await
        .status()
        .as_u16(),
        201
    );
    let r = post(
        token.clone(),
        serde_json::json!({"verdict": "dispute", "quote": "not there", "note": "x"}),
    )
    .await;
    assert_eq!(r.status().as_u16(), 422);
    assert_eq!(
        r.json::<serde_json::Value>().await.unwrap()["error"]["code"],
        "bad_review"
    );
    let own = app.api_login("dr.author").await;
    assert_eq!(
        post(
            own,
            serde_json::json!({"verdict": "endorse", "note": "I agree with me"})
        )
        .await
        .status()
        .as_u16(),
        422
    );
    let moderator = app.api_login("mod.rev").await;
    assert_eq!(
        post(
            moderator,
            serde_json::json!({"verdict": "endorse", "note": "x"})
        )
        .await
        .status()
        .as_u16(),
        403
    );

    let v: serde_json::Value = app.get("/api/v1/questions/1").await.json().await.unwrap();
    let answer = &v["answers"][0];
    assert_eq!(answer["citations"][0]["doi"], "10.1002/sm2.74");
    assert_eq!(
        answer["citations"][0]["link"],
        "https://doi.org/10.1002/sm2.74"
    );
    assert_eq!(answer["reviews"][0]["verdict"], "dispute");
    assert_eq!(answer["reviews"][0]["citation"]["year"], 2015);
    assert_eq!(answer["reviews"][1]["verdict"], "endorse");

    // Editing through the API without citations keeps them; bad ones are refused.
    let r = app
        .http
        .put(app.url("/api/v1/answers/1"))
        .bearer_auth(app.api_login("dr.author").await)
        .json(&serde_json::json!({"body": "It is common [1]."}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 200);
    let v: serde_json::Value = app.get("/api/v1/questions/1").await.json().await.unwrap();
    assert_eq!(v["answers"][0]["citations"].as_array().unwrap().len(), 1);

    // That edit took the disputed claim out: the dispute is addressed by it.
    assert_eq!(v["answers"][0]["reviews"][0]["status"], "addressed");
    let page = app.get_text("/q/1").await.1;
    assert!(page.contains("Addressed: the author revised this passage in"));
    assert!(page.contains("0 open disputes"));

    // The reviewer withdraws their endorsement; only once.
    let reviewer_page = app.get_as(&reviewer, "/q/1").await.1;
    assert!(reviewer_page.contains("Withdraw my review"));
    let r = app
        .post_form(
            Some(&reviewer),
            "/reviews/2/withdraw",
            &[("csrf", &csrf_in(&reviewer_page))],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let r = app
        .post_form(
            Some(&reviewer),
            "/reviews/2/withdraw",
            &[("csrf", &csrf_in(&reviewer_page))],
        )
        .await;
    assert_eq!(r.status().as_u16(), 409);

    // A moderator closes a new dispute, saying why; an expert may not.
    assert_eq!(
        post(token.clone(), serde_json::json!({"verdict": "dispute", "quote": "It is common", "note": "How common?"})).await.status().as_u16(),
        201
    );
    let r = app
        .post_form(
            Some(&reviewer),
            "/reviews/3/close",
            &[("csrf", &csrf_in(&reviewer_page)), ("reason", "mine")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 403);
    let moderator = app.browser_login("mod.rev").await;
    let mod_page = app.get_as(&moderator, "/q/1").await.1;
    assert!(mod_page.contains("Close dispute"));
    let r = app
        .post_form(
            Some(&moderator),
            "/reviews/3/close",
            &[
                ("csrf", &csrf_in(&mod_page)),
                ("reason", "The reference supports it."),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let v: serde_json::Value = app.get("/api/v1/questions/1").await.json().await.unwrap();
    let statuses: Vec<&str> = v["answers"][0]["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["addressed", "withdrawn", "closed"]);
    assert!(app
        .get_text("/q/1")
        .await
        .1
        .contains("Closed by a moderator: The reference supports it."));
    let audit = app.store.audit_log(5).await.unwrap();
    assert_eq!(
        (audit[0].action.as_str(), audit[0].actor.as_str()),
        ("review.closed", "account:mod.rev")
    );
    let r = app
        .http
        .post(app.url("/api/v1/questions/1/answers"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"body": "b", "citations": [{"title": "x", "doi": "not-a-doi"}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 422);
}

#[tokio::test]
async fn askers_follow_answers_and_readers_follow_topics_in_atom_feeds() {
    let app = spawn_app().await;
    app.create_account("dr.feed", Role::Expert).await;
    let token = app.api_login("dr.feed").await;
    let (id, cap) = app
        .api_ask(
            "Is spotting after sex normal?",
            "It happened twice & I worry <a lot>.",
            "bodies",
        )
        .await;

    let parse = |xml: &str| -> (usize, Vec<String>) {
        let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "feed");
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2005/Atom")
        );
        for required in ["id", "title", "updated"] {
            assert!(
                root.children().any(|n| n.has_tag_name(required)),
                "feed has <{required}>"
            );
        }
        let entries: Vec<_> = root
            .children()
            .filter(|n| n.has_tag_name("entry"))
            .collect();
        let titles = entries
            .iter()
            .map(|e| {
                e.children()
                    .find(|n| n.has_tag_name("title"))
                    .and_then(|t| t.text())
                    .unwrap_or("")
                    .to_owned()
            })
            .collect();
        (entries.len(), titles)
    };

    let r = app.get(&format!("/private/{cap}/feed.xml")).await;
    assert_eq!(r.status().as_u16(), 200);
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/atom+xml"));
    assert_eq!(r.headers()["cache-control"], "no-store");
    let (n, _) = parse(&r.text().await.unwrap());
    assert_eq!(n, 0, "no answers yet");

    app.api_answer(
        &token,
        id,
        "Often it is **harmless** & passes; see a doctor if it persists.",
    )
    .await;
    let xml = app.get_text(&format!("/private/{cap}/feed.xml")).await.1;
    let (n, titles) = parse(&xml);
    assert_eq!(n, 1);
    assert_eq!(titles[0], "Answer from Dr dr.feed");
    assert!(
        !xml.contains("spotting"),
        "the private feed's title and entries do not repeat the question"
    );

    let (status, xml) = app.get_text("/topics/bodies.xml").await;
    assert_eq!(status, 200);
    let (_, titles) = parse(&xml);
    assert_eq!(titles, ["Is spotting after sex normal?"]);
    assert_eq!(
        app.get("/topics/astrology.xml").await.status().as_u16(),
        404
    );
    assert_eq!(
        app.get("/private/nonsense/feed.xml")
            .await
            .status()
            .as_u16(),
        404
    );
}

#[tokio::test]
async fn readers_say_an_answer_helped_once_a_day_without_an_account() {
    let app = spawn_app().await;
    app.create_account("dr.count", Role::Expert).await;
    let token = app.api_login("dr.count").await;
    let (id, _) = app
        .api_ask("Does it get easier?", "The first time hurt.", "pain")
        .await;
    app.api_answer(&token, id, "Usually, with time, arousal and lubricant.")
        .await;

    let page = app.get_text(&format!("/q/{id}")).await.1;
    assert!(page.contains("This helped me too"));
    let csrf = csrf_in(&page);
    for _ in 0..3 {
        let r = app
            .post_form(None, "/answers/1/helped", &[("csrf", &csrf)])
            .await;
        assert_eq!(r.status().as_u16(), 303);
        assert!(
            r.headers().get("set-cookie").is_none(),
            "no cookie identifies the reader"
        );
    }
    let page = app.get_text(&format!("/q/{id}")).await.1;
    assert!(
        page.contains("1 reader found this helpful"),
        "counted once per reader and day"
    );
    let v: serde_json::Value = app
        .get(&format!("/api/v1/questions/{id}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(v["answers"][0]["helped_count"], 1);
    assert_eq!(
        app.post_form(None, "/answers/99/helped", &[("csrf", &csrf)])
            .await
            .status()
            .as_u16(),
        404
    );
}
