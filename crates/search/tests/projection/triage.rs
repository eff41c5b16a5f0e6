//! Triage by meaning with the real model: what the rules' wording misses,
//! the sentences' meaning finds, and near misses stay calm.

use confide_core::triage::Category;
use confide_search::TriageReader;

use crate::embedder;

#[tokio::test]
async fn meaning_finds_what_the_rules_wording_misses() {
    let reader = TriageReader::new(Some(embedder()));
    assert!(reader.by_meaning());
    for (text, category) in [
        (
            "I told him it hurt and asked him to stop but he just carried on until he finished.",
            Category::SexualAssault,
        ),
        (
            "I woke up in a stranger's bed with no memory of getting there and I'm sore down there.",
            Category::SexualAssault,
        ),
        (
            "I'm in year 8 and a 20 year old from a game wants me to send him pictures.",
            Category::Minor,
        ),
    ] {
        let rules = confide_core::triage::triage(text);
        assert!(
            !rules.categories.contains(&category),
            "the rules alone already see {category:?} in {text:?}: pick a harder case"
        );
        let found = reader.triage(text).await;
        assert!(
            found.categories.contains(&category),
            "{text:?}: {:?}",
            found.categories
        );
    }
}

#[tokio::test]
async fn near_misses_stay_calm_by_meaning_too() {
    let reader = TriageReader::new(Some(embedder()));
    for text in [
        "We use a safeword and he asks before putting his hand on my neck. We both love it.",
        "I got hit hard in the groin playing rugby yesterday, it's fine now. Is it normal to be a bit bruised?",
        "This exam is killing me, I'm dying to get it over with so we can finally go away together.",
    ] {
        let found = reader.triage(text).await;
        assert!(found.categories.is_empty(), "{text:?}: {:?}", found.categories);
    }
}

#[tokio::test]
async fn without_the_model_it_is_the_rules() {
    let reader = TriageReader::new(None);
    assert!(!reader.by_meaning());
    let text = "I told him it hurt and asked him to stop but he just carried on until he finished.";
    assert_eq!(
        reader.triage(text).await,
        confide_core::triage::triage(text)
    );
}
