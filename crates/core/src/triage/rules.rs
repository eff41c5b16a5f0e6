//! Reading cues in context: each category's rules over the message.

use super::*;

pub(super) struct Reader<'m> {
    pub(super) message: &'m Message<'m>,
    pub(super) framing: &'m Framing,
}

pub(super) struct Finding {
    pub(super) category: Category,
    pub(super) hits: Vec<Hit>,
}

impl Reader<'_> {
    pub(super) fn findings(&self) -> Vec<Finding> {
        let assault = self.sexual_assault();
        let assault_found = !assault.is_empty();
        let candidates = [
            (Category::SexualAssault, assault),
            (Category::PartnerViolence, self.partner_violence()),
            (Category::SelfHarm, self.self_harm()),
            (Category::MedicalEmergency, self.medical_emergency()),
            (
                Category::EmergencyContraception,
                self.emergency_contraception(),
            ),
            (Category::HivExposure, self.hiv_exposure(assault_found)),
            (Category::StiSymptoms, self.sti_symptoms()),
            (Category::Minor, self.minor()),
        ];
        candidates
            .into_iter()
            .filter(|(_, hits)| !hits.is_empty())
            .map(|(category, hits)| Finding { category, hits })
            .collect()
    }

    /// After a sexual assault the asker dates to the last few days, the
    /// care that cannot wait follows from the assault itself: PEP within
    /// 72 hours and emergency contraception within 120, unless the text
    /// rules them out (a condom used, PrEP, reliable contraception, no
    /// pregnancy possible). Said or not, "no condom" is rarely written by
    /// someone in shock; clinicians ask.
    pub(super) fn care_after_assault(&self, findings: &mut Vec<Finding>) {
        let Some(assault) = findings
            .iter()
            .find(|f| f.category == Category::SexualAssault)
        else {
            return;
        };
        let Some((hit, hours)) = assault
            .hits
            .iter()
            .filter_map(|hit| Some((*hit, self.message.hours_since(hit.anchor)?)))
            .min_by_key(|(_, hours)| *hours)
        else {
            return;
        };
        let framing = self.framing;
        if self.condom_held() {
            return;
        }
        let mut add = |category: Category| {
            if !findings.iter().any(|f| f.category == category) {
                findings.push(Finding {
                    category,
                    hits: vec![hit],
                });
            }
        };
        let protected_by_prep = framing.on_prep && !framing.missed_prep;
        if hours <= 72 && !protected_by_prep {
            add(Category::HivExposure);
        }
        let protected = framing.reliable_contraception
            || framing.pill_user
            || framing.took_emergency_contraception
            || framing.period_arrived;
        if hours <= 120 && framing.pregnancy_possible() && !protected {
            add(Category::EmergencyContraception);
        }
    }

    /// A condom said to have been used, and nothing said of it failing.
    pub(super) fn condom_held(&self) -> bool {
        !self.hits(&CONDOM_USED).is_empty() && self.hits(&CONDOM_FAILURE).is_empty()
    }

    /// The hits of a lexicon whose context lets them count.
    pub(super) fn hits(&self, lexicon: &Lexicon) -> Vec<Hit> {
        self.message
            .raw_hits(lexicon)
            .into_iter()
            .filter(|(hit, guards)| self.context_allows(*hit, *guards))
            .map(|(hit, _)| hit)
            .collect()
    }

    pub(super) fn context_allows(&self, hit: Hit, guards: Guards) -> bool {
        let message = self.message;
        if guards & NEGATABLE != 0 && message.is_negated(hit.anchor) {
            return false;
        }
        let dated = message.time_in_sentence(hit.anchor).is_some();
        if guards & HYPOTHETICAL != 0 && !dated && message.is_hypothetical(hit.anchor, false) {
            return false;
        }
        if guards & STRONGLY_HYPOTHETICAL != 0 && message.is_hypothetical(hit.anchor, true) {
            return false;
        }
        if guards & EDUCATIONAL != 0
            && (self.framing.educational || self.framing.nothing_happened)
            && !dated
        {
            return false;
        }
        if guards & KINK != 0 && self.framing.negotiated_kink {
            return false;
        }
        if guards & FIGURATIVE != 0 && self.is_figurative(hit) {
            return false;
        }
        true
    }

    /// "I'd rather die than…", "me quiero morir de vergüenza", or a joke.
    pub(super) fn is_figurative(&self, hit: Hit) -> bool {
        let message = self.message;
        let (_, sentence_end) = message.sentence_of(hit.anchor);
        let after = message
            .text()
            .get(hit.end..sentence_end.max(hit.end))
            .unwrap_or_default();
        let after = after.get(..after.len().min(24)).unwrap_or(after);
        let hyperbole_follows = FIGURATIVE_AFTER
            .compiled()
            .iter()
            .any(|c| c.regex.is_match(after));
        let (start, end) = message.sentence_of(hit.anchor);
        let joking = message.mentions_in(&JOKING, start, end)
            || message
                .original_slice(start, end)
                .chars()
                .any(|c| matches!(c, '😂' | '🤣' | '😅' | '😆' | '🙃' | '😜'));
        hyperbole_follows || joking
    }

    /// Whether every hit lies more than a week back.
    pub(super) fn all_long_ago(&self, hits: &[Hit]) -> bool {
        !hits.is_empty()
            && hits.iter().all(|hit| {
                self.message
                    .hours_since(hit.anchor)
                    .is_some_and(|h| h > HOURS_PER_WEEK)
            })
    }

    pub(super) fn within(&self, hit: &Hit, hours: u32) -> bool {
        self.message
            .hours_since(hit.anchor)
            .is_none_or(|ago| ago <= hours)
    }

    // -- sexual assault ----------------------------------------------------

    pub(super) fn sexual_assault(&self) -> Vec<Hit> {
        let text = self.message.text();
        let mut hits: Vec<Hit> = self
            .hits(&ASSAULT)
            .into_iter()
            .filter(|hit| {
                let after = text.get(hit.end..).unwrap_or_default();
                !ASSAULT_SERVICE
                    .compiled()
                    .iter()
                    .any(|c| c.regex.is_match(after))
            })
            .collect();
        hits.extend(self.hits(&STEALTHING));
        hits.extend(self.memory_gap_after_drinking());
        if let Some(age) = self.minor_self_age_hit() {
            if self.message.mentions(&ADULT_PERSON) && self.message.mentions(&SEXUAL_CONTACT) {
                hits.push(age);
            }
        }
        hits
    }

    /// "I woke up and don't remember": a memory gap with drink, drugs, a
    /// party or waking somewhere strange means the asker cannot know what
    /// happened, and clinicians treat that as possible assault.
    pub(super) fn memory_gap_after_drinking(&self) -> Vec<Hit> {
        self.together(&MEMORY_GAP, &[&INTOXICATION])
    }

    // -- partner violence ----------------------------------------------------

    pub(super) fn partner_violence(&self) -> Vec<Hit> {
        if !self.framing.partner_context {
            return Vec::new();
        }
        let mut hits = self.hits(&PARTNER_ABUSE);
        if self.framing.steady_partner {
            hits.extend(self.hits(&HABITUAL_SEXUAL_FORCE));
        }
        hits
    }

    // -- self-harm -----------------------------------------------------------

    pub(super) fn self_harm(&self) -> Vec<Hit> {
        let mut hits = self.hits(&SELF_HARM);
        hits.extend(self.hits(&OVERDOSE));
        hits.retain(|hit| !self.is_past_and_over(hit));
        hits
    }

    /// "I used to cut years ago": a history, not a present risk, unless the
    /// asker says it is back ("again", "still").
    pub(super) fn is_past_and_over(&self, hit: &Hit) -> bool {
        self.message.mentions_in_sentence(&PAST_HABIT, hit.anchor)
            && !self.message.mentions_in_sentence(&RECURRENCE, hit.anchor)
    }

    // -- medical emergency ---------------------------------------------------

    pub(super) fn medical_emergency(&self) -> Vec<Hit> {
        let mut hits: Vec<Hit> = self
            .hits(&HEAVY_BLEEDING)
            .into_iter()
            .filter(|hit| !self.is_ordinary_period(hit))
            .collect();
        hits.extend(self.hits(&EMERGENCY_SIGNS));
        hits.extend(self.prolonged_erection());
        hits.extend(self.hits(&OVERDOSE));
        hits.extend(self.penile_fracture());
        hits.extend(self.possible_ectopic());
        hits.extend(self.retained_object());
        hits.extend(self.alarming_pain());
        hits.extend(self.pregnancy_complication());
        // Emergencies are about now: a bleed from last month is history.
        hits.retain(|hit| self.within(hit, HOURS_PER_WEEK));
        hits
    }

    /// The hits of `cues`, kept only when the question also mentions one of
    /// `companions`: signs that are alarming together, not alone.
    pub(super) fn together(&self, cues: &Lexicon, companions: &[&Lexicon]) -> Vec<Hit> {
        let hits = self.hits(cues);
        if hits.is_empty() || !companions.iter().any(|c| self.message.mentions(c)) {
            return Vec::new();
        }
        hits
    }

    /// A crack or pop during sex, then swelling or bruising.
    pub(super) fn penile_fracture(&self) -> Vec<Hit> {
        self.together(&FRACTURE_SOUND, &[&FRACTURE_SIGN])
    }

    /// One-sided pelvic pain with a late period, a positive test or
    /// fainting: ectopic pregnancy until proven otherwise.
    pub(super) fn possible_ectopic(&self) -> Vec<Hit> {
        self.together(&ONE_SIDED_PELVIC_PAIN, &[&PREGNANCY_SIGN, &FAINTING])
    }

    /// Something stuck inside, with pain, fever or a rash (toxic shock).
    pub(super) fn retained_object(&self) -> Vec<Hit> {
        self.together(&RETAINED_OBJECT, &[&PAIN_OR_FEVER])
    }

    /// Severe pain alone may be cramps; with fever, fainting, bleeding or a
    /// pregnancy it is an emergency (infection, injury, ectopic).
    pub(super) fn alarming_pain(&self) -> Vec<Hit> {
        self.together(
            &SEVERE_PAIN,
            &[&FEVER, &FAINTING, &BLEEDING_OR_BLOOD, &PREGNANT_NOW],
        )
    }

    /// Bleeding in pregnancy (miscarriage, previa, ectopic), and fever after
    /// an abortion, miscarriage or birth (retained tissue or sepsis).
    pub(super) fn pregnancy_complication(&self) -> Vec<Hit> {
        let mut hits = Vec::new();
        if self.message.mentions(&PREGNANT_NOW) {
            hits.extend(self.hits(&BLEEDING));
        }
        hits.extend(self.together(&PREGNANCY_ENDED, &[&FEVER]));
        hits
    }

    /// Heavy flow during a period is a question for a GP, not an emergency,
    /// unless it soaks a pad an hour or comes with fainting.
    pub(super) fn is_ordinary_period(&self, hit: &Hit) -> bool {
        let message = self.message;
        message.mentions_in_sentence(&PERIOD_WORD, hit.anchor)
            && !message.mentions_in_sentence(&ALARMING_FLOW, hit.anchor)
    }

    /// Priapism: an erection lasting four hours or more.
    pub(super) fn prolonged_erection(&self) -> Vec<Hit> {
        const PRIAPISM_HOURS: u32 = 4;
        let Some(re) = prolonged_erection_pattern() else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        for caps in re.captures_iter(self.message.text()) {
            let Some(whole) = caps.get(0) else { continue };
            let hours = caps
                .name("n")
                .or_else(|| caps.name("m"))
                .and_then(|n| number_word(n.as_str()))
                .unwrap_or(0);
            let hit = Hit {
                start: whole.start(),
                end: whole.end(),
                anchor: whole.start(),
            };
            if hours >= PRIAPISM_HOURS
                && self.context_allows(hit, NEGATABLE | HYPOTHETICAL | EDUCATIONAL)
            {
                hits.push(hit);
            }
        }
        hits
    }

    // -- emergency contraception --------------------------------------------

    /// Unprotected sex or a failed method within 120 hours (ulipristal and
    /// the copper IUD reach five days), for someone who could get pregnant
    /// and is not otherwise covered.
    pub(super) fn emergency_contraception(&self) -> Vec<Hit> {
        const WINDOW_HOURS: u32 = 5 * HOURS_PER_DAY;
        let framing = self.framing;
        if framing.trying_to_conceive
            || framing.took_emergency_contraception
            || framing.period_arrived
            || !framing.pregnancy_possible()
        {
            return Vec::new();
        }
        let pill_failures: Vec<Hit> = if framing.pill_context {
            self.hits(&PILL_FAILURE)
        } else {
            Vec::new()
        };
        let covered = (framing.reliable_contraception || framing.pill_user)
            && !framing.no_contraception
            && pill_failures.is_empty();
        if covered {
            return Vec::new();
        }
        let mut exposures = self.hits(&CONDOM_FAILURE);
        exposures.extend(self.hits(&UNPROTECTED_SEX));
        exposures.extend(self.hits(&STEALTHING));
        exposures.extend(self.dated_withdrawal());
        let mut hits: Vec<Hit> = exposures
            .into_iter()
            .filter(|hit| self.within(hit, WINDOW_HOURS) && !self.is_anal_only(hit))
            .collect();
        // A missed pill or an absent method matters through the sex that
        // followed it, so the sex sets the clock.
        if !pill_failures.is_empty() || framing.no_contraception {
            let recent_sex: Vec<Hit> = self
                .hits(&SEX_EVENT)
                .into_iter()
                .filter(|hit| self.within(hit, WINDOW_HOURS))
                .collect();
            if !recent_sex.is_empty() {
                hits.extend(pill_failures);
                hits.extend(recent_sex);
            }
        }
        hits
    }

    pub(super) fn dated_withdrawal(&self) -> Vec<Hit> {
        let message = self.message;
        self.hits(&WITHDRAWAL)
            .into_iter()
            .filter(|hit| {
                message.time_in_sentence(hit.anchor).is_some()
                    && !message.mentions_in_sentence(&CONDOM_USED, hit.anchor)
            })
            .collect()
    }

    /// Anal sex alone carries no pregnancy risk, so no emergency
    /// contraception, though it is the highest-risk route for HIV.
    pub(super) fn is_anal_only(&self, hit: &Hit) -> bool {
        self.message.mentions_in_sentence(&ANAL_SEX, hit.anchor) && !self.framing.vaginal_sex
    }

    // -- HIV exposure --------------------------------------------------------

    /// A condomless or failed-condom exposure, shared needles, or a request
    /// for PEP, within 72 hours, with a partner whose status is unknown or
    /// positive and not suppressed. An assailant's status is unknown unless
    /// the assailant is a steady partner.
    pub(super) fn hiv_exposure(&self, assault_found: bool) -> Vec<Hit> {
        const PEP_WINDOW_HOURS: u32 = 72;
        let framing = self.framing;
        if framing.on_prep && !framing.missed_prep {
            return Vec::new();
        }
        let assailant_unknown = assault_found && !framing.steady_partner;
        let mut exposures = Vec::new();
        if framing.partner_status_at_risk() || assailant_unknown {
            exposures.extend(self.hits(&CONDOM_FAILURE));
            exposures.extend(self.hits(&UNPROTECTED_SEX));
            exposures.extend(self.hits(&STEALTHING));
            exposures.extend(self.dated_withdrawal());
        }
        exposures.extend(self.hits(&SHARED_NEEDLES));
        exposures.extend(self.hits(&PEP_REQUEST));
        exposures
            .into_iter()
            .filter(|hit| self.within(hit, PEP_WINDOW_HOURS))
            .collect()
    }

    // -- STI symptoms --------------------------------------------------------

    pub(super) fn sti_symptoms(&self) -> Vec<Hit> {
        let message = self.message;
        let mut hits = self.hits(&PAINFUL_URINATION);
        hits.extend(self.abnormal_discharge());
        if !self.framing.benign_diagnosis {
            hits.extend(
                self.hits(&GENITAL_LESION)
                    .into_iter()
                    .filter(|hit| self.on_genitals(hit)),
            );
        }
        hits.extend(
            self.hits(&GENITAL_ITCH)
                .into_iter()
                .filter(|hit| self.on_genitals(hit)),
        );
        hits.extend(self.hits(&UNEXPECTED_BLEEDING));
        // Pelvic pain with fever, or new pain during sex with a new partner:
        // pelvic inflammatory disease.
        hits.extend(self.together(&PELVIC_PAIN, &[&FEVER]));
        hits.extend(self.together(&PAINFUL_SEX, &[&NEW_PARTNER]));
        // Symptoms that cleared up months ago are history.
        hits.retain(|hit| {
            message
                .time_in_sentence(hit.anchor)
                .is_none_or(|h| h <= 2 * HOURS_PER_MONTH)
                || message.mentions_in_sentence(&RECURRENCE, hit.anchor)
        });
        hits
    }

    /// Whether the sentence places a sore or an itch on the genitals (and
    /// not "nowhere near my genitals").
    pub(super) fn on_genitals(&self, hit: &Hit) -> bool {
        let message = self.message;
        let (start, end) = message.sentence_of(hit.anchor);
        let Some(sentence) = message.text().get(start..end) else {
            return false;
        };
        GENITAL_PLACE.compiled().iter().any(|cue| {
            cue.regex
                .find_iter(sentence)
                .any(|m| !message.is_negated(start + m.start()))
        })
    }

    /// Discharge is a symptom when it is described as abnormal (colour,
    /// smell, from the penis) and not as the clear, stretchy discharge of
    /// ovulation.
    pub(super) fn abnormal_discharge(&self) -> Vec<Hit> {
        let message = self.message;
        self.hits(&DISCHARGE)
            .into_iter()
            .filter(|hit| {
                let (start, end) = message.sentence_of(hit.anchor);
                let abnormal = ABNORMAL_DISCHARGE.compiled().iter().any(|cue| {
                    message
                        .text()
                        .get(start..end)
                        .into_iter()
                        .flat_map(|s| cue.regex.find_iter(s))
                        .any(|m| !message.is_negated(start + m.start()))
                });
                abnormal && !message.mentions_in(&NORMAL_DISCHARGE, start, end)
            })
            .collect()
    }

    // -- minor ---------------------------------------------------------------

    /// The asker says they are under 16, or a child under 16 is being
    /// pursued by an adult (secrets, pictures, gifts, meeting alone).
    pub(super) fn minor(&self) -> Vec<Hit> {
        let message = self.message;
        if let Some(hit) = self.minor_self_age_hit() {
            return vec![hit];
        }
        let children: Vec<Hit> = self
            .ages(&CHILD_AGE)
            .into_iter()
            .filter(|(_, age)| *age < 16)
            .map(|(hit, _)| hit)
            .collect();
        let adult_present = message.mentions(&ADULT_PERSON)
            || self.ages(&ADULT_AGE).iter().any(|(_, age)| *age >= 18);
        if !children.is_empty() && adult_present && message.mentions(&GROOMING) {
            return children;
        }
        Vec::new()
    }

    /// The asker's own stated age when it is under 16 and no older present
    /// age contradicts it.
    pub(super) fn minor_self_age_hit(&self) -> Option<Hit> {
        let ages = self.ages(&SELF_AGE);
        if ages.iter().any(|(_, age)| *age >= 16) {
            return None;
        }
        ages.into_iter()
            .find(|(_, age)| (8..16).contains(age))
            .map(|(hit, _)| hit)
    }

    /// The asker says they are 16 or older, and nobody in the text is
    /// given an age under 16.
    pub(super) fn adult_asker_and_no_child(&self) -> bool {
        let adult = self.ages(&SELF_AGE).iter().any(|(_, age)| *age >= 16)
            || self.message.mentions(&ADULTS_ALL);
        let child = self.ages(&CHILD_AGE).iter().any(|(_, age)| *age < 16);
        adult && !child
    }

    /// Matches of an age lexicon with the age read from group `n` and the
    /// match rejected when a unit follows ("I'm 15 minutes late").
    pub(super) fn ages(&self, lexicon: &Lexicon) -> Vec<(Hit, u32)> {
        let text = self.message.text();
        let mut ages = Vec::new();
        for cue in lexicon.compiled() {
            for caps in cue.regex.captures_iter(text) {
                let number = caps
                    .name("n")
                    .or_else(|| caps.name("n2"))
                    .or_else(|| caps.name("n3"));
                let (Some(whole), Some(n)) = (caps.get(0), number) else {
                    continue;
                };
                let Some(age) = number_word(n.as_str()) else {
                    continue;
                };
                let rest = text.get(whole.end()..).unwrap_or_default();
                if NOT_AN_AGE.compiled().iter().any(|c| c.regex.is_match(rest)) {
                    continue;
                }
                ages.push((
                    Hit {
                        start: whole.start(),
                        end: whole.end(),
                        anchor: whole.start(),
                    },
                    age,
                ));
            }
        }
        ages
    }
}

pub(super) fn prolonged_erection_pattern() -> Option<&'static Regex> {
    static PATTERN: OnceLock<Option<Regex>> = OnceLock::new();
    PATTERN
        .get_or_init(|| {
            Regex::new(concat!(
                r"\b(?:erection|erect|hard[- ]on|boner|ereccion|erecto)\b[^.!?]{0,60}?\b(?P<n>\d{1,2}|four|five|six|seven|eight|nine|ten|twelve|cuatro|cinco|seis|siete|ocho|nueve|diez|doce)(?:\.\d| and a half| y media)? (?:hours|hrs|horas)\b",
                r"|\b(?P<m>\d{1,2}|four|five|six|seven|eight|nine|ten|twelve|cuatro|cinco|seis|siete|ocho|nueve|diez|doce)(?:\.\d| and a half| y media)? (?:hours|hrs|horas)\b[^.!?]{0,40}?\b(?:erection|erect|hard|ereccion|erecto|dura)\b",
            ))
            .ok()
        })
        .as_ref()
}
