# Las páginas de quien pregunta: el formulario, la búsqueda de preguntas
# parecidas, la vista previa de lo que se quitó, la confirmación con el
# enlace privado, la página privada y el borrado.

## El formulario para preguntar

ask-title = Pregunta de forma anónima
ask-reassure-no-account = No necesitas cuenta, ni nombre, ni correo electrónico. No guardamos tu dirección IP.
ask-reassure-private-link = Cuando envíes tu pregunta recibirás un enlace privado. Es la única forma de volver a tu pregunta: guárdalo bien.
# Lo que se hace público, en un sitio que publica cada pregunta cuando alguien del equipo la responde.
ask-reassure-public-on-answer = Cuando alguien de nuestro equipo de especialistas responda a tu pregunta, la pregunta y tus mensajes pasarán a ser públicos en este sitio, sin los nombres, datos de contacto, enlaces ni lugares que detectemos. Tu enlace privado no se muestra nunca, y nada más sobre ti tampoco.
# Lo mismo, en un sitio que publica cada pregunta nada más enviarla.
ask-reassure-public-immediately = Tu pregunta será pública en este sitio en cuanto la envíes, y también cada mensaje que escribas, sin los nombres, datos de contacto, enlaces ni lugares que detectemos. Tu enlace privado no se muestra nunca, y nada más sobre ti tampoco.
ask-errors-heading = Revisa tu pregunta, por favor
ask-field-title = Tu pregunta en una línea
ask-field-title-hint = Por ejemplo: ¿Es normal llorar después del sexo?
ask-field-body = Cuéntanos más
ask-field-body-hint = Qué pasó, qué te preocupa, qué has probado. No pongas nombres ni lugares.
ask-field-topic = Tema
ask-check-similar = Buscar preguntas parecidas
ask-send = Enviar mi pregunta

## Por qué no se pudo enviar la pregunta

ask-error-title-empty = Escribe tu pregunta en una línea.
ask-error-body-empty = Cuéntanos un poco más en el recuadro de debajo del título.
# $max: cuántos caracteres puede tener como mucho la pregunta en una línea.
ask-error-title-too-long = La pregunta en una línea debe tener menos de { $max } caracteres; pon el resto en el recuadro de abajo.
# $len: cuántos caracteres se enviaron; $max: el máximo permitido.
ask-error-body-too-long = El texto es demasiado largo: { $len } caracteres; como mucho { $max }.
ask-error-title-control-characters = El título contiene caracteres de control.
ask-error-body-control-characters = El texto contiene caracteres de control.
# $topic: lo que envió el formulario en lugar de uno de nuestros temas.
ask-error-unknown-topic = Tema desconocido: «{ $topic }».

## Antes de enviar: lo que se quitó

ask-redacted-title = Revisa antes de enviar
ask-redacted-heading = Antes de enviarla: quitamos lo que podría identificarte
# $kinds: lo que se quitó, p. ej. «una dirección de correo electrónico, un nombre» (de los mensajes ask-pii-*);
# $example: un ejemplo de la nota que queda en el texto, p. ej. «[name removed]».
ask-redacted-notice = Quitamos { $kinds }. En su lugar hay ahora una nota entre corchetes, como { $example }.
ask-redacted-read = Léela con calma aquí abajo. Puedes cambiar lo que quieras y después enviarla.
ask-pii-email = una dirección de correo electrónico
ask-pii-phone = un número de teléfono
ask-pii-url = un enlace
ask-pii-handle = un nombre de usuario de redes sociales
ask-pii-address = una dirección postal o un código postal
ask-pii-name = un nombre
ask-pii-place = un centro de estudios, un lugar de trabajo o una localidad

## Enviada: el enlace privado

ask-sent-title = Hemos recibido tu pregunta
# $id: el número de la pregunta.
ask-sent-queued = La pregunta { $id } ya está con nuestro equipo de especialistas, que responde en el orden en que llegan las preguntas.
# $id: el número de la pregunta.
ask-sent-prioritised = La pregunta { $id } ya está con nuestro equipo de especialistas. Las preguntas como la tuya se responden primero.
ask-link-heading = Tu enlace privado
ask-link-only-now = Este enlace es la única forma de volver a tu pregunta. Solo te lo mostramos ahora.
ask-link-keep = Guárdalo en tus marcadores o cópialo en un lugar privado. Con él puedes leer las respuestas, escribir a los especialistas, decir qué te ayudó y borrar tu pregunta.
ask-link-warning = Si lo pierdes, nadie puede devolvértelo: a propósito, no sabemos quién eres. Cualquier persona que tenga el enlace puede actuar como tú, así que no lo compartas.

