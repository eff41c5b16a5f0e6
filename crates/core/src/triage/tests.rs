use super::*;

fn categories(text: &str) -> Vec<Category> {
    triage(text).categories
}

/// What one of the reader's judgements says of `text`.
fn read_with(text: &str, judge: impl Fn(&Reader) -> bool) -> bool {
    let message = Message::read(text);
    let framing = Framing::of(&message);
    judge(&Reader {
        message: &message,
        framing: &framing,
    })
}

fn all_lexicons() -> Vec<&'static Lexicon> {
    vec![
        &CLAUSE_BREAKS,
        &STRONG_HYPOTHETICAL,
        &WEAK_HYPOTHETICAL,
        &WHETHER_BEFORE_IF,
        &EDUCATIONAL_FRAME,
        &NOTHING_HAPPENED,
        &CONSENT_FRAME,
        &KINK_CONTEXT,
        &PARTNER_CONTEXT,
        &STEADY_PARTNER,
        &CASUAL_PARTNER,
        &PARTNER_HIV_POSITIVE,
        &PARTNER_UNDETECTABLE,
        &PARTNER_DETECTABLE,
        &ON_PREP,
        &MISSED_PREP,
        &ASKER_MALE,
        &ASKER_FEMALE,
        &ASKER_TRANS_MASC,
        &PARTNER_MALE,
        &PARTNER_FEMALE,
        &SAME_SEX_COUPLE,
        &HIV_FOCUS,
        &PREGNANCY_CONCERN,
        &TRYING_TO_CONCEIVE,
        &TOOK_EMERGENCY_CONTRACEPTION,
        &PERIOD_ARRIVED,
        &RELIABLE_CONTRACEPTION,
        &PILL_USER,
        &NO_CONTRACEPTION,
        &PILL_CONTEXT,
        &BENIGN_DIAGNOSIS,
        &ASSAULT,
        &STEALTHING,
        &MEMORY_GAP,
        &INTOXICATION,
        &SEXUAL_CONTACT,
        &ADULT_PERSON,
        &PARTNER_ABUSE,
        &HABITUAL_SEXUAL_FORCE,
        &SELF_HARM,
        &OVERDOSE,
        &PAST_HABIT,
        &RECURRENCE,
        &FIGURATIVE_AFTER,
        &JOKING,
        &HEAVY_BLEEDING,
        &PERIOD_WORD,
        &ALARMING_FLOW,
        &EMERGENCY_SIGNS,
        &FRACTURE_SOUND,
        &FRACTURE_SIGN,
        &ONE_SIDED_PELVIC_PAIN,
        &PREGNANCY_SIGN,
        &FAINTING,
        &PREGNANT_NOW,
        &BLEEDING,
        &PREGNANCY_ENDED,
        &BLEEDING_OR_BLOOD,
        &RETAINED_OBJECT,
        &PAIN_OR_FEVER,
        &SEVERE_PAIN,
        &FEVER,
        &CONDOM_FAILURE,
        &UNPROTECTED_SEX,
        &ANAL_SEX,
        &VAGINAL_SEX,
        &WITHDRAWAL,
        &CONDOM_USED,
        &ADULTS_ALL,
        &ASSAULT_SERVICE,
        &PILL_FAILURE,
        &SEX_EVENT,
        &SHARED_NEEDLES,
        &PEP_REQUEST,
        &PAINFUL_URINATION,
        &DISCHARGE,
        &ABNORMAL_DISCHARGE,
        &NORMAL_DISCHARGE,
        &GENITAL_LESION,
        &GENITAL_ITCH,
        &GENITAL_PLACE,
        &UNEXPECTED_BLEEDING,
        &PELVIC_PAIN,
        &PAINFUL_SEX,
        &NEW_PARTNER,
        &SELF_AGE,
        &NOT_AN_AGE,
        &CHILD_AGE,
        &ADULT_AGE,
        &GROOMING,
    ]
}

#[test]
fn every_pattern_compiles() {
    for lexicon in all_lexicons() {
        for cue in lexicon.cues {
            if let Err(error) = Regex::new(cue.pattern) {
                panic!("pattern does not compile: {error}");
            }
        }
        assert_eq!(lexicon.compiled().len(), lexicon.cues.len());
    }
    assert!(counted_ago().is_some());
    assert!(named_times().is_some());
    assert!(weekdays().is_some());
    assert!(today_is().is_some());
    assert!(prolonged_erection_pattern().is_some());
}

