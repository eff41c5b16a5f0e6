# Confide's interface text, in English: becoming a verified expert (apply-)
# and moderation (mod-).

## The application form

apply-title = Apply to answer as an expert
apply-intro = People here ask what they cannot ask anyone else, and trust the answer because someone checked who wrote it. An administrator checks your registration with the body that issued it before you can answer. Readers see your name, your profession and the date you were verified; your licence number and statement are seen by administrators only.
apply-display-name = Your name, as readers will see it
apply-profession = Your profession
apply-profession-hint = For example: Sexual health nurse; Psychosexual therapist; GP
apply-licence-number = Licence or registration number
apply-licence-body = The body that issued it
apply-licence-body-hint = For example: the nursing and midwifery regulator of your country
apply-check-url = A public page where we can check it
apply-check-url-hint = The regulator's register entry, starting with https://
apply-statement = Why you want to answer here, and what you know best
apply-handle = Login handle
apply-handle-hint = 3–32 of a–z, 0–9, '.', '-' and '_'. Never shown to readers.
apply-password-hint = At least 10 characters. A few random words make a strong one.
apply-send = Send my application

## What the applicant sees instead of the queue

apply-status-title = Your application
apply-status-none = This account is not verified, so it cannot answer or see private questions. Please contact the administrators of this site.
# $body: the organisation that issued the applicant's registration, as they typed it.
apply-status-pending = Thank you. An administrator will check your registration with { $body } and decide. Until then you cannot answer or see private questions.
apply-status-verified = You are verified.
# $reason: the administrator's reason, as they wrote it (or apply-no-reason).
apply-status-rejected = Your application was not accepted: { $reason }.
# $reason: the administrator's reason, as they wrote it (or apply-no-reason).
apply-status-revoked = Your verification was withdrawn: { $reason }. Your answers stay, without the verified badge.
apply-no-reason = no reason was given
apply-account-link = Your account, export and deletion

## An application's details

apply-detail-name = Name
apply-detail-profession = Profession
apply-detail-registration = Registration
apply-detail-check = Where to check it
apply-detail-statement = Statement
apply-detail-applied = Applied

## The administrators' page

apply-admin-heading = Expert applications
apply-admin-intro = Check each registration on the issuing body's own register before verifying. Readers see the badge with the profession and the date; revoking takes it off every answer at once.
apply-admin-pending = Waiting for a decision
apply-admin-pending-empty = No application is waiting.
apply-admin-decided = Decided
apply-admin-decided-empty = Nothing decided yet.
# Where an application stands, in the list of decided ones.
apply-state-pending = pending
apply-state-verified = verified
apply-state-rejected = rejected
apply-state-revoked = revoked
# The same, with the day it was decided. $date: a date such as "14 November 2023".
apply-state-pending-on = pending { $date }
apply-state-verified-on = verified { $date }
apply-state-rejected-on = rejected { $date }
apply-state-revoked-on = revoked { $date }
# $create and $revoke: two commands, shown as code and kept in English.
apply-admin-operator-hint = Accounts the operator made with { $create } are verified from the start; { $revoke } works for them too.
apply-reason-label = Reason (needed to reject or revoke; the applicant sees it)
apply-verify = Verify
apply-reject = Reject
apply-revoke = Revoke

## A reader's report, received

mod-flag-title = Thank you
mod-flag-heading = Thank you for telling us
mod-flag-body = A moderator will look at it. We do not know who you are, and we will not try to find out.
mod-flag-back = ← Back to where you were

## The moderation queue

mod-intro = Reports from readers, oldest first. Hiding takes something off every public page and out of search, and tells the asker why; nothing is deleted, so it can be restored. Every decision is in the audit log.
mod-queue-empty = Nothing is reported. Thank you for looking.
mod-hidden-heading = Hidden now
mod-hidden-empty = Nothing is hidden.
# $question: the title of the question it belongs to (a link).
mod-item-answer = An answer in { $question }
mod-item-reply = A reply in { $question }
mod-item-question = A question in { $question }
mod-reports = { $count ->
    [one] 1 report
   *[other] { $count } reports
}
# Before the reason something was hidden: "Hidden: advertising".
mod-hidden = Hidden
mod-why-hide = Why hide it (the asker sees this)
mod-dismiss = Dismiss: nothing wrong
mod-edit-instead = Edit with a reason instead

## Moderators' edits

mod-back-to-question = ← Back to the question
mod-save-edit = Save the edit
mod-edit-question-title = Edit a question
mod-edit-question-heading = Edit a question as a moderator
mod-edit-question-intro = Take out what identifies someone, or what does not belong; keep the asker's meaning. The edit is kept in the question's history with your name and reason.
mod-question-body = Question (Markdown)
mod-why-in-history = Why (shown in the history)
mod-edit-reply-title = Edit a reply
mod-edit-reply-heading = Edit a reply as a moderator
mod-edit-reply-intro = Replies keep no history: the earlier wording is overwritten. The reply says it was edited, and why.
mod-reply-body = Reply (Markdown)
mod-why-beside-reply = Why (shown beside the reply)

## A question's history

mod-history-title = History of a question
mod-history-heading = History of this question
mod-history-empty = Nobody has edited this question.
# Who wrote a version that no moderator edited.
mod-the-asker = the asker
mod-diff-title = What changed
mod-all-versions = ← All versions
mod-the-question = the question
# $before, $after: version numbers.
mod-diff-heading = Version { $before } → { $after }
# $editor: who made the version (a name, or mod-the-asker); $date: a date; $reason: why, as they wrote it.
mod-diff-byline = { $editor }, { $date }: { $reason }
