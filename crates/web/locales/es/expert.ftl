# Las páginas de especialistas: iniciar sesión, la cola, editar respuestas,
# su historial, las revisiones pendientes y la cuenta propia.

## Iniciar sesión

expert-login-title = Acceso para especialistas
# $link: un enlace cuyo texto es expert-login-apply.
expert-login-intro = Las cuentas son para especialistas verificados y para el equipo de moderación. Quien pregunta nunca necesita una. ¿Eres profesional de la salud y te gustaría responder? { $link }.
expert-login-apply = Solicita responder como especialista
expert-login-submit = Iniciar sesión

## La cola

expert-queue-title = Preguntas pendientes
expert-queue-heading = Preguntas que esperan respuesta
expert-queue-intro = Primero va el peligro y lo que no puede esperar; después, lo más antiguo. Detrás de cada pregunta hay una persona esperando: gracias por tu tiempo.
expert-queue-empty = No hay nada pendiente. Todas las preguntas tienen respuesta.

## Editar una respuesta

expert-back-to-question = ← Volver a la pregunta
expert-edit-save = Guardar cambios

## El historial de una respuesta

expert-history-title = Historial de una respuesta
# $name: el nombre de quien escribió la respuesta.
expert-history-heading = Historial de la respuesta de { $name }
expert-diff-title = Qué cambió
expert-diff-all-versions = ← Todas las versiones
expert-diff-the-question = la pregunta
# $before, $after: números de versión (la anterior y la que se muestra).
expert-diff-heading = Versión { $before } → { $after }
# $editor: quién hizo esta versión; $date: cuándo; $reason: por qué la cambió.
expert-diff-byline = { $editor }, { $date }: { $reason }

## Respuestas que toca revisar (una vez al año)

expert-reviews-title = Respuestas pendientes de revisión
expert-reviews-intro = Los consejos se releen cada año. Confirma una respuesta que sigue siendo válida o corrígela.
expert-reviews-empty = No hay nada pendiente en los próximos 30 días.
# $date: el día en que toca la revisión.
expert-reviews-due = toca el { $date }
expert-reviews-confirm = Sigue siendo correcta: confirmar
expert-reviews-revise = Corregir

## La cuenta propia

expert-account-title = Tu cuenta
expert-account-display-name = Nombre que aparece con tus respuestas
expert-account-role = Rol
expert-role-expert = especialista
expert-role-moderator = moderador/a
expert-role-admin = administrador/a
expert-account-export = Descarga todo lo que has escrito aquí (JSON)
expert-notify-heading = Correos sobre preguntas nuevas
expert-notify-no-mail = Este sitio no envía correos. Sigue aquí las preguntas pendientes o el canal Atom de un tema.
expert-notify-intro = Como mucho, un correo cada pocos minutos que dice cuántas preguntas han llegado en tus temas y cuántas son urgentes. Nunca incluye las palabras de una pregunta, y se escribe en el idioma que tenga esta página cuando guardes. Deja la dirección vacía para dejar de recibirlos.
expert-notify-topics = Temas
expert-notify-save = Guardar
expert-delete-heading = Borrar tu cuenta
expert-delete-intro = Se borran tu nombre, tus credenciales, tu nombre de usuario y tu contraseña, y se cierra tu sesión en todas partes. Tus respuestas se quedan, atribuidas a alguien que fue especialista, porque quienes preguntaron cuentan con ellas.
expert-delete-understand = Entiendo que esto no se puede deshacer
expert-delete-submit = Borrar mi cuenta
expert-deleted-title = Cuenta borrada
expert-deleted-heading = Tu cuenta está borrada
expert-deleted-thanks = Gracias por las respuestas que diste. Siguen publicadas, sin tu nombre.
