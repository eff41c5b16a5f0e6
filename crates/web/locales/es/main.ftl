# Los textos de la interfaz de Confide, en español. Cada mensaje tiene su
# par en los archivos en inglés (una prueba lo comprueba).
# Este archivo: lo que comparten todas las páginas.

## Números, fechas y tiempo

date = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
time-just-now = ahora mismo
time-ago = { $unit ->
    [minute] { $count ->
        [one] hace 1 minuto
       *[other] hace { $count } minutos
    }
    [hour] { $count ->
        [one] hace 1 hora
       *[other] hace { $count } horas
    }
    [day] { $count ->
        [one] hace 1 día
       *[other] hace { $count } días
    }
    [month] { $count ->
        [one] hace 1 mes
       *[other] hace { $count } meses
    }
   *[year] { $count ->
        [one] hace 1 año
       *[other] hace { $count } años
    }
}

## Cosas que se cuentan

count-answers = { $count ->
    [one] 1 respuesta
   *[other] { $count } respuestas
}
count-experts = { $count ->
    [one] 1 especialista
   *[other] { $count } especialistas
}
count-open-disputes = { $count ->
    [one] 1 objeción abierta
   *[other] { $count } objeciones abiertas
}
count-readers-helped = { $count ->
    [one] A 1 persona le ha resultado útil
   *[other] A { $count } personas les ha resultado útil
}

## En todas las páginas

site-name = Confide
skip-to-content = Ir al contenido
quick-exit = Salida rápida
quick-exit-title = Sal de este sitio al instante (o pulsa Escape tres veces)
nav-main = Principal
nav-answers = Respuestas
nav-ask = Pregunta de forma anónima
nav-search = Buscar
nav-queue = Pendientes
nav-application = Solicitud
nav-reviews-due = Revisiones pendientes
nav-moderation = Moderación
nav-experts = Especialistas
nav-account = Cuenta
nav-log-out = Cerrar sesión de { $handle }
nav-for-experts = Para especialistas
language-switcher = Idioma
footer-privacy = No hace falta una cuenta para preguntar. No guardamos direcciones IP, no usamos rastreadores y no cargamos nada de otros sitios.
footer-danger = Si estás en peligro ahora mismo, llama al número de emergencias de tu zona.

## Temas

topic-emotions = Sentimientos durante y después del sexo
topic-desire = Deseo y excitación
topic-pain = Dolor y molestias
topic-contraception = Anticoncepción y embarazo
topic-sti = ITS y pruebas
topic-consent = Consentimiento y límites
topic-relationships = Relaciones
topic-bodies = Cuerpos
topic-other = Otra cosa

## Lo que encontró el triaje (para especialistas, en su cola)

triage-urgent = Urgente
triage-time-sensitive = No puede esperar mucho
triage-sexual_assault = agresión sexual
triage-partner_violence = violencia de pareja
triage-self_harm = autolesión
triage-medical_emergency = emergencia médica
triage-emergency_contraception = anticoncepción de emergencia
triage-hiv_exposure = posible exposición al VIH
triage-sti_symptoms = síntomas de ITS
triage-minor = puede ser menor de edad

## Ayuda que no puede esperar

help-heading = Ayuda que no puede esperar
help-checked = (comprobado el { $date })
help-your-country = Tu país:
help-country-us = Estados Unidos
help-country-uk = Reino Unido
help-country-es = España
help-country-any = Otro país
help-country-not-stored = No guardamos qué país eliges.
help-danger-now = ¿Estás en peligro ahora mismo? Llama al { $number }.
help-danger-now-local = ¿Estás en peligro ahora mismo? Llama al número de emergencias de tu país.
help-left-hours = { $count ->
    [one] una hora más o menos
   *[other] unas { $count } horas
}
help-left-days = { $count ->
    [one] un día más o menos
   *[other] unos { $count } días
}
help-window-pep = La medicación que puede evitar el VIH (PEP) hay que empezarla en las 72 horas siguientes a la relación, y funciona mejor en las primeras 24.
help-window-pep-left = Por lo que cuentas, te quedan { $left }: ve hoy a un centro de salud sexual o a urgencias.
help-window-pep-passed = Por lo que cuentas, puede que hayan pasado las 72 horas de la PEP. En un centro de salud sexual pueden hacerte pruebas igualmente y decirte qué hacer.
help-window-ec = Anticoncepción de emergencia: el DIU de cobre y la píldora de ulipristal sirven hasta 5 días (120 horas) después; la de levonorgestrel, hasta 72 horas. El levonorgestrel puede funcionar peor por encima de 70 kg o de un IMC de 26; el DIU de cobre es el más eficaz sea cual sea tu peso.
help-window-ec-left = Por lo que cuentas, te quedan { $left } para el DIU o el ulipristal.
help-window-ec-passed = Por lo que cuentas, puede que hayan pasado los 5 días. En una farmacia o un centro de salud sexual pueden decirte qué hacer ahora.
help-window-forensic = El examen médico forense es mejor en las primeras 72 horas, y a menudo se pueden recoger pruebas hasta unos 7 días después. Hacértelo no te obliga a denunciar: esa decisión sigue siendo tuya.
help-window-forensic-left = Por lo que cuentas, quedan { $left } de esos 7 días.
help-window-forensic-uk = En Inglaterra, los Sexual Assault Referral Centres (SARC) hacen este examen y también pueden darte anticoncepción de emergencia y PEP; la web del NHS los recoge.

