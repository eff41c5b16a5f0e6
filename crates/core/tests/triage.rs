//! Scores triage against the labelled cases in `tests/data/triage_cases.toml`.
//!
//! Every 5th case (the 5th, 10th, 15th, … in file order) is held out: the
//! patterns were written without tuning on them, so their scores estimate
//! how triage does on questions nobody has seen. The table is printed with
//! `cargo test -p confide-core --test triage -- --nocapture`; mistakes are
//! listed for the tuning cases only.
//!
//! History, so the numbers are read fairly: the held-out split scored 1.0
//! everywhere except self_harm 0.75 (3/4) and medical_emergency 0.67 (4/6)
//! while blind. Its three misses were then read once and fixed with general
//! vocabulary (self-injury described by its effect, pain severity stated as
//! "can't stand up", "en el lado derecho"), so it is no longer fully blind.
//! Blind batches of the author's own probes (below) scored 75–82% recall
//! before their gaps were fixed: expect lower recall on new wording than
//! these tables show.

use std::collections::BTreeSet;

use confide_core::triage::{triage, Category};
use serde::Deserialize;

const CASES: &str = include_str!("data/triage_cases.toml");

/// Generalisation probes: questions the triage author wrote from the
/// category definitions while building it, in batches, each batch scored
/// blind before any pattern was changed for it. They are kept apart from the
/// team's labelled set (whose held-out split they would otherwise blur) and
/// guard against regressions. Format: `categories|question`.
const PROBES: &str = r#"
self_harm|I've been thinking that everyone would be happier if I was gone.
self_harm|Sometimes I wish I could just disappear forever.
self_harm|I've started hurting myself again since the breakup.
self_harm|I don't think I can keep going like this. I've been saving up my pills.
self_harm|Since he left I keep thinking about ending my life.
self_harm|honestly what's the point of living if nobody will ever want me
self_harm|I took a razor to my arms last night.
self_harm|I feel like a burden and I've been thinking about suicide.
self_harm|i want to die. i can't stop crying after what happened
self_harm|No le veo sentido a la vida desde que me dejó.
self_harm|He pensado en quitarme la vida.
self_harm|Me autolesiono cuando me siento culpable después del sexo.
self_harm|A veces pienso que todos estarían mejor sin mí.
self_harm|Ya no aguanto más, quiero morirme.
self_harm|I'm planning to end it this weekend, I just wanted to ask one last thing.
self_harm|I burn myself with cigarettes when I feel dirty after sex.
self_harm|Part of me wants to jump off the bridge near my house.
medical_emergency,self_harm|I took a whole bottle of paracetamol an hour ago.
medical_emergency|My girlfriend fainted after sex and is bleeding a lot.
medical_emergency|I'm 8 weeks pregnant and have severe pain on one side and I'm dizzy.
medical_emergency|My testicle suddenly started hurting really badly and it's swollen.
medical_emergency|I have had an erection for 5 hours and it's really painful.
medical_emergency|There's so much blood, I'm soaking a pad every 30 minutes after the abortion pill.
medical_emergency|We heard a crack during sex and now his penis is swollen and black.
medical_emergency|My throat is swelling after using a new lube, I can't breathe properly.
medical_emergency|Tengo una erección desde hace seis horas y me duele mucho.
medical_emergency|Estoy embarazada de 10 semanas, sangro mucho y tengo mucho dolor.
medical_emergency|Se me quedó un juguete dentro y tengo fiebre y dolor.
medical_emergency|Me desmayé y tengo un dolor fuerte en un lado de la barriga, tengo un retraso.
medical_emergency|I took viagra and now have chest pain.
medical_emergency|A tampon has been stuck inside me for days and now I have a fever and feel awful.
medical_emergency|After the miscarriage I'm bleeding heavily and feel faint.
medical_emergency|He has a fever of 40 and severe pain in his scrotum.
|My period was heavy this month, more than usual. Should I see a GP?
|I bled a little the first time we had sex. Is that normal?
|How long can an erection last before it's a problem?
|I got a tiny cut from shaving down there, it stopped bleeding quickly.
|Is a bit of spotting normal on the pill?
|I'm dead tired after work and have no energy for sex.
|My husband says he'll die if I don't give him a massage lol
|That joke killed me.
|My sister is so annoying I could kill her, she read my diary.
|I'm so embarrassed I want to die, I farted during sex haha
|The sex was so good I thought I'd die.
|How do people cope after a suicide in the family? My cousin died last year.
|We watched a film about self-harm, how do I talk about it with my teenager?
|Me duele un poco la cabeza después del orgasmo a veces. ¿Es normal?
|Tengo 25 años y nunca he tenido un orgasmo. ¿Qué hago?
|I'm 19 and my boyfriend is 22. Is that ok?
|I'm 15 minutes away from my date and I'm nervous!
|My boyfriend never hits me or checks my phone. He's lovely.
|We used to fight a lot but couples therapy helped.
|Is it safe to have sex during pregnancy?
|We had sex with a condom last night and it stayed on. Do I need anything?
|Can I get pregnant if he pulls out?
|What is PrEP and who should take it?
|¿Puedo quedar embarazada si tomo la píldora bien?
|Mi novio y yo usamos condón siempre. ¿Es suficiente?
emergency_contraception|We didn't use anything last night and I'm not on birth control.
emergency_contraception|The condom came off inside me this morning.
emergency_contraception|I'm on the pill but forgot three pills this week and we had sex on Sunday. It's Tuesday.
emergency_contraception|Anoche se rompió el preservativo. ¿Qué hago?
emergency_contraception|Ayer mi novio eyaculó dentro y no tomo nada.
hiv_exposure,emergency_contraception|I had sex with a stranger last night without a condom.
hiv_exposure|Shared a needle with a friend yesterday, I don't know if he has anything.
hiv_exposure|Had condomless anal with a guy from an app 30 hours ago. I'm a man.
sexual_assault|My ex forced himself on me last weekend.
sexual_assault|I was too drunk to consent and he had sex with me anyway.
sexual_assault|He kept going even when I was crying and saying stop.
sexual_assault|Mi jefe me toca cuando estamos solos y me da miedo perder el trabajo.
sexual_assault|Me violó un amigo hace años y nunca se lo conté a nadie.
sexual_assault|Someone at the club spiked my drink and I woke up in a stranger's bed.
partner_violence|My husband threatens to kill me if I talk to other men.
partner_violence|My girlfriend pushed me down the stairs during a fight.
partner_violence|Mi marido me insulta y me empuja cuando bebe.
partner_violence|He takes my paycheck and gives me an allowance.
partner_violence|Mi novio me prohíbe ver a mis amigas.
sti_symptoms|I have a sore on my lip down there that hurts, after a new partner.
sti_symptoms|There's a bad smelling discharge from my vagina since last week.
sti_symptoms|Tengo verrugas en el pene.
sti_symptoms|My penis is dripping and it stings when I pee.
minor|I'm 13, is it normal to have crushes on girls?
minor|Tengo 14 años y mi novio quiere que le mande fotos.
minor|A 30 year old guy keeps messaging my 13 year old daughter and sending her gifts.
self_harm|I keep googling how many pills it takes.
self_harm|I have a plan to kill myself after my exams.
self_harm|Lately I just don't want to be here anymore.
self_harm|Every night I hope I just don't wake up.
self_harm|Me hago cortes en las piernas para no sentir.
self_harm|Quiero acabar con todo, no puedo más.
self_harm|He estado pensando en tirarme del balcón.
self_harm|i scratch myself until i bleed when i think about that night
|I had a bad day and wanted to scream, but I'm ok now.
|My grandma died last week, and sex feels weird now. Is grief affecting my libido?
|This relationship is suffocating me, we need more space.
|I could die laughing at how awkward our first time was.
|Mi novio me mata de risa cuando intenta bailar.
|Suicide prevention volunteer here: how do you talk about sex with clients safely?
medical_emergency|I've been bleeding through a pad every hour since this morning.
medical_emergency|My boyfriend's penis made a popping noise and went soft, it's turning purple.
medical_emergency|Sudden agonising pain in my left ball, started 30 mins ago.
medical_emergency|Estoy embarazada y de repente sangro muchísimo.
medical_emergency,sti_symptoms|Tengo un dolor horrible en el bajo vientre y fiebre alta, casi me desmayo.
medical_emergency|Hace 5 horas que tengo el pene erecto y no baja.
|Can a penis really break? Asking because I saw it on TV.
|I get a dull ache in my balls after a long time aroused. Normal?
|What's the normal amount of blood in a period?
emergency_contraception|Condom broke during sex with my husband two days ago. I'm not on anything.
emergency_contraception|We forgot the condom yesterday, can I still take something?
emergency_contraception|He finished inside me an hour ago and I stopped the pill last month.
emergency_contraception|Se le rompió el condón a mi pareja anoche y no uso anticonceptivos.
|We had unprotected sex 10 days ago. When can I test?
|Condom broke 2 weeks ago, I took the morning after pill the next day. Period still not here.
|Can the morning after pill affect my next period?
|I've had an IUD for 2 years and the condom broke last night. Do I need anything?
hiv_exposure|I slept with a guy from Grindr last night and the condom came off. I'm gay.
hiv_exposure|A sex worker I saw on Saturday told me he's HIV positive. It's Sunday and we didn't use a condom. I'm a man.
hiv_exposure,emergency_contraception|Met a guy at a bar, we had unprotected sex this morning. I'm a woman, not on birth control.
|My partner is on HIV treatment and undetectable. We stopped using condoms. Safe?
|How effective is PEP if taken within 24 hours?
|I had a one-night stand 6 months ago without a condom. Should I get tested now?
sexual_assault|I was asleep and woke up to him having sex with me.
sexual_assault|He pressured me into sex after I said no several times.
sexual_assault|My teacher touched me inappropriately when I was 14. I'm 25 now.
sexual_assault|Un desconocido me metió mano en el metro esta mañana.
sexual_assault|Me drogaron en una fiesta y no recuerdo nada.
sexual_assault|I think I was roofied at a bar last night.
partner_violence|He broke my phone so I couldn't call anyone and locked me in the bedroom.
partner_violence|My wife screams at me, hits me and won't let me see the kids.
partner_violence|Mi esposo me amenazó con un cuchillo anoche.
partner_violence|Mi novia me revisa el celular y se pone violenta si hablo con otras chicas.
|We argue sometimes about chores but nobody ever gets physical.
|My ex was abusive years ago; now I'm happily married. How do I stop flinching when touched?
sti_symptoms|Small painful blisters on my vulva since yesterday.
sti_symptoms|I've got yellow discharge from my penis and it burns to pee.
sti_symptoms|Me salieron unas llagas en el pene después de estar con alguien nuevo.
sti_symptoms|Tengo flujo verde y huele mal.
|Is it normal to have some white discharge before my period?
|I have chlamydia according to my test, no symptoms. Can I still have sex?
minor|I'm only 12 but my body is changing, is it normal to have hair down there?
minor|Tengo 13 años y un hombre de 30 me escribe por Instagram diciendo que me quiere.
minor|My little brother is 11 and a man from the park keeps giving him sweets and asking him to come to his car alone.
|My daughter is 15 and asked me about the pill. How do I support her?
|When I was 14 I watched porn for the first time. Now at 30 I think it shaped me.
medical_emergency|My foreskin is stuck behind the head and it's really swollen, I can't get it back.
medical_emergency|The cock ring is stuck and my penis is turning blue.
medical_emergency|I left a tampon in and now I have a high fever, a rash and I'm vomiting.
medical_emergency|I got the worst headache of my life suddenly during orgasm.
medical_emergency|My friend took G at a chill-out and now he won't wake up.
medical_emergency|Me quedó el prepucio atrapado detrás del glande y está muy hinchado.
medical_emergency,sti_symptoms|Después del aborto tengo fiebre alta y el flujo huele fatal.
medical_emergency|Mi pareja se desmayó durante el sexo y no reacciona.
medical_emergency|I'm bleeding heavily from my bum after anal and feel dizzy.
medical_emergency|Me duele muchísimo la barriga, estoy embarazada de 7 semanas y sangro.
self_harm|me quiero matar
self_harm|Me voy a tomar todas las pastillas que tengo.
self_harm|Tengo ganas de morirme desde que me contagié.
self_harm|I wrote a goodbye letter to my family.
self_harm|I want to unalive myself.
self_harm|I won't be a problem for anyone much longer.
self_harm|No quiero seguir aquí.
self_harm|I want to go to sleep and never wake up.
|I'm so tired I could sleep forever lol
|Good sex makes me sleep like the dead.
|My partner says I'm killing the mood when I talk about STIs.
|We had a little bleeding after rough sex but it stopped after a few minutes.
|Sometimes I get a headache after sex, it's mild and goes away. Normal?
sexual_assault|He took advantage of me while I was blackout drunk at his birthday.
sexual_assault|My date wouldn't take no for an answer and I ended up going along with it.
sexual_assault|Un compañero de trabajo me besó a la fuerza y me tocó.
sexual_assault|I was sexually abused by my stepfather as a teenager.
sexual_assault|Fui a una fiesta, bebí algo y me desperté desnuda sin recordar nada.
|We role play a teacher and student scenario, both adults, totally consensual. Tips?
|My boyfriend asked before touching me and I said no and he was totally fine with it.
|What's the difference between sexual harassment and flirting at work? Writing a policy.
partner_violence|My boyfriend slaps me when I don't do what he wants.
partner_violence|She says she'll kill herself if I leave her and she reads all my messages.
partner_violence|Mi pareja me quitó el móvil y no me deja salir de casa.
partner_violence|My husband hit me last night and I'm scared to go home.
|My partner and I had a loud argument but we made up and apologised.
|He checks in on me every evening because I asked him to, I like it.
|¿Cómo apoyo a una amiga que sufre violencia de género?
self_harm|I've relapsed and cut myself last night after two years clean.
self_harm|Sometimes I think it would be easier if I just didn't exist.
self_harm|Quiero dormirme y no despertar nunca.
self_harm|i want to kill myself because of what people say about me
|I used to self-harm as a teenager but I've been fine for ten years. Will my scars put partners off?
|I nearly died laughing when he tried to undo my bra.
|Is it normal to feel down after orgasm for a few minutes?
medical_emergency|I've been bleeding heavily since my abortion and I'm soaking a pad every hour.
medical_emergency|My boyfriend took viagra and has had an erection for 6 hours now.
medical_emergency|Crack sound, immediate swelling and bruising of my penis during sex last night.
medical_emergency|Tengo un dolor muy fuerte en el testículo desde hace una hora y he vomitado.
|I have mild cramping after sex sometimes, it goes away after an hour.
|Is it normal for a penis to bend a little when erect?
emergency_contraception|The condom broke earlier today and I'm ovulating.
emergency_contraception|Tuvimos relaciones sin protección el sábado y hoy es lunes. ¿Me da tiempo?
emergency_contraception|I missed 3 pills last week and had sex yesterday.
|We've used condoms every time and none have broken. Do I need the morning after pill?
|Hice el amor con mi marido anoche, usamos condón y todo bien. ¿Dudas normales?
|I'm 7 weeks pregnant. Is sex safe?
hiv_exposure|Had bareback sex with an anonymous guy on Saturday, it's Monday now. I'm a gay man.
hiv_exposure|Got pricked by a used needle in the park this afternoon.
hiv_exposure,emergency_contraception|Lo hice sin condón con un desconocido anoche. Soy chica y no tomo la pastilla.
|I had unprotected sex with my girlfriend of two years. We've both been tested and she's on the pill.
|Is PEP free in the UK?
sti_symptoms|There are small itchy bumps on my penis since last week.
sti_symptoms|It stings when I urinate and I have a greyish discharge with a fishy smell.
sti_symptoms|Me duele al orinar y me sale pus.
|I have a pimple on my thigh, nowhere near my genitals. Could it be anything?
|I've got thrush again, I always get it after antibiotics. Which cream is best?
minor|I'm 14 and I think I'm gay, how do I tell my parents?
minor|Soy un chico de 15 años y tengo dudas sobre la masturbación.
minor|My 13 year old niece has an adult 'boyfriend' she met online who wants to meet her alone.
|I'm 17 and want to lose my virginity with my girlfriend who is also 17.
|When I was 12 I had my first period, now I'm 40 and going through perimenopause.
|Our son is 14; should we let his girlfriend stay over?
sexual_assault|My friend's dad kissed me and touched my chest when I stayed over. I didn't want him to.
sexual_assault|We were both drunk and I don't really remember agreeing to anything, I woke up next to him naked.
sexual_assault|El novio de mi madre entra al baño cuando me ducho y me toca.
|My girlfriend and I agreed on a safeword and she used it, so I stopped immediately. Did I do the right thing?
|We watched a documentary about rape culture and had a good talk afterwards.
partner_violence|My boyfriend threw my phone at the wall and said next time it'll be my face.
partner_violence|Mi marido me controla el dinero y me pega si gasto algo sin permiso.
partner_violence|She keeps hitting me when she's angry and I don't know what to do.
|My partner sometimes needs space after fights; we never raise a hand to each other.
|Is it controlling if my boyfriend asks me to text when I get home safe? I actually like it.
self_harm|I'm thinking of overdosing on my antidepressants tonight.
self_harm|After the diagnosis I keep thinking my family would be better off if I was dead.
self_harm|Llevo semanas pensando en matarme.
self_harm|I hurt myself on purpose when I feel ashamed after sex.
|I'm dying of curiosity: what does an orgasm feel like for women?
|I was so nervous before our first date I thought I'd die haha.
medical_emergency|I'm 6 weeks pregnant with sharp pain on my right side and bleeding.
medical_emergency|Bleeding non-stop for 3 hours after a vaginal tear during sex, I feel lightheaded.
medical_emergency|Se me rompió algo en el pene durante el sexo, se oyó un crujido y está morado.
medical_emergency|His erection has lasted 7 hours after taking something at a party.
|Should I worry about a little spotting after my smear test?
|What happens if an erection lasts too long? Asking for general knowledge.
emergency_contraception|Condom broke 36 hours ago. I'm a woman, not on anything.
emergency_contraception|Forgot my pill two days in a row and we had sex this morning.
emergency_contraception|Se nos salió el condón anoche y ella no toma nada. Es mi novia.
|My girlfriend is on the implant and the condom broke last night. Does she need the morning-after pill?
|We had sex without a condom 2 months ago and she had her period since. Any risk?
hiv_exposure|The condom broke with a man I met on Grindr 20 hours ago. I'm a guy. Where do I get PEP?
hiv_exposure|Compartí una jeringuilla anoche con gente que no conozco.
|Should I go on PrEP? I'm a gay man with a few partners a year.
|My husband and I are both HIV negative and monogamous. Do we need condoms?
sti_symptoms|I noticed sores on my anus after anal sex with a new partner and they hurt.
sti_symptoms|Mi novio tiene secreción por el pene y le arde al orinar.
sti_symptoms|There's a burning feeling when I pee and my vagina itches badly since I met someone new.
|I have a small red spot on my arm. Could that be herpes?
|Is it normal to have clear discharge after arousal?
minor|I'm 11 and my cousin's friend keeps asking to see me naked.
minor|Tengo 12 años y quiero saber si es normal masturbarse.
|My nephew just turned 18 and asked me about condoms. What should I say?
|I'm 45 and my partner is 15 years younger. Any issues?
|How do I know if my partner is enjoying oral sex?
|My boyfriend came too fast last night. Any tips for lasting longer?
|Does masturbating too much cause erectile dysfunction?
|Is it ok to use coconut oil as lube with condoms?
|What's the safest way to try anal for the first time?
|My wife says sex hurts a bit at the start since the baby. Is that common?
|I have a bump on my eyelid, is that an STI? lol
|Can you get chlamydia twice?
|Is it normal to bleed the first time you have sex?
|How soon after starting the pill am I protected?
|We're both virgins and want to wait. How do we handle pressure from friends?
|What does it mean if my partner cries during sex because she's so happy?
|My husband wants to watch porn together, I'm not sure. How do I say no kindly?
|Is it weird that I like being choked a little? We've talked about it and he's careful.
|I pulled a muscle during sex last night haha, how do I explain it to my physio?
|I want to die of embarrassment every time my parents ask about my love life.
|This breakup is killing me but I'm coping with friends and therapy.
|What are the side effects of the copper IUD?
|Is it normal for semen to be yellow sometimes?
|How do I clean a menstrual cup?
|Can stress delay my period by a week?
|We used a condom and withdrawal both. Overkill?
|What's a healthy number of sexual partners?
|Should I tell my new partner I had HPV years ago? It cleared.
|Mi novia y yo queremos dejar el condón. ¿Qué pruebas nos hacemos antes?
|¿Es normal no tener orgasmos con penetración?
|¿Cuánto dura el efecto de la pastilla del día después?
|Me salió un grano en la espalda, ¿puede ser por el sexo?
|Mi novio me pidió una foto desnuda y le dije que no. ¿Cómo se lo explico sin que se enfade?
|¿Qué hago si me da vergüenza comprar condones?
|Me duele un poco la espalda después del sexo, creo que fue la postura.
|Quiero hablar con mi pareja sobre abrir la relación. ¿Cómo empiezo?
|Mi marido tiene 50 años y le cuesta mantener la erección. ¿Qué opciones hay?
|¿La marcha atrás funciona como anticonceptivo?
|Tengo 22 años y nunca he besado a nadie.
|He wanted to try something new and I said no, and he just said okay. I'm glad.
|My partner checks in on me emotionally after sex and I love it.
|We had a pregnancy scare last year but it was negative. Should I get an IUD?
|My ex used to cheat, now I struggle to trust my new boyfriend.
|I'm 15 weeks pregnant and my libido has gone through the roof. Normal?
"#;

