# What readers see: the home page, a question's page, search, and the
# similar questions shown while asking.

home-heading = Ask what you can't ask anyone.
home-intro = Sex, intimacy, relationships, sexual health: ask in your own words, with no account and no name. Verified experts answer, with evidence, and other experts check their answers.
home-topics = Topics
home-all-topics = All topics
home-recently-answered = Recently answered
home-follow-topic = Follow this topic (Atom feed)
home-empty = No answered questions here yet.
home-older = Older questions →

question-not-public = Not public yet: only the asker and the experts can see this question until it is answered.
question-triage = Triage:
question-triage-shown = The asker was shown the matching help.
question-related = Related questions

search-heading = Search the answers
search-query-label = Your question, in your own words
search-topic = Topic
search-answered-only = Answered only
search-button = Search
search-semantic-off = Semantic search off: results match your words, not yet their meaning.
search-results = { $count ->
    [one] 1 result
   *[other] { $count } results
}
search-nothing = Nothing matches yet. Try other words, or ask your question: it stays anonymous.
search-answered = answered
search-not-answered = not answered yet

similar-same = This looks like your question — already answered:
similar-heading = Answered questions like yours
similar-nothing = We found nothing close. Send your question and an expert will answer it.
# While typing, before anything close is found (shown by the page's script).
similar-nothing-yet = Nothing close yet

## Atom feeds

feed-answer-from = Answer from { $name }
feed-reply-from = Reply from { $name }
# Neutral on purpose: feed readers show it, sometimes to others.
feed-private-title = Your question on Confide
feed-topic-title = Confide: { $topic }
