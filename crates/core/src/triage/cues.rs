//! Cue lexicons, by category: the patterns, written from the clinical definitions.

use super::*;

// Sexual assault: named acts, sex that went on after a no, force, sex
// without the capacity to consent, coercion, abuse by a relative or a person
// in authority, groping.
pub(super) static ASSAULT: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:raped?|raping|rapist|violad[ao]|violacion|violaron|violo|me violo)\b",
        NEGATABLE | EDUCATIONAL | STRONGLY_HYPOTHETICAL,
    ),
    cue(
        r"\bsexual(?:ly)? (?:assault(?:ed)?|abused?|harass(?:ed|ment)?)\b|\b(?:the|an|sexual) assault\b|\bassault(?:ed)? me\b|\bcounts? as (?:sexual )?assault\b|\b(?:is|was) (?:it|that|this) (?:sexual )?assault\b|\bmolest(?:ed|ing|s)?\b|\bgrop(?:ed|ing|e)\b",
        NEGATABLE | EDUCATIONAL | STRONGLY_HYPOTHETICAL,
    ),
    cue(
        r"\babus\w* de mi\b|\babuso sexual\b|\babusaron de mi\b|\bme (?:ha |han )?abusado\b|\bagresion sexual\b|\bme agredio sexualmente\b|\bme manose\w*|\btocamientos\b",
        NEGATABLE | EDUCATIONAL,
    ),
    // Going on after a no.
    cue(
        r"\b(?:didn'?t|did not|wouldn'?t|would not|won'?t|doesn'?t|refused to) (?:stop|listen|care)\b[^.!?]{0,40}\b(?:said|told|say|saying|asked|begged)\b",
        KINK | STRONGLY_HYPOTHETICAL,
    ),
    cue(
        r"\b(?:kept|keeps|carried|continued|went) (?:going|on)\b[^.!?]{0,50}\b(?:said no|saying (?:no|stop)|told (?:him|her|them) (?:to )?(?:stop|no)|to stop|asked (?:him|her|them) to stop|begged|crying|cried)",
        KINK | STRONGLY_HYPOTHETICAL,
    ),
    cue(
        r"\b(?:even though|although|though|despite|even when|even after|even as) (?:i|me) (?:said|saying|told (?:him|her|them)|kept saying|asked (?:him|her|them)|was crying|cried) ?(?:no|to stop|stop|i (?:didn'?t|did not|don'?t) want|i (?:wasn'?t|was not) ready)?",
        KINK | STRONGLY_HYPOTHETICAL,
    ),
    cue(
        r"\b(?:said|say|saying|told (?:him|her|them)|tell (?:him|her|them)) (?:no|to stop|stop|i (?:wasn'?t|was not|am not|'m not|m not) ready|i (?:didn'?t|don'?t|did not) want (?:it|to))\b[^.!?]{0,80}\b(?:(?:did|does|do|doing|done|went|goes|go|had|has|kept|carried|continued|touched|forced|it|me|ahead)\b[^.!?]{0,25}\banyways?|kept going|didn'?t (?:stop|care|listen)|did not (?:stop|care)|ignored|continued|carried on|let it happen|give in|gave in|held|pinned|forced)\b",
        KINK | STRONGLY_HYPOTHETICAL,
    ),
    cue(
        r"\b(?:wouldn'?t|won'?t|didn'?t|did not|would not|doesn'?t) take no for an answer\b|\bno (?:aceptaba|acepto|acepta) un no\b",
        KINK,
    ),
    cue(
        r"\b(?:touched|touches|touching|kissed|kisses|kissing|grabbed|groped)\b[^!?]{0,80}\b(?:didn'?t|did not|don'?t) want (?:him|her|them) to\s*(?:[.!?,;]|$)",
        NEGATABLE | KINK,
    ),
    cue(
        r"\bsaid yes to \w+(?: \w+)? but not\b[^.!?]{0,60}\b(?:didn'?t care|anyway|did it|kept going)\b",
        0,
    ),
    cue(
        r"\b(?:push(?:ed|ing)?|shov(?:ed|ing)|pull(?:ed|ing)?) (?:his|her|their|him|them) (?:hands? |arms? )?(?:away|off)\b[^.!?]{0,40}\b(?:kept going|didn'?t stop|continued|carried on|kept (?:doing|choking|touching|going))\b",
        0,
    ),
    cue(
        r"\b(?:kept|keeps|keep) (?:asking|pushing|begging|pressuring|pestering|nagging|insisting)\b[^.!?]{0,40}\buntil i (?:give|gave|say|said) (?:in|yes)\b|\bpressur(?:ed|es|ing) me into\b|\bguilt(?:ed|s)? me into\b",
        0,
    ),
    cue(
        r"\bi (?:just )?froze\b[^.!?]{0,80}\b(?:didn'?t want|did not want|crying|couldn'?t move|couldn'?t say|didn'?t say)\b|\b(?:didn'?t|did not) want (?:it|to)\b[^.!?]{0,60}\b(?:crying|froze|anyway)\b",
        KINK,
    ),
    cue(
        r"\ble dije que (?:no|parara|pare|basta|no queria)\b[^.!?]{0,60}\b(?:siguio|igual|de todas formas|aun asi|no paro|no le importo|lo hizo|continuo)\b|\baunque (?:le )?(?:dije|decia|diga|dijera) que no\b|\bsin mi consentimiento\b|\bsin que yo quisiera\b|\bno queria y (?:siguio|lo hizo)\b|\bme quede (?:paralizada|paralizado|congelada|congelado|helada|bloqueada)\b",
        KINK,
    ),
    // Force and incapacity.
    cue(
        r"\bforc(?:es|ed|ing) me\b|\bforced (?:himself|herself)\b|\bmade me (?:have sex|do it|touch|give|suck|perform|go down)\b|\bheld (?:me|my (?:wrists|arms|hands|legs)) down\b|\bpinned me\b|\bdid it anyway\b|\bhad sex with me (?:when|while|after) i (?:was|wasn'?t|fell)\b",
        NEGATABLE | KINK,
    ),
    cue(
        r"\b(?:when|while) i was (?:asleep|sleeping|passed out|unconscious|blacked out|too drunk|out of it|high)\b|\bi was (?:asleep|sleeping|passed out|unconscious) when\b|\btoo drunk to (?:stand|consent|say no|move|walk|remember|know)\b|\bwoke up (?:to|with) (?:him|her|them|someone) (?:on|inside|touching|having)\b",
        NEGATABLE,
    ),
    cue(
        r"\bme (?:obliga|obligaba|obligo|obligan|forzo|forzaba|fuerza) a\b|\ba la fuerza\b|\bme forzo\b|\bestaba (?:dormida|dormido|inconsciente|borracha|borracho)\b[^.!?]{0,40}\b(?:sexo|relaciones|lo hizo|me penetro|me toco|empezo)\b",
        NEGATABLE | KINK,
    ),
    // Drink spiking.
    cue(
        r"\b(?:drugged|spiked|roofied)\b|\bput something in my drink\b|\bme (?:echaron|pusieron|metieron|echo|puso) algo en (?:la|mi) (?:bebida|copa|vaso)\b|\bburundanga\b",
        NEGATABLE,
    ),
    // Abuse by a relative or someone in authority.
    cue(
        r"\b(?:(?:friend'?s|mom'?s|mum'?s|mother'?s) (?:dad|father|brother|uncle|boyfriend|partner|husband)|(?:novio|pareja|marido) de mi (?:madre|mama)|stepbrother|stepdad|step-dad|stepfather|dad|father|uncle|cousin|brother|grandpa|grandfather|teacher|coach|priest|neighbou?r|babysitter|boss|manager|instructor|tutor|tio|primo|padrastro|abuelo|profe|profesor|entrenador|vecino|hermano|jefe|cura|monitor)\b[^.!?]{0,80}?\b(?:touch(?:es|ed)? me|touching me|touch(?:es|ed|ing)? my (?:chest|breasts?|boobs|butt|bum|ass|crotch|privates?|penis|vagina|thighs?|legs?)|did things to me|does things to me|made me|abus\w*|molest\w*|me toc\w*|me (?:ha|habia) tocado|tocaba|me hacia cosas)",
        NEGATABLE | EDUCATIONAL,
    ),
    cue(
        r"\btouch(?:ed|es|ing)? me without\b|\bwithout my consent\b|\bme toc\w* sin (?:permiso|querer|mi)\b|\b'sin querer'",
        0,
    ),
    cue(
        r"\bwouldn'?t let me (?:out|leave|go)\b[^.!?]{0,50}\buntil i\b|\bno me dejo (?:salir|irme)\b[^.!?]{0,40}\bhasta que\b",
        0,
    ),
    cue(
        r"\bhands? (?:up|under|down|in|inside) my (?:skirt|dress|shirt|top|pants|trousers|underwear|knickers|shorts)\b|\bgrabbed my (?:breasts?|boobs|chest|butt|ass|bum|crotch|dick|penis|vagina)\b|\bme (?:toco|agarro|manoseo) (?:el culo|los pechos|las tetas|la entrepierna|el trasero)\b|\bme (?:metio|metieron|mete|metia) (?:la )?mano\b",
        NEGATABLE,
    ),
    // Sex demanded as the price of a job, a grade or a ride.
    cue(
        r"\bif i (?:didn'?t|did not|don'?t|wouldn'?t) (?:sleep with|have sex with|do (?:it|stuff) with|go to bed with) (?:him|her|them)\b|\bsi no me (?:acuesto|acostaba) con (?:el|ella)\b",
        0,
    ),
    cue(
        r"\bno se si me (?:paso|hicieron|hizo) algo\b|\b(?:don'?t|do not) know (?:if|what) (?:something|anything|he|they) (?:happened|did)\b",
        0,
    ),
]);