#[test]
fn category_ids_round_trip() {
    for category in Category::ALL {
        assert_eq!(Category::parse(category.id()), Some(category));
        assert_eq!(
            serde_json::to_value(category).unwrap(),
            serde_json::json!(category.id())
        );
    }
    assert_eq!(Category::parse("nonsense"), None);
}

#[test]
fn nothing_found_means_urgency_zero() {
    let result = triage("What's the best lube to use with condoms?");
    assert!(result.categories.is_empty());
    assert_eq!(result.urgency, 0);
    assert!(result.evidence.is_empty());
}

#[test]
fn negation_voids_a_broken_condom() {
    assert!(categories("We always use condoms and none broke.").is_empty());
    assert!(categories("Siempre usamos condón y nunca se nos ha roto.").is_empty());
    assert!(categories("We used a condom and it didn't break, I checked.").is_empty());
}

#[test]
fn negated_pain_is_no_emergency() {
    assert!(categories("Me sangró un poquito, pero no me duele nada.").is_empty());
    assert!(categories("A tiny bit of blood on the tissue, nothing hurts now.").is_empty());
}

#[test]
fn hypotheticals_do_not_raise_alarms() {
    assert!(categories("If a condom ever broke, what should we do?").is_empty());
    assert!(categories("¿Qué pasaría si se rompe el condón?").is_empty());
    assert!(categories("Si algún día se rompe el preservativo, ¿qué hacemos?").is_empty());
}

#[test]
fn a_real_event_inside_an_if_still_counts() {
    assert!(categories("What do I do if the condom broke last night?")
        .contains(&Category::EmergencyContraception));
}

#[test]
fn educational_questions_do_not_raise_alarms() {
    assert!(categories(
        "I'm writing a school paper about the morning-after pill. How does it work?"
    )
    .is_empty());
    assert!(categories("How does PEP work?").is_empty());
    assert!(categories("¿Qué significa 'stealthing'? Lo leí en una noticia.").is_empty());
}

#[test]
fn negotiated_kink_is_not_violence() {
    assert!(categories(
        "We both want consensual role play where he chokes me, we negotiated it and have a safeword."
    )
    .is_empty());
    assert!(categories(
        "During sex he started choking me. We never talked about it and I tried to push his hand away but he kept going."
    )
    .contains(&Category::PartnerViolence));
}

#[test]
fn figurative_death_is_not_self_harm() {
    assert!(categories("This exam is killing me.").is_empty());
    assert!(categories("I'm dying to see her again.").is_empty());
    assert!(categories("Me muero de ganas de verte.").is_empty());
    assert!(categories("I'd rather die than tell my mum.").is_empty());
    assert_eq!(categories("I just want to die."), vec![Category::SelfHarm]);
}

#[test]
fn indirect_words_of_assault_are_caught() {
    for text in [
        "I woke up and don't remember anything after the party.",
        "He didn't stop when I said no.",
        "Se quitó el condón sin decirme.",
        "Le dije que no y siguió igual.",
    ] {
        assert!(
            categories(text).contains(&Category::SexualAssault),
            "missed: {text}"
        );
    }
}

#[test]
fn respected_no_is_not_assault() {
    assert!(categories("I said no to anal and he said ok.").is_empty());
    assert!(categories("I told her to stop and she stopped straight away.").is_empty());
}

#[test]
fn emergency_contraception_window_is_five_days() {
    let ec = Category::EmergencyContraception;
    assert!(categories("We had unprotected sex last night.").contains(&ec));
    assert!(categories("We had unprotected sex 4 days ago.").contains(&ec));
    assert!(!categories("We had unprotected sex 3 weeks ago.").contains(&ec));
    assert!(!categories("Lo hicimos sin condón el mes pasado.").contains(&ec));
    assert!(categories("Lo hicimos sin condón hace 3 días.").contains(&ec));
}

#[test]
fn hiv_window_is_72_hours() {
    let hiv = Category::HivExposure;
    let at = |when: &str| format!("The condom broke with a guy from Grindr {when}.");
    assert!(categories(&at("last night")).contains(&hiv));
    assert!(categories(&at("2 days ago")).contains(&hiv));
    assert!(!categories(&at("4 days ago")).contains(&hiv));
    assert!(!categories(&at("last month")).contains(&hiv));
}

