# Confide's interface text, in English: the reference every other
# language follows (a test keeps their sets of messages the same).
# This file: what every page shares. Each page's own text has its own file.

## Numbers, dates and time

# $day, $year: numbers; $month: a name from below.
date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
time-just-now = just now
# $unit: minute, hour, day, month or year.
time-ago = { $unit ->
    [minute] { $count ->
        [one] 1 minute ago
       *[other] { $count } minutes ago
    }
    [hour] { $count ->
        [one] 1 hour ago
       *[other] { $count } hours ago
    }
    [day] { $count ->
        [one] 1 day ago
       *[other] { $count } days ago
    }
    [month] { $count ->
        [one] 1 month ago
       *[other] { $count } months ago
    }
   *[year] { $count ->
        [one] 1 year ago
       *[other] { $count } years ago
    }
}

## Counted things

count-answers = { $count ->
    [one] 1 answer
   *[other] { $count } answers
}
count-experts = { $count ->
    [one] 1 expert
   *[other] { $count } experts
}
count-open-disputes = { $count ->
    [one] 1 open dispute
   *[other] { $count } open disputes
}
count-readers-helped = { $count ->
    [one] 1 reader found this helpful
   *[other] { $count } readers found this helpful
}

## Around every page

site-name = Confide
skip-to-content = Skip to content
quick-exit = Quick exit
quick-exit-title = Leave this site at once (or press Escape three times)
nav-main = Main
nav-answers = Answers
nav-ask = Ask anonymously
nav-search = Search
nav-queue = Queue
nav-application = Application
nav-reviews-due = Reviews due
nav-moderation = Moderation
nav-experts = Experts
nav-account = Account
nav-log-out = Log out { $handle }
nav-for-experts = For experts
language-switcher = Language
footer-privacy = No account needed to ask. We keep no IP addresses, use no trackers, and load nothing from other sites.
footer-danger = If you are in danger right now, call your local emergency number.

## Topics

topic-emotions = Feelings during and after sex
topic-desire = Desire and arousal
topic-pain = Pain and discomfort
topic-contraception = Contraception and pregnancy
topic-sti = STIs and testing
topic-consent = Consent and boundaries
topic-relationships = Relationships
topic-bodies = Bodies
topic-other = Something else

## What triage found (shown to experts in their queue)

triage-urgent = Urgent
triage-time-sensitive = Time-sensitive
triage-sexual_assault = sexual assault
triage-partner_violence = partner violence
triage-self_harm = self-harm
triage-medical_emergency = medical emergency
triage-emergency_contraception = emergency contraception
triage-hiv_exposure = possible HIV exposure
triage-sti_symptoms = STI symptoms
triage-minor = may be a minor

## Help that cannot wait

help-heading = Help that can't wait
# $date: when someone last checked the number or address.
help-checked = (checked { $date })
help-your-country = Your country:
help-country-us = United States
help-country-uk = United Kingdom
help-country-es = Spain
help-country-any = Elsewhere
help-country-not-stored = We don't store which country you pick.
# $number: the emergency number of the reader's country, e.g. "999".
help-danger-now = In danger right now? Call { $number }.
help-danger-now-local = In danger right now? Call your local emergency number.
# $n: a number of hours or days, for the time left in a window of care.
help-left-hours = { $count ->
    [one] about an hour
   *[other] about { $count } hours
}
help-left-days = { $count ->
    [one] about a day
   *[other] about { $count } days
}
help-window-pep = Medicine that can prevent HIV (PEP) must start within 72 hours of the sex, and works best within 24.
# $left: time left, from help-left-hours or help-left-days.
help-window-pep-left = From what you wrote, that leaves { $left }: go to a sexual health clinic or an emergency department today.
help-window-pep-passed = From what you wrote, the 72 hours for PEP may have passed. A sexual health clinic can still test you and tell you what to do next.
help-window-ec = Emergency contraception: a copper IUD, or ulipristal pills, work up to 5 days (120 hours) after sex; levonorgestrel pills up to 72 hours. Levonorgestrel may work less well above 70 kg or a BMI of 26; the copper IUD works best whatever your weight.
help-window-ec-left = From what you wrote, that leaves { $left } for the IUD or ulipristal.
help-window-ec-passed = From what you wrote, the 5 days may have passed. A pharmacy or a sexual health clinic can still tell you what to do next.
help-window-forensic = A forensic medical examination is best within 72 hours, and evidence can often still be collected up to about 7 days. Having one does not mean you have to report: that stays your choice.
help-window-forensic-left = From what you wrote, about { $left } of those 7 days are left.
help-window-forensic-uk = In England, Sexual Assault Referral Centres (SARCs) do this examination and can also give emergency contraception and PEP; the NHS website lists them.