/// Removing a condom without consent ("stealthing") is sexual assault and
/// an exposure in its own right.
pub(super) static STEALTHING: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:took|taken|takes|removed|pulled|slipped) (?:the|his|her) condom off\b[^.!?]{0,30}\b(?:without|secretly|on purpose|halfway|didn'?t|did not)\b|\b(?:took|removed|pulled) off (?:the|his) condom\b[^.!?]{0,30}\b(?:without|secretly|on purpose|halfway)\b|\bstealthed (?:me|her)\b",
        NEGATABLE | EDUCATIONAL,
    ),
    cue(
        r"\bse (?:quito|saco|retiro) el (?:condon|preservativo|forro)\b[^.!?]{0,40}\b(?:sin (?:decirme|avisar|preguntar|que me diera cuenta|permiso)|a escondidas|a proposito|aposta|a mitad)\b|\bsin (?:decirme|avisar(?:me)?)\b[^.!?]{0,20}\bse quito el (?:condon|preservativo)\b",
        NEGATABLE | EDUCATIONAL,
    ),
]);

pub(super) static MEMORY_GAP: Lexicon = Lexicon::new(&[cue(
    r"\b(?:don'?t|do not|can'?t|cannot|couldn'?t) (?:really |even |fully |properly )?remember\b|\bno (?:recuerdo|me acuerdo)\b|\bsin (?:recordar|acordarme)\b|\bsin saber como\b|\bblack(?:ed)? ?out\b|\blaguna mental\b|\bno recuerdo nada\b",
    0,
)]);

pub(super) static INTOXICATION: Lexicon = Lexicon::new(&[cue(
    r"\bdrinks?\b|\bdrunk\b|\bdrank\b|\bparty\b|\bwoke up\b|\bwake up\b|\bbar\b|\bclub\b|\bbebida\b|\bcopas?\b|\bfiesta\b|\bdesperte\b|\bdiscoteca\b|\bborrach\w*|\bdrugg\w*|\bspiked\b|\bbebi\b",
    0,
)]);

pub(super) static SEXUAL_CONTACT: Lexicon = Lexicon::new(&[cue(
    r"\bhad sex\b|\bsex with me\b|\bslept with\b|\btouch(?:ed|es|ing)? me\b|\bmade me\b|\bdid (?:it|stuff|things)\b|\btuvimos (?:relaciones|sexo)\b|\btuvo (?:relaciones|sexo) conmigo\b|\bme toc\w*|\blo hicimos\b|\bme acoste\b",
    0,
)]);

pub(super) static ADULT_PERSON: Lexicon = Lexicon::new(&[cue(
    r"\b(?:adult|grown (?:man|woman)|older (?:man|guy|woman)|coach|teacher|tutor|instructor|trainer|priest|adulto|adulta|senor|hombre mayor|entrenador|profesor|profe)\b|\b(?:1[89]|[2-9]\d)[- ]?(?:years?|yrs?)[- ]?old (?:man|guy|woman)\b|\bman (?:i met|from)\b",
    0,
)]);

