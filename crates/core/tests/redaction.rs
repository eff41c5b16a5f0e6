//! Scores redaction against the tuning cases in `tests/data/redaction_dev.toml`
//! and against generalisation probes (below), and checks the guarantees
//! every input gets: no panic, spans into the original text, nothing
//! redacted twice, fast enough to run on every ask.
//!
//! A case with identifiers passes if none of them survives (matched without
//! regard to case, at word boundaries); a clean case passes if it comes
//! back unchanged. The rates are printed with
//! `cargo test -p confide-core --test redaction -- --nocapture`.
//!
//! History, so the numbers are read fairly. The dev set was written from
//! the issue before the detectors were coded, and its first full run scored 118/119
//! identifiers removed and 73/73 clean strings unchanged; it has been tuned
//! on since, so it now measures fit. The probes were then written in five
//! batches, each scored blind before any change was made for it. First
//! runs (identifiers removed; clean unchanged): batch 1 39/40, 29/31;
//! batch 2 27/29, 55/56; batch 3 14/17, 57/58; batch 4 13/14, 57/61;
//! batch 5 1/1, 57/59 — 94/101 (0.93) and 255/265 (0.96) overall. Expect
//! about that on wording nobody tuned for: the misses were unlisted
//! lower-case adjectives after "I'm", slang after "my bf", and names with
//! no cue that are not in the given-name list. Five probes were relabelled
//! after their first run because the label, not the redaction, was wrong
//! by the conventions in the dev set (a named partner, a helpline number,
//! a university with an age).

use std::time::Instant;

use confide_core::redaction::{redact, redact_with, PiiKind, Redacted};
use proptest::prelude::*;
use regex::Regex;
use serde::Deserialize;

const CASES: &str = include_str!("data/redaction_dev.toml");

