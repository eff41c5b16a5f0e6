# Los textos de la interfaz de Confide, en español: cómo llegar a ser
# especialista con verificación (apply-) y la moderación (mod-).

## El formulario de solicitud

apply-title = Solicita responder como especialista
apply-intro = Aquí la gente pregunta lo que no puede preguntar a nadie más, y confía en la respuesta porque alguien comprobó quién la escribió. Antes de que puedas responder, una persona administradora comprueba tu registro con el organismo que lo emitió. Quien lee ve tu nombre, tu profesión y la fecha de tu verificación; tu número de colegiación y tu declaración solo los ven las personas administradoras.
apply-display-name = Tu nombre, tal como lo verán quienes lean
apply-profession = Tu profesión
apply-profession-hint = Por ejemplo: enfermera de salud sexual; terapeuta psicosexual; médico de familia
apply-licence-number = Número de colegiación o de registro
apply-licence-body = El organismo que lo emitió
apply-licence-body-hint = Por ejemplo: el colegio profesional o el registro sanitario de tu país
apply-check-url = Una página pública donde podamos comprobarlo
apply-check-url-hint = Tu entrada en el registro del organismo, que empiece por https://
apply-statement = Por qué quieres responder aquí y qué conoces mejor
apply-handle = Nombre de usuario para entrar
apply-handle-hint = De 3 a 32 caracteres entre a–z, 0–9, «.», «-» y «_». Nunca se muestra a quien lee.
apply-password-hint = Al menos 10 caracteres. Unas cuantas palabras al azar forman una contraseña fuerte.
apply-send = Enviar mi solicitud

## Lo que ve quien solicita, en lugar de las preguntas pendientes

apply-status-title = Tu solicitud
apply-status-none = Esta cuenta no está verificada, así que no puede responder ni ver preguntas privadas. Ponte en contacto con las personas que administran este sitio.
apply-status-pending = Gracias. Una persona administradora comprobará tu registro con { $body } y decidirá. Hasta entonces no puedes responder ni ver preguntas privadas.
apply-status-verified = Tu cuenta está verificada.
apply-status-rejected = Tu solicitud no se aceptó: { $reason }.
apply-status-revoked = Se retiró tu verificación: { $reason }. Tus respuestas se quedan, sin la marca de verificación.
apply-no-reason = no se dio ningún motivo
apply-account-link = Tu cuenta: exportarla y borrarla

## Los datos de una solicitud

apply-detail-name = Nombre
apply-detail-profession = Profesión
apply-detail-registration = Registro
apply-detail-check = Dónde comprobarlo
apply-detail-statement = Declaración
apply-detail-applied = Fecha de solicitud

## La página de administración

apply-admin-heading = Solicitudes de especialistas
apply-admin-intro = Comprueba cada registro en el propio registro del organismo emisor antes de verificarlo. Quien lee ve la marca con la profesión y la fecha; al retirar la verificación, la marca desaparece de todas las respuestas a la vez.
apply-admin-pending = Esperando una decisión
apply-admin-pending-empty = No hay ninguna solicitud esperando.
apply-admin-decided = Decididas
apply-admin-decided-empty = Aún no se ha decidido nada.
apply-state-pending = pendiente
apply-state-verified = verificada
apply-state-rejected = rechazada
apply-state-revoked = verificación retirada
apply-state-pending-on = pendiente desde el { $date }
apply-state-verified-on = verificada el { $date }
apply-state-rejected-on = rechazada el { $date }
apply-state-revoked-on = verificación retirada el { $date }
apply-admin-operator-hint = Las cuentas que creó quien opera el sitio con { $create } están verificadas desde el principio; { $revoke } también sirve para ellas.
apply-reason-label = Motivo (necesario para rechazar o retirar la verificación; la persona solicitante lo verá)
apply-verify = Verificar
apply-reject = Rechazar
apply-revoke = Retirar la verificación

## Una denuncia recibida

mod-flag-title = Gracias
mod-flag-heading = Gracias por avisarnos
mod-flag-body = La moderación lo revisará. No sabemos quién eres y no intentaremos averiguarlo.
mod-flag-back = ← Volver a donde estabas

## Lo pendiente de moderación

mod-intro = Denuncias de quienes leen, de la más antigua a la más reciente. Ocultar algo lo quita de todas las páginas públicas y de la búsqueda, y le explica el motivo a quien preguntó; no se borra nada, así que se puede restaurar. Cada decisión queda en el registro de auditoría.
mod-queue-empty = No hay nada denunciado. Gracias por echar un vistazo.
mod-hidden-heading = Oculto ahora
mod-hidden-empty = No hay nada oculto.
mod-item-answer = Una respuesta en { $question }
mod-item-reply = Un mensaje en { $question }
mod-item-question = Una pregunta en { $question }
mod-reports = { $count ->
    [one] 1 denuncia
   *[other] { $count } denuncias
}
mod-hidden = Oculto
mod-why-hide = Por qué ocultarlo (quien preguntó lo verá)
mod-dismiss = Descartar: no tiene nada malo
mod-edit-instead = Mejor editarlo, explicando por qué

## Ediciones de moderación

mod-back-to-question = ← Volver a la pregunta
mod-save-edit = Guardar la edición
mod-edit-question-title = Editar una pregunta
mod-edit-question-heading = Editar una pregunta como moderador/a
mod-edit-question-intro = Quita lo que identifique a alguien o lo que no corresponda; respeta lo que quería decir quien preguntó. La edición queda en el historial de la pregunta con tu nombre y tu motivo.
mod-question-body = Pregunta (Markdown)
mod-why-in-history = Por qué (se muestra en el historial)
mod-edit-reply-title = Editar un mensaje
mod-edit-reply-heading = Editar un mensaje como moderador/a
mod-edit-reply-intro = Los mensajes no guardan historial: la redacción anterior se sobrescribe. El mensaje indica que se editó y por qué.
mod-reply-body = Mensaje (Markdown)
mod-why-beside-reply = Por qué (se muestra junto al mensaje)

## El historial de una pregunta

mod-history-title = Historial de una pregunta
mod-history-heading = Historial de esta pregunta
mod-history-empty = Nadie ha editado esta pregunta.
mod-the-asker = quien preguntó
mod-diff-title = Qué cambió
mod-all-versions = ← Todas las versiones
mod-the-question = la pregunta
mod-diff-heading = Versión { $before } → { $after }
mod-diff-byline = { $editor }, { $date }: { $reason }