## Listas de preguntas

question-list-asked = preguntada { $when }

## Una pregunta y sus respuestas

question-asked-anonymously = preguntada de forma anónima { $when }
question-edited-by-moderator = editada por moderación
answers-none-yet = Aún no hay respuesta
replies-to-question = Mensajes sobre la pregunta
replies-heading = Mensajes
reply-to-experts = Responder a los especialistas
reply-to-experts-hint = Haz otra pregunta o cuenta qué te ayudó.
reply-in-thread = Responder en este hilo
reply-to-answer = Responder a esta respuesta
reply-send = Enviar mensaje
reply-by-asker = Quien preguntó
reply-moderator-note = Editado por moderación: { $note }
answer-write = Escribe una respuesta
answer-publish = Publicar respuesta
answer-helped-asker = ✓ A quien preguntó le sirvió esta respuesta
answer-answered = publicada { $when }
answer-edited = , editada { $when }
answer-last-reviewed = Revisada por última vez el { $reviewed } · próxima revisión el { $due }
answer-history = historial ({ $count } versiones)
answer-reviewed-by = Revisada por { $experts }, { $disputes }
answer-helped-me-too = A mí también me sirvió
answer-edit-yours = Editar tu respuesta
answer-helped-me = Esta respuesta me sirvió
references-heading = Referencias

## Revisión por pares

review-endorsed-by = Avalada por { $name }
review-disputed-by = Objetada por { $name }
review-addressed = Resuelta: la autora o el autor revisó este pasaje en la
review-version = versión { $number }
review-withdrawn = Retirada por quien la hizo.
review-closed = Cerrada por moderación: { $reason }
review-withdraw = Retirar mi revisión
review-close-label = Cierra esta objeción y di por qué
review-close = Cerrar la objeción
review-source = Fuente:
review-disputed-mark = Otra persona especialista ha objetado este pasaje (mira más abajo)
review-this-answer = Revisar esta respuesta
review-verdict = Tu veredicto
review-endorse = Avalar: es correcta
review-dispute = Objetar una afirmación
review-quote = El pasaje exacto que objetas (cópialo de la respuesta)
review-why = Por qué (Markdown)
review-citation = Una fuente, opcional: Título (Año) doi:… o pmid:… o https://…
review-publish = Publicar revisión
peer-review = Revisión por pares

## Credenciales

verified-title = Una persona administradora comprobó el registro profesional de este especialista
verified-on = ✓ Verificado el { $date }
not-verified = Sin verificar

## Moderación, sobre el propio contenido

hidden-from-public = Oculto al público
moderation-restore = Restaurar
moderation-why-hide = Por qué ocultarlo
moderation-hide = Ocultar
moderation-edit = Editar como moderador/a
flag-question = Denunciar esta pregunta
flag-answer = Denunciar esta respuesta
flag-reply = Denunciar este mensaje
flag-what-is-wrong = ¿Qué problema tiene?
flag-reason-harmful = Consejo dañino o erróneo
flag-reason-spam = Spam o publicidad
flag-reason-identifying = Identifica a alguien
flag-reason-other = Otra cosa
flag-note = Algo que deba saber la moderación (opcional, salvo en «otra cosa»)
flag-send = Enviar denuncia

## Versiones

version-line = Versión { $number }
version-what-changed = qué cambió
version-first = Primera versión

## El formulario de respuesta

answer-form-preview = Vista previa
answer-form-preview-note = Vista previa: aún no se ha publicado
answer-form-body = Tu respuesta (Markdown)
answer-form-body-hint = Sé amable y concreto. Di qué dice la evidencia científica y cuándo conviene ver a un profesional sanitario.
answer-form-references = Referencias, una por línea, citadas en el texto como [1], [2]…
answer-form-references-hint = Título (Año) doi:10.… o pmid:… o https://…: cita solo lo que hayas comprobado.
answer-form-reason = Por qué lo cambias (queda en el historial)
answer-form-forget = La redacción anterior identifica a alguien: no la guardes en el historial

## Páginas de error

