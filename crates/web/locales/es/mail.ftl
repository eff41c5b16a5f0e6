# El correo resumen para especialistas sobre preguntas nuevas en sus temas.
# Texto plano: solo cuántas hay por tema, nunca las palabras de una pregunta.

mail-subject = { $count ->
    [one] 1 pregunta nueva espera en Confide
   *[other] { $count } preguntas nuevas esperan en Confide
}{ $urgent ->
    [0] {""}
    [one] , 1 urgente
   *[other] , { $urgent } urgentes
}
mail-topic-line = - { $topic }: { $count }{ $urgent ->
    [0] {""}
    [one] {" "}(1 urgente)
   *[other] {" "}({ $urgent } urgentes)
}
mail-body =
    Preguntas nuevas en tus temas:

    { $topics }

    Léelas y respóndelas (inicia sesión primero): { $queue }

    Nunca ponemos las palabras de una pregunta en un correo: el correo pasa por servidores que nadie aquí controla, y quienes preguntan no han aceptado eso.

    Para dejar de recibir estos correos, cambia tu configuración: { $settings }
