//! The vocabulary redaction judges words by. Every list here was written
//! for Confide by hand (no third-party word data), in English and Spanish,
//! for the positions the detectors look at: the word after "my boyfriend",
//! "I'm", "soy", "se llama", after "in" or "at" in a question that gives an
//! age, before "School". Verbs, adjectives and nouns are listed in their base
//! form and inflected here, so the lists stay short.
//!
//! Lookups are on [`fold`]ed words: lower case, no accents, no apostrophes,
//! so "Lucía", "LUCIA" and "lucia", or "doesn't" and "doesnt", are one word.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Lower case without accents or apostrophes: how words are compared.
pub(super) fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            '\'' | '’' | '\u{301}' | '\u{300}' | '\u{303}' | '\u{308}' => {}
            'á' | 'à' | 'â' | 'ä' | 'Á' | 'À' | 'Â' | 'Ä' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => out.push('e'),
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => out.push('i'),
            'ó' | 'ò' | 'ô' | 'ö' | 'Ó' | 'Ò' | 'Ô' | 'Ö' => out.push('o'),
            'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => out.push('u'),
            'ñ' | 'Ñ' => out.push('n'),
            'ç' | 'Ç' => out.push('c'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

// ---------------------------------------------------------------------
// Relations: the words after which a name is expected.
// ---------------------------------------------------------------------

/// Regex alternation of English relation words, longest alternatives first
/// so "best friend" wins over "friend".
pub(super) const RELATIONS_EN: &str = "boyfriend|girlfriend|husband|hubby|wife|wifey|partner|fianc[ée]e?|\
    ex-boyfriend|ex-girlfriend|ex-husband|ex-wife|ex-partner|ex|\
    best friend|friend|bestie|bff|mate|buddy|pal|brother|sister|sibling|twin|\
    mom|mum|mommy|mummy|mother|mam|dad|daddy|father|parent|\
    step-?dad|step-?mom|step-?mum|step-?father|step-?mother|step-?brother|step-?sister|step-?son|step-?daughter|\
    son|daughter|boss|manager|supervisor|co-?worker|colleague|room-?mate|flat-?mate|house-?mate|\
    class-?mate|school-?mate|team-?mate|neighbou?r|cousin|uncle|aunt|auntie|aunty|nephew|niece|\
    grandma|granny|nan|nana|grandmother|grandpa|grandad|granddad|grandfather|\
    teacher|tutor|coach|doctor|gp|therapist|counsell?or|nurse|priest|pastor|youth worker|social worker|\
    date|crush|lover|bf|gf|fwb|hook-?up|situationship|bae|babe|landlord|landlady|carer|foster (?:mum|mom|dad|parent)";

/// Spanish relation words, longest first ("compañero de piso" before "compañero").
pub(super) const RELATIONS_ES: &str = "ex-?novio|ex-?novia|novio|novia|marido|esposo|esposa|mujer|pareja|ex|\
    mejor amigo|mejor amiga|amigo|amiga|amigui|hermanastro|hermanastra|hermano|hermana|\
    madrastra|padrastro|madre|padre|mam[áa]|pap[áa]|hijo|hija|jefe|jefa|\
    compa[ñn]ero de (?:piso|clase|trabajo|cuarto|habitaci[óo]n|equipo)|compa[ñn]era de (?:piso|clase|trabajo|cuarto|habitaci[óo]n|equipo)|\
    compa[ñn]ero|compa[ñn]era|primo|prima|t[íi]o|t[íi]a|sobrino|sobrina|abuelo|abuela|\
    profesor|profesora|profe|tutor|tutora|entrenador|entrenadora|m[ée]dico|m[ée]dica|doctor|doctora|\
    gin[ée]cologo|gin[ée]cologa|psic[óo]logo|psic[óo]loga|enfermero|enfermera|vecino|vecina|\
    ligue|rollo|amante|follamigo|follamiga|churri|chico|chica|cu[ñn]ado|cu[ñn]ada|suegro|suegra|casero|casera";

/// Words that may stand between a possessive and the relation word.
pub(super) const RELATION_MODIFIERS: &str = "ex|new|current|old|best|step|future|former|secret|online|\
    first|older|younger|little|big|late|long[- ]distance|nuevo|nueva|actual|mejor|antiguo|antigua|viejo|vieja|gran|primer";

const RELATION_WORDS: &str = "boyfriend girlfriend husband hubby wife wifey partner fiance fiancee ex
    friend bestie bff mate buddy pal brother sister sibling twin mom mum mommy mummy mother mam dad daddy
    father parent parents stepdad stepmom stepmum stepfather stepmother stepbrother stepsister son daughter
    boss manager supervisor coworker colleague roommate flatmate housemate classmate schoolmate teammate
    neighbour neighbor cousin uncle aunt auntie aunty nephew niece grandma granny nan nana grandmother grandpa
    grandad granddad grandfather teacher tutor coach doctor gp therapist counsellor counselor nurse priest
    pastor date crush lover bf gf fwb hookup situationship bae babe landlord landlady carer foster
    guy girl boy man woman men women dude lad bloke chick person people someone somebody kid kids child
    children baby babies teen teenager adult family friends mates lads girls boys guys
    novio novia marido esposo esposa mujer pareja exnovio exnovia amigo amiga amigui hermano hermana
    hermanastro hermanastra madre padre mama papa madrastra padrastro hijo hija jefe jefa companero companera
    primo prima tio tia sobrino sobrina abuelo abuela profesor profesora profe tutora entrenador entrenadora
    medico medica doctora ginecologo ginecologa psicologo psicologa enfermero enfermera vecino vecina ligue
    rollo amante follamigo follamiga churri chico chica cunado cunada suegro suegra casero casera hombre
    chicos chicas novios amigos amigas padres hermanos gente persona alguien nino nina ninos ninas bebe
    crio cria chaval chavala tipo tipa senor senora";

// ---------------------------------------------------------------------
// English
// ---------------------------------------------------------------------

/// Closed-class English words, contractions written without apostrophes.
const EN_FUNCTION: &str = "a an the this that these those my your his her its our their mine yours hers ours
    theirs me you him us them i he she it we they myself yourself himself herself itself ourselves themselves
    who whom whose which what where when why how whatever whoever whenever wherever all any both each every
    anyone everyone someone noone nobody everybody anybody something anything nothing everything
    either neither some no none one two three four five six seven eight nine ten eleven twelve twenty hundred
    first second third fourth fifth sixth seventh eighth ninth tenth last next other another such same own
    few many much more most less least lot lots bit several enough half
    and or but nor so yet because cause cuz cos coz since although though while whilst if unless until till
    than then also too as like about above across after against along among around at before behind below
    beneath beside besides between beyond by down during except for from in inside into near of off on onto
    out outside over past per through throughout to toward towards under underneath unlike up upon via with
    within without plus minus versus vs
    is am are was were be been being have has had having do does did doing done will would shall should can
    could may might must ought isnt arent wasnt werent dont doesnt didnt wont wouldnt cant couldnt shouldnt
    mustnt hasnt havent hadnt im ive id ill youre youve youd youll hes shes its theyre theyve theyd theyll
    were weve wed well thats whats wheres whos hows theres heres lets aint gonna wanna gotta kinda sorta
    dunno lemme gimme ya yall
    not never always often sometimes usually rarely seldom ever still already just only even really very
    quite rather pretty almost nearly maybe perhaps probably possibly definitely certainly actually
    basically literally honestly seriously totally completely finally suddenly recently lately now today
    tonight yesterday tomorrow soon later earlier again once twice here there everywhere somewhere anywhere
    nowhere else instead anyway anyhow otherwise meanwhile together apart alone away back forward home
    yes yeah yep yup no nope nah ok okay oh ah aw um uh hmm well hi hey hello hiya thanks thank please sorry
    lol lmao omg idk tbh btw fyi imo ngl smh wtf jk pls plz thx ty rn af asf fr srsly bc bcs tho thru u ur r
    y k kk xx x xo xoxo hmu dm pm irl bday ons smth sth sb wth ffs np atm asap tmi nsfw ppl etc ie eg
    mr mrs ms miss mx dr prof sir madam st saint
    lowkey highkey legit def deffo defo proper super mega lit innit ong deadass bare hella mad lotta
    ugh sooo soo erm welp yikes wow ahh aah eek oops ooh meh yeah ya nvm fwiw iirc
    aries taurus gemini cancer virgo libra scorpio sagittarius capricorn aquarius pisces";

/// English verbs, base form; [`english_forms`] adds -s, -ed and -ing.
const EN_VERBS: &str = "be have do say get make go know take see come think look want give use find tell ask work
    seem feel try leave call need keep let begin help talk turn start show hear play run move like live believe
    hold bring happen write sit stand lose pay meet include continue set learn change lead understand watch
    follow stop create speak read allow add spend grow open walk win offer remember love consider appear buy
    wait serve die send expect build stay fall cut reach kill remain suggest raise pass sell require report
    decide pull break agree hope cheat lie sleep kiss touch hug text message date marry divorce propose dump
    ghost block unblock cum finish pee bleed hurt ache itch burn swell cry scream shout laugh smile yell
    fight argue refuse insist deny admit confess pressure force push rape assault abuse hit slap choke grab
    pin threaten blackmail record film share post leak flirt wank masturbate finger lick suck fuck shag bang
    screw hook test check screen visit contact book prescribe treat diagnose worry panic freak stress care
    mind hate dislike prefer enjoy wish plan mean notice realise realize discover forget forgive trust doubt
    suspect assume guess wonder suppose imagine pretend claim swear promise joke tease ignore avoid miss skip
    swallow vomit throw spit drink smoke vape inject wear remove insert put slip tear rip burst spill drip
    squirt ejaculate penetrate thrust rub stroke grind ride top bottom switch tie spank bite scratch wipe wash
    shower clean shave wax trim pierce borrow lend owe earn steal drive fly travel arrive return relax calm
    breathe eat cook feed order shop pack carry drop pick lift fill empty close lock shut knock ring buzz
    vibrate charge plug answer reply respond explain mention complain cope deal struggle suffer recover heal
    improve worsen spread catch transmit infect protect prevent cause affect last count matter fit belong
    depend involve concern bother upset annoy scare frighten shock surprise embarrass confuse hesitate
    regret apologise apologize thank blame accuse report judge tolerate accept reject approve support encourage
    convince persuade manipulate control guilt gaslight stalk harass follow bully isolate hide sneak lie
    drug spike rape groom molest expose flash sext nude send receive delete screenshot save download upload
    join quit fail pass study revise graduate attend teach practise practice train exercise diet weigh
    measure gain shrink stretch tighten loosen lubricate lube moisturise moisturize soak sting tingle throb
    pulse twitch cramp spot discharge smell taste sound look act behave react cuddle snuggle spoon kiss
    grope fondle caress massage tickle moan orgasm climax edge last come go tell keep seem become turn
    reckon reckons wank insist swear rant moan bitch nag whine snore cum";

/// English irregular past tenses and participles the generator can't make.
const EN_IRREGULAR: &str = "was were been am is are has had did done said got gotten made went gone knew known took
    taken saw seen came thought gave given told found felt left kept let began begun held brought wrote written
    sat stood lost paid met led understood spoke spoken read spent grew grown won bought built stayed fell
    fallen cut sent broke broken hurt hit put slept bled burnt burned swore sworn caught taught fought stuck
    drank drunk rode ridden drove driven flew flown threw thrown wore worn tore torn bit bitten hid hidden ate
    eaten shook shaken forgot forgotten forgave forgiven lay laid lied rang rung sang sung swam swum woke woken
    became meant dealt froze frozen chose chosen stole stolen sold ran came rose risen sought spat spilt split
    shut quit dreamt leant learnt sped stung struck swung wept wound sank sunk shrank shrunk";

const EN_ADJECTIVES: &str = "tired happy sad angry mad upset scared afraid worried nervous anxious stressed
    depressed lonely horny hard soft wet dry sore itchy swollen red pink white yellow green brown black grey
    gray blue purple clear cloudy thick thin heavy light big small large little tiny huge long short tall fat
    skinny slim new old young good bad great fine alright normal weird strange odd funny serious sick ill
    healthy pregnant fertile infertile late early sure unsure certain uncertain confused embarrassed ashamed
    guilty glad excited ready free busy single married divorced separated engaged taken straight gay bi
    bisexual lesbian queer trans transgender nonbinary enby asexual ace aro aromantic pansexual pan
    demisexual intersex cis cisgender poly polyamorous monogamous virgin clean dirty positive negative
    undetectable allergic diabetic vegan christian muslim catholic jewish religious atheist autistic
    disabled deaf blind important possible impossible likely unlikely safe unsafe risky dangerous painful
    uncomfortable comfortable aware unaware interested curious desperate hopeless helpless stupid dumb silly
    crazy insane jealous possessive controlling abusive toxic violent drunk high sober asleep awake alive dead
    naked nude rough gentle kind nice sweet cute hot sexy ugly beautiful pretty attractive shy quiet loud
    honest dishonest faithful loyal unfaithful sexual emotional physical mental medical private public
    personal real fake true false wrong right correct easy difficult simple different similar whole entire
    full exhausted sleepy dizzy nauseous feverish bloated crampy careful careless better worse bigger smaller
    older younger harder softer easier longer shorter higher lower best worst main local whole usual regular
    irregular heavy light brief quick slow fast rapid sudden constant frequent rare common general specific
    particular certain obvious clear recent current previous former future final first fourth only extra
    proper actual exact total complete partial minor major severe mild moderate acute chronic bad awful
    terrible horrible lovely amazing brilliant perfect fine ok poor rich cheap expensive hungry thirsty cold
    warm hot cool freezing sweaty shaky numb tender raw bumpy lumpy smooth rough sticky slimy smelly fishy
    itchy flaky scaly spotty patchy bloody watery milky creamy frothy foamy greenish yellowish brownish
    pinkish reddish whitish intimate casual open closed steady exclusive official unofficial abusive
    consensual nonconsensual unprotected protected sterile immune positive inconclusive pending overdue
    vaginal anal oral genital pubic rectal urinary hormonal menstrual reproductive sexual sensitive
    insecure secure confident hesitant reluctant eager keen willing unwilling able unable legal illegal
    underage adult minor overweight underweight tall short average normal abnormal enlarged inflamed
    irritated infected contagious infectious symptomatic asymptomatic fine lucky unlucky blessed okayish
    online offline fluid bicurious heteroflexible heterosexual homosexual hetero homo closeted out asleep
    awkward nervy paranoid hypochondriac manic bipolar suicidal numb dead flat empty broke rich
    petite celibate chaste clueless thick curvy chubby muscular hairy smooth inexperienced experienced";

const EN_NOUNS: &str = "time thing things stuff situation problem issue question relationship family group
    circle chat life sex love condom condoms pill pills period periods penis vagina vulva clitoris clit
    labia cervix uterus womb ovary ovaries testicle testicles balls scrotum foreskin shaft head anus bum butt
    ass breast breasts boob boobs nipple nipples chest skin hair body mouth throat tongue lips hand hands
    finger fingers toy toys lube discharge smell rash bump bumps lump lumps spot spots wart warts blister
    sore sores pain ache itch burning bleeding blood spotting cramp cramps test tests result results clinic
    hospital doctor nurse pharmacy appointment prescription treatment medication medicine antibiotics
    cream dose tablet tablets injection jab shot vaccine implant coil iud patch ring shot depo pregnancy
    abortion miscarriage baby contraception protection method morning night evening afternoon day days week
    weeks month months year years hour hours minute minutes mins second seconds moment weekend holiday
    holidays school uni university college class lesson lessons homework exam exams work job shift office
    home house flat room bed bedroom bathroom toilet shower car bus train party club bar pub festival
    phone text texts message messages photo photos pic pics picture pictures video videos nudes account
    profile app apps site website internet online porn sexting snap story post comment dm dms chat group
    parents mum dad friend friends mate mates boyfriend girlfriend partner ex crush date dates hookup
    name names age birthday number gender sexuality orientation identity pronouns feelings feeling mood
    mind head heart stomach belly tummy back leg legs arm arms face eye eyes ear ears nose neck shoulder
    fever flu cold cough headache migraine infection virus bacteria fungus yeast std sti stis stds uti
    hiv aids herpes hpv chlamydia gonorrhoea gonorrhea syphilis thrush candida bv vaginosis trich
    trichomoniasis crabs lice scabies hepatitis hep mpox monkeypox vaginismus endometriosis pcos fibroids
    cyst cysts prep pep plan morning erection erections boner orgasm orgasms climax foreplay oral anal
    vaginal penetration intercourse masturbation fingering handjob blowjob rimming kink kinks bdsm
    consent assault rape abuse harassment stalking violence pressure coercion trauma therapy counselling
    anxiety depression stress panic attack attacks trust jealousy cheating affair breakup divorce marriage
    wedding engagement virginity purity religion church mass god culture community pride lgbt lgbtq
    queer trans transition hormones testosterone estrogen oestrogen progesterone hrt puberty growth
    size length girth weight height diet exercise gym sport sports football rugby dance drama art music
    maths math science biology chemistry physics english history geography pe pshe re ict computing
    french spanish german sex ed education assembly detention break lunch lockdown love trouble shock
    denial tears person public general total advance case fact secret private bed care hand charge
    control labour labor town city village country area place places world news way ways side end start
    beginning middle bit part piece kind sort type lot amount rest money cash bills rent
    retail hospitality healthcare finance construction education marketing sales tech admin childcare
    catering security logistics nursing teaching engineering law customer service factory warehouse
    ftm mtf nb afab amab transmasc transfem";

const EN_DAYS_MONTHS: &str =
    "monday tuesday wednesday thursday friday saturday sunday weekday weekend
    january february march april may june july august september october november december
    christmas xmas easter halloween valentines valentine ramadan eid diwali hanukkah thanksgiving
    spring summer autumn fall winter";

const EN_NATIONALITIES: &str = "english british scottish welsh irish american canadian australian spanish french
    german italian portuguese dutch polish romanian russian ukrainian chinese japanese korean indian
    pakistani bangladeshi nigerian ghanaian african asian european latino latina latinx hispanic black white
    mixed arab turkish greek brazilian mexican colombian argentinian argentine venezuelan peruvian chilean
    cuban dominican ecuadorian bolivian uruguayan paraguayan filipino vietnamese thai muslim hindu sikh";

// ---------------------------------------------------------------------
// Spanish
// ---------------------------------------------------------------------

const ES_FUNCTION: &str = "el la los las lo un una unos unas le les se me te nos os mi mis tu tus su sus
    nuestro nuestra nuestros nuestras vuestro vuestra vuestros vuestras mio mia mios mias tuyo tuya suyo
    suya yo tu el ella ello ellos ellas usted ustedes nosotros nosotras vosotros vosotras esto este esta
    estos estas eso ese esa esos esas aquel aquella aquello aquellos aquellas que quien quienes cual cuales
    donde cuando como cuanto cuanta cuantos cuantas y e o u ni pero sino aunque porque pues si no ya tambien
    tampoco muy mas menos mucho mucha muchos muchas poco poca pocos pocas todo toda todos todas nada algo
    nadie alguno alguna algunos algunas algun ningun ninguno ninguna otro otra otros otras mismo misma
    mismos mismas tan tanto tanta tantos tantas bastante demasiado demasiada casi solo solamente siempre
    nunca jamas ahora hoy ayer manana luego despues antes entonces aqui alli ahi alla aca bien mal mejor
    peor asi ademas incluso todavia aun recien apenas quiza quizas tal vez veces vez de del al a en con sin
    por para sobre entre hasta desde hacia contra segun durante tras ante bajo mediante excepto salvo
    uno dos tres cuatro cinco seis siete ocho nueve diez once doce veinte cien mil primero primera
    segundo segunda tercero tercera cuarto cuarta ultimo ultima proximo proxima cada cualquier cualquiera
    hola adios vale si claro bueno buena oye mira pues vamos venga gracias porfa porfavor perdon
    q k xq pq tb tmb tbn xfa jaja jajaja jeje guay mola hostia joder ostras buah jo wey guey
    sr sra srta dra don dona san santa sant santo";

/// Spanish verbs, infinitive; [`spanish_forms`] adds the common persons and
/// tenses (present, preterite, imperfect, participles, gerund).
const ES_VERBS: &str = "hablar tomar usar dejar llevar llamar pasar quedar llegar esperar mirar escuchar
    preguntar contestar mandar enviar pensar preocupar asustar gustar encantar amar besar tocar acostar
    follar chupar masturbar sangrar orinar mear durar cambiar empezar terminar acabar olvidar intentar
    tratar trabajar estudiar probar comprar pagar necesitar notar sentar cuidar ayudar buscar encontrar
    contar explicar hablar jugar bajar subir entrar sacar meter quitar lavar limpiar depilar afeitar
    mensajear chatear grabar publicar compartir borrar bloquear ignorar engañar cortar romper aguantar
    soportar aceptar negar obligar presionar forzar violar abusar agredir acosar amenazar chantajear
    pegar golpear insultar gritar llorar reir sonreir enfadar molestar importar preocupar pasar ocurrir
    suceder tardar retrasar adelantar faltar sobrar bastar costar valer doler picar escocer arder hinchar
    sudar temblar marear vomitar desmayar curar mejorar empeorar contagiar infectar proteger prevenir
    evitar confiar dudar sospechar imaginar creer saber conocer parecer aparecer desaparecer crecer
    nacer morir vivir escribir recibir decidir permitir prohibir insistir existir cumplir sufrir
    sentir mentir preferir repetir pedir seguir conseguir elegir dormir salir venir ir volver poder
    querer tener hacer decir poner ver dar estar ser haber caber traer oir leer correr beber comer
    coger tocar ligar salir quedar cortar romper aprender comprender entender atender responder
    esconder perder mover llover devolver resolver doler oler ofrecer merecer agradecer reconocer
    desnudar manosear acariciar abrazar morder lamer penetrar eyacular correr tragar escupir fumar
    drogar emborrachar beber tomar pinchar vacunar recetar operar diagnosticar analizar revisar
    hacerse quedarse irse enamorar casar divorciar separar embarazar abortar menstruar ovular";

const ES_IRREGULAR: &str =
    "soy eres es somos sois son era eras eramos eran fui fue fuimos fueron sido siendo
    estoy estas esta estamos estan estaba estaban estuve estuvo estuvieron estado estando
    he has ha hemos han habia habian hubo hay haya habido
    tengo tienes tiene tenemos tienen tenia tenian tuve tuvo tuvimos tuvieron tenido teniendo
    hago haces hace hacemos hacen hacia hacian hice hizo hicimos hicieron hecho haciendo
    digo dices dice decimos dicen decia decian dije dijo dijimos dijeron dicho diciendo
    voy vas va vamos van iba ibas iban fue fueron ido yendo
    puedo puedes puede podemos pueden podia podian pude pudo pudieron podido pudiendo
    quiero quieres quiere queremos quieren queria querian quise quiso quisieron querido
    se sabes sabe sabemos saben sabia sabian supe supo supieron sabido
    veo ves ve vemos ven veia veian vi vio vimos vieron visto viendo
    doy das da damos dan daba daban di dio dimos dieron dado dando
    vengo vienes viene venimos vienen venia venian vine vino vinieron venido viniendo
    pongo pones pone ponemos ponen ponia puse puso pusieron puesto poniendo
    salgo sales sale salimos salen salia sali salio salieron salido
    pienso piensas piensa piensan pense penso
    siento sientes siente sienten senti sintio sintieron sintiendo
    duermo duerme duermen dormi durmio durmieron durmiendo
    pido pide piden pidio pidieron pidiendo sigo sigue siguen siguio siguieron siguiendo
    miento miente mienten mintio mintieron
    prefiero prefiere prefieren
    puedo vuelvo vuelve vuelven volvio
    muero muere murio muerto
    juego juega juegan jugo
    empiezo empieza empiezan
    cuento cuenta cuentan
    creo crees cree creen creia crei creyo creyeron creido
    leo lee leen leyo leyeron
    oigo oye oyen oyo oyeron
    traigo trae traen trajo trajeron
    cojo coge cogen cogio
    conozco conoce conocen conocio
    parezco parece parecen parecio
    duele duelen dolia dolio
    huele huelen olia
    escrito abierto roto cubierto vuelto";

const ES_ADJECTIVES: &str = "gay lesbiana bisexual bi trans transexual hetero heterosexual homosexual
    queer virgen nuevo joven mayor menor alto bajo guapo feo gordo delgado flaco cansado triste feliz
    contento enfadado celoso nervioso preocupado embarazado asustado timido raro normal enfermo sano
    seguro loco tonto pesado bueno malo grande pequeno largo corto duro blando actual anterior siguiente
    primero segundo ultimo mejor peor rojo rosa blanco negro amarillo verde marron gris azul morado
    claro oscuro espeso fino grueso hinchado irritado infectado inflamado seco humedo mojado caliente
    frio tibio doloroso molesto incomodo comodo tranquilo agobiado estresado deprimido ansioso solo
    soltero casado divorciado separado comprometido libre ocupado listo dispuesto capaz incapaz posible
    imposible probable improbable peligroso arriesgado grave leve serio fuerte debil lento rapido
    frecuente constante sexual vaginal anal oral genital intimo privado publico personal real falso
    verdadero cierto correcto equivocado facil dificil simple distinto diferente parecido igual mismo
    entero completo lleno vacio necesario importante urgente cristiano catolico musulman judio ateo
    religioso autista discapacitado sordo ciego menstrual hormonal raro extrano mareado indetectable
    positivo negativo limpio sucio fiel infiel abierto cerrado serio cariñoso carinoso violento
    agresivo toxico controlador posesivo borracho drogado sobrio dormido despierto vivo muerto desnudo
    tierno dulce majo simpatico antipatico guapisimo timida tímida vergonzoso avergonzado culpable
    legal ilegal adulto mayor menor obeso delgado alergico diabetico asmatico embarazada feliz infeliz
    chungo guay fatal genial perfecto horrible terrible increible
    tauro geminis escorpio escorpion sagitario capricornio acuario piscis leo";

const ES_NOUNS: &str = "vez veces cosa cosas tema problema duda dudas pregunta relacion familia grupo vida
    sexo amor condon condones preservativo preservativos pastilla pastillas pildora regla periodo pene
    vagina vulva clitoris labios cuello utero ovario ovarios testiculo testiculos huevos escroto
    prepucio glande ano culo pecho pechos teta tetas pezon pezones piel pelo cuerpo boca garganta lengua
    mano manos dedo dedos juguete juguetes lubricante flujo olor sarpullido bulto bultos grano granos
    verruga verrugas llaga llagas ampolla dolor picor escozor sangre sangrado manchado calambres prueba
    pruebas analisis resultado resultados centro clinica hospital farmacia cita receta tratamiento
    medicacion medicamento medicina antibiotico antibioticos crema dosis inyeccion vacuna implante diu
    parche anillo embarazo aborto anticonceptivo anticonceptivos proteccion manana tarde noche dia dias
    semana semanas mes meses ano anos hora horas minuto minutos segundo momento finde fin vacaciones
    colegio cole instituto insti universidad uni clase clases deberes examen examenes trabajo curro
    turno oficina casa piso habitacion cama bano ducha coche bus tren fiesta discoteca bar botellon
    movil telefono mensaje mensajes foto fotos video videos cuenta perfil aplicacion app web internet
    porno historia comentario privado md grupo padres madre padre amigos novio novia pareja nombre edad
    cumpleanos numero genero sexualidad orientacion identidad pronombres sentimientos cabeza corazon
    estomago barriga tripa espalda pierna piernas brazo brazos cara ojo ojos oreja nariz hombro fiebre
    gripe resfriado tos infeccion virus bacteria hongos ets its vih sida herpes vph clamidia gonorrea
    sifilis candidiasis candida vaginosis tricomonas ladillas sarna hepatitis vaginismo endometriosis
    quiste quistes ereccion orgasmo orgasmos preliminares penetracion masturbacion consentimiento
    agresion violacion abuso acoso violencia presion trauma terapia psicologo ansiedad depresion estres
    confianza celos infidelidad ruptura boda virginidad religion iglesia dios cultura orgullo hormonas
    testosterona estrogenos progesterona pubertad tamano peso altura dieta gimnasio deporte futbol
    baile musica mates matematicas ciencias biologia quimica fisica ingles historia geografia educacion
    miedo verguenza ganas culpa pena asco lio rollo movida verdad mentira cuidado caso hecho razon
    favor atencion gente persona hombre mujer chico chica nino nina pueblo ciudad barrio pais mundo zona
    sitio lugar calle emergencia urgencias salud planificacion edad eso bach bachillerato primaria
    secundaria carrera master grado curso practicas prácticas";

const ES_DAYS_MONTHS: &str = "lunes martes miercoles jueves viernes sabado domingo enero febrero marzo abril
    mayo junio julio agosto septiembre setiembre octubre noviembre diciembre navidad navidades nochebuena
    nochevieja semana santa pascua carnaval verano invierno otono primavera";

const ES_NATIONALITIES: &str = "espanol espanola ingles inglesa britanico britanica americano americana frances
    francesa aleman alemana italiano italiana portugues portuguesa chino china japones japonesa latino
    latina mexicano mexicana colombiano colombiana argentino argentina venezolano venezolana peruano
    peruana chileno chilena cubano cubana dominicano dominicana ecuatoriano ecuatoriana boliviano
    boliviana uruguayo uruguaya paraguayo paraguaya marroqui rumano rumana africano africana arabe gitano
    gitana payo paya catalan catalana gallego gallega vasco vasca andaluz andaluza canario canaria";

// ---------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------

/// Common given names and nicknames, English and Spanish. A name here is
/// removed wherever it stands, unless it is also an ordinary word (those
/// are in [`NAME_LIKE_WORDS`] or found in the lists above, and are removed
/// only where the text marks them as names).
const GIVEN_NAMES: &str = "james john robert michael david richard joseph thomas charles christopher daniel
    matthew anthony donald steven stephen paul andrew joshua kenneth kevin brian george timothy ronald
    edward jason jeffrey ryan jacob gary nicholas eric jonathan larry justin scott brandon benjamin samuel
    gregory alexander patrick raymond dennis jerry tyler aaron jose adam henry nathan douglas zachary peter
    kyle ethan walter noah jeremy keith roger terry gerald harold sean carl arthur lawrence dylan jesse
    bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene
    russell bobby philip phillip louis harry jake jamie liam oliver charlie alfie freddie archie oscar theo
    finn toby sam tom ben luke callum connor conor kieran declan rhys owen lewis ellis harvey reece reese
    jayden aiden aidan caden brady chad cody colton dustin garrett trent travis troy wyatt zach zack nate
    matt mike chris steve dave danny jimmy johnny tommy ricky mikey joey benny jon jonny kai ian ivan
    eddie teddy ted neil nigel simon stuart graham craig darren gavin glen glenn jamal tyrone darnell
    deshawn marcus malik andre terrell jermaine brendan shane dominic elliot elliott jasper ezra felix
    hugo jude milo rory seb sebastian stanley ollie reggie ronnie jenson jayce tristan xavier zane ahmed
    mohammed mohammad muhammad omar ali hassan hussein yusuf ibrahim raj arjun rohan amir tariq imran
    bilal kofi kwame chidi emeka tunde jakob lucas luca leon niall shaun shawn dean darius damian damien
    joel jordan josh jack jackson cameron callan kian keegan ashton ashley bradley brad curtis dale
    dwayne gareth geoff jeff jeremiah jerome kelvin leighton lloyd marco mario martin max maxwell nathaniel
    nicky nick noel patrick pete phil quentin ralph rick ricardo rob robbie roberto ruben russ ryder sammy
    scotty seth spencer steven stevie taylor theodore tobias tony trevor tyson victor vinnie warren
    wesley will william zac zak mason hunter harrison carter cooper parker jaxon brody bryce
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
    sandra ashley kimberly emily donna michelle dorothy amanda melissa deborah stephanie rebecca sharon
    laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha katherine
    christine debra rachel catherine carolyn janet ruth maria diane virginia julie joyce olivia kelly
    christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances ann anne
    teresa kathryn sara janice jean alice doris abigail julia judy denise marilyn beverly danielle
    theresa sophia sofia marie diana brittany natalie isabella isabel isabelle charlotte alexis kayla
    sophie chloe jess jessie becky becca bex katie kate katy cathy beth lucy ellie millie ava amelia isla
    freya evie molly phoebe scarlett zoe zoey gemma leah nina tina gina jenny jen kim liz lizzie abby
    abbie anya bella caitlin chantelle courtney demi eleanor elle erin esme fiona harriet imogen jasmine
    jodie kira kirsty leanne maddie maisie mollie naomi niamh paige rhiannon sadie shannon siobhan sienna
    stacey tara tasha tilly vicky hayley bethany brooke kayleigh keira lana layla lexi maya mila nadia
    rosie stella tegan aisha fatima priya aaliyah amira zainab ayesha nia keisha tanisha shanice jade
    alexandra alex alexa aimee ellen eloise emilia evelyn francesca georgina grace hollie jemma jo joanna
    josie kat kayleigh kerry lydia maria mariah megan mel melanie natasha nicola paula pippa rachael
    rebekah robyn roxanne sally sam samantha shelby sian skye tamara tanya tori tracey vanessa wendy
    yvonne zara zoë
    antonio jose manuel francisco juan david javier daniel carlos jesus alejandro miguel rafael pedro
    pablo sergio fernando jorge luis alberto alvaro adrian diego raul enrique ramon vicente ivan ruben
    oscar andres joaquin eduardo victor roberto jaime mario ignacio alfonso ricardo gonzalo hugo marcos
    emilio julian tomas gabriel guillermo nicolas martin samuel hector lucas mateo iker unai asier aitor
    ander pau pol jordi marc oriol xavi sebastian matias agustin benjamin thiago joel cristian kevin
    brian jonathan bryan dylan erick leonardo emiliano rodrigo felipe esteban ernesto armando orlando
    rolando alejo cristobal moises abel adan elias ismael chema pepe paco quique kike rafa javi dani edu
    isma manu fran toni nando juanjo juanma josemi chus lalo pancho beto tono izan gael bruno dario teo
    ciro aimar eric jan roc gil nacho
    lucia sofia maria martina paula julia valeria emma daniela carla alba noa alma sara carmen vega
    lara mia valentina olivia ines claudia jimena aitana laia elena marta andrea nerea irene laura
    cristina raquel patricia natalia silvia beatriz noelia alicia marina lola triana celia lidia olga
    susana teresa isabel lorena miriam eva esther ainhoa leire maite vanesa yolanda monica veronica
    angela gabriela fernanda camila ximena lupe rocio ana anabel nuria montse montserrat begona macarena
    inma encarna concha conchi pili loli mari maripaz maite sonia rebeca tamara estefania judith
    ariadna adriana alejandra barbara carolina diana elisa gloria ivana jessica karina leticia lourdes
    manuela mercedes miren nahia oihane paola pilar rosa rosario sandra sheila vanessa ximena yaiza
    kayden kaiden kaden jayden jaden brayden braden grayson greyson hudson carson landon easton jaxson
    jace ryker kingston maverick bentley beau rowan asher silas ezekiel josiah isaiah micah caleb
    levi eli elliot nolan colin calvin dorian emmett everett finley harley kobe lennon lincoln louie
    luka marley nico otis remy rocco ronan ryden sonny tate teddy tyrell zayn zayden zion archer
    brooklyn everly aria aurora harper hazel hailey kennedy kinsley madelyn mackenzie nevaeh paisley
    peyton piper quinn raelynn savannah serenity skylar sloane talia taylor wren ximena zara zuri
    ayla aisling ciara clodagh grainne orla saoirse sinead aoife caoimhe eabha roisin siobhan oisin
    cian cillian eoin fionn padraig ruairi tadhg liv maja nora ingrid astrid freja elsa
    priyanka aarav aditya akash amit anil anjali ananya arnav deepak divya gaurav harpreet ishaan
    kavya kiran krishna manpreet meera neha nikhil pooja pranav preeti rahul rajesh ravi riya rohit
    sachin sanjay shreya simran sunil tanvi varun vikram vishal yash zara aditi jaspreet gurpreet
    abdul ahmad aisha amina anwar fatima farah hamza hana hassan idris imran jamila karim khalid
    layla leila malik mariam maryam mustafa nadia nasser noor omar rashid reza salma samir sana sara
    tariq usman yasmin youssef zainab zayd adebayo ade ayo chinedu chioma folake ifeoma kemi ngozi
    nkechi obinna oluwaseun tobi tola tomi yemi uche amara ama kwabena kojo akua esi
    andrei alexei dmitri ivana katarzyna kasia magda marek piotr tomasz olena oksana natasha sasha
    yeray ayoze acaran airam jonay iballa itahisa tamara nayra yurena ancor aday
    santi nacho cristo joan arnau biel pere jaume roger quim guillem marti albert montse nuria
    laia mireia berta ona aina queralt gemma meritxell estel iria uxia breixo xoan anxo brais xurxo
    aitziber amaia ane edurne garazi idoia itziar maialen nerea olatz uxue ekaitz gorka iñaki ibai
    jon koldo mikel oier xabier
    brayan yandel jhon jhonatan maicol yeison wilmer edwin stiven duvan jefferson yuliana yesenia
    marisol maribel mayra yadira dayana yuri lizbeth fernanda guadalupe xiomara araceli anahi
    itzel citlali yaretzi dulce jazmin jaqueline karla lizeth maricruz nayeli xochitl
    jenna kelsey brianna briana kaitlyn katelyn kaylee kayleigh kylie makayla mckenzie alyssa alexa
    allison amberly ariana arianna ashlyn brooklynn cassidy cassie chelsey destiny elena emilie emmy
    evangeline gabriella gianna haley hailee jada jordyn josephine juliana julianna kaitlin kara
    karina kendall kenzie kiara kylee lacey leila lila lilah lillian lucia mabel mackenna macy
    madeline makenna mallory marissa mckayla melany miranda morgan nadine natalia nyla payton rylee
    sabrina sage samara shayla sierra sophie tessa trinity vivian viviana whitney yasmine zoey
    brody bryson camden cayden colby conner cooper cristian damon dante dawson derek desmond devin
    dexter donovan drake duncan easton edgar elias emerson emilio enzo ethan everett fabian felix
    frederick gage garrett grady graham griffin hayden heath holden hugh ignacio jared jarrett
    jaxon jensen jett joaquin jonah jorge jovani judah kade kane keaton kellan kendrick kenneth
    kieran killian knox lachlan landen lawson leonel liam lorenzo lyle malachi
    marcel marshall matteo maximus micheal milan moises nash nehemiah nixon omari
    orion pierce porter quincy raphael reid rhett ricardo riley roman rory ross royce russell
    ryland sawyer shawn simon sullivan tanner tatum thaddeus titus trenton tripp tucker ty tyce
    uriel valentin wade walker waylon westin weston winston wyatt zachariah zander";

/// Given names that are also ordinary words (or places, or brands): only
/// taken as names where the text marks them ("my friend Will", "soy
/// Rosa"), and only in the case written there.
const NAME_LIKE_WORDS: &str = "will may mark bill jack pat rob sue drew guy ray dawn rose lily iris violet
    hazel holly ivy daisy poppy heather amber ruby jade pearl crystal olive april june august summer autumn
    faith hope grace joy destiny angel christian frank nick gene dean miles chase chance hunter mason
    jordan paris georgia florence victoria austin madison chelsea sydney brooklyn dallas sky river storm
    rain sunny honey candy ginger penny misty sandy rusty cliff buck bonnie harmony melody liberty trinity
    precious sunshine star ella max ed al bo lee dan leo jo eve art val joy mia ali
    rosa luz sol paz mar cruz alma clara blanca pura dolores mercedes pilar amparo consuelo rocio nieves
    soledad esperanza milagros luna estrella reyes cielo aurora azucena flor remedios rosario socorro
    inmaculada concepcion asuncion encarnacion paloma marina candela alba celeste margarita caridad
    angustias dulce lourdes guadalupe montserrat leon salvador santiago victoria fe gloria felicidad
    nacho curro yasmin zara carmen belen reza serenity paisley sage lane lance heath sierra lila";

/// Frequent surnames: taken as a name's second word even when they are
/// also ordinary words ("Jake White").
const SURNAMES: &str = "smith jones williams taylor brown davies evans wilson thomas johnson roberts robinson
    thompson wright walker white edwards hughes green hall lewis harris clarke clark patel jackson wood
    turner martin cooper hill ward morris moore lee king baker harrison morgan allen james scott phillips
    watson davis parker price bennett young griffiths mitchell kelly cook carter richardson bailey collins
    bell shaw murphy miller cox richards khan marshall anderson simpson ellis adams singh begum wilkinson
    foster chapman powell webb rogers gray grey mason ali hunt hussain campbell matthews owen palmer holmes
    mills barnes knight lloyd butler russell barker fisher stevens jenkins murray dixon harvey grant
    garcia martinez lopez sanchez gonzalez rodriguez fernandez perez gomez martin jimenez ruiz hernandez
    diaz moreno alvarez munoz romero alonso gutierrez navarro torres dominguez vazquez ramos gil ramirez
    serrano blanco molina morales suarez ortega delgado castro ortiz rubio marin sanz nunez iglesias
    medina garrido cortes castillo santos lozano guerrero cano prieto mendez cruz calvo gallego vidal
    leon marquez herrera pena flores cabrera campos vega fuentes carrasco diez caballero reyes nieto
    aguilar pascual santana herrero lorenzo montero hidalgo gimenez ibanez ferrer duran santiago benitez
    mora vicente vargas arias carmona crespo roman pastor soto saez velasco moya soler parra esteban
    bravo gallardo rojas salazar";

// ---------------------------------------------------------------------
// Never names, never places
// ---------------------------------------------------------------------

/// Medical eponyms, medicines, brands, apps and services: words a question
/// about sexual health needs, capitalised or not.
const PROTECTED: &str = "bartholin bartolino bartholins peyronie peyronies skene skenes fallopian falopio cowper
    cowpers grafenberg kegel kegels pap papanicolau papanicolaou kaposi reiter montgomery addison cushing
    crohn crohns down asperger hashimoto klinefelter
    plan ellaone durex trojan skyn mates pasante control viagra cialis levitra kamagra sildenafil
    tadalafil truvada descovy prep pep norlevo postinor levonelle levonorgestrel ulipristal yasmin yaz
    microgynon rigevidon cerazette cilest femodene depo provera sayana nexplanon implanon mirena kyleena
    jaydess nuvaring evra canesten diflucan fluconazole valtrex aciclovir acyclovir doxycycline doxiciclina
    azithromycin azitromicina ceftriaxone metronidazole flagyl nurofen ibuprofen ibuprofeno paracetamol
    tylenol advil calpol gaviscon astroglide lelo womanizer satisfyer fleshlight hitachi monistat
    zoely qlaira slynd lovima dianette marvelon loette
    tinder grindr instagram insta snapchat snap tiktok twitter facebook whatsapp telegram discord hinge
    bumble feeld scruff jackd onlyfans reddit youtube google pornhub xvideos badoo wallapop omegle kik
    tumblr pinterest twitch signal threads bluesky chatgpt
    nhs brook sh24 tht higgins parenthood stopes msi bpas gp pharmacy farmacia hiv vih sida aids prep std sti ets its";

/// Shops and chains: where people buy condoms and tests, kept unless the
/// asker works there.
const SHOPS: &str = "boots superdrug tesco asda sainsburys morrisons lidl aldi waitrose coop iceland
    walgreens cvs walmart target amazon mercadona carrefour dia eroski alcampo primark zara mcdonalds
    kfc starbucks costa greggs subway";

/// Countries, regions and cities large enough that naming one identifies
/// nobody. Multi-word entries are folded with single spaces.
const BIG_PLACES: &str = "uk u.k. gb britain england scotland wales ireland usa us america canada australia
    spain espana mexico argentina colombia peru chile venezuela ecuador bolivia uruguay paraguay cuba
    france francia germany alemania italy italia portugal netherlands holanda belgium belgica poland
    polonia romania rumania russia rusia ukraine ucrania china japan japon korea corea india pakistan
    nigeria ghana morocco marruecos egypt turkey turquia greece grecia brazil brasil sweden suecia norway
    noruega denmark finland switzerland suiza austria ireland irlanda europe europa africa asia
    london manchester birmingham glasgow liverpool leeds sheffield edinburgh bristol cardiff belfast
    newcastle nottingham leicester madrid barcelona valencia sevilla seville zaragoza malaga murcia palma
    bilbao alicante cordoba valladolid vigo guadalajara monterrey bogota medellin cali lima santiago
    caracas quito guayaquil montevideo asuncion havana habana paris berlin rome roma milan lisbon lisboa
    amsterdam brussels bruselas dublin vienna viena prague praga warsaw toronto montreal vancouver sydney
    melbourne tokyo beijing delhi mumbai lagos cairo istanbul dubai moscow athens atenas chicago houston
    phoenix philadelphia dallas miami boston seattle atlanta washington austin denver detroit
    california texas florida catalonia cataluna catalunya andalusia andalucia galicia euskadi canarias
    asturias castilla aragon extremadura navarra yorkshire lancashire kent essex cornwall devon
    nyc la cdmx";

const BIG_PLACES_MULTI: &str = "new york|los angeles|san francisco|san diego|san antonio|las vegas|mexico city|
    ciudad de mexico|buenos aires|la paz|santo domingo|san juan|las palmas|united kingdom|united states|
    reino unido|estados unidos|northern ireland|irlanda del norte|south africa|sudafrica|new zealand|
    nueva zelanda|costa rica|puerto rico|el salvador|pais vasco|basque country|comunidad valenciana|
    comunidad de madrid|castilla y leon|castilla la mancha|la rioja|islas baleares|canary islands|
    islas canarias|the uk|the us|the usa|great britain|gran bretana";

// ---------------------------------------------------------------------
// Lookups
// ---------------------------------------------------------------------

struct Lexicon {
    function: HashSet<String>,
    common: HashSet<String>,
    names: HashSet<String>,
    name_like: HashSet<String>,
    surnames: HashSet<String>,
    protected: HashSet<String>,
    shops: HashSet<String>,
    big_places: HashSet<String>,
}

fn words(list: &str) -> impl Iterator<Item = String> + '_ {
    list.split_whitespace().map(fold)
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let function: HashSet<String> = words(EN_FUNCTION).chain(words(ES_FUNCTION)).collect();
        let mut common: HashSet<String> = function.clone();
        for list in [
            RELATION_WORDS,
            EN_IRREGULAR,
            EN_ADJECTIVES,
            EN_DAYS_MONTHS,
            EN_NATIONALITIES,
            ES_IRREGULAR,
            ES_DAYS_MONTHS,
            ES_NATIONALITIES,
        ] {
            common.extend(words(list));
        }
        for noun in words(EN_NOUNS) {
            common.insert(format!("{noun}s"));
            common.insert(format!("{noun}es"));
            common.insert(noun);
        }
        for verb in words(EN_VERBS) {
            common.extend(english_forms(&verb));
        }
        for adjective in words(ES_ADJECTIVES) {
            common.extend(spanish_adjective_forms(&adjective));
        }
        for noun in words(ES_NOUNS) {
            common.insert(format!("{noun}s"));
            common.insert(format!("{noun}es"));
            common.insert(noun);
        }
        for verb in words(ES_VERBS) {
            common.extend(spanish_forms(&verb));
        }
        let mut big_places: HashSet<String> = words(BIG_PLACES).collect();
        big_places.extend(
            BIG_PLACES_MULTI
                .split('|')
                .map(|p| fold(&p.split_whitespace().collect::<Vec<_>>().join(" "))),
        );
        Lexicon {
            function,
            common,
            names: words(GIVEN_NAMES).collect(),
            name_like: words(NAME_LIKE_WORDS).collect(),
            surnames: words(SURNAMES).collect(),
            protected: words(PROTECTED).collect(),
            shops: words(SHOPS).collect(),
            big_places,
        }
    })
}

