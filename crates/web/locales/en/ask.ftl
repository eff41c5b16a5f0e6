# The asker's pages: the ask form, the check for similar questions, the
# redaction preview, the confirmation with the private link, the private
# page, and erasing.

## The ask form

ask-title = Ask anonymously
ask-reassure-no-account = You don't need an account, a name or an email. We don't store your IP address.
ask-reassure-private-link = After you send your question you get a private link. It is the only way back to your question: keep it safe.
# What becomes public, on a site that publishes a question once an expert answers it.
ask-reassure-public-on-answer = Once an expert answers, your question and your replies become public on this site, with the names, contact details, links and places we find taken out. Your private link is never shown, and nothing else about you is.
# The same, on a site that publishes a question as soon as it is sent.
ask-reassure-public-immediately = Your question becomes public on this site as soon as you send it, and so does each reply you write, with the names, contact details, links and places we find taken out. Your private link is never shown, and nothing else about you is.
ask-errors-heading = Please check your question
ask-field-title = Your question in one line
ask-field-title-hint = For example: Is it normal to cry after sex?
ask-field-body = Tell us more
ask-field-body-hint = What happened, what worries you, what you have tried. Leave out names and places.
ask-field-topic = Topic
ask-check-similar = Check for similar questions
ask-send = Send my question

## Why the question could not be sent

ask-error-title-empty = Write your question in one line.
ask-error-body-empty = Tell us a little more in the box below the title.
# $max: the most characters the one-line question may have.
ask-error-title-too-long = Keep the one-line question under { $max } characters; put the rest in the box below.
# $len: how many characters were sent; $max: the most allowed.
ask-error-body-too-long = Body is too long: { $len } characters, at most { $max }.
ask-error-title-control-characters = Title contains control characters.
ask-error-body-control-characters = Body contains control characters.
# $topic: what the form sent instead of one of our topics.
ask-error-unknown-topic = Unknown topic "{ $topic }".

## Before sending: what was taken out

ask-redacted-title = Check before sending
ask-redacted-heading = Before we send it: we took out what could identify you
# $kinds: what was removed, e.g. "an email address, a name" (from the ask-pii-* messages);
# $example: an example of the note left in the text, e.g. "[name removed]".
ask-redacted-notice = We removed { $kinds }. Each is now a note in brackets, like { $example }.
ask-redacted-read = Read it through below. You can change anything, then send it.
ask-pii-email = an email address
ask-pii-phone = a phone number
ask-pii-url = a link
ask-pii-handle = a social media username
ask-pii-address = a street address or postcode
ask-pii-name = a name
ask-pii-place = a school, workplace or town

## Sent: the private link

ask-sent-title = Your question was sent
# $id: the question's number.
ask-sent-queued = Question { $id } is with our experts, who answer in the order questions arrive.
# $id: the question's number.
ask-sent-prioritised = Question { $id } is with our experts. Questions like yours are answered first.
ask-link-heading = Your private link
ask-link-only-now = This link is the only way back to your question. We show it only now.
ask-link-keep = Bookmark it or copy it somewhere private. With it you can read the answers, reply to the experts, say what helped, and erase your question.
ask-link-warning = If you lose it, nobody can give it back: we don't know who you are, by design. Anyone who has the link can act as you, so don't share it.

## A private link that leads nowhere

ask-lost-title = Private link not found
ask-lost-heading = This private link doesn't lead to a question
ask-lost-why = The link may be mistyped or cut short, or the question was erased.
# $link: a link whose text is ask-lost-ask-again.
ask-lost-advice = A lost link can't be recovered: we never knew who asked, so we can't check it was you. You are welcome to { $link }.
ask-lost-ask-again = ask again

## The private page

# The page's title (in the browser's tabs and history) and its heading:
# never the question's own words, which anyone glancing at the screen could read.
ask-private-title = Your question
# The label of the asker's reply boxes, by where their question stands.
ask-private-reply-public = Your reply (shown publicly with your question, without the names or contact details we find)
ask-private-reply-on-answer = Your reply (shown publicly with your question once it is answered, without the names or contact details we find)
ask-private-reply-hidden = Your reply (off the public pages for now, like your question; we take out the names and contact details we find)
ask-private-yours = This is your private page.
ask-private-keep = Keep this link: it is the only way back here.
# $reason: why moderators hid the question, in their words.
ask-private-hidden-question = Moderators took your question off the public pages ({ $reason }). You can still read and reply to answers here.
# $link: a link whose text is ask-private-see-public.
ask-private-public = Your question is public, without anything that identifies you: { $link }.
ask-private-see-public = see the public page
ask-private-not-public = Only you and our experts can see your question until an expert answers it.
# $count: how many answers and replies were hidden; $reasons: the moderators' reasons, separated by semicolons.
ask-private-hidden-content = Moderators took { $count ->
    [one] 1 answer or reply
   *[other] { $count } answers or replies
    } out of this thread: { $reasons }.
ask-erase-heading = Erase your question
ask-erase-explain = This deletes your question, its answers and your replies for good.
ask-erase-button = Erase my question…
# $link: a link whose text is ask-export-link.
ask-export = Before you do, you can { $link }.
ask-export-link = download a copy (JSON)
ask-follow-heading = Follow your question
# $link: a link whose text is ask-follow-feed.
ask-follow = Add { $link } to a feed reader to hear of answers without giving us an address. Like this page, the feed's address is secret: keep it to yourself.
ask-follow-feed = your private feed

## Erasing

ask-erase-confirm-heading = Erase your question?
ask-erase-confirm-explain = Your question, its answers and your replies will be deleted from our database for good. Our records will only say that a question was erased by its asker.
ask-erase-confirm-final = This can't be undone.
ask-erase-yes = Yes, erase it
ask-erase-no = No, keep it
ask-erased-title = Your question was erased
ask-erased-explain = It is gone from our database, with its answers and your replies. Your private link no longer works.
ask-erased-back = Back to the answers

## What stands in the stored text where something identifying was
## (always in square brackets)

ask-removed-email = [email removed]
ask-removed-phone = [phone number removed]
ask-removed-url = [link removed]
ask-removed-handle = [username removed]
ask-removed-address = [address removed]
ask-removed-name = [name removed]
ask-removed-place = [place removed]