/// Generalisation probes, `lang|identifiers separated by ;|text` (no
/// identifiers: clean). Kept apart from the dev set so its figures and
/// theirs are not blurred together; see the history above.
const PROBES: &str = r#"
# batch 1
en|Freddie|so me and my boyfriend freddie have been together 2 years and he wont go down on me
en|Aaliyah|My roommate Aaliyah keeps bringing guys back and I'm scared of catching something
en|ollie|ollie (my ex) gave me chlamydia and now denies it
en|Jessica;Patterson|Hi my name is Jessica Patterson and I need advice about the coil
en|theo|the guy i'm seeing, theo, doesn't like condoms
en|Mohammed|I'm Mohammed, 24, and I'm worried about a lump on my testicle
en|Grace|My sister Grace is 14 and has a 19 year old boyfriend, what do I do
en|kaylee_xo|she said her snap is kaylee_xo and she's only 13
en|reece.h_|follow me on insta reece.h_ i'll send u my number
en|onlyfans.com/bella_bb|my ex posted our video on onlyfans.com/bella_bb without consent
en|josh.w at outlook dot com|message me josh.w at outlook dot com please
en|14 Elm Grove|come to 14 Elm Grove tonight and ill explain
en|3a station road|he lives at 3a station road and I'm scared to go there
en|m14 5rt|I'm near m14 5rt is there a sexual health clinic
en|Oakwood Academy;Penrith|I'm 15, I go to Oakwood Academy in Penrith and a boy in my year shared my nudes
en|Marston|im 14 and from a little village called Marston, i cant get to a clinic
en|Ravensbourne|I'm a year 11 at Ravensbourne and my PE teacher messages me
en|Costa;Hexham|I'm 17 and work at Costa in Hexham, my supervisor keeps touching me
en|St Augustine's|I'm 13 and go to St Augustine's, is it normal to bleed between periods
en|Kelsey|My girlfriend Kelsey won't tell me if she's been tested
en|Hannah|Hannah said she's on the pill but I'm not sure. Should I trust Hannah?
en|Darius|darius is my bf and he says he's clean
en|Pearson|My GP Dr Pearson refused to give me the pill
en|Evie|Thanks, Evie x
en|Bramhall|I'm 16 and live in Bramhall and there's no clinic nearby
en||I'm 16 and live in Manchester, where can I get free condoms?
en||My boyfriend and I have been together for a year and want to stop using condoms
en||I'm worried I'm allergic to latex. Are there other options?
en||Can I take ibuprofen with the morning after pill?
en||I'm nervous about my first smear test next week
en||My girlfriend says it hurts when I go deep, what can we do?
en||I'm bi and my partner feels insecure about it
en||We broke up in June and I still think about him
en||My friend told me you can't get pregnant on your period, is that true?
en||I'm 14, is it normal that I haven't started my period yet?
en||I work in retail and can't get time off for appointments
en||I'm 19 and at uni in Leeds, how do I register with a GP?
en||I'm diabetic, does that affect which pill I can take?
en||My husband thinks he has erectile dysfunction. Would Cialis help?
en||I'm trans and starting testosterone, do I still need contraception?
en||Is it safe to use coconut oil as lube with condoms?
en||My mum caught me with my girlfriend and now I'm grounded
en||I've had a UTI three times this year. Is it from sex?
en||I'm scared my boyfriend cheated on me while he was in Ibiza
es|Sergio|mi novio sergio no quiere ponerse condón nunca
es|Alba|Mi mejor amiga Alba se hizo un aborto y está muy mal
es|vanesa|hola me llamo vanesa y tengo 15 años, me duele al hacerlo
es|Pau|Soy Pau, de 19, y me ha salido una llaga en la boca
es|Rodrigo|el chico con el que salgo, Rodrigo, me pide fotos
es|Luna|mi gata no, mi novia, se llama Luna y está preocupada
es|juanma_88|su insta es juanma_88 y me acosa
es|c/ Sol 12, 1ºA|vivo en c/ Sol 12, 1ºA
es|Avenida América 33|me dijo que fuera a Avenida América 33
es|Fuenlabrada|tengo 15 y vivo en Fuenlabrada, mi novio tiene 20
es|IES Clara Campoamor;Móstoles|estoy en 3º de la ESO en el IES Clara Campoamor de Móstoles
es|Lidl;Parla|trabajo en el Lidl de Parla y mi encargado me manda mensajes
es|Daniela|Daniela, mi pareja, tiene herpes y yo no
es|Beatriz|mi prima Beatriz tiene 16 y está embarazada
es|Cristóbal|me acosté con un tal Cristóbal y no usamos nada
es||Tengo 17 años y quiero saber si es normal que me duela
es||Mi novio y yo usamos el anillo vaginal
es||¿Puedo tomar alcohol con la doxiciclina?
es||Soy lesbiana y nunca he ido al ginecólogo
es||Mi madre no sabe que tengo novio
es||Vivo en Barcelona y quiero la PrEP
es||Me he hecho la prueba del VIH y salió negativa
es||Mi pareja me presiona para hacerlo sin condón
es||Soy menor y quiero la píldora, ¿necesito a mis padres?
es||Tengo 15 años y creo que tengo una infección
es||¿Cuánto dura el implante en el brazo?
es||Mi ex me sigue escribiendo aunque le bloqueé
# batch 2
en||my boyfriend ejaculates really quickly is there anything that helps
en||my gf squirts when we have sex, is that pee?
en||my ex blocked me everywhere after I told him I had herpes
en||I'm asexual but my partner isn't, how do we make it work
en||I'm circumcised and it feels less sensitive
en||i'm bleeding after sex and it's been 3 days
en||im freaking out my period is late
en||I'm 17 and my girlfriend is 16, we live in the same town
en||I'm 15 and I'm in love with my best friend
en||I'm 14 and in year 9, I think my friend is being groomed
en||My doctor prescribed metronidazole for BV
en||my partner tested positive for gonorrhoea, do I need treatment?
en||My husband travels a lot and I'm scared he's cheating
en||my best mate reckons you can't get HIV from oral
en||I'm a 22 year old guy and I've never had sex
en||My wife wants to try pegging, how do we start?
en||My boyfriend finishes inside me every time
en||I'm at uni and my flatmate keeps bringing people back
en||i'm on the pill and took antibiotics last week
en||We use Skyn condoms because of my latex allergy
en||I'm pretty sure I have crabs
en||My girlfriend's sister walked in on us
en||I'm Catholic and feel guilty about masturbating
en||My fiancé wants me to get tested before the wedding
en||I got the HPV jab at school in year 8
en||I'm 18 and still live with my parents in a small village
en||I'm from Leeds and want to know where the nearest clinic is
en||My dad keeps going through my phone
en||my boyfriend kinda pressured me into it
en||My partner has Peyronie's, is sex going to hurt him?
en||I'm vegan, are there condoms without animal products?
en||Me and my boyfriend want to stop using condoms
en||My stepdad walks in on me in the shower
en||I'm 13 and a man online asked for pictures
en||Tinder date went badly and he wouldn't stop
en||i'm queer and my family doesn't know
en|Maria|My girlfriend Maria and I are both on PrEP
es||mi novio eyacula muy rápido, ¿qué podemos hacer?
es||Soy asexual y mi pareja no lo entiende
es||Mi novia tiene candidiasis otra vez
es||mi ex me pasó clamidia y no me lo dijo
es||soy virgen y tengo 20 años, ¿es raro?
es||Tengo 14 años y estoy en 3º de la ESO, ¿es normal no tener la regla?
es||Mi pareja y yo queremos dejar el condón
es||Soy de un pueblo pequeño y no hay farmacia
es||mi madre me obliga a ir al ginecólogo
es||Mi novio me grabó sin permiso
es||Soy estudiante y no tengo dinero para la píldora
es||Mi amiga dice que el DIU duele mucho
es||Soy chico y me gustan los chicos
es||mi hermana pequeña tiene novio y tiene 12 años
es||Tengo 16 y vivo con mis abuelos
es||mi médica de cabecera no me quiso dar la pastilla
es||estoy en el instituto y un profe me mira raro
es||Mi ex pareja me sigue mandando mensajes
es||Soy enfermera y me pinché con una aguja
es||Mi marido tiene disfunción eréctil
en|Lily|My girlfriend Lily has really bad cramps during sex
en|Kayden|kayden from my class keeps sending me dick pics, what do I do
en|Aryan|my best friend aryan thinks he has an STI
en|Rosie;Chen|I'm Rosie Chen, 20, and want to ask about the implant
en|Jamal|Jamal and I had sex without a condom on Friday
en|Tobi|my brother tobi is 15 and having sex with a 20 year old
en|lucas.m_|his insta is lucas.m_ and he's 25
en|Harlow Road|he lives on Harlow Road and I'm too scared to go back there
en|9 ferndale avenue|the party was at 9 ferndale avenue
en|Gillingham|I'm 15 and live in Gillingham, can I get the implant without my parents?
en|Thornhill;Dewsbury|I'm in year 11 at Thornhill in Dewsbury and my ex is spreading rumours
en|Holy Cross|I'm 14 and go to Holy Cross, my teacher touched me
en|Nando's;Wigan|I'm 16, I work at Nando's in Wigan and my manager sends me messages
en|Priyanka|priyanka my wife is pregnant and bleeding
en|Deborah|my mother deborah found my condoms
en|connor.b2@gmail.com|email me at connor.b2@gmail.com
en|07712 345678|text me 07712 345678
es|Manuel|Manuel, mi novio, no quiere hacerse la prueba
es|Inés|Mi amiga Inés tiene 15 años y está embarazada
es|yeray|hola soy yeray tengo 16 y me pica
es|Valdemoro|tengo 13 y vivo en Valdemoro, un hombre me escribe
es|Sagrado Corazón|tengo 15 y voy al colegio Sagrado Corazón
es|Carrefour;Vallecas|trabajo en el Carrefour de Vallecas y mi jefe me toca
es|Martina|mi hija martina tiene 14 y creo que tiene novio mayor
es|Hernández|el doctor Hernández me dijo que no pasaba nada
es|Calle Real 8|vivo en Calle Real 8
es|anita.sw|mi insta es anita.sw
es|Samuel|me enrollé con Samuel y ahora me duele
# batch 3
en||Is it normal to bleed after using a Mooncup for the first time?
en||I bought a test at Boots and it was negative, but my period still hasn't come.
en||My boyfriend came back from Thailand with a rash on his penis
en||We were at Glastonbury and the condom broke, is it too late for EC?
en||I had sex on New Year's Eve and now I'm worried
en||I'm 20 and I've been on Microgynon since I was 16, should I switch?
en||Can I get the Depo shot at a walk-in centre?
en||I read on Reddit that you can't get pregnant if he pulls out
en||My partner uses Truvada, do we still need condoms?
en||I'm Irish and abortion was illegal here when I was growing up
en||My Dad is a doctor so I can't ask him anything
en||I'm in Year 13 and my boyfriend wants to have sex before we go to uni
en||My girlfriend is Muslim and worried about her family finding out
en||I'm 16 and in sixth form, is it OK to get tested without telling anyone?
en||At 15 I was assaulted and I never told anyone
en||My boyfriend is in the Army and we only see each other once a month
en||I'm moving to Manchester in September, how do I find a clinic?
en||I met her on Hinge, we slept together on Friday
en||my bf is really sweet but he never initiates
en||my girlfriend sometimes bleeds after sex
en||my husband recently had a vasectomy
en||my ex constantly texts me at night
en||My mum has cancer and I feel guilty thinking about sex
en||My partner's been distant since the miscarriage
en||I'm an international student from China, can I use the NHS?
en||I am so confused about consent, can someone explain?
en||I am on the pill but forgot two in a row
en||I am 25 and have never had an orgasm
en||My best friend and I kissed and now it's weird
en||So my boyfriend basically refuses to wear condoms
en||I'm Deaf, can I get a BSL interpreter at the clinic?
en||Hi, I'm writing because I'm scared
en||I'm nonbinary and my GP keeps misgendering me
en||Thanks for any help
en||Thanks in advance!
en||Thank you so much
es||Hola, soy nueva aquí y tengo una duda
es||Me llamo la atención un bulto en la ingle
es||Soy madre de dos y quiero ligarme las trompas
es||mi novio quiere que me haga un test de embarazo
es||Mi pareja se llama igual que mi ex y es raro
es||Vivo en un pueblo de Toledo y no hay centro joven
es||Tengo 15 años y vivo en Sevilla, ¿puedo ir sola al médico?
es||En Navidad lo hicimos sin condón
es||Mi ginecóloga me dijo que era un quiste
es||Soy trans y tomo hormonas, ¿puedo quedarme embarazado?
es||Mi novia es muy celosa y me revisa el móvil
es||mi amiga dice que la marcha atrás funciona
es||Soy hombre y tengo 40 años, ¿debería hacerme pruebas?
es||Mi hermano mayor me pegó cuando se enteró de que soy gay
es||Soy de Colombia y vivo en Madrid desde hace tres años
es||Mi novio siempre termina antes que yo
es||Estoy en la ESO y me da vergüenza comprar condones
es||Voy al instituto y nadie sabe que soy bisexual
es||mi pareja trabaja de noche y casi no nos vemos
es||Trabajo en un hospital y me pinché con una aguja usada
es||Gracias de antemano
es||Muchas gracias por la ayuda
en|Bryony|Thanks, Bryony
en|Jo Smith|- Jo Smith
en|Wexcombe|I'm 14 and live in a tiny village, Wexcombe, and everyone knows everyone
en|Brampton Manor|i'm 15 i go to brampton manor and my bf is 19
en|Alderley Edge|I'm 16 and from Alderley Edge, I need the morning after pill
en|Tilly|tilly my best friend had a pregnancy scare
en|Marcus|Me and Marcus broke up because I have HPV
en|frankie|my partner frankie is nonbinary and uses they/them
en|Zeynep|My girlfriend's name is Zeynep and she's scared of needles
en|kwame.osei|kwame.osei on snapchat is sending threats
es|Aitana|mi novia aitana no sabe que tengo herpes
es|Yolanda|Soy Yolanda, tengo 45 años y tengo sequedad vaginal
es|Arganda|tengo 16 y soy de Arganda, ¿dónde me hago la prueba?
es|La Salle;Valladolid|tengo 14 y estudio en La Salle de Valladolid
es|Burger King;Leganés|tengo 17, trabajo en el Burger King de Leganés y un compañero me acosa
es|Jonathan|mi ex Jonathan me amenaza con publicar fotos
es|Rubén|Rubén y yo lo hicimos sin condón y se rompió
# batch 4
en||my boyfriend initially said yes but then changed his mind
en||my bf lowkey wants to try anal and I'm not sure
en||my gf apparently had an STI before we met
en||my husband randomly lost his erection halfway through
en||my boyfriend prefers no condom and I'm not comfortable
en||My ex-boyfriend's new girlfriend messaged me
en||I'm terrified of needles, can I get tested another way?
en||I'm kinda embarrassed to ask this
en||I'm overthinking everything since the test
en||I'm Asian and my parents are very strict
en||I'm celibate by choice but feel judged
en||I'm petite and sex is often painful
en||I'm clueless about contraception honestly
en||I'm legit scared
en||I'm broke and can't afford condoms
en||I'm jewish and my boyfriend isn't
en|Ciara|My girlfriend Ciara's mum found her pills
en||my boyfriend texted his ex last night
en||My partner snores and we sleep apart, is that bad for our sex life?
en||my dad's girlfriend is pregnant and I'm 15
en||I'm 15, my boyfriend is 16, and we live in Scotland
en||I'm 14 and my parents are from Pakistan
en||I'm 16 and at college studying health and social care
en||I'm 17 and at sixth form in London
en|Cambridge|I'm 18 and in my first year at Cambridge
en||My crush ignores me after we hooked up
en||My boyfriend sometimes chokes me during sex without asking
en||my girlfriend and i want to use toys, what's safe?
en||The guy I'm seeing keeps asking for nudes
en||is it true that Plan B doesn't work if you weigh over 70kg?
en||I'm worried about Mpox after Pride in Brighton
en||My boyfriend is Nigerian and his family want us to marry
en||Me and my girlfriend had a pregnancy scare
en||My ex boyfriend won't stop calling
en||I've been with my partner for 6 years
en||I'm a gay man in my 50s and never been tested
en||Can I get pregnant if I'm on Cerazette and missed one?
en||I'm going to Spain next week, will my pill still work with the time change?
en||I'm staying in Manchester for the summer
en||My date last night was really pushy
es||mi novio últimamente no tiene ganas
es||Mi chico dice que no le gusta usar condón
es||mi pareja actual no sabe lo de mi ex
es||mi novio también se hizo la prueba
es||Soy nuevo en esto y tengo dudas
es||Soy hetero pero me gusta un chico
es||Soy joven y me da vergüenza ir al médico
es||Soy alérgica al látex
es||Tengo algo que se llama vaginismo
es||Mi ginecóloga dice que se llama así
es||Mi novia ahora me dice que no quiere
es||mi novio porfa que alguien me ayude
es||Mi chica quiere probar cosas nuevas
es||Mi exnovio me contagió algo
es||Soy de Venezuela y aquí no tengo médico
es||Tengo 16 años y mis padres son de Marruecos
es||Tengo 20 años y vivo en Valencia con mi novio
es||mi amiga está embarazada y tiene 15
es||Me llamó mi novio llorando
es||Mi novio se llama igual que mi padre, qué raro
es||mi padre me pilló con mi novia
es||Mi novia y yo estamos pensando en el DIU
es||Mi novia, que es muy religiosa, no quiere hacerlo
es|Leo|Soy Capricornio y mi novio Leo, jaja, ¿somos compatibles?
en|Finn|my boyfriend Finn and I want to stop using condoms
en|Ava|Ava and I are both virgins
en|Paloma|My friend Paloma thinks she has HPV
en|Jenna|Jenna, my girlfriend, keeps getting BV
en|Stanton|Our teacher Mr Stanton keeps commenting on my body
en|Grayson|I'm 15 and this boy Grayson keeps messaging me
en|Saoirse|saoirse is my best friend and she's been assaulted
es|Lorena|mi novia lorena tiene dolor al orinar
es|Quique|Quique, mi ex, me pasó algo
es|Elche|tengo 16 y vivo en Elche, ¿me pueden dar la píldora?
es|Aluche|tengo 15 y vivo en el barrio de Aluche
# batch 5
en||I think I have a Bartholin's gland abscess
en||Is it Skene's glands or just pee?
en||My dad was diagnosed with Peyronie's disease, is it hereditary?
en||Is Plan B One-Step the same as Levonelle?
en||Can I take Ella One twice in the same cycle?
en||EllaOne made me bleed, is that normal?
en||We used Durex Play lube with a condom, is that OK?
en||Can I buy Viagra Connect without a prescription?
en||My Tinder match wants to meet tonight, what should I bring?
en||I'm on Grindr and Scruff, how often should I test?
en||He slid into my Instagram DMs and now we're dating
en||He posted about me on his insta stories
en||We have a Snapchat streak but he won't meet up
en||I took 2 x 500mg of azithromycin at 3am
en||I had sex on 3/4/23 and my period was due on the 10th
en||My last period was 12th March
en||I was aged 16 when it happened
en||I've had this since I was 12
en||I've been on it for 6 months
en||I get the injection every 12 weeks
en||Does it work within 72h?
en||My appointment is Monday 10th at 9:15
en||It started on 2023-01-05 and hasn't stopped
en||The clinic is open 10:00-12:00
en||I take 0.5ml of testosterone weekly
en||I'm 5'4 and 60kg, will the patch work?
en||He's 6ft and I'm worried it will hurt
en||My boyfriend is 2 years older than me
en||We've been dating since 2021
en||I'm 23 and he's 31, he says I'm immature
en||Between 2019 and 2022 I had 3 partners
en||I used a Mirena for five years
en||My friend said Canesten cured it in 3 days
en||I'm worried about Kaposi sarcoma
en||Is Cowper's fluid the same as precum?
en||I saw on TikTok that pineapple makes it taste better
en||My boyfriend uses Reddit to ask about sex
en||I found him on Hinge last summer
en||My Bumble date stood me up
en||I'm using the Flo app to track my cycle
en||Does Nexplanon cause weight gain?
en||I read on the NHS website that chlamydia can be silent
en||Brook said I could come in without an appointment
en||I called 111 and they said to go to A&E
en|0300 123 7123|Is 0300 123 7123 the right number for the helpline?
es||Tengo un quiste de Bartholin que me duele
es||¿La píldora del día después Postinor es igual que la ellaOne?
es||Compramos condones Durex en Mercadona
es||Conocí a mi novio en Tinder hace 2 años
es||Me escribió por Instagram y quedamos
es||Tomé 1 g de azitromicina el 12/03
es||Me vino la regla el lunes 5
es||Llevo 3 meses con el anillo
es||Me lo hice a los 14 años
es||La cita es a las 9:30 del martes
es||Me pongo la inyección cada 3 meses
es||Mi novio tiene 2 años más que yo
es||El Viagra me da dolor de cabeza
es||En TikTok dicen que la piña cambia el sabor
es||Tengo la enfermedad de Peyronie desde hace un año
"#;

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    lang: String,
    text: String,
    identifiers: Vec<String>,
    note: String,
}