/// -s, -ed and -ing forms of an English verb, including the doubled
/// consonant ("stopped") and dropped e ("making") spellings.
fn english_forms(base: &str) -> Vec<String> {
    let mut forms = vec![base.to_owned()];
    let Some(last) = base.chars().last() else {
        return forms;
    };
    let stem_y = base
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']));
    // -s
    if let Some(stem) = stem_y {
        forms.push(format!("{stem}ies"));
    } else if base.ends_with(['s', 'x', 'z', 'o']) || base.ends_with("ch") || base.ends_with("sh") {
        forms.push(format!("{base}es"));
    } else {
        forms.push(format!("{base}s"));
    }
    // -ed
    if let Some(stem) = stem_y {
        forms.push(format!("{stem}ied"));
    } else if base.ends_with('e') {
        forms.push(format!("{base}d"));
    } else {
        forms.push(format!("{base}ed"));
        forms.push(format!("{base}{last}ed"));
    }
    // -ing
    if let Some(stem) = base.strip_suffix("ie") {
        forms.push(format!("{stem}ying"));
    } else if let Some(stem) = base.strip_suffix('e').filter(|s| !s.ends_with('e')) {
        forms.push(format!("{stem}ing"));
    } else {
        forms.push(format!("{base}ing"));
        forms.push(format!("{base}{last}ing"));
    }
    forms
}

