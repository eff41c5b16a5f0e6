//! Framing: what the question as a whole says about the asker and the event.

use super::*;

/// Facts about the whole question that decide whether cues count.
pub(super) struct Framing {
    pub(super) educational: bool,
    pub(super) nothing_happened: bool,
    pub(super) negotiated_kink: bool,
    pub(super) partner_context: bool,
    pub(super) steady_partner: bool,
    pub(super) casual_partner: bool,
    pub(super) partner_positive: bool,
    pub(super) partner_undetectable: bool,
    pub(super) partner_detectable: bool,
    pub(super) on_prep: bool,
    pub(super) missed_prep: bool,
    pub(super) asker_male: bool,
    pub(super) asker_female: bool,
    pub(super) asker_trans_masc: bool,
    pub(super) partner_male: bool,
    pub(super) partner_female: bool,
    pub(super) same_sex_couple: bool,
    pub(super) vaginal_sex: bool,
    pub(super) hiv_focus: bool,
    pub(super) pregnancy_concern: bool,
    pub(super) trying_to_conceive: bool,
    pub(super) took_emergency_contraception: bool,
    pub(super) period_arrived: bool,
    pub(super) reliable_contraception: bool,
    pub(super) pill_user: bool,
    pub(super) no_contraception: bool,
    pub(super) pill_context: bool,
    pub(super) benign_diagnosis: bool,
}

impl Framing {
    pub(super) fn of(message: &Message) -> Self {
        let has = |lexicon: &Lexicon| message.mentions(lexicon);
        let asker_trans_masc = has(&ASKER_TRANS_MASC);
        Framing {
            educational: has(&EDUCATIONAL_FRAME),
            nothing_happened: has(&NOTHING_HAPPENED),
            negotiated_kink: has(&CONSENT_FRAME) && has(&KINK_CONTEXT),
            partner_context: has(&PARTNER_CONTEXT) || mentions_el_pronoun(message.original),
            steady_partner: has(&STEADY_PARTNER),
            casual_partner: has(&CASUAL_PARTNER),
            partner_positive: has(&PARTNER_HIV_POSITIVE),
            partner_undetectable: has(&PARTNER_UNDETECTABLE),
            partner_detectable: has(&PARTNER_DETECTABLE),
            on_prep: has(&ON_PREP),
            missed_prep: has(&MISSED_PREP),
            asker_male: has(&ASKER_MALE) && !asker_trans_masc,
            asker_female: has(&ASKER_FEMALE),
            asker_trans_masc,
            partner_male: has(&PARTNER_MALE),
            partner_female: has(&PARTNER_FEMALE),
            same_sex_couple: has(&SAME_SEX_COUPLE),
            vaginal_sex: has(&VAGINAL_SEX),
            hiv_focus: has(&HIV_FOCUS),
            pregnancy_concern: has(&PREGNANCY_CONCERN),
            trying_to_conceive: has(&TRYING_TO_CONCEIVE),
            took_emergency_contraception: has(&TOOK_EMERGENCY_CONTRACEPTION),
            period_arrived: has(&PERIOD_ARRIVED),
            reliable_contraception: has(&RELIABLE_CONTRACEPTION),
            pill_user: has(&PILL_USER),
            no_contraception: has(&NO_CONTRACEPTION),
            pill_context: has(&PILL_CONTEXT),
            benign_diagnosis: has(&BENIGN_DIAGNOSIS),
        }
    }

    /// Whether anyone in the exchange could become pregnant and the asker is
    /// placed to act on it. A man asking about a casual partner is asking
    /// about HIV unless he raises her pregnancy; two men, or two women,
    /// cannot conceive together.
    pub(super) fn pregnancy_possible(&self) -> bool {
        if self.asker_trans_masc {
            // Pregnancy is possible unless the only partner mentioned is a woman.
            return !self.partner_female || self.partner_male;
        }
        if self.same_sex_couple {
            return false;
        }
        if self.asker_male {
            return self.partner_female
                && !self.partner_male
                && (self.steady_partner || self.pregnancy_concern);
        }
        if self.asker_female {
            return self.partner_male || !self.partner_female;
        }
        if self.partner_male {
            return true;
        }
        if self.partner_female {
            return self.steady_partner || self.pregnancy_concern;
        }
        !self.hiv_focus || self.pregnancy_concern
    }