#[test]
fn weekdays_count_back_from_today() {
    let message = Message::read("It happened on Friday night and it's Sunday now.");
    assert_eq!(message.times.len(), 1);
    assert_eq!(message.times[0].hours_ago, 2 * HOURS_PER_DAY);
    let message = Message::read("me echaron algo en la bebida el viernes. hoy es sabado");
    assert_eq!(message.times[0].hours_ago, HOURS_PER_DAY);
}

#[test]
fn spanish_time_expressions() {
    for (text, hours) in [
        ("anoche", 12),
        ("ayer", 24),
        ("anteayer", 48),
        ("hace 3 días", 72),
        ("hace unas horas", 3),
        ("el mes pasado", HOURS_PER_MONTH),
        ("hace dos semanas", 2 * HOURS_PER_WEEK),
    ] {
        let message = Message::read(text);
        assert_eq!(
            message.times.first().map(|t| t.hours_ago),
            Some(hours),
            "{text}"
        );
    }
}

#[test]
fn a_covered_or_conceiving_asker_needs_no_emergency_contraception() {
    let ec = Category::EmergencyContraception;
    assert!(!categories("The condom broke last night but I have the implant.").contains(&ec));
    assert!(
        !categories("We're trying for a baby and had sex without a condom last night.")
            .contains(&ec)
    );
}

#[test]
fn evidence_points_at_the_triggering_words() {
    let text = "Ayer se rompió el condón con un desconocido de una app.";
    let result = triage(text);
    assert!(result
        .categories
        .contains(&Category::EmergencyContraception));
    assert!(result.categories.contains(&Category::HivExposure));
    for evidence in &result.evidence {
        assert_eq!(&text[evidence.span.0..evidence.span.1], evidence.phrase);
    }
    let phrase = &result.evidence[0].phrase;
    assert!(
        phrase.contains("rompió") && phrase.contains("condón"),
        "{phrase}"
    );
}

#[test]
fn evidence_span_for_self_harm() {
    let text = "Honestly, sometimes I think about killing myself.";
    let result = triage(text);
    assert_eq!(result.categories, vec![Category::SelfHarm]);
    assert_eq!(result.urgency, 3);
    let evidence = &result.evidence[0];
    assert_eq!(evidence.phrase, "killing myself");
    assert_eq!(
        evidence.span,
        (text.find("killing").unwrap_or(0), text.len() - 1)
    );
}

#[test]
fn categories_are_most_urgent_first() {
    let result = triage(
        "Last night a guy I met at a party had sex with me when I was too drunk to stand. \
         He didn't use a condom and I'm not on any birth control.",
    );
    assert_eq!(
        result.categories,
        vec![
            Category::SexualAssault,
            Category::HivExposure,
            Category::EmergencyContraception
        ]
    );
    assert_eq!(result.urgency, 3);
}

#[test]
fn a_childhood_assault_disclosed_by_an_adult_is_urgency_two() {
    let result = triage("When I was 9 my uncle did things to me. I'm 34 now and I still freeze.");
    assert_eq!(result.categories, vec![Category::SexualAssault]);
    assert_eq!(result.urgency, 2);
}

#[test]
fn minors_by_age_and_by_grooming() {
    assert_eq!(
        categories("I'm 14 and wondering about sex."),
        vec![Category::Minor]
    );
    assert!(categories("I'm 16 and on the pill.").is_empty());
    assert!(categories("I'm 5 days late, should I test?").is_empty());
    assert!(categories("My 14 year old asked me what a condom is.").is_empty());
    assert!(categories(
        "My 12 year old's coach texts her late at night and told her to keep it a secret."
    )
    .contains(&Category::Minor));
}

#[test]
fn spans_survive_decomposed_accents() {
    let text = "Me violaron anoche, no usó condón.";
    let decomposed = text.replace('ó', "o\u{301}");
    let result = triage(&decomposed);
    assert!(result.categories.contains(&Category::SexualAssault));
    for evidence in &result.evidence {
        assert_eq!(
            &decomposed[evidence.span.0..evidence.span.1],
            evidence.phrase
        );
    }
}