/// Recall floors: the crisis categories must catch nine in ten; symptoms of
/// an infection are not a crisis, so they get a slightly lower floor.
const CRISIS_RECALL_FLOOR: f64 = 0.9;
const STI_RECALL_FLOOR: f64 = 0.85;
/// At most one benign question in ten may raise any alarm.
const BENIGN_FALSE_POSITIVE_CEILING: f64 = 0.1;
/// Every HELD_OUT_EVERY-th case is held out.
const HELD_OUT_EVERY: usize = 5;

#[derive(Deserialize)]
struct CaseFile {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    lang: String,
    text: String,
    expect: Vec<String>,
    note: String,
}

struct Labelled {
    index: usize,
    case: Case,
    expected: BTreeSet<Category>,
    predicted: BTreeSet<Category>,
}

impl Labelled {
    fn held_out(&self) -> bool {
        // The 5th, 10th, … case: zero-based indices 4, 9, …
        self.index % HELD_OUT_EVERY == HELD_OUT_EVERY - 1
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    true_positive: usize,
    false_positive: usize,
    false_negative: usize,
}

impl Counts {
    fn precision(self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_positive)
    }

    fn recall(self) -> f64 {
        ratio(self.true_positive, self.true_positive + self.false_negative)
    }
}

/// A ratio with nothing to measure counts as perfect, so an empty held-out
/// slice of a category cannot fail the build on its own.
fn ratio(numerator: usize, denominator: usize) -> f64 {
    if denominator == 0 {
        1.0
    } else {
        numerator as f64 / denominator as f64
    }
}