// Partner violence: physical violence, strangulation, intimidation,
// surveillance and isolation, economic control, threats, image-based abuse,
// reproductive coercion. Only counted when a partner is in the picture.
pub(super) static PARTNER_ABUSE: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:he|she|they|(?:my )?(?:boyfriend|girlfriend|husband|wife|partner|ex|bf|gf))\s+(?:\w+\s+){0,2}?(?P<a>hit|hits|hitting|slap(?:s|ped)?|punch(?:es|ed)?|kick(?:s|ed)?|shov(?:es|ed)|push(?:es|ed)|beat(?:s)?|chok(?:es|ed)|strangl(?:es|ed)|smack(?:s|ed)?|threw|throws|grabbed me by|grabs me by|bit|bites)\b[^.!?]{0,30}?\b(?:me|at me|my)\b",
        NEGATABLE | KINK,
    ),
    cue(
        r"\bme (?P<a>pega|pego|pegaba|pegan|golpea|golpeo|golpeaba|empuja|empujo|empujaba|patea|pateo|abofetea|abofeteo|cachetea|ahorca|ahorco|ahorcaba|estrangula|zarandea|arrastra|tira del pelo|jala del pelo|agarra del cuello|agarro del cuello|agarraba del cuello|da (?:golpes|bofetadas|patadas)|dio una (?:bofetada|cachetada|patada|paliza)|dejo un moreton)\b",
        NEGATABLE | KINK,
    ),
    cue(
        r"\bhands? (?:around|on|round) my (?:neck|throat)\b|\bchok(?:ed|ing|es) me\b|\bstrangl(?:ed|ing|es) me\b",
        NEGATABLE | KINK,
    ),
    cue(
        r"\bpunch(?:es|ed)? (?:the|a) (?:wall|door)\b|\b(?:throws|threw|smashes|smashed|breaks|broke) (?:things|stuff|plates|my (?:phone|things|stuff))\b|\brompe (?:cosas|todo|platos)\b|\b(?:afraid|scared|terrified) of (?:him|her|my (?:partner|husband|wife|boyfriend|girlfriend))\b|\bwalk(?:ing)? on eggshells\b|\b(?:don'?t|stopped) fight(?:ing)? back\b|\bmakes? him worse\b|\bmiedo (?:a|de) (?:el|mi (?:novio|marido|pareja|esposo))\b",
        NEGATABLE,
    ),
    cue(
        r"\b(?P<a>checks|check|checked|checking|goes through|went through|reads|read|monitors|monitoring|looks through|looked through|snoops? (?:on|through)) (?:all )?my (?:phone|messages|texts|dms|emails?|whatsapp|chats)\b",
        NEGATABLE,
    ),
    cue(
        r"\b(?P<a>tracks|tracking|tracked|follows) (?:my )?(?:location|phone|car)\b|\btracks me\b|\bme tiene (?:localizad[ao]|controlad[ao]|vigilad[ao])\b|\b(?:por|con) (?:el )?gps\b|\bme (?P<b>revisa|revisaba|mira|checa|controla|vigila) (?:el|mi) (?:movil|celular|telefono|whatsapp|cel)\b|\bme controla\b",
        NEGATABLE,
    ),
    cue(
        r"\b(?:won'?t|wont|doesn'?t|doesnt|does not|will not|didn'?t|never) lets? me (?:see|go|work|talk|have|get|leave|visit|wear|use|out|study|drive|keep)\b|\bno me (?:deja|dejaba|permite) (?:trabajar|salir|ver|tener|hablar|usar|ir|vestir|estudiar|tomar|conducir|manejar)\b",
        0,
    ),
    cue(
        r"\b(?P<a>controls?|controlling) (?:all )?(?:the |my |our )?(?:money|finances|bank|cards?|spending|what i (?:wear|eat|spend)|who i (?:see|talk|text)|everything)\b|\bask (?:him|her) (?:for|before) (?:money|bus fare|permission)\b|\b(?:maneja|controla) (?:toda )?(?:la|mi) (?:plata|dinero|tarjeta|sueldo)\b|\bme (?:quita|controla) (?:el|mi) (?:dinero|sueldo|plata)\b|\b(?:takes|took|keeps|kept) (?:all )?(?:of )?my (?:paycheck|pay|wages|salary|money|earnings|bank card|cards)\b|\bgives me an allowance\b",
        NEGATABLE,
    ),
    cue(
        r"\bme (?:prohibe|prohibia|prohibio) (?:ver|salir|hablar|trabajar|ir|usar|vestir|tener|estudiar)\b|\bforbids? me (?:to|from)\b|\b(?:not|isn'?t) allowed to (?:see|go out|talk|work|have friends|leave)\b",
        NEGATABLE,
    ),
    cue(
        r"\b(?P<a>tells|told|decides|tell) (?:me )?who i (?:can|am allowed to|'?m allowed to|m allowed to) (?:see|talk|text|be friends|hang)\b|\bme (?P<b>dice|decia) con quien (?:puedo|salir|hablar|ir)\b",
        NEGATABLE,
    ),
    cue(
        r"\b(?:angry|mad|furious|upset|jealous|violent) (?:if|when|whenever) i (?:text|talk|see|go out|message|hang)\b|\bdeleted (?:all )?(?:of )?my (?:\w+ )?(?:contacts|friends|numbers)\b|\bwants? (?:all )?(?:my |the )?passwords?\b|\bisolat(?:es|ed|ing) me\b|\bme llena el (?:movil|celular|telefono) de (?:llamadas|mensajes)\b",
        NEGATABLE,
    ),
    cue(
        r"\bflush(?:ed|es)? my (?:pills|birth control)\b|\b(?:won'?t|doesn'?t) let me (?:get|use|take) (?:birth control|contraception|the pill)\b|\bwants me pregnant\b|\bhid(?:es)? my pills\b|\bme (?:escondio|tiro|tira) (?:las|mis) pastillas\b|\bpoked holes\b",
        NEGATABLE,
    ),
    cue(
        r"\bthreat(?:en|ens|ened|ening)\b|\bamenaz\w*",
        NEGATABLE | EDUCATIONAL,
    ),
    cue(
        r"\bif i (?:ever )?(?:leave|left|don'?t come back|break up|go)\b[^.!?]{0,40}\b(?:he'?ll|she'?ll|he will|she will|he would|she would|kill|hurt)\b|\bsi (?:lo|la|le) dejo\b[^.!?]{0,20}\bme (?:mata|matara|va a matar)\b|\bsi no vuelvo\b",
        0,
    ),
    cue(
        r"\b(?:he'?ll|she'?ll|he will|she will|would|going to|gonna|threat\w*|says he|said he|says she|said she|va a|amenaz\w*)\b[^.!?]{0,30}\b(?:send|post|upload|share|leak|show|publish|mandar|enviar|publicar|subir|difundir|ensenar)\b[^.!?]{0,30}\b(?:nudes|nude|photos|pictures|pics|videos?|fotos|it)\b",
        0,
    ),
    cue(
        r"\bfilmed (?:us|me)\b[^.!?]{0,40}\bwithout (?:asking|consent|my|permission|telling)\b|\bme grabo sin (?:permiso|que yo supiera|mi consentimiento)\b",
        0,
    ),
    cue(
        r"\bmake sure (?:nobody|no one|no-one)\b|\b(?:he'?ll|she'?ll|he will|she will|he would|she would|threatened to|says he'?d|said he'?d|says she'?d|said she'?d) (?:kill|hurt) me\b|\b(?:keeps|has|owns|got) a (?:gun|knife|weapon)\b|\btiene (?:un arma|una pistola|un cuchillo)\b|\bend up on the street\b|\btake the kids\b|\bquitarme a los ninos\b|\bme (?:dijo|dice) que me va a matar\b",
        0,
    ),
]);

/// Sex forced on someone again and again by a partner is partner violence
/// as well as assault.
pub(super) static HABITUAL_SEXUAL_FORCE: Lexicon = Lexicon::new(&[cue(
    r"\bforc(?:es|ed|ing) me\b|\bme (?:obliga|obligaba|fuerza|forzaba) a\b",
    NEGATABLE | KINK,
)]);