fn cases() -> Vec<Case> {
    toml::from_str::<File>(CASES)
        .expect("redaction_dev.toml parses")
        .case
}

/// The identifier, ignoring case, at word boundaries where it starts or
/// ends with a word character.
fn survives(identifier: &str, redacted: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let mut pattern = String::from("(?i)");
    if word(identifier.chars().next()) {
        pattern.push_str(r"\b");
    }
    pattern.push_str(&regex::escape(identifier));
    if word(identifier.chars().last()) {
        pattern.push_str(r"\b");
    }
    Regex::new(&pattern)
        .expect("escaped identifier")
        .is_match(redacted)
}

#[derive(Default)]
struct Tally {
    found: (usize, usize),
    clean: (usize, usize),
}

impl Tally {
    fn rate((passed, total): (usize, usize)) -> f64 {
        if total == 0 {
            1.0
        } else {
            passed as f64 / total as f64
        }
    }
}

#[test]
fn dev_set_is_well_formed() {
    let cases = cases();
    assert!(cases.len() >= 140, "{} cases", cases.len());
    for case in &cases {
        assert!(matches!(case.lang.as_str(), "en" | "es"), "{}", case.text);
        assert!(!case.note.is_empty(), "{}", case.text);
        for id in &case.identifiers {
            assert!(
                case.text.contains(id.as_str()),
                "{id:?} is not in {:?}",
                case.text
            );
        }
    }
    let spanish = cases.iter().filter(|c| c.lang == "es").count() as f64 / cases.len() as f64;
    assert!((0.3..=0.5).contains(&spanish), "Spanish share {spanish:.2}");
}