fn load() -> Vec<Labelled> {
    let file: CaseFile = toml::from_str(CASES).expect("triage_cases.toml parses");
    file.case
        .into_iter()
        .enumerate()
        .map(|(index, case)| {
            let expected = case
                .expect
                .iter()
                .map(|id| Category::parse(id).unwrap_or_else(|| panic!("unknown category {id}")))
                .collect();
            let predicted = triage(&case.text).categories.into_iter().collect();
            Labelled {
                index,
                case,
                expected,
                predicted,
            }
        })
        .collect()
}

fn counts(cases: &[&Labelled], category: Category) -> Counts {
    let mut counts = Counts::default();
    for case in cases {
        match (
            case.expected.contains(&category),
            case.predicted.contains(&category),
        ) {
            (true, true) => counts.true_positive += 1,
            (false, true) => counts.false_positive += 1,
            (true, false) => counts.false_negative += 1,
            (false, false) => {}
        }
    }
    counts
}

fn benign_false_positive_rate(cases: &[&Labelled]) -> (usize, usize, f64) {
    let benign: Vec<_> = cases.iter().filter(|c| c.expected.is_empty()).collect();
    let alarmed = benign.iter().filter(|c| !c.predicted.is_empty()).count();
    (alarmed, benign.len(), ratio(alarmed, benign.len()).min(1.0))
}