// Self-harm: suicidal thoughts (active or passive), plans, self-injury.
pub(super) static SELF_HARM: Lexicon = Lexicon::new(&[
    cue(
        r"\bkill(?:ing)? myself\b|\bkms\b|\bsuicidal\b|\b(?:commit(?:ting)?|attempt(?:ed|ing)?|consider(?:ing|ed)?|think(?:ing)? (?:about|of)|thought (?:about|of)|thoughts of|plan(?:ning)?) suicide\b|\bsuicide (?:plan|note|attempt)\b|\bend(?:ing)? (?:it all|my life|my own life|everything)\b|\btake my (?:own )?life\b|\bways to (?:die|kill)\b",
        NEGATABLE | FIGURATIVE,
    ),
    // "End it", but not "end it with him" (a break-up).
    cue(
        r"\b(?:ways|want|wanna|going|planning|plan|thinking about how|think about how|ready) to end it\b(?:\s*$|\s*[^\sw]|\s+w(?:[^i]|i[^t]|it[^h]))",
        NEGATABLE,
    ),
    cue(
        r"\b(?:better|happier|easier)\b[^.!?]{0,30}\b(?:if i (?:just )?(?:was|were|wasn'?t|weren'?t|didn'?t) (?:gone|here|around|alive|dead|exist)|without me)\b|\b(?:what'?s|whats|what is) the point (?:of|in) (?:living|life|going on|being alive)\b|\bcan'?t (?:keep going|go on) (?:like this|anymore)\b",
        FIGURATIVE,
    ),
    cue(
        r"\boverdos(?:e|ing)\b|\b(?:hurt|hurting|harm|harming|cut|cutting|burn|burning) myself (?:on purpose|deliberately|intentionally)\b",
        NEGATABLE | EDUCATIONAL,
    ),
    cue(
        r"\bunalive\w*|\bsewerslide\b|\b(?:goodbye|suicide|farewell) (?:letter|note|message)s?\b|\bcarta de despedida\b|\bgiving away (?:all )?my (?:stuff|things|belongings)\b|\bwon'?t be (?:a (?:problem|burden)|around|here)\b[^.!?]{0,25}\blonger\b|\bnot be around (?:much )?longer\b",
        NEGATABLE | EDUCATIONAL,
    ),
    cue(
        r"\b(?:saving|stockpil\w*|hoarding|collecting) (?:up )?(?:my |the )?(?:pills|tablets|meds|painkillers)\b|\bjump (?:off|from|in front of) (?:a |the |my )?(?:bridge|building|roof|train|balcony|cliff|window)\b|\bin front of a (?:train|bus|car|truck)\b|\bhang myself\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\b(?:want|wanna|wish|wishing|going|ready|deserve|rather|better|hope|hoping) (?:to |i could |i was |i were |i'?d |i'?m )?(?:just )?(?:die|dead|be dead|not be here|not exist|disappear|not be alive)\b",
        NEGATABLE | FIGURATIVE,
    ),
    cue(
        r"\b(?:don'?t|dont|do not) (?:want|wanna) to (?:live|be alive|be here|exist|wake up)(?: anymore)?\b|\b(?:no|don'?t|dont|can'?t) see (?:the|any) point (?:of|in) (?:living|life|going on|being alive)\b|\bno point (?:in )?living\b|\btired of (?:living|life|being alive)\b|\bcan'?t go on\b|\bbetter off (?:without me|if i (?:was|were)n'?t|dead)\b",
        FIGURATIVE,
    ),
    cue(
        r"\b(?:think|thinking|thought|wish|wishing|hope|hoping|want|wanting|rather|pray|praying|about)\b[^.!?]{0,30}\b(?:not|never|won'?t|wont|don'?t|do not) (?:\w+ )?(?:wake|waking) up\b",
        0,
    ),
    cue(
        r"\b(?:googl\w*|search\w*|look\w* up|research\w*|read(?:ing)? about)\b[^.!?]{0,30}\b(?:how many (?:pills|tablets)|how to (?:die|kill myself|overdose)|painless ways|ways to die|lethal dose)\b|\bhow many (?:pills|tablets) (?:it takes|to die|would kill)\b|\blethal dose\b",
        NEGATABLE | EDUCATIONAL,
    ),
    cue(
        r"\b(?:want|wanna|going|urge|urges|think|thinking|thought|started|keep|kept|tempted|been) (?:\w+ ){0,3}?(?:to )?(?:cut|cutting|burn|burning|hurt|hurting|harm|harming) myself\b|\b(?:cut|cutting|burned|burning|burn) myself\b|\bcut (?:my|his|her) (?:wrists?|arms?|thighs?|legs?|skin)\b|\b(?:razor|blade|knife)\b[^.!?]{0,20}\b(?:my )?(?:arms?|wrists?|thighs?|legs?|skin)\b|\b(?:scratch|scratching|scratched|pick|picking|punch|punching|hit|hitting|bite|biting|cut|cutting|burn|burning)\b[^.!?]{0,25}\b(?:until|till|so) (?:i|it|they) bleeds?\b|\buntil i bleed\b|\b(?:burn|burning|burnt|burned) (?:my|myself)\b[^.!?]{0,30}\b(?:lighter|cigarettes?|matches)\b",
        NEGATABLE | EDUCATIONAL,
    ),
    cue(
        r"\b(?:i|i'?ve been|i'?m|been|started|keep|still|again)\b[^.!?]{0,15}\bself[- ]?(?:harm|injur)\w*|\bself[- ]?(?:harm|injur)\w* (?:again|urges?)\b|\bmy self[- ]?(?:harm|injur)\w*|\bautolesi\w*",
        NEGATABLE | EDUCATIONAL,
    ),
    cue(
        r"\b(?:swallow|swallowing|take|taking|took) (?:all|every one) (?:of )?(?:my|the|these|those) (?:pills|tablets|meds|medication|sleeping pills|painkillers)\b",
        NEGATABLE | FIGURATIVE,
    ),
    cue(
        r"\bme (?:quiero|voy a|dan ganas de) matar\b|\b(?:tengo|me dan|siento) ganas de morir(?:me)?\b|\bno quiero (?:seguir|estar) (?:aqui|en este mundo|viv[oa])\b|\bno quiero seguir\s*(?:$|[.!?,;])|\bsuicidarme\b|\b(?:pensamientos|ideas|ideacion) suicidas?\b|\bme (?:quiero|voy a) suicidar\b|\bpienso en (?:el )?suicid\w*|\bintent\w* (?:de )?suicid\w*|\bmatarme\b|\bquitarme la vida\b|\bno (?:le )?veo (?:el |ningun )?sentido (?:a|de) (?:la vida|vivir|seguir)\b|\bla vida no tiene sentido\b|\bahorcarme\b|\btirarme (?:por|de|del|desde|a las vias)\b|\bacabar con (?:todo|mi vida)\b|\bno (?:quiero|tengo (?:\w+ )?ganas de|tengo fuerzas para) (?:seguir )?vivir\b|\bsin ganas de vivir\b|\b(?:hart|cansad)[oa] de vivir\b",
        NEGATABLE | FIGURATIVE,
    ),
    cue(
        r"\b(?:quiero|quisiera|deseo|prefiero|me quiero) (?:morir(?:me)?|estar muert[oa]|desaparecer|no despertar(?:me)?|dejar de existir)\b|\bno (?:quiero|querer) despertar(?:me)?\b|\bdormir(?:me)? y no despertar(?:me)?\b|\bno despertar(?:me)? (?:nunca|mas|jamas)\b|\bseria mas facil no estar\b|\bno estar (?:aqui|mas)\b|\bmejor sin mi\b",
        NEGATABLE | FIGURATIVE,
    ),
    cue(
        r"\b(?:me corto|cortarme|me cortaba|me he cortado|me hago cortes|me hice cortes|hacerme dano|me hago dano|lastimarme|me lastimo)\b",
        NEGATABLE,
    ),
    cue(
        r"\b(?:tomarme|tragarme|me voy a tomar|me tomare|voy a tragarme|tragar) (?:todas las|un monton de|muchas|una caja de) (?:pastillas|pildoras)\b",
        NEGATABLE | FIGURATIVE,
    ),
]);

/// An overdose, taken or attempted, is self-harm and needs medical
/// assessment even when the asker feels fine (paracetamol harms late).
pub(super) static OVERDOSE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:took|swallowed|taken|had) (?:a (?:bunch|lot|load|handful|whole (?:bottle|pack|box))|too many|loads|lots) of (?:pills|tablets|meds|painkillers|paracetamol|sleeping pills)\b|\b(?:overdosed|od'?d)\b|\bme (?:tome|trague|he tomado) (?:un monton|muchas|una caja|un punado|todas|toda la caja)\b|\bsobredosis\b",
    NEGATABLE | EDUCATIONAL | HYPOTHETICAL,
)]);