error-not-found = No encontramos esa página
error-not-found-advice = Puede que no exista, que aún no sea pública o que se haya borrado.
error-unauthorized = Inicia sesión
error-unauthorized-advice = Esta página es para cuentas de especialistas.
error-forbidden = No permitido
error-forbidden-advice = Tu cuenta no puede hacer eso.
error-slow-down = Ve más despacio, por favor
error-slow-down-advice = Este límite mantiene el servicio libre de spam. Vuelve atrás: lo que escribiste sigue en el formulario y podrás enviarlo dentro de un rato.
error-form-expired = Ese formulario ha caducado
error-form-expired-advice = Vuelve atrás, recarga la página y envíalo de nuevo. Si vuelves atrás, lo que escribiste sigue en el formulario.
error-server = Algo ha fallado
error-server-message = Algo ha fallado por nuestra parte. Si aún tienes esta página abierta, tu texto no se ha perdido; vuelve a intentarlo en un momento.
error-bad-input = No hemos podido usar eso
error-bad-input-advice = Vuelve atrás y revisa lo que enviaste.
error-go-answers = Ir a las respuestas
error-go-ask = Hacer una pregunta

## Por qué se rechazó lo enviado

invalid-empty = { $field }: este campo está vacío.
invalid-too-long = { $field }: { $len ->
    [one] 1 carácter
   *[other] { $len } caracteres
}; como máximo { $max }.
invalid-too-short = { $field }: { $len ->
    [one] 1 carácter
   *[other] { $len } caracteres
}; como mínimo { $min }.
invalid-control-characters = { $field } contiene caracteres de control.
invalid-unknown-topic = Ese no es uno de nuestros temas.
invalid-unknown-role = Ese rol no existe: se espera expert, moderator o admin.
invalid-bad-handle = Un nombre de usuario solo puede tener minúsculas, cifras, «.», «-» y «_».
invalid-bad-email = Eso no parece una dirección de correo.
invalid-rate-limited = Demasiadas peticiones desde aquí; espera { $seconds ->
    [one] un segundo
   *[other] { $seconds } segundos
} y vuelve a intentarlo.
invalid-csrf = El formulario ha caducado o no viene de este sitio; recarga la página y vuelve a intentarlo.
invalid-not-found = No encontrado.
invalid-log-in = Inicia sesión primero.
invalid-forbidden = No puedes hacer eso.
invalid-bad-form = El formulario estaba incompleto o mal formado. Vuelve atrás, revisa los campos y envíalo de nuevo.
invalid-bad-cursor = Ese enlace de página no funciona. Empieza de nuevo por la primera página.
invalid-bad-login = Ese nombre de usuario y esa contraseña no corresponden a ninguna cuenta activa.
invalid-bad-reason = Di en una frase (hasta 300 caracteres) por qué se cierra la objeción.
invalid-not-confirmed = Marca la casilla para confirmar que quieres borrar tu cuenta.
invalid-self-decision = No puedes rechazarte ni retirarte la verificación a ti mismo.
invalid-account-disabled = Esa cuenta está desactivada.
invalid-already-verified = Ya está verificada.
invalid-not-verified = No está verificada, así que no hay nada que retirar.
invalid-reject-waiting-only = Solo se puede rechazar una solicitud pendiente de decisión; a un especialista verificado, retírale la verificación.
invalid-unknown-language = Hablamos inglés (en) y español (es).
invalid-bad-query = Esa dirección tiene algo que no podemos leer. Vuelve atrás e inténtalo de nuevo.
invalid-already-hidden = Ese contenido ya está oculto.
invalid-not-hidden = Ese contenido no está oculto.
invalid-review-not-open = Esa revisión no está abierta.
invalid-too-many-references = Como máximo 30 referencias en una respuesta.
invalid-bad-doi = Un DOI tiene esta forma: 10.1002/sm2.74.
invalid-bad-pmid = Un PMID es un número de hasta 9 cifras.
invalid-bad-url = Una dirección web empieza por https://.
invalid-citation-year = El año está fuera de rango.
invalid-own-answer = Los especialistas revisan respuestas de otros, no las suyas.
invalid-quote-needed = Una objeción cita el pasaje exacto que objeta.
invalid-quote-not-found = El pasaje citado no está en la respuesta; cópialo exactamente.
invalid-bad-verdict = El veredicto debe ser avalar u objetar.
invalid-check-url = La página de comprobación debe ser una dirección http(s) donde se pueda ver el registro.
invalid-bad-decision = Una decisión es verificar, rechazar o retirar.
invalid-bad-flag-reason = El motivo es dañino, spam, identifica a alguien u otro.
invalid-bad-flag-target = Lo que se denuncia es una pregunta, una respuesta o un mensaje.
invalid-bad-moderation = La acción es ocultar, restaurar o descartar.

field-title = Título
field-body = Tu texto
field-name = Nombre
field-display_name = Nombre
field-credentials = Credenciales
field-handle = Nombre de usuario
field-password = Contraseña
field-note = Nota
field-reason = Motivo
field-statement = Declaración
field-email = Dirección de correo
field-citation-title = Título de la cita
field-check_url = Página de comprobación
field-licence_body = Organismo emisor
field-licence_number = Número de registro
field-profession = Profesión
field-quote = Pasaje citado