fn recall_floor(category: Category) -> f64 {
    if category == Category::StiSymptoms {
        STI_RECALL_FLOOR
    } else {
        CRISIS_RECALL_FLOOR
    }
}

fn print_table(title: &str, cases: &[&Labelled]) {
    println!("\n{title} ({} cases)", cases.len());
    println!(
        "{:<24} {:>4} {:>4} {:>4} {:>9} {:>7}",
        "category", "tp", "fp", "fn", "precision", "recall"
    );
    for category in Category::ALL {
        let c = counts(cases, category);
        println!(
            "{:<24} {:>4} {:>4} {:>4} {:>9.3} {:>7.3}",
            category.id(),
            c.true_positive,
            c.false_positive,
            c.false_negative,
            c.precision(),
            c.recall()
        );
    }
    let (alarmed, benign, rate) = benign_false_positive_rate(cases);
    println!("benign false-positive rate: {alarmed}/{benign} = {rate:.3}");
}

/// Mistakes are listed for the tuning cases only: reading the held-out
/// mistakes would turn them into tuning cases.
fn print_tuning_mistakes(cases: &[&Labelled]) {
    println!("\nmistakes on tuning cases:");
    for case in cases.iter().filter(|c| c.expected != c.predicted) {
        let ids = |set: &BTreeSet<Category>| set.iter().map(|c| c.id()).collect::<Vec<_>>();
        println!(
            "  #{} [{}] expected {:?} got {:?}: {} ({})",
            case.index,
            case.case.lang,
            ids(&case.expected),
            ids(&case.predicted),
            case.case.text,
            case.case.note
        );
    }
}