## Un enlace privado que no lleva a ninguna parte

ask-lost-title = No encontramos el enlace privado
ask-lost-heading = Este enlace privado no lleva a ninguna pregunta
ask-lost-why = Puede que el enlace esté mal escrito o cortado, o que la pregunta se haya borrado.
# $link: un enlace cuyo texto es ask-lost-ask-again.
ask-lost-advice = Un enlace perdido no se puede recuperar: nunca supimos quién preguntó, así que no podemos comprobar que eras tú. Puedes { $link } cuando quieras.
ask-lost-ask-again = volver a preguntar

## La página privada

# El título de la página (en las pestañas y el historial del navegador) y su
# encabezado: nunca las palabras de la pregunta, que cualquiera podría leer de un vistazo.
ask-private-title = Tu pregunta
# La etiqueta de los recuadros para escribir un mensaje, según en qué punto esté la pregunta.
ask-private-reply-public = Tu mensaje (se muestra en público junto a tu pregunta, sin los nombres ni datos de contacto que detectemos)
ask-private-reply-on-answer = Tu mensaje (se mostrará en público junto a tu pregunta cuando alguien la responda, sin los nombres ni datos de contacto que detectemos)
ask-private-reply-hidden = Tu mensaje (por ahora fuera de las páginas públicas, como tu pregunta; quitamos los nombres y datos de contacto que detectemos)
ask-private-yours = Esta es tu página privada.
ask-private-keep = Guarda este enlace: es la única forma de volver aquí.
# $reason: por qué moderación ocultó la pregunta, con sus palabras.
ask-private-hidden-question = El equipo de moderación quitó tu pregunta de las páginas públicas ({ $reason }). Aquí puedes seguir leyendo las respuestas y contestarlas.
# $link: un enlace cuyo texto es ask-private-see-public.
ask-private-public = Tu pregunta es pública, sin nada que te identifique: { $link }.
ask-private-see-public = ver la página pública
ask-private-not-public = Hasta que alguien la responda, tu pregunta solo la puede ver nuestro equipo de especialistas, además de ti.
# $count: cuántas respuestas y mensajes se ocultaron; $reasons: los motivos de moderación, separados por punto y coma.
ask-private-hidden-content = El equipo de moderación quitó { $count ->
    [one] 1 respuesta o mensaje
   *[other] { $count } respuestas o mensajes
    } de este hilo: { $reasons }.
ask-erase-heading = Borrar tu pregunta
ask-erase-explain = Esto borra para siempre tu pregunta, sus respuestas y tus mensajes.
ask-erase-button = Borrar mi pregunta…
# $link: un enlace cuyo texto es ask-export-link.
ask-export = Antes, si quieres, puedes { $link }.
ask-export-link = descargar una copia (JSON)
ask-follow-heading = Sigue tu pregunta
# $link: un enlace cuyo texto es ask-follow-feed.
ask-follow = Añade { $link } a un lector de canales (RSS o Atom) para enterarte de las respuestas sin darnos ninguna dirección. Como esta página, la dirección del canal es secreta: guárdala para ti.
ask-follow-feed = tu canal privado

## Borrar

ask-erase-confirm-heading = ¿Borrar tu pregunta?
ask-erase-confirm-explain = Tu pregunta, sus respuestas y tus mensajes se borrarán para siempre de nuestra base de datos. En nuestros registros solo constará que la persona que hizo una pregunta la borró.
ask-erase-confirm-final = Esto no se puede deshacer.
ask-erase-yes = Sí, bórrala
ask-erase-no = No, quiero conservarla
ask-erased-title = Hemos borrado tu pregunta
ask-erased-explain = Ya no está en nuestra base de datos, ni sus respuestas ni tus mensajes. Tu enlace privado ya no funciona.
ask-erased-back = Volver a las respuestas

## Lo que queda en el texto guardado donde había algo que identificaba
## (siempre entre corchetes)

ask-removed-email = [correo eliminado]
ask-removed-phone = [teléfono eliminado]
ask-removed-url = [enlace eliminado]
ask-removed-handle = [usuario eliminado]
ask-removed-address = [dirección eliminada]
ask-removed-name = [nombre eliminado]
ask-removed-place = [lugar eliminado]