    /// Whether the partner's HIV status is unknown or positive and not
    /// known to be suppressed.
    pub(super) fn partner_status_at_risk(&self) -> bool {
        let positive =
            self.partner_positive && (!self.partner_undetectable || self.partner_detectable);
        self.casual_partner || positive
    }
}

/// "Él" (he) folds to "el" (the); only the original accent tells them apart.
pub(super) fn mentions_el_pronoun(original: &str) -> bool {
    static EL: OnceLock<Option<Regex>> = OnceLock::new();
    EL.get_or_init(|| Regex::new(r"(?:^|[^\p{L}])[éÉ]l(?:[^\p{L}]|$)").ok())
        .as_ref()
        .is_some_and(|re| re.is_match(original))
}

pub(super) static EDUCATIONAL_FRAME: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:school|college|uni|university|research|term|class|course|nursing|medical|law) (?:paper|project|essay|assignment|presentation|report|course)\b",
        0,
    ),
    cue(
        r"\b(?:writing|write|doing) (?:a|an|my) (?:paper|essay|report|thesis|dissertation|article|leaflet)\b|\bfor (?:an|my|a) (?:essay|class|course|assignment|project|exam|paper)\b|\bit'?s for (?:an|my|a) (?:essay|class|course|assignment|project)\b",
        0,
    ),
    cue(
        r"\b(?:watched|watching|saw|read|reading) (?:a|an|the) (?:documentary|film|movie|show|series|article|book|podcast)\b|\b(?:vi|vimos|lei|leimos) (?:un|una|el|la) (?:documental|pelicula|serie|articulo|libro)\b|\b(?:writing|write|drafting|draft) (?:a|an|our|the) (?:policy|guide|guidance|training|workshop|handout|leaflet)\b|\bwhat'?s the difference between\b|\bque diferencia hay entre\b|\b(?:i write|i'?m writing) (?:patient )?(?:leaflets|articles|content)\b|\b(?:i'?m|i am) (?:a|an) (?:nurse|doctor|midwife|student|teacher|researcher|volunteer)\b|\btraining to (?:volunteer|become)\b|\bvolunteer (?:on|at|for)\b",
        0,
    ),
    cue(
        r"\bin general\b|\bjust curious\b|\bout of curiosity\b|\bgeneral question\b|\bsaw (?:it )?(?:in|on) (?:a|the) (?:news|documentary|article|show)\b|\b(?:a friend|someone) mentioned\b",
        0,
    ),
    cue(
        r"\btrabajo (?:para|de) (?:clase|la uni|la universidad|el instituto|la escuela|el cole)\b|\ben general\b|\bpor curiosidad\b|\bes por saber(?:lo)?\b|\b(?:soy|como) (?:enfermera|enfermero|medica|medico|estudiante|voluntaria|voluntario|profesora|profesor)\b",
        0,
    ),
    cue(
        r"\blo (?:vi|lei|escuche) en (?:un|una|el|la) (?:reportaje|noticia|documental|articulo|programa|serie)\b|\bun reportaje\b|\buna noticia\b",
        0,
    ),
]);

pub(super) static NOTHING_HAPPENED: Lexicon = Lexicon::new(&[cue(
    r"\bnothing (?:has )?happened\b|\bno me ha pasado nada\b|\bno me paso nada\b|\bno nos ha pasado nada\b|\bnothing'?s happened\b",
    0,
)]);

pub(super) static CONSENT_FRAME: Lexicon = Lexicon::new(&[
    cue(
        r"\bconsensual\w*|\bconsent(?:ed|ing)?\b|\bnegotiat\w+|\bsafe ?words?\b|\bpalabra de seguridad\b|\bconsensuad\w*|\bconsentid\w*",
        NEGATABLE,
    ),
    cue(
        r"\b(?:we'?ve|we have|we|we'?d|we had) (?:both )?(?:talked|discussed|agreed|planned) (?:it|about it|it through|this|beforehand|before)\b|\bwe both (?:want|like|enjoy|love|agreed)\b|\bboth (?:into|want)\b",
        NEGATABLE,
    ),
    cue(
        r"\b(?:lo )?(?:hemos|habiamos) hablado\b|\blo hablamos\b|\bnos gusta\b|\ble gusta que\b|\blos dos queremos\b|\bqueremos probar\b",
        NEGATABLE,
    ),
]);