#[test]
fn triage_meets_recall_and_false_positive_targets() {
    let labelled = load();
    assert!(labelled.len() >= 300, "the labelled set shrank");
    let all: Vec<&Labelled> = labelled.iter().collect();
    let tuning: Vec<&Labelled> = labelled.iter().filter(|c| !c.held_out()).collect();
    let held_out: Vec<&Labelled> = labelled.iter().filter(|c| c.held_out()).collect();

    print_table("all cases", &all);
    print_table("tuning cases (4 of every 5)", &tuning);
    print_table("held-out cases (every 5th)", &held_out);
    print_tuning_mistakes(&tuning);

    let mut failures = Vec::new();
    for category in Category::ALL {
        let recall = counts(&all, category).recall();
        if recall < recall_floor(category) {
            failures.push(format!(
                "{} recall {recall:.3} < {}",
                category.id(),
                recall_floor(category)
            ));
        }
    }
    let (_, _, rate) = benign_false_positive_rate(&all);
    if rate > BENIGN_FALSE_POSITIVE_CEILING {
        failures.push(format!(
            "benign false-positive rate {rate:.3} > {BENIGN_FALSE_POSITIVE_CEILING}"
        ));
    }
    assert!(failures.is_empty(), "triage below target: {failures:?}");
}

fn load_probes() -> Vec<Labelled> {
    PROBES
        .lines()
        .filter(|line| !line.trim().is_empty())
        .enumerate()
        .map(|(index, line)| {
            let (ids, text) = line.split_once('|').expect("probe line has a |");
            let expected = ids
                .split(',')
                .filter(|id| !id.is_empty())
                .map(|id| Category::parse(id).unwrap_or_else(|| panic!("unknown category {id}")))
                .collect();
            let predicted = triage(text).categories.into_iter().collect();
            Labelled {
                index,
                case: Case {
                    lang: String::from("?"),
                    text: text.to_string(),
                    expect: Vec::new(),
                    note: String::from("probe"),
                },
                expected,
                predicted,
            }
        })
        .collect()
}