pub(super) static PAST_HABIT: Lexicon = Lexicon::new(&[cue(
    r"\bused to\b|\byears ago\b|\bhace (?:anos|mucho)\b|\bhace (?:\d+|dos|tres|cuatro|cinco|diez|muchos) anos que no\b|\bsolia\b|\bwhen i was (?:a teen|younger|in school|a teenager)\b|\bas a (?:teen|teenager|kid|child)\b|\bin my teens\b|\bcuando era (?:adolescente|mas joven)\b|\bde (?:adolescente|joven|pequen[oa]|nin[oa])\b|\ben mi adolescencia\b|\bclean (?:for|since)\b",
    0,
)]);

/// "We're both adults": said without a number.
pub(super) static ADULTS_ALL: Lexicon = Lexicon::new(&[cue(
    r"\b(?:we'?re|we are) (?:both )?adults\b|\bboth (?:of us )?(?:are )?adults\b|\b(?:los|las) dos (?:somos )?mayores\b|\b(?:somos|soy) mayor(?:es)? de edad\b|\bi'?m an adult\b",
    NEGATABLE,
)]);

/// Words that make "sexual assault" the name of a service, not an event.
pub(super) static ASSAULT_SERVICE: Lexicon = Lexicon::new(&[cue(
    r"^\s*(?:referral|centre|center|centres|centers|services?|nurse|examiner|clinic|helpline|hotline|awareness|support)\b",
    0,
)]);

pub(super) static RECURRENCE: Lexicon = Lexicon::new(&[cue(
    r"\bagain\b|\bstill\b|\bback\b|\bnow\b|\botra vez\b|\btodavia\b|\bde nuevo\b|\bsigue\b|\bsigo\b",
    0,
)]);

pub(super) static FIGURATIVE_AFTER: Lexicon = Lexicon::new(&[cue(
    r"^\s*(?:of|from|than|laughing|de|antes que|que ir|que hablar|in (?:the|a|my) (?:pack|packet|strip|row)|in a row|back to back|del (?:blister|envase|paquete|mes)|de la caja|activas|seguidas)\b",
    0,
)]);

pub(super) static JOKING: Lexicon = Lexicon::new(&[cue(
    r"\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jaja\w*|jeje\w*|jsjs\w*|xd+)\b",
    0,
)]);

// Medical emergencies.
pub(super) static HEAVY_BLEEDING: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:bleeding|bleed|bled)\b[^.!?]{0,20}?\b(?:heavily|a lot|loads|so much|like crazy|nonstop|non-stop|badly|really bad|really heavily|too much|everywhere|a ton)\b|\bheavy bleeding\b|\bhaemorrhag\w*|\bhemorrhag\w*",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\b(?:soak|soaking|soaked|soaks|fill|filling|filled|go through|going through|went through|bleeding through|bled through|bleed through)\b[^.!?]{0,20}\b(?:pad|pads|tampon|tampons)\b[^.!?]{0,25}\b(?:hour|hours|hr|minutes)\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\b(?:won'?t|doesn'?t|hasn'?t|can'?t|will not|does not|has not|isn'?t) stop(?:ped)? bleeding\b|\bbleeding\b[^.!?]{0,40}\b(?:won'?t|hasn'?t|doesn'?t|isn'?t) (?:stop|stopped|stopping)\b",
        HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\bsangr\w+\b[^.!?]{0,20}?\b(?:muchisimo|mucho|un monton|sin parar|a chorros|demasiado|abundante)\b|\bsangrado (?:abundante|muy fuerte|fuerte|que no para)\b|\bno (?:para|deja) de sangrar\b|\bempap\w+ (?:una |la |las |mi )?(?:compresas?|toallas?|tampon\w*)\b|\bhemorragia\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
]);

pub(super) static PERIOD_WORD: Lexicon = Lexicon::new(&[cue(
    r"\bperiods?\b|\bregla\b|\bmenstrua\w*|\bmenstruation\b",
    0,
)]);

pub(super) static ALARMING_FLOW: Lexicon = Lexicon::new(&[cue(
    r"\bsoak\w*|\bempap\w*|\bhour\b|\bhora\b|\bfaint\w*|\bdizzy\b|\bpass(?:ed)? out\b|\bdesmay\w*|\bmare\w*|\bclots? (?:the size|as big)\b",
    0,
)]);

