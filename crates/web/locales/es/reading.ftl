# Lo que ven quienes leen: la portada, la página de una pregunta, la
# búsqueda y las preguntas parecidas que se muestran al preguntar.

home-heading = Pregunta lo que no puedes preguntar a nadie.
home-intro = Sexo, intimidad, relaciones, salud sexual: pregunta con tus propias palabras, sin cuenta y sin nombre. Responden especialistas verificados, basándose en la evidencia científica, y otros especialistas revisan sus respuestas.
home-topics = Temas
home-all-topics = Todos los temas
home-recently-answered = Respondidas hace poco
home-follow-topic = Seguir este tema (canal Atom)
home-empty = Aún no hay preguntas respondidas aquí.
home-older = Preguntas anteriores →

question-not-public = Aún no es pública: hasta que tenga respuesta, solo quien preguntó y los especialistas pueden ver esta pregunta.
question-triage = Triaje:
question-triage-shown = A quien preguntó se le mostró la ayuda correspondiente.
question-related = Preguntas relacionadas

search-heading = Busca en las respuestas
search-query-label = Tu pregunta, con tus propias palabras
search-topic = Tema
search-answered-only = Solo respondidas
search-button = Buscar
search-semantic-off = Búsqueda semántica desactivada: los resultados coinciden con tus palabras, aún no con su significado.
search-results = { $count ->
    [one] 1 resultado
   *[other] { $count } resultados
}
search-nothing = Aún no hay coincidencias. Prueba con otras palabras o haz tu pregunta: seguirá siendo anónima.
search-answered = respondida
search-not-answered = aún sin respuesta

similar-same = Parece tu pregunta, y ya tiene respuesta:
similar-heading = Preguntas respondidas parecidas a la tuya
similar-nothing = No encontramos nada parecido. Envía tu pregunta y te responderá un especialista.
similar-nothing-yet = Aún nada parecido

## Feeds Atom

feed-answer-from = Respuesta de { $name }
feed-reply-from = Mensaje de { $name }
feed-private-title = Tu pregunta en Confide
feed-topic-title = Confide: { $topic }