#[test]
fn dev_set_scores() {
    let mut by_lang: Vec<(&str, Tally)> = vec![("en", Tally::default()), ("es", Tally::default())];
    let mut all = Tally::default();
    let mut failures = Vec::new();
    let cases = cases();
    for case in &cases {
        let r = redact(&case.text);
        let (passed, slot) = if case.identifiers.is_empty() {
            (r.text == case.text, 1)
        } else {
            let left: Vec<&String> = case
                .identifiers
                .iter()
                .filter(|id| survives(id, &r.text))
                .collect();
            if !left.is_empty() {
                failures.push(format!(
                    "  LEAK  [{}] {}\n        -> {}\n        left: {left:?}",
                    case.lang, case.text, r.text
                ));
            }
            (left.is_empty(), 0)
        };
        if slot == 1 && !passed {
            failures.push(format!(
                "  CHANGED [{}] {}\n        -> {}",
                case.lang, case.text, r.text
            ));
        }
        for tally in [&mut all].into_iter().chain(
            by_lang
                .iter_mut()
                .filter(|(l, _)| *l == case.lang)
                .map(|(_, t)| t),
        ) {
            let counter = if slot == 0 {
                &mut tally.found
            } else {
                &mut tally.clean
            };
            counter.1 += 1;
            counter.0 += usize::from(passed);
        }
    }
    println!("redaction dev set: {} cases", cases.len());
    println!(
        "  {:<6} {:>22} {:>22}",
        "", "identifiers removed", "clean left unchanged"
    );
    for (lang, t) in by_lang.iter().map(|(l, t)| (*l, t)).chain([("all", &all)]) {
        println!(
            "  {lang:<6} {:>13.3} ({:>3}/{:<3}) {:>13.3} ({:>3}/{:<3})",
            Tally::rate(t.found),
            t.found.0,
            t.found.1,
            Tally::rate(t.clean),
            t.clean.0,
            t.clean.1
        );
    }
    if !failures.is_empty() {
        println!("failures:\n{}", failures.join("\n"));
    }
    assert!(
        Tally::rate(all.found) >= 0.95,
        "recall {:.3}",
        Tally::rate(all.found)
    );
    assert!(
        Tally::rate(all.clean) >= 0.95,
        "clean rate {:.3}",
        Tally::rate(all.clean)
    );
}

