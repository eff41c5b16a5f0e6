# The digest email to experts about new questions in their topics. Plain
# text: counts per topic only, never a question's words.

# $count: new questions in all; $urgent: how many of them are urgent.
mail-subject = { $count ->
    [one] 1 new question waiting on Confide
   *[other] { $count } new questions waiting on Confide
}{ $urgent ->
    [0] {""}
   *[other] , { $urgent } urgent
}
# One line per topic: $topic, its $count of new questions, $urgent of them urgent.
mail-topic-line = - { $topic }: { $count }{ $urgent ->
    [0] {""}
   *[other] {" "}({ $urgent } urgent)
}
# $topics: the topic lines; $queue and $settings: addresses on this site.
mail-body =
    New questions in your topics:

    { $topics }

    Read and answer them (log in first): { $queue }

    We never put a question's words in email: mail passes through servers nobody here controls, and the people asking did not agree to that.

    To stop these emails, change your settings: { $settings }