/// The forms of a Spanish verb that follow "mi novio" or "se": present,
/// preterite and imperfect in the persons people write about, participles
/// and gerund. Accents are already folded away.
fn spanish_forms(infinitive: &str) -> Vec<String> {
    let base = infinitive.strip_suffix("se").unwrap_or(infinitive);
    let mut forms = vec![infinitive.to_owned(), base.to_owned()];
    let (stem, endings): (&str, &[&str]) = if let Some(stem) = base.strip_suffix("ar") {
        (
            stem,
            &[
                "o", "as", "a", "amos", "ais", "an", "e", "aste", "o", "aron", "aba", "abas",
                "abamos", "aban", "ado", "ada", "ados", "adas", "ando", "ara", "aria", "arian",
                "es", "en", "emos", "arme", "arte", "arle", "arlo", "arla", "arse",
            ],
        )
    } else if let Some(stem) = base.strip_suffix("er").or_else(|| base.strip_suffix("ir")) {
        (
            stem,
            &[
                "o", "es", "e", "emos", "imos", "en", "i", "iste", "io", "ieron", "ia", "ias",
                "iamos", "ian", "ido", "ida", "idos", "idas", "iendo", "era", "ira", "eria",
                "iria", "a", "as", "an", "amos", "erme", "irme", "erle", "irle", "erse", "irse",
            ],
        )
    } else {
        return forms;
    };
    forms.extend(endings.iter().map(|e| format!("{stem}{e}")));
    forms
}