#[test]
fn serialises_with_category_ids() {
    let value = serde_json::to_value(triage("I want to kill myself")).unwrap();
    assert_eq!(value["categories"], serde_json::json!(["self_harm"]));
    assert_eq!(value["urgency"], serde_json::json!(3));
    assert_eq!(
        value["evidence"][0]["category"],
        serde_json::json!("self_harm")
    );
}

#[test]
fn fearing_a_partner_will_leave_after_a_no_is_not_an_assault() {
    let worry =
        "He wants to open our relationship. Part of me wonders if I say no he'll leave anyway.";
    assert!(!categories(worry).contains(&Category::SexualAssault));
    for assault in [
        "I said no and he did it anyway.",
        "I told him to stop but he kept going anyway",
        "i said no like 5 times and he just went ahead anyway",
    ] {
        assert!(
            categories(assault).contains(&Category::SexualAssault),
            "{assault}"
        );
    }
}

#[test]
fn couples_trying_for_a_baby_in_spanish_need_no_emergency_contraception() {
    for text in [
        "Queremos embarazarnos. Tuvimos relaciones sin protección ayer, en mis días fértiles.",
        "Dejé la píldora para buscar embarazo y ayer lo hicimos sin condón.",
        "Llevamos 6 meses intentando y ayer tuvimos relaciones sin protección.",
    ] {
        assert!(
            !categories(text).contains(&Category::EmergencyContraception),
            "{text}"
        );
    }
    assert!(categories("Ayer se rompió el condón y no tomo nada.")
        .contains(&Category::EmergencyContraception));
}

#[test]
fn an_adults_stated_age_is_not_read_as_a_minors() {
    let reads = |text: &str| read_with(text, |r| r.adult_asker_and_no_child());
    assert!(reads(
        "Hola, tengo 22 años y mi novio me revisa el celular."
    ));
    assert!(reads("I'm 24 and my boyfriend checks my phone."));
    assert!(!reads("I'm 14 and my boyfriend checks my phone."));
    assert!(!reads(
        "I'm 19 and a man keeps messaging my 13 year old sister."
    ));
    assert!(!reads("My boyfriend checks my phone."));
    assert!(reads(
        "Mi novio y yo nos mandamos fotos, los dos mayores y de acuerdo."
    ));
}

#[test]
fn a_recent_assault_brings_its_time_critical_care() {
    let recent = categories("He forced himself on me last night. I'm not on anything.");
    for c in [
        Category::SexualAssault,
        Category::HivExposure,
        Category::EmergencyContraception,
    ] {
        assert!(recent.contains(&c), "{c:?} in {recent:?}");
    }
    let covered =
        categories("He forced himself on me last night. He used a condom and I have the implant.");
    assert_eq!(covered, [Category::SexualAssault]);
    let long_ago = categories("When I was nine my uncle abused me. I'm 34 now.");
    assert_eq!(long_ago, [Category::SexualAssault]);
    // Two men: PEP, not emergency contraception.
    let men = categories("I'm a guy. Another man raped me on Friday night, it's Sunday now.");
    assert!(men.contains(&Category::HivExposure), "{men:?}");
    assert!(!men.contains(&Category::EmergencyContraception), "{men:?}");
}

#[test]
fn a_service_named_after_assault_and_self_harm_long_over_are_not_events() {
    assert!(categories(
        "I'm a trainee paramedic. What does a sexual assault referral centre actually do?"
    )
    .is_empty());
    assert!(categories(
        "I self-harmed as a teenager and have scars. I'm in a good place now. How do I tell a new partner?"
    )
    .is_empty());
    assert!(categories(
        "De adolescente me autolesionaba, hace 12 años que no lo hago. ¿Cómo le explico las marcas a mi pareja?"
    )
    .is_empty());
    assert!(
        categories("He sexually assaulted me at the party last night.")
            .contains(&Category::SexualAssault)
    );
    assert!(categories("I self-harmed again last night.").contains(&Category::SelfHarm));
}

#[test]
fn a_condom_holds_only_when_used_and_not_said_to_fail() {
    let held = |text: &str| read_with(text, |r| r.condom_held());
    assert!(held("We used a condom the whole time."));
    assert!(!held("We used a condom but it broke."));
    assert!(!held("He didn't use a condom."));
    assert!(!held("No condom."));
}