pub(super) static KINK_CONTEXT: Lexicon = Lexicon::new(&[cue(
    r"\b(?:kink\w*|bdsm|role ?play\w*|cnc|rough sex|spank\w*|bondage|choking|tied up|dominat\w*|submissive|sub|dom|safe ?words?|aftercare|impact play|during sex|in bed|nalgadas|bondage|sexo duro|dominen|sumis\w*|palabra de seguridad)\b",
    0,
)]);

pub(super) static PARTNER_CONTEXT: Lexicon = Lexicon::new(&[cue(
    r"\b(?:my|her|his) (?:ex|boyfriend|girlfriend|husband|wife|partner|bf|gf|fianc\w*|spouse|hubby)\b|\b(?:mi|su) (?:ex|novio|novia|marido|esposo|esposa|pareja|mujer|chico|chica|hombre|companer[oa])\b|\b(?:he|she|ella)\b|\b(?:argument|arguing|argue|fight|fighting|fought|discutimos|discutir|discusion|peleamos|pelea)\b",
    0,
)]);

pub(super) static STEADY_PARTNER: Lexicon = Lexicon::new(&[cue(
    r"\bmy (?:boyfriend|girlfriend|husband|wife|partner|fianc\w*|bf|gf|hubby|spouse)\b|\b(?:mi|su) (?:novio|novia|marido|esposo|esposa|mujer|chico|chica)\b|\bmi pareja\b(?: de)?|\btogether (?:for )?\w+ (?:years?|months)\b|\bof \w+ years\b",
    0,
)]);

pub(super) static CASUAL_PARTNER: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:anonymous|anon|random|some random)\b|\b(?:hook ?ups?|hooked up with|one[- ]night stand|tinder|grindr|bumble|hinge|scruff|(?:an|the|a dating|dating) app|sex worker|escort|prostitut\w*|stranger|random (?:guy|girl|man|woman|person)|on holiday|on vacation|casual (?:partner|sex))\b",
        0,
    ),
    cue(
        r"\bmet (?:a|this|some) (?:guy|man|girl|woman|person|lad|stranger)\b|\b(?:someone|somebody) i (?:just )?met\b|\bmet (?:him|her|them)?\s?(?:at|on|online|in|through)\b|\b(?:guy|man|girl|woman|person|people|someone|somebody) (?:that |who )?i (?:don'?t|didn'?t|do not|did not|barely) (?:really )?know\b|\bdon'?t (?:really )?know (?:him|her|them)\b",
        0,
    ),
    cue(
        r"\b(?:don'?t|do not|didn'?t|did not) know (?:his|her|their) (?:hiv )?status\b|\bno idea (?:about|of|what) (?:his|her|their) status\b|\bunknown status\b|\bstatus unknown\b",
        0,
    ),
    cue(
        r"\bdesconocid[oa]s?\b|\b(?:una|por una|de una|por) app\b|\bque conoci\b|\bno (?:lo|la) conocia\b|\bque no conocia\b|\bno se nada de (?:el|ella)\b|\bno se si tiene (?:vih|algo|alguna)\b|\bpareja ocasional\b|\bligue\b|\brollo de una noche\b|\btrabajador[a]? sexual\b|\ben una fiesta\b|\bat a party\b|\bmet online\b|\bmet (?:him|her) online\b",
        0,
    ),
]);

pub(super) static PARTNER_HIV_POSITIVE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:hiv|vih)\s*(?:\+|positive|positivo|positiva|pos)|\btiene (?:vih|sida)\b|\bhas (?:hiv|aids)\b|\bhe'?s (?:hiv|poz)\b|\bshe'?s hiv\b",
    0,
)]);

pub(super) static PARTNER_UNDETECTABLE: Lexicon = Lexicon::new(&[cue(
    r"\bundetectable\b|\bindetectable\b|\bu ?= ?u\b|\bi ?= ?i\b",
    0,
)]);

pub(super) static PARTNER_DETECTABLE: Lexicon = Lexicon::new(&[cue(
    r"\bdetectable again\b|\bviral load is (?:high|detectable|up)\b|\b(?:not|isn'?t|hasn'?t been|never been|no longer) (?:on )?(?:treatment|meds|medication|arvs?|art)\b|\bno se medica\b|\bsin tratamiento\b|\bno (?:toma|sigue) (?:el )?tratamiento\b|\bdetectable\b",
    0,
)]);