/// Gender and number of a Spanish adjective.
fn spanish_adjective_forms(adjective: &str) -> Vec<String> {
    match adjective.strip_suffix('o') {
        Some(stem) => ["o", "a", "os", "as", "isimo", "isima"]
            .iter()
            .map(|e| format!("{stem}{e}"))
            .collect(),
        None => vec![
            adjective.to_owned(),
            format!("{adjective}s"),
            format!("{adjective}es"),
        ],
    }
}

// ---------------------------------------------------------------------
// Questions the detectors ask
// ---------------------------------------------------------------------

/// Determiners, pronouns, prepositions, conjunctions, auxiliaries:
/// words that end a name or a place.
pub(super) fn is_function_word(folded: &str) -> bool {
    lexicon().function.contains(folded)
}

/// Any listed ordinary word, in either language.
pub(super) fn is_common(folded: &str) -> bool {
    lexicon().common.contains(folded)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NameStatus {
    /// A given name and nothing else: a name wherever it stands.
    Given,
    /// A given name that is also an ordinary word, place or brand.
    Ambiguous,
    /// Not a listed given name.
    Unknown,
}

pub(super) fn name_status(folded: &str) -> NameStatus {
    let lex = lexicon();
    if lex.name_like.contains(folded) {
        NameStatus::Ambiguous
    } else if lex.names.contains(folded) {
        // A listed name that the word lists also know ("nina" is also the
        // folded "niña") is only a name where the text says so.
        if lex.common.contains(folded)
            || lex.protected.contains(folded)
            || lex.big_places.contains(folded)
        {
            NameStatus::Ambiguous
        } else {
            NameStatus::Given
        }
    } else {
        NameStatus::Unknown
    }
}

pub(super) fn is_surname(folded: &str) -> bool {
    lexicon().surnames.contains(folded)
}

/// Eponyms, medicines, brands, apps, services.
pub(super) fn is_protected(folded: &str) -> bool {
    lexicon().protected.contains(folded)
}

pub(super) fn is_shop(folded: &str) -> bool {
    lexicon().shops.contains(folded)
}

/// Countries, regions and big cities; `folded` may be several words.
pub(super) fn is_big_place(folded: &str) -> bool {
    lexicon().big_places.contains(folded)
}

/// A lower-case word shaped like a verb form, adverb or abstract noun,
/// which after "my boyfriend" is far likelier than a name nobody listed.
pub(super) fn looks_inflected(folded: &str) -> bool {
    let n = folded.chars().count();
    const ENDINGS: &[(&str, usize)] = &[
        ("ing", 5),
        ("ed", 4),
        ("ly", 5),
        ("ando", 5),
        ("iendo", 6),
        ("mente", 6),
        ("aba", 5),
        ("aban", 6),
        ("ado", 5),
        ("ada", 5),
        ("ados", 6),
        ("adas", 6),
        ("ido", 5),
        ("ida", 5),
        ("aron", 6),
        ("ieron", 7),
        ("cion", 6),
        ("sion", 6),
        ("dad", 5),
        ("ness", 6),
        ("ment", 6),
    ];
    ENDINGS
        .iter()
        .any(|(ending, min)| n >= *min && folded.ends_with(ending))
}

/// A lower-case word shaped like an adjective ("asexual", "nauseous"):
/// after "I'm" it describes the asker rather than naming them.
pub(super) fn looks_adjectival(folded: &str) -> bool {
    let n = folded.chars().count();
    const ENDINGS: &[&str] = &[
        "al", "ic", "ous", "ive", "ful", "less", "able", "ible", "ish", "ent", "ant", "ary", "ual",
        "ose", "ile", "ied", "ated", "y", "ist", "oso", "osa", "ico", "ica", "ble", "ate", "ite",
    ];
    n >= 4 && ENDINGS.iter().any(|e| folded.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_joins_spellings() {
        assert_eq!(fold("Lucía"), "lucia");
        assert_eq!(fold("DOESN’T"), "doesnt");
        assert_eq!(fold("Muñoz"), "munoz");
    }

    #[test]
    fn inflections_are_generated() {
        for word in [
            "cheated", "keeps", "stopped", "making", "cries", "dijo", "tomaba", "quiere",
        ] {
            assert!(is_common(word), "{word}");
        }
    }

    #[test]
    fn names_that_are_words_are_ambiguous() {
        assert_eq!(name_status("jake"), NameStatus::Given);
        assert_eq!(name_status("will"), NameStatus::Ambiguous);
        assert_eq!(name_status("nina"), NameStatus::Ambiguous);
        assert_eq!(name_status("okafor"), NameStatus::Unknown);
    }
}