## Lists of questions

question-list-asked = asked { $when }

## A question and its answers

question-asked-anonymously = asked anonymously { $when }
question-edited-by-moderator = edited by a moderator
answers-none-yet = No answer yet
replies-to-question = Replies to the question
replies-heading = Replies
reply-to-experts = Reply to the experts
reply-to-experts-hint = Ask a follow-up, or say what helped.
reply-in-thread = Reply in this thread
reply-to-answer = Reply to this answer
reply-send = Send reply
reply-by-asker = The asker
reply-moderator-note = Edited by a moderator: { $note }
answer-write = Write an answer
answer-publish = Publish answer
answer-helped-asker = ✓ The asker said this answer helped
answer-answered = answered { $when }
answer-edited = , edited { $when }
answer-last-reviewed = Last reviewed { $reviewed } · next review due { $due }
answer-history = history ({ $count } versions)
answer-reviewed-by = Reviewed by { $experts }, { $disputes }
answer-helped-me-too = This helped me too
answer-edit-yours = Edit your answer
answer-helped-me = This answer helped me
references-heading = References

## Peer review

review-endorsed-by = Endorsed by { $name }
review-disputed-by = Disputed by { $name }
review-addressed = Addressed: the author revised this passage in
review-version = version { $number }
review-withdrawn = Withdrawn by the reviewer.
review-closed = Closed by a moderator: { $reason }
review-withdraw = Withdraw my review
review-close-label = Close this dispute, saying why
review-close = Close dispute
review-source = Source:
review-disputed-mark = Disputed by another expert: see below
review-this-answer = Review this answer
review-verdict = Your verdict
review-endorse = Endorse: it is sound
review-dispute = Dispute a claim
review-quote = The exact passage you dispute (copy it from the answer)
review-why = Why (Markdown)
review-citation = A source, optional: Title (Year) doi:… or pmid:… or https://…
review-publish = Publish review
peer-review = Peer review

## Experts' credentials

verified-title = An administrator checked this expert's professional registration
verified-on = ✓ Verified { $date }
not-verified = Not verified

## Moderation, on the content itself

hidden-from-public = Hidden from the public
moderation-restore = Restore
moderation-why-hide = Why hide it
moderation-hide = Hide
moderation-edit = Edit as moderator
flag-question = Report this question
flag-answer = Report this answer
flag-reply = Report this reply
flag-what-is-wrong = What is wrong with it?
flag-reason-harmful = Harmful or wrong advice
flag-reason-spam = Spam or advertising
flag-reason-identifying = It identifies someone
flag-reason-other = Something else
flag-note = Anything a moderator should know (optional, except for "something else")
flag-send = Send report

## Versions

version-line = Version { $number }
version-what-changed = what changed
version-first = First version

## The answer form

answer-form-preview = Preview
answer-form-preview-note = Preview — not published yet
answer-form-body = Your answer (Markdown)
answer-form-body-hint = Be kind and concrete. Say what the evidence shows, and when to see a clinician.
answer-form-references = References, one per line, cited in the text as [1], [2]…
answer-form-references-hint = Title (Year) doi:10.… or pmid:… or https://… — cite only what you have checked.
answer-form-reason = Why you are changing it (kept in the history)
answer-form-forget = The earlier wording identifies someone: do not keep it in the history

## Error pages