/// Redacting what redaction left changes nothing: placeholders are never
/// taken for something to remove.
#[test]
fn redacting_twice_changes_nothing() {
    for case in cases() {
        let once = redact(&case.text).text;
        let twice = redact(&once);
        assert_eq!(twice.text, once, "from {:?}", case.text);
    }
    let spanish = |k: PiiKind| match k {
        PiiKind::Name => "[nombre eliminado]".to_owned(),
        PiiKind::Place => "[lugar eliminado]".to_owned(),
        _ => "[dato eliminado]".to_owned(),
    };
    let once = redact_with("me llamo Iker, vivo en Getafe y tengo 14", spanish).text;
    assert_eq!(redact_with(&once, spanish).text, once);
}

fn assert_well_formed(text: &str, r: &Redacted) {
    let mut at = 0;
    let mut rebuilt = String::new();
    for removal in &r.removed {
        let (start, end) = removal.span;
        assert!(
            at <= start && start < end && end <= text.len(),
            "{:?} in {text:?}",
            r.removed
        );
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        rebuilt.push_str(&text[at..start]);
        rebuilt.push_str(removal.kind.placeholder());
        at = end;
    }
    rebuilt.push_str(&text[at..]);
    assert_eq!(rebuilt, r.text);
}

#[test]
fn odd_inputs_keep_the_guarantees() {
    let long_name = format!("my boyfriend {}", "a".repeat(3000));
    let odd = [
        "",
        " ",
        "@",
        "@@@@",
        "my name is",
        "my boyfriend",
        "I'm",
        "soy",
        "+",
        "[",
        "]]][[[",
        "[name removed]",
        "c/",
        "c/ 5",
        "calle",
        "tengo 14 y voy al",
        "I'm 15 and go to",
        "St",
        "St 's",
        "'s",
        "’s ’s",
        "my boyfriend's",
        "Me and",
        "and I",
        "y yo",
        "Thanks,",
        "-",
        "jo dot",
        "jo at gmail dot",
        "a@b",
        "@5pm",
        "t.me/",
        "\u{301}\u{301}",
        "e\u{301}",
        "my boyfriend Ñoño 😀",
        "MY BOYFRIEND JAKE",
        "I'M 15 AND GO TO ST MARY'S IN LITTLE HADLEY",
        "😀😀😀 my gf 😀 SARAH 😀",
        "İstanbul İ ı",
        "ǅemal is my boyfriend",
        "12345678901234567890",
        "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5",
        &long_name,
        &"9".repeat(5000),
        &"my boyfriend ".repeat(300),
        &"I'm 15 in ".repeat(200),
    ];
    for text in odd {
        let r = redact(text);
        assert_well_formed(text, &r);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_keeps_the_guarantees(text in any::<String>()) {
        let r = redact(&text);
        assert_well_formed(&text, &r);
    }

    #[test]
    fn cue_soup_keeps_the_guarantees(words in prop::collection::vec(prop::sample::select(vec![
        "my", "boyfriend", "gf", "I'm", "im", "soy", "se", "llama", "me", "llamo", "and", "I", "y", "yo",
        "Jake", "jake", "SARAH", "St", "Mary's", "in", "at", "en", "de", "go", "to", "voy", "al", "IES",
        "colegio", "15", "14", "tengo", "years", "old", "work", "Tesco", "hull", "12B", "Oak", "Road",
        "c/", "mayor", "5,", "2ºB", "ls6", "2ab", "dot", "at", "gmail", "com", "[at]", "@", "snap", "is",
        "just", "dan_b99", "t.me/x", ",", ".", "'s", "Thanks,", "-", "Dr", "Ñ", "😀", "\n", "名前",
    ]), 0..40)) {
        let text = words.join(" ");
        let r = redact(&text);
        assert_well_formed(&text, &r);
    }
}

/// A long question is redacted on the request thread, so it must be cheap.
/// The bound here is loose because tests run unoptimised; in release a
/// 2,000-character question takes well under a millisecond.
#[test]
fn a_long_question_is_quick() {
    let paragraph = "Hi, I'm 16 and my boyfriend jake (his snap is just dan_b99) says condoms don't fit. \
        We did it at his place near St Mary's last Saturday, around 10:30pm, and I took Plan B 36 hours later. \
        Mi novia se llama Lucía y vivo en la c/ mayor 5, 2ºB. ";
    let text: String = paragraph
        .repeat(2000 / paragraph.len() + 1)
        .chars()
        .take(2000)
        .collect();
    let _ = redact(&text); // compiles the patterns
    let runs = 20;
    let started = Instant::now();
    for _ in 0..runs {
        let r = redact(&text);
        assert!(r.changed());
    }
    let each = started.elapsed() / runs;
    println!("2,000 characters: {each:?} per redaction");
    let bound = if cfg!(debug_assertions) { 50 } else { 1 };
    assert!(each.as_millis() < bound, "{each:?}");
}

#[test]
fn probes_score() {
    let (mut found, mut found_total, mut clean, mut clean_total) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    for line in PROBES
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let mut parts = line.splitn(3, '|');
        let (Some(_lang), Some(ids), Some(text)) = (parts.next(), parts.next(), parts.next())
        else {
            panic!("malformed probe {line:?}");
        };
        let r = redact(text);
        if ids.is_empty() {
            clean_total += 1;
            if r.text == text {
                clean += 1;
            } else {
                failures.push(format!("  CHANGED {text}\n        -> {}", r.text));
            }
        } else {
            found_total += 1;
            let left: Vec<&str> = ids.split(';').filter(|id| survives(id, &r.text)).collect();
            if left.is_empty() {
                found += 1;
            } else {
                failures.push(format!(
                    "  LEAK {text}\n        -> {}\n        left: {left:?}",
                    r.text
                ));
            }
        }
    }
    let found_rate = found as f64 / found_total as f64;
    let clean_rate = clean as f64 / clean_total as f64;
    println!(
        "probes: identifiers removed {found_rate:.3} ({found}/{found_total}), clean unchanged {clean_rate:.3} ({clean}/{clean_total})"
    );
    if !failures.is_empty() {
        println!("probe failures:\n{}", failures.join("\n"));
    }
    assert!(found_rate >= 0.95 && clean_rate >= 0.95, "probes regressed");
}
