# The experts' pages: logging in, the queue, editing answers, their
# history, reviews due, and the expert's own account.

## Logging in

expert-login-title = Expert login
# $link: a link whose text is expert-login-apply.
expert-login-intro = Accounts are for verified experts and moderators. Askers never need one. A health professional who would like to answer? { $link }.
expert-login-apply = Apply to answer as an expert
expert-login-submit = Log in

## The queue

expert-queue-title = Questions waiting
expert-queue-heading = Questions waiting for an answer
expert-queue-intro = Danger and care that cannot wait come first, then the oldest. Each one is a person waiting; thank you for your time.
expert-queue-empty = Nothing is waiting. Every question has an answer.

## Editing an answer

expert-back-to-question = ← Back to the question
expert-edit-save = Save changes

## An answer's history

expert-history-title = History of an answer
# $name: the name of the expert who wrote the answer.
expert-history-heading = History of { $name }'s answer
expert-diff-title = What changed
expert-diff-all-versions = ← All versions
expert-diff-the-question = the question
# $before, $after: version numbers (the one before, the one shown).
expert-diff-heading = Version { $before } → { $after }
# $editor: who made this version; $date: when; $reason: why they changed it.
expert-diff-byline = { $editor }, { $date }: { $reason }

## Answers due for their yearly review

expert-reviews-title = Answers due for review
expert-reviews-intro = Advice is re-read every year. Confirm an answer that still holds, or revise it.
expert-reviews-empty = Nothing is due in the next 30 days.
# $date: the day the review is due.
expert-reviews-due = due { $date }
expert-reviews-confirm = Still right: confirm
expert-reviews-revise = Revise

## The expert's own account

expert-account-title = Your account
expert-account-display-name = Name shown with your answers
expert-account-role = Role
expert-role-expert = expert
expert-role-moderator = moderator
expert-role-admin = admin
expert-account-export = Download everything you wrote here (JSON)
expert-notify-heading = Email about new questions
expert-notify-no-mail = This site does not send email. Follow the queue here, or a topic's Atom feed.
expert-notify-intro = At most one email every few minutes, saying how many questions arrived in your topics and how many are urgent. It never holds a question's words, and it is written in the language of this page when you save. Leave the address empty to stop.
expert-notify-topics = Topics
expert-notify-save = Save
expert-delete-heading = Delete your account
expert-delete-intro = Your name, credentials, handle and password are deleted and you are logged out everywhere. Your answers stay, shown as written by a former expert, because askers rely on them.
expert-delete-understand = I understand this cannot be undone
expert-delete-submit = Delete my account
expert-deleted-title = Account deleted
expert-deleted-heading = Your account is deleted
expert-deleted-thanks = Thank you for the answers you gave. They stay up, without your name.