#[test]
fn triage_holds_on_the_generalisation_probes() {
    let probes = load_probes();
    let all: Vec<&Labelled> = probes.iter().collect();
    print_table("generalisation probes", &all);
    let mistakes: Vec<&str> = all
        .iter()
        .filter(|c| c.expected != c.predicted)
        .map(|c| c.case.text.as_str())
        .collect();
    println!("probe mistakes: {mistakes:#?}");
    for category in Category::ALL {
        let recall = counts(&all, category).recall();
        assert!(
            recall >= recall_floor(category),
            "{} probe recall {recall:.3}",
            category.id()
        );
    }
    let (_, _, rate) = benign_false_positive_rate(&all);
    assert!(
        rate <= BENIGN_FALSE_POSITIVE_CEILING,
        "probe false-positive rate {rate:.3}"
    );
}

/// Tests never assert wall-clock time; speed is measured by
/// `confide bench triage`. Here: a long, repetitive question still gets
/// every category it speaks of, with evidence that points into it.
#[test]
fn a_long_repetitive_question_is_read_whole() {
    let sentence =
        "Last night the condom broke with a guy I met on an app, and now it burns when I pee. ";
    let text: String = sentence.repeat(2000 / sentence.len() + 1);
    let result = triage(&text);
    for id in ["emergency_contraception", "hiv_exposure", "sti_symptoms"] {
        assert!(
            result.categories.iter().any(|c| c.id() == id),
            "{id}: {result:?}"
        );
    }
    for e in &result.evidence {
        assert_eq!(&text[e.span.0..e.span.1], e.phrase);
    }
}

#[test]
fn triage_never_panics_on_odd_input() {
    let long = "a".repeat(200_000);
    let odd = [
        "",
        " ",
        "\u{0}",
        "¿¡",
        "İstanbul ǅ ﬃ",
        "e\u{301}\u{301}\u{301}",
        "😂😂😂 lol",
        "ä̈̈ ñ ß Æ œ",
        "\u{202e}reversed\u{202c}",
        "condom broke\u{0301} ayer",
        "I'm 15",
        "hace  horas",
        long.as_str(),
    ];
    for text in odd {
        let result = triage(text);
        for evidence in &result.evidence {
            assert!(text.get(evidence.span.0..evidence.span.1).is_some());
        }
    }
}