error-not-found = We couldn't find that page
error-not-found-advice = It may not exist, it may not be public yet, or it may have been erased.
error-unauthorized = Please log in
error-unauthorized-advice = This page is for expert accounts.
error-forbidden = Not allowed
error-forbidden-advice = Your account may not do that.
error-slow-down = Please slow down
error-slow-down-advice = This limit keeps the service free of spam. Go back: what you wrote is still in the form, and you can send it in a little while.
error-form-expired = That form has expired
error-form-expired-advice = Go back, reload the page and send it again. What you wrote is still in the form if you go back.
error-server = Something went wrong
error-server-message = Something went wrong on our side. Your text was not lost if you still have this page open; please try again in a moment.
error-bad-input = We couldn't use that
error-bad-input-advice = Go back and check what you sent.
error-go-answers = Go to the answers
error-go-ask = Ask a question

## Why input was refused ($field is one of the field names below)

invalid-empty = { $field }: this is empty.
invalid-too-long = { $field }: { $len ->
    [one] 1 character
   *[other] { $len } characters
}; at most { $max }.
invalid-too-short = { $field }: { $len ->
    [one] 1 character
   *[other] { $len } characters
}; at least { $min }.
invalid-control-characters = { $field } contains control characters.
invalid-unknown-topic = That is not one of our topics.
invalid-unknown-role = That role does not exist: expected expert, moderator or admin.
invalid-bad-handle = A handle may hold only lowercase letters, digits, '.', '-' and '_'.
invalid-bad-email = That does not look like an email address.
invalid-rate-limited = Too many requests from here; please wait { $seconds ->
    [one] a second
   *[other] { $seconds } seconds
} and try again.
invalid-csrf = The form has expired or did not come from this site; reload the page and try again.
invalid-not-found = Not found.
invalid-log-in = Log in first.
invalid-forbidden = You may not do that.
invalid-bad-form = The form was incomplete or malformed. Go back, check the fields and send it again.
invalid-bad-cursor = That page link is broken. Start again from the first page.
invalid-bad-login = That handle and password do not match an active account.
invalid-bad-reason = Say in a sentence (up to 300 characters) why the dispute is closed.
invalid-not-confirmed = Tick the box to confirm that you want your account deleted.
invalid-self-decision = You cannot reject or revoke yourself.
invalid-account-disabled = That account is disabled.
invalid-already-verified = Already verified.
invalid-not-verified = Not verified, so nothing to revoke.
invalid-reject-waiting-only = Only an application waiting for a decision can be rejected; revoke a verified expert instead.
invalid-unknown-language = We speak English (en) and Spanish (es).
invalid-bad-query = That address has something in it we cannot read. Go back and try again.
invalid-already-hidden = Already hidden.
invalid-not-hidden = Not hidden.
invalid-review-not-open = That review is not open.
invalid-too-many-references = At most 30 references on one answer.
invalid-bad-doi = A DOI looks like 10.1002/sm2.74.
invalid-bad-pmid = A PMID is a number of up to 9 digits.
invalid-bad-url = A web address starts with https://.
invalid-citation-year = The year is out of range.
invalid-own-answer = Experts review other experts' answers, not their own.
invalid-quote-needed = A dispute quotes the exact passage it disputes.
invalid-quote-not-found = The quoted passage is not in the answer; copy it exactly.
invalid-bad-verdict = The verdict must be endorse or dispute.
invalid-check-url = The check page must be an http(s) address where the registration can be seen.
invalid-bad-decision = A decision is verify, reject or revoke.
invalid-bad-flag-reason = The reason is harmful, spam, identifying or other.
invalid-bad-flag-target = What you report is a question, an answer or a reply.
invalid-bad-moderation = The action is hide, restore or dismiss.

field-title = Title
field-body = Your text
field-name = Name
field-display_name = Name
field-credentials = Credentials
field-handle = Handle
field-password = Password
field-note = Note
field-reason = Reason
field-statement = Statement
field-email = Email address
field-citation-title = Citation title
field-check_url = Check page
field-licence_body = Issuing body
field-licence_number = Registration number
field-profession = Profession
field-quote = Quoted passage