pub(super) static ON_PREP: Lexicon = Lexicon::new(&[cue(
    r"\b(?:on|taking|take|tomo|uso|con) (?:daily )?prep\b",
    NEGATABLE,
)]);

pub(super) static MISSED_PREP: Lexicon = Lexicon::new(&[cue(
    r"\b(?:missed|skipped|forgot|stopped|ran out of)\b[^.!?]{0,30}\b(?:doses|prep|pills)\b|\b(?:olvide|deje|me salte)\b[^.!?]{0,20}\b(?:prep|dosis)\b",
    0,
)]);

pub(super) static ASKER_MALE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:i'?m|im|i am|as) an? (?:(?:\d{1,2}[- ]?(?:years?|yrs?)[- ]?old|straight|gay|bi|cis|young|single|married) )?(?:guy|man|dude|boy|male|bloke)\b|\b(?:i'?m|im|i am) (?:a )?(?:guy|man|male) too\b|\bwe'?re both (?:guys|men|boys|dudes)\b|\bgay (?:man|guy)\b|\bsoy (?:un )?(?:hombre|chico|varon|chaval|chavo|gay)\b|\bsomos (?:dos )?(?:chicos|hombres)\b",
    0,
)]);

pub(super) static ASKER_FEMALE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:i'?m|im|i am|as) an? (?:(?:\d{1,2}[- ]?(?:years?|yrs?)[- ]?old|straight|gay|bi|cis|young|single|married) )?(?:woman|girl|female|lady)\b|\bsoy (?:una )?(?:mujer|chica|chava)\b|\bmy (?:period|vagina|vulva|cycle)\b|\bmi (?:regla|periodo|vagina|vulva|ciclo)\b|\b(?:i'?m|im|i am) (?:not )?on (?:any |the )?(?:birth control|pill)\b|\b(?:i'?m|im|i am) (?:\d+ weeks )?pregnant\b|\bestoy embarazada\b",
    0,
)]);

pub(super) static ASKER_TRANS_MASC: Lexicon = Lexicon::new(&[cue(
    r"\btrans (?:guy|man|boy|masc\w*)\b|\bon (?:t|testosterone)\b|\bftm\b|\b(?:hombre|chico) trans\b",
    0,
)]);

pub(super) static PARTNER_MALE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:boyfriend|husband|bf|hubby|fiance)\b|\b(?:with|from|by|met|saw|and|to) (?:a|an|this|some|another) (?:guy|man|dude|boy)\b|\b(?:the|this|another|other|cis|older) (?:guy|man|dude|boy)\b|\ba (?:guy|man|dude|boy) (?:i|from|who|that|at|on)\b|\b(?:he|him|his)\b|\b(?:mi|un|el|otro|con) (?:novio|marido|esposo|chico|chavo|hombre|tio|senor|pibe|chaval)\b",
    0,
)]);

pub(super) static PARTNER_FEMALE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:girlfriend|wife|gf|fiancee)\b|\b(?:with|from|by|met|saw|and|to) (?:a|an|this|some|another) (?:woman|girl|lady)\b|\b(?:the|this|another|other|cis) (?:woman|girl|lady)\b|\ba (?:woman|girl|lady) (?:i|from|who|that|at|on)\b|\b(?:she|her|hers)\b|\b(?:mi|una|la|otra|con) (?:novia|esposa|mujer|chica|chava|piba)\b",
    0,
)]);

pub(super) static SAME_SEX_COUPLE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:i'?m|im|i am|soy) (?:a )?(?:gay|lesbian|lesbiana)\b|\bwe'?re both (?:guys|men|boys|women|girls)\b|\bsomos (?:dos )?(?:chicos|chicas|hombres|mujeres)\b",
    0,
)]);

pub(super) static HIV_FOCUS: Lexicon =
    Lexicon::new(&[cue(r"\b(?:hiv|vih|prep|pep|sida|aids|status)\b", 0)]);

pub(super) static PREGNANCY_CONCERN: Lexicon = Lexicon::new(&[cue(
    r"\bpregnan\w*|\bembaraz\w*|\bbirth control\b|\bcontracepti\w*|\banticoncepti\w*|\bmorning[- ]after\b|\bday[- ]after\b|\bdel dia despues\b|\bplan b\b|\bthe pill\b|\bla pastilla\b|\bla pildora\b|\bperiod\b|\bregla\b|\b(?:should|does|will|can|could|would) she (?:take|need|get)\b|\b(?:she'?s|she is) not on\b|\bnot on anything\b",
    0,
)]);