pub(super) static EMERGENCY_SIGNS: Lexicon = Lexicon::new(&[
    // Testicular torsion: sudden severe pain in one testicle.
    cue(
        r"\b(?:sudden(?:ly)?|really bad|severe|excruciating|horrible|terrible|intense|agonizing|unbearable|worst)\b[^.!?]{0,25}\bpain\b[^.!?]{0,20}\b(?:testicle|testicles|testis|ball|balls|nut|nuts|scrotum)\b|\b(?:testicle|testicles|ball|balls|nut|scrotum)\b[^.!?]{0,60}\b(?:swollen|swelled|swelling|(?:hurt|hurts|hurting) (?:so |really |very )?bad(?:ly)?|excruciating)\b|\bsudden(?:ly)?\b[^.!?]{0,30}\b(?:testicle|testicles|ball|balls|scrotum)\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\bme duele (?:horrible|muchisimo|un monton|mucho|fatal|demasiado) (?:un|el) (?:testiculo|huevo)\b|\bdolor (?:fuerte|intenso|horrible|insoportable|muy fuerte) en (?:un|el) (?:testiculo|huevo)\b|\btesticulo\b[^.!?]{0,40}\b(?:hinch\w+|vomit\w*)",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    // Penile fracture stated outright.
    cue(
        r"\b(?:broke|broken|fractured|snapped) my (?:penis|dick|cock)\b|\bme (?:rompi|fracture) el pene\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    // Airway, chest, anaphylaxis, seizures.
    cue(
        r"\bcan'?t breathe\b|\bcannot breathe\b|\bno puedo respirar\b|\bchest pain\b|\bdolor (?:en el|de) pecho\b|\bthroat (?:is )?(?:swelling|closing)\b|\b(?:lips|tongue|face) (?:are |is )?swelling\b|\bseizures?\b|\bconvulsi\w*",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    // Paraphimosis and stuck constriction rings cut off blood flow.
    cue(
        r"\bforeskin\b[^.!?]{0,40}\b(?:stuck|won'?t go (?:back|forward)|can'?t (?:get|pull|push) it (?:back|forward)|trapped)\b|\bprepucio\b[^.!?]{0,40}\b(?:atrapado|atascado|no (?:baja|vuelve|sube))\b|\b(?:cock|penis|c) ring\b[^.!?]{0,30}\b(?:stuck|won'?t come off|can'?t get it off)\b|\banillo (?:para el pene|peneano|vibrador)\b[^.!?]{0,30}\b(?:atascado|atrapado|no (?:sale|puedo sacar))\b|\b(?:penis|dick|glans|head|pene|glande)\b[^.!?]{0,30}\b(?:turning|turned|going|gone) (?:blue|black|purple|white)\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    // Sudden "worst ever" headache during sex can be a brain bleed.
    cue(
        r"\b(?:worst|sudden|explosive|thunderclap)\b[^.!?]{0,30}\bheadache\b|\bheadache\b[^.!?]{0,20}\b(?:worst of my life|came on suddenly)\b|\bdolor de cabeza (?:muy fuerte|repentino|horrible|insoportable|brutal|explosivo)\b|\bel peor dolor de cabeza\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    // Someone else unresponsive (chemsex, GHB, collapse).
    cue(
        r"\b(?:he|she|they|my (?:friend|partner|boyfriend|girlfriend|husband|wife)) (?:\w+ )?(?:won'?t|doesn'?t|isn'?t|can'?t|will not|is not) (?:wake|waking) up\b|\b(?:unresponsive|not breathing|isn'?t breathing|stopped breathing)\b|\bno (?:reacciona|respira|se despierta)\b|\bcollapsed\b|\bse desplomo\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    // Fainting with pain or bleeding.
    cue(
        r"\b(?:passed|nearly passed|almost passed) out\b[^.!?]{0,40}\b(?:pain|bleeding|blood)\b|\b(?:pain|bleeding|blood)\b[^.!?]{0,40}\b(?:passed|nearly passed|almost passed) out\b|\bme desmaye\b[^.!?]{0,40}\b(?:dolor|sangr\w*)\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
]);

pub(super) static FRACTURE_SOUND: Lexicon = Lexicon::new(&[cue(
    r"\b(?:pop|popped|popping|crack|cracked|cracking|snap|snapped|snapping|crunch)\b|\b(?:crujido|chasquido|crac|crack)\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

pub(super) static FRACTURE_SIGN: Lexicon = Lexicon::new(&[cue(
    r"\b(?:went soft|lost (?:my|the) erection|swollen|swelling|purple|bruis\w*|black and blue|se me bajo|hinchad[oa]|morad[oa]|moreton)\b",
    0,
)]);

pub(super) static ONE_SIDED_PELVIC_PAIN: Lexicon = Lexicon::new(&[cue(
    r"\b(?:pain|cramp|cramping|cramps|ache|hurts?)\b[^.!?]{0,40}\b(?:(?:on|in|down) (?:my |the )?(?:right|left|one) side|only on (?:the|my) (?:left|right)|one[- ]sided)\b|\b(?:right|left|one)[- ]sided (?:pain|cramp\w*)\b|\bpain low down on (?:my|the) (?:right|left)\b|\bshoulder[- ]tip\b|\bde un (?:solo )?lado\b|\b(?:del|en el|al) lado (?:derecho|izquierdo)\b|\bpunta del hombro\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

pub(super) static PREGNANCY_SIGN: Lexicon = Lexicon::new(&[cue(
    r"\bpregnan\w*|\bpositive (?:pregnancy )?test\b|\btest (?:came back|was) positive\b|\bperiod is \w+ (?:weeks?|days?) late\b|\blate period\b|\bmissed (?:my )?period\b|\bembarazad\w*|\bretraso\b|\bprueba (?:dio |salio )?positiva\b|\btest (?:dio|salio) positivo\b",
    NEGATABLE,
)]);

pub(super) static PREGNANT_NOW: Lexicon = Lexicon::new(&[cue(
    r"\b(?:i'?m|im|i am|she'?s|she is) (?:\d+ (?:weeks|months) )?pregnant\b|\b(?:weeks|months) pregnant\b|\bestoy embarazada\b|\bembarazada de \w+ (?:semanas|meses)\b|\bpositive pregnancy test\b|\bprueba de embarazo (?:dio |salio )?positiva\b",
    NEGATABLE | HYPOTHETICAL,
)]);

pub(super) static BLEEDING: Lexicon = Lexicon::new(&[cue(
    r"\bbleed(?:ing|s)?\b|\bbled\b|\bsangr(?:o|ando|e|ado|ar|a)\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

pub(super) static BLEEDING_OR_BLOOD: Lexicon = Lexicon::new(&[cue(
    r"\bbleed(?:ing|s)?\b|\bbled\b|\bblood\b|\bsangr\w*|\bsangre\b",
    NEGATABLE,
)]);

pub(super) static PREGNANCY_ENDED: Lexicon = Lexicon::new(&[cue(
    r"\b(?:after|since) (?:my |the |an |a )?(?:abortion|miscarriage|termination|d&c|birth|delivery|c-section)\b|\b(?:despues|desde) (?:del|de mi|de un|de la) (?:aborto|legrado|parto|cesarea)\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

pub(super) static FAINTING: Lexicon = Lexicon::new(&[cue(
    r"\b(?:passed|pass|nearly passed|almost passed) out\b|\bfaint\w*|\bdesmay\w*|\bdizzy\b|\bmare[oa]d[oa]\b",
    NEGATABLE,
)]);

pub(super) static RETAINED_OBJECT: Lexicon = Lexicon::new(&[cue(
    r"\bleft (?:a|my|the) tampon in\b|\bforg[oe]t(?:ten)? (?:about )?(?:a|my|the) tampon\b|\btampon (?:stuck|lost|left)\b|\bse me olvido (?:un|el) tampon\b|\b(?:stuck|lost) (?:inside|up|in) (?:me|my|her)\b|\bcan'?t get (?:it|them) out\b|\bse me (?:quedo|perdio|atoro|atasco)\b[^.!?]{0,25}\b(?:dentro|adentro)\b|\bno (?:lo|la|me lo|me la) puedo sacar\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

pub(super) static PAIN_OR_FEVER: Lexicon = Lexicon::new(&[cue(
    r"\bpain\w*|\bhurts?\b|\bfever\b|\bvomit\w*|\brash\b|\bbleed\w*|\bdolor\w*|\bduele\b|\bfiebre\b|\bsangr\w*",
    NEGATABLE,
)]);

pub(super) static SEVERE_PAIN: Lexicon = Lexicon::new(&[cue(
    r"\bpain (?:is )?so (?:bad|severe|intense|strong)\b|\b(?:can'?t|cannot|couldn'?t) (?:stand|walk|move|sit)(?: up)?(?: straight)? (?:because of|from|for) (?:the )?pain\b|\bpain\b[^.!?]{0,25}\b(?:can'?t|cannot|couldn'?t) (?:stand|walk|move|sit)\b|\bdoubled over\b|\bdolor (?:fortisimo|muy fuerte|insoportable)\b|\bno puedo (?:ni )?(?:caminar|andar|moverme|ponerme de pie) (?:del|por el) dolor\b|\bme duele (?:muchisimo|horrores|un monton|horrible|fatal|demasiado)\b|\bdolor (?:muy )?(?:fuerte|intenso)\b|\b(?:really bad|severe|awful|unbearable|horrible|terrible|excruciating|agonizing)\b[^.!?]{0,15}\bpain\b|\bpain is (?:awful|unbearable|horrible|terrible|excruciating)\b|\bdolor (?:muy fuerte|insoportable|horrible|terrible)\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

pub(super) static FEVER: Lexicon = Lexicon::new(&[cue(
    r"\bfever\b|\bfiebre\b|\btemperature\b|\bcalentura\b",
    NEGATABLE,
)]);

// Emergency contraception and HIV exposure.
pub(super) static CONDOM_FAILURE: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:condom|rubber|johnny|condoms)\b[^.!?,;]{0,30}?\b(?P<a>broke|broken|break|breaks|split|splits|tore|torn|ripped|rip|burst|slipped|slid off|came off|fell off|had a (?:tear|hole|rip)|has a (?:tear|hole)|got stuck)\b|\b(?P<b>broke|split|tore|ripped) (?:the|a|our|his) condom\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\bse (?:nos |me |le |les )?(?P<a>rompio|rajo|salio|quedo dentro|quedo adentro|solto|resbalo|rompe|ha roto)\b[^.!?]{0,15}\b(?:el |un |los )?(?:condon|preservativo|forro|condones|preservativos)\b|\b(?:condon|preservativo|forro)\b[^.!?,;]{0,25}?\bse (?:nos |me |le )?(?P<b>rompio|rajo|salio|ha roto|habia roto|rompe|quedo)\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
]);

pub(super) static UNPROTECTED_SEX: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:unprotected|condomless|bareback|raw|unsafe)\s+(?:sex|anal|vaginal|intercourse|hookup|hook-up|encounter)\b|\bbarebacked\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\b(?:had|did|was|were|slept|hooked|fucked|came|finished|sex)\b[^.!?]{0,50}\b(?:without|w/o|with no|no) (?:a |any )?(?:condoms?|protection|rubber)\b|\b(?:didn'?t|did not|forgot to|never) (?:use|wear|put on) (?:a |any )?(?:condoms?|protection|anything)\b|\bno (?:usamos|use|uso) nada\b|\bforgot (?:the|a|to use (?:a|the)) condom\b|\bse nos olvido el (?:condon|preservativo)\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\b(?:came|cum|cummed|finished|ejaculated|nutted|busted) (?:inside|in) (?:me|her|him)\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\b(?:didn'?t|did not|never) pull(?:ed)? out\b|\bpull(?:ed)? out (?:too )?late\b|\b(?:not sure|don'?t think|doubt) (?:if |whether )?(?:he|she|they) pulled out\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\b(?:lo hicimos|lo hice|lo hizo|tuve|tuvimos|tuvo|relacion\w*|sexo|me acoste|nos acostamos|cogimos|follamos|hicimos|anal|vaginal|penetr\w*|usamos)\b[^.!?]{0,50}\bsin (?:condon|preservativo|proteccion|forro|protegernos|cuidarnos)\b|\bsin (?:condon|preservativo|proteccion|forro)\b[^.!?]{0,30}\b(?:lo hicimos|tuvimos|tuve|relaciones|sexo)\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\bno (?:uso|usamos|usaron|se puso|nos pusimos|llevaba) (?:el |un |ningun )?(?:condon|preservativo|proteccion)\b|\b(?:acabo|se vino|eyaculo|termino|se corrio|me acabo) (?:adentro|dentro)\b|\bno se salio a tiempo\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
]);

pub(super) static ANAL_SEX: Lexicon =
    Lexicon::new(&[cue(r"\banal\b|\bpor (?:el )?(?:culo|ano)\b", 0)]);

pub(super) static VAGINAL_SEX: Lexicon =
    Lexicon::new(&[cue(r"\bvaginal\b|\bvagina\b|\bvaginal\w*", 0)]);

/// Withdrawal is no barrier, but the word alone is usually a question about
/// methods; it counts when the asker dates it and no condom was used.
pub(super) static WITHDRAWAL: Lexicon = Lexicon::new(&[cue(
    r"\b(?:pull(?:ed|ing)?[- ]out|withdrawal)\b|\bmarcha atras\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

pub(super) static CONDOM_USED: Lexicon = Lexicon::new(&[cue(
    r"\b(?:used|wore|with|put on|had) (?:a |the )?condom\b|\b(?:con|usamos|use|uso|se puso|llevaba) (?:el |un )?(?:condon|preservativo|forro)\b",
    NEGATABLE,
)]);

pub(super) static PILL_FAILURE: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:missed|forgot|forgotten|skipped|miss) (?:to take )?(?:(?:my|the|her) )?(?:two|three|four|five|six|seven|several|a few|a couple of|multiple|\d+|some) (?:of my |of her )?(?:pills|tablets|days)\b|\bstarted (?:my|her|the) (?:new )?(?:pill )?pack \w+ (?:days?|weeks?) late\b|\b(?:late|forgot|forgotten) (?:starting|to start) (?:my|her|the) (?:new )?pack\b|\b(?:ring|patch)\b[^.!?]{0,20}\b(?:out|off|late|fell out|came out)\b[^.!?]{0,20}\b(?:days?|\d+|hours)\b|\b(?:missed|forgot|late for) (?:my|the|her) (?:injection|shot|depo)\b",
        NEGATABLE,
    ),
    cue(
        r"\b(?:forgot|forgotten|missed|skipped) (?:to take )?(?:my|the|her) (?:pill|pills)\b[^.!?]{0,20}\b(?:two|three|four|five|\d+|several|a few|a couple of) (?:days|times|mornings|nights)\b",
        NEGATABLE,
    ),
    cue(
        r"\b(?:olvide|olvido|se me olvido|se me olvidaron|me salte|no me tome|no tome) (?:tomar )?(?:la |las |mis )?(?:pastillas?|pildoras?)\b[^.!?]{0,30}\b(?:dos|tres|cuatro|cinco|\d+|varios|varias|seguid[oa]s)\b|\b(?:olvide|olvido|se me olvidaron|me salte) (?:dos|tres|cuatro|cinco|\d+|varias) (?:pastillas|pildoras|dias)\b|\bparche con \w+ dias de retraso\b|\b(?:anillo|parche)\b[^.!?]{0,30}\b(?:retraso|tarde|fuera|se me salio|se cayo)\b",
        NEGATABLE,
    ),
]);

pub(super) static SEX_EVENT: Lexicon = Lexicon::new(&[cue(
    r"\b(?:had sex|have had sex|we did it|slept together|slept with|hooked up|had intercourse|had anal|(?:he|she) had sex with me|sex (?:last night|yesterday|this morning|on))\b|\b(?:lo hicimos|lo hice|tuvimos (?:relaciones|sexo)|tuve (?:relaciones|sexo)|me acoste con|nos acostamos|hicimos el amor|tuvo (?:relaciones|sexo) conmigo)\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

pub(super) static SHARED_NEEDLES: Lexicon = Lexicon::new(&[cue(
    r"\bshar(?:ed|ing|e) (?:a |the |some )?(?:needles?|syringes?|works|rigs?|pins)\b|\b(?:needles?|syringes?) (?:were |was )?shared\b|\bcompart\w+ (?:la |las |una |unas )?(?:jeringas?|agujas?|jeringuillas?)\b|\bneedle[- ]?stick\b|\b(?:pricked|stabbed|stuck|jabbed|scratched) (?:myself )?(?:by|with|on) (?:a |an )?(?:used |dirty |discarded |someone'?s )?(?:needle|syringe)\b|\bpinch\w* con una (?:aguja|jeringa|jeringuilla)\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

pub(super) static PEP_REQUEST: Lexicon = Lexicon::new(&[cue(
    r"\b(?:need|get|take|start|where (?:can i|do i|to) get|can i (?:still )?get)\b[^.!?]{0,20}\b(?:pep|post[- ]exposure)\b|\b(?:pill|medication|meds|medicine|treatment)\b[^.!?]{0,30}\b(?:after the fact|to stop hiv|against hiv)\b|\bthat hiv medication\b|\b(?:donde|como) (?:me dan|consigo|puedo conseguir|pido)\b[^.!?]{0,15}\b(?:la )?(?:pep|profilaxis)\b|\bnecesito (?:la )?(?:pep|profilaxis)\b|\btomar algo contra el vih\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

// STI symptoms.
pub(super) static PAINFUL_URINATION: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:burn\w*|sting\w*|hurts?|pain\w*|sore)\b[^.!?]{0,25}\b(?:when|while|to|after) (?:i )?(?:pee|peeing|piss|pissing|wee|weeing|urinat\w*)\b|\b(?:painful|burning|stinging) (?:urination|pee|peeing|when peeing)\b|\b(?:pee|peeing|urinating|urination)\b[^.!?]{0,20}\b(?:burns|burning|stings|hurts)\b|\bdysuria\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
    cue(
        r"\b(?:arde|ardor|duele|dolor|escuece|escozor|quema|pica)\b[^.!?]{0,20}\b(?:al |cuando )(?:orinar|orino|hacer pis|hago pis|mear|meo|hacer pipi|hago pipi)\b",
        NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
    ),
]);

pub(super) static DISCHARGE: Lexicon = Lexicon::new(&[cue(
    r"\bdischarge\b|\bflujo\b|\bsecrecion\b|\bsupura\w*|\bpus\b|\b(?:white|yellow|green|yellowish|greenish) stuff\b|\bstuff coming out\b|\bcoming out of (?:the|my) (?:tip|penis|dick)\b|\bdrip(?:ping)? from\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

pub(super) static ABNORMAL_DISCHARGE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:green\w*|yellow\w*|grey|gray|smell\w*|stink\w*|odou?r|fishy|foul|weird|strange|unusual|thick|chunky|frothy|cottage|bloody|brown|pus|tip|penis|dick|amarill\w*|verd\w*|gris\w*|olor|huele|rar[oa]|extran[oa]|espes[oa]|grumos\w*|supur\w*|pene|punta)\b|\bwhite stuff\b",
    0,
)]);

pub(super) static NORMAL_DISCHARGE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:clear|stretchy|egg white|mid-?cycle|ovulat\w*|transparente|elastic\w*|mitad del ciclo)\b",
    0,
)]);

pub(super) static GENITAL_LESION: Lexicon = Lexicon::new(&[cue(
    r"\b(?P<a>sores?|blisters?|ulcers?|lesions?|warts?|bumps?|spots?|rash|pimples?|scabs?|chancre|ampoll\w*|llagas?|ulceras?|verrugas?|granos?|granitos?|bultos?|bultitos?|heridas?|sarpullido|ronchas?|costras?)\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

pub(super) static GENITAL_ITCH: Lexicon = Lexicon::new(&[cue(
    r"\bitch(?:y|ing|es)?\b|\bme pica\b|\bpicor\b|\bpicazon\b|\bcomezon\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

pub(super) static GENITAL_PLACE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:down there|penis|dick|cock|shaft|foreskin|glans|vagina|vaginal|vulva|labia|genitals?|genital area|anus|anal|groin|pubic|balls|scrotum|testicles?|palms|soles|pene|vulva|labios|genitales|ahi abajo|ingle|escroto|testicul\w*|glande|prepucio|partes intimas)\b",
    0,
)]);

pub(super) static UNEXPECTED_BLEEDING: Lexicon = Lexicon::new(&[cue(
    r"\b(?:bleeding|spotting|bleed) (?:between (?:my )?periods|after (?:sex|intercourse))\b|\bsangr\w+ (?:entre (?:reglas|periodos)|despues (?:de|del) (?:sexo|las relaciones|tener relaciones))\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

pub(super) static PELVIC_PAIN: Lexicon = Lexicon::new(&[cue(
    r"\b(?:pain|ache|dolor)\b[^.!?]{0,40}\b(?:lower (?:belly|abdomen|stomach|tummy)|pelvi\w*|bajo vientre|parte baja de la (?:panza|barriga|tripa)|vientre)\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

pub(super) static PAINFUL_SEX: Lexicon = Lexicon::new(&[cue(
    r"\b(?:pain|hurts?)\b[^.!?]{0,20}\b(?:during|with) sex\b|\bduele (?:durante|en|al tener) (?:las )?relaciones\b",
    NEGATABLE | HYPOTHETICAL | EDUCATIONAL,
)]);

pub(super) static NEW_PARTNER: Lexicon = Lexicon::new(&[cue(
    r"\bnew (?:partner|guy|girl|boyfriend|girlfriend|person)\b|\bsince my new\b|\bsomeone new\b|\bcambie de pareja\b|\bpareja nueva\b|\bnovi[oa] nuev[oa]\b|\bnueva pareja\b",
    0,
)]);

// Minors.
pub(super) static SELF_AGE: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:i'?m|im|i am)\s+(?:only |just )?(?:a |an )?(?P<n>\d{1,2}|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b(?:\s*(?:years?|yrs?)[- ]?old| ?yo| ?y/o)?",
        0,
    ),
    cue(
        r"\bas an? (?P<n>\d{1,2}|twelve|thirteen|fourteen|fifteen)[- ]?(?:years?|yrs?)[- ]?old\b",
        0,
    ),
    cue(
        r"\b(?:tengo|solo tengo|tengo solo|tengo solamente)\s+(?P<n>\d{1,2}|nueve|diez|once|doce|trece|catorce|quince|dieciseis|diecisiete)\b(?:\s*anos)?",
        0,
    ),
    cue(
        r"\bsoy una? (?:chic[oa]|nin[oa]|adolescente|menor) de (?P<n>\d{1,2})\b",
        0,
    ),
]);

/// Words after a number that make it something other than an age.
pub(super) static NOT_AN_AGE: Lexicon = Lexicon::new(&[cue(
    r"^\s*(?:-\s*)?(?:weeks?|days?|months?|hours?|hrs?|minutes?|mins?|%|percent|kg|kilos?|lbs?|cm|inches|times|pounds|ft|feet|years? (?:older|younger|ago|later)|dias|semanas|meses|horas|minutos|veces|hijos|anos (?:mas|menos|de (?:casad|novi|relacion))|de retraso)\b",
    0,
)]);

pub(super) static CHILD_AGE: Lexicon = Lexicon::new(&[
    cue(
        r"\b(?:my|his|her|our|a|an|their)\s+(?P<n>\d{1,2}|eleven|twelve|thirteen|fourteen|fifteen)[- ]?(?:years?|yrs?)[- ]?old\b",
        0,
    ),
    cue(
        r"\b(?:brother|sister|son|daughter|niece|nephew|cousin|kid|child|student|stepdaughter|stepson)(?:,)? (?:is|who is|who'?s|aged|age) (?P<n>\d{1,2})\b",
        0,
    ),
    cue(
        r"\b(?:hija|hijo|hermana|hermano|hermanita|hermanito|sobrina|sobrino|prima|primo|alumna|alumno|nina|nino|nieta|nieto) de (?P<n>\d{1,2}|once|doce|trece|catorce|quince|diez|nueve|ocho|siete|seis|cinco) anos\b",
        0,
    ),
]);

pub(super) static ADULT_AGE: Lexicon = Lexicon::new(&[cue(
    r"\b(?:a|an) (?P<n>\d{2})[- ]?(?:years?|yrs?)[- ]?old\b|\b(?:he'?s|he is|she'?s|she is|says he'?s) (?P<n2>\d{2})\b|\bun (?:chico|hombre|tipo|senor|adulto) de (?P<n3>\d{2})\b",
    0,
)]);

pub(super) static GROOMING: Lexicon = Lexicon::new(&[cue(
    r"\b(?:keep (?:it |this |us )?(?:a )?secret|not to tell|don'?t tell|secret|no se lo (?:cuente|digas|diga|cuentes)|secreto|send (?:me )?(?:him )?(?:pictures|pics|photos|nudes|selfies)|pide fotos|fotos sin ropa|desnud\w*|gifts|presents|buying (?:her|him)|regal\w*|late at night|de madrugada|come over|his (?:place|house|flat)|alone|a solas|su casa|(?:is|es) su novio|her boyfriend|me quiere|loves (?:me|her|him)|texting|messaging|chatea\w*|escribe\w*|dms?)\b",
    0,
)]);