pub(super) static TRYING_TO_CONCEIVE: Lexicon = Lexicon::new(&[cue(
    r"\btrying (?:for a (?:baby|child)|to (?:get pregnant|conceive|have a baby))\b|\bttc\b|\bbuscando (?:un bebe|un hijo|el embarazo|embarazo|quedar embarazada)\b|\bqueremos (?:un bebe|tener un hijo|quedar embarazad|ser padres|embarazarnos)\b|\b(?:buscar|buscando|busca) (?:el )?embarazo\b|\bintentando (?:quedar embarazada|embarazarnos|tener un bebe)\b|\bllevamos [^.!?]{0,20}\bintentando\b|\bwe want a baby\b",
    NEGATABLE,
)]);

pub(super) static TOOK_EMERGENCY_CONTRACEPTION: Lexicon = Lexicon::new(&[cue(
    r"\b(?:took|taken|take|had|got)\b[^.!?]{0,15}\b(?:morning[- ]after pill|plan b|emergency contracepti\w*|ellaone|ella)\b|\b(?:me tome|se tomo|tomamos|ya tome|tome) la (?:pastilla|pildora) del dia despues\b",
    NEGATABLE,
)]);

pub(super) static PERIOD_ARRIVED: Lexicon = Lexicon::new(&[cue(
    r"\b(?:got|get) (?:my|her) period\b|\b(?:period|periods) (?:came|arrived|started|showed up)\b|\bme (?:bajo|vino|llego) la regla\b|\bya me bajo\b",
    NEGATABLE,
)]);

pub(super) static RELIABLE_CONTRACEPTION: Lexicon = Lexicon::new(&[cue(
    r"\b(?:implant|implante|nexplanon|iud|diu|coil|mirena|vasectomy|vasectomia|ligadura|tubes tied|depo(?:[- ]provera)?)\b|\bnever miss (?:one|a pill|any)\b|\bsin (?:fallar|olvidar) ninguna\b",
    NEGATABLE,
)]);

pub(super) static PILL_USER: Lexicon = Lexicon::new(&[cue(
    r"\b(?:i'?m|im|i am|she'?s|she is) on the pill\b|\b(?:tomo|toma|uso) (?:la )?(?:pildora|pastilla)(?: anticonceptiva)?\b",
    NEGATABLE,
)]);

pub(super) static NO_CONTRACEPTION: Lexicon = Lexicon::new(&[cue(
    r"\b(?:i'?m|im|i am|she'?s|she is|we'?re|we are) not on (?:any |the |a )?(?:birth control|contraception|the pill|pill|anything|any contraception|hormonal\w*)\b|\bnot (?:using|on) any (?:birth control|contraception)\b|\bno birth control\b|\bwon'?t let me (?:get|use|take|have) (?:birth control|contraception|the pill)\b|\bflush(?:ed|es)? my pills\b|\bno (?:tomo|uso|usamos|tomamos|llevo) (?:la |las |ningun |ninguna |nada|anticonceptiv\w*|pastillas|pildoras|metodo)\w*|\bno (?:uso|usamos|tengo) ningun metodo\b|\bsin (?:metodo|anticonceptiv\w*)\b",
    0,
)]);

pub(super) static PILL_CONTEXT: Lexicon = Lexicon::new(&[cue(
    r"\bpills?\b|\bpack\b|\bblister\b|\bring\b|\bpatch\b|\binjection\b|\bpastillas?\b|\bpildoras?\b|\banillo\b|\bparche\b|\bbirth control\b|\banticoncepti\w*",
    0,
)]);

pub(super) static BENIGN_DIAGNOSIS: Lexicon = Lexicon::new(&[cue(
    r"\bpearly (?:penile|white)\b|\bfordyce\b|\b(?:doctor|gp|nurse|clinic) (?:said|says|told me)\b[^.!?]{0,40}\b(?:harmless|normal|nothing|benign|fine)\b|\bel (?:medico|doctor|ginecologo|ginecologa) (?:me )?dijo que\b[^.!?]{0,40}\b(?:normal|benign\w*|nada)\b",
    0,
)]);
