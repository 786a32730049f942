# Joining a workshop and the participant's view (plain language)
join-title = Join a workshop
join-intro = All you need is the code from the facilitator. You need no account and no e-mail.
join-code-label = Code
join-code-hint = Six characters, for example K7M3TP. The code is on the wall or on the facilitator's screen.
join-nickname-label = Nickname
join-nickname-hint = Make up a nickname. Do not use your real name.
join-perspective-legend = Whose point of view do you take part from?
join-perspective-hint = Your choice shows in the results, so that we know whose voices were heard. It cannot identify you.
join-privacy = Do not write anyone's name or health details on the notes.
join-submit = Join
perspective-client = Client
perspective-expert_by_experience = Expert by experience
perspective-professional = Professional
perspective-relative = Relative
perspective-ngo = NGO or volunteer
perspective-manager = Manager or decision maker
perspective-other = Other
board-you = You take part as { $nickname } ({ $perspective }).
board-closed = The workshop has ended. You can still read the notes.
board-step-heading = What we do now
board-write-heading = Write a note
board-note-label = Your note
board-note-hint = One thought per note, at most 500 characters. Do not write names or health details.
board-note-submit = Add the note
board-notes-heading = Notes
board-empty = There are no notes yet. Write the first one above.
board-hidden-own = The facilitator hid this note. Reason:
board-vote = Vote
board-refresh = Refresh the page
board-votes = { $count ->
    [one] { $count } vote
   *[other] { $count } votes
}
board-votes-left = { $left ->
    [one] You have { $left } vote left (of { $budget }).
   *[other] You have { $left } votes left (of { $budget }).
}
board-all-notes = All notes
board-no-theme = No theme
board-notice-note = The note was added.
board-notice-vote = Your vote was counted.
board-notice-joined = Welcome!
# The facilitator's views
sessions-title = Workshops
sessions-intro = In a workshop, people join with a code from their own phones, write notes and vote. No account is needed.
sessions-empty = The workspace has no workshops yet. Open the first one: you get a code to show the participants.
sessions-empty-action = Open the first workshop
sessions-open-heading = Open a new workshop
sessions-field-title = What the workshop is about
sessions-field-budget = Votes for each participant
sessions-field-budget-hint = 1 to 20 votes. Usually 5.
sessions-open-submit = Open the workshop
sessions-state-open = Open
sessions-state-closed = Ended
facilitate-code-heading = Code to join
facilitate-code-where = Participants use the code at
facilitate-qr-label = QR code for the join page
facilitate-closed = The workshop has ended. No more notes or votes can be added.
facilitate-participants = { $count ->
    [one] { $count } participant has joined.
   *[other] { $count } participants have joined.
}
facilitate-controls-heading = Running the workshop
facilitate-step-label = What we do now
facilitate-step-hint = Shown on everyone's screen. Write clearly and briefly. Empty removes it.
facilitate-step-submit = Show to everyone
facilitate-theme-label = New theme
facilitate-theme-submit = Add the theme
facilitate-reveal = Show the votes to everyone
facilitate-close = End the workshop
facilitate-empty = There are no notes yet. When participants write, the notes come here.
facilitate-hidden = Hidden. Reason given to the writer:
facilitate-move-label = Move to theme
facilitate-move-submit = Move
facilitate-hide-label = Reason for hiding
facilitate-hide-submit = Hide
facilitate-hide-default = The note had details that are not written on notes.
facilitate-results-heading = Result of the vote
facilitate-results-caption = Notes by number of votes, and the votes by perspective
facilitate-results-note = Note
facilitate-results-votes = Votes
facilitate-results-by = By perspective
facilitate-results-small = Groups of fewer than five votes show as "< 5", so that no one can be identified.
facilitate-notice-step = The step now shows to everyone.
facilitate-notice-theme = The theme was added.
facilitate-notice-moved = The note was moved.
facilitate-notice-hidden = The note was hidden.
facilitate-notice-revealed = The votes now show to everyone.
facilitate-notice-closed = The workshop was ended.
join-link = Join a workshop with a code
workspace-live-link = Workshops
workspace-live-none = Open a workshop, and participants can join with a code from their own phones.
workspace-live-open = { $count ->
    [one] { $count } workshop is open now.
   *[other] { $count } workshops are open now.
}
live-announce-note_added = { $count ->
    [one] 1 new note.
   *[other] { $count } new notes.
}
live-announce-vote_cast = { $count ->
    [one] 1 new vote.
   *[other] { $count } new votes.
}
live-announce-participant_joined = { $count ->
    [one] 1 participant joined.
   *[other] { $count } participants joined.
}
live-announce-note_moved = { $count ->
    [one] A note was moved to a theme.
   *[other] { $count } notes were moved to themes.
}
live-announce-note_hidden = { $count ->
    [one] The facilitator hid a note.
   *[other] The facilitator hid { $count } notes.
}
live-announce-theme_added = { $count ->
    [one] A new theme.
   *[other] { $count } new themes.
}
live-announce-votes_revealed = The votes now show.
live-announce-step_changed = The step changed.
live-announce-session_closed = The workshop ended.
facilitate-downloads-heading = Results for reports
facilitate-download-results-csv = Notes and votes (CSV, for spreadsheets)
facilitate-download-results-json = Notes and votes (JSON)
facilitate-download-participants = Participation log for fees (CSV: nickname, perspective, times)
projector-join = Join at
facilitate-projector-link = Open the view for the projector
timer-running = Time until { $time }.
timer-paused = { $minutes ->
    [one] The timer is paused, { $minutes } minute left.
   *[other] The timer is paused, { $minutes } minutes left.
}
timer-left = left
timer-up = Time is up. The facilitator will say what comes next.
timer-one-minute = One minute left.
board-ready = I'm ready
board-ready-done = Ready ✓ (undo)
facilitate-ready = { $all ->
    [one] Ready { $ready }/{ $all }.
   *[other] Ready { $ready }/{ $all }.
}
facilitate-timer-label = Timer in minutes
facilitate-timer-start = Start
facilitate-timer-pause = Pause
facilitate-timer-resume = Resume
facilitate-timer-extend = One more minute
facilitate-timer-stop = Stop
facilitate-notice-timer = The timer was updated for everyone.
live-announce-timer_changed = The timer changed.
live-announce-ready_changed = { $count ->
    [one] One participant said they are ready.
   *[other] { $count } participants said they are ready.
}
facilitate-proxy-heading = Write for someone else
facilitate-proxy-intro = If someone has no device, add them with a nickname and type in their notes and votes from paper. They are marked as typed in by the facilitator.
facilitate-paper-nickname = Nickname (participant without a device)
facilitate-paper-submit = Add the participant
facilitate-proxy-for = For whom
facilitate-proxy-self = In my own name
facilitate-proxy-vote = Vote for
facilitate-notice-paper = The participant was added.
facilitate-notice-proxy = The note was typed in.
facilitate-notice-proxy-vote = The vote was typed in.
join-return-summary = I have been here before and have a return code
join-return-hint = With a return code you join with the same nickname as before. Then no nickname or perspective is needed.
join-return-label = Return code
welcome-title = Welcome to the workshop!
welcome-intro = You are in. Before you go on, keep your return code.
welcome-code-heading = Your return code
welcome-code-use = Write the code down or take a photo of it. With it you come to the next workshops with the same nickname and later see what became of your notes. The code is not shown again.
welcome-continue = Go on to the workshop
return-title = What became of my notes?
return-intro = Type your return code to see all your notes from the workspace's workshops and what became of them.
return-submit = Show my notes
return-who = Notes of { $nickname } ({ $perspective })
return-empty = This nickname has no notes yet.
return-hidden = The facilitator hid the note. Reason: { $reason }
return-votes-hidden = The votes do not show yet.
return-theme = In the theme "{ $theme }". { $votes }
projector-back = Back to running the workshop

# Columns, merging, locking, taking a note back, workshops (issue 10).
board-rules-summary = The group's ground rules
board-column-label = Which question are you answering?
board-locked = The facilitator has locked the board: you can move only your own notes to themes.
board-merged-heading = The same was also said like this:
board-move-label = Move to theme
board-move-submit = Move
board-delete = Delete my note
board-no-column = Other notes
board-notice-moved = The note was moved.
board-notice-deleted = Your note was deleted.
facilitate-columns-heading = Questions
facilitate-columns-empty = The board has no questions yet. Add a question, and participants choose which one they answer.
facilitate-column-label = New question
facilitate-column-submit = Add question
facilitate-lock-on = The board is locked: participants move only their own notes.
facilitate-lock-off = The board is open: participants can group all notes into themes.
facilitate-lock = Lock the board
facilitate-unlock = Open the board for grouping
facilitate-merge-label = Merge into a similar note
facilitate-merge-submit = Merge
facilitate-notice-column = The question was added.
facilitate-notice-merged = The notes were merged. Their votes went along.
facilitate-notice-locked = The board was locked.
facilitate-notice-unlocked = The board was opened for grouping.
sessions-field-workshop = Which planned workshop is this for?
sessions-field-workshop-hint = Choose a workshop, and the board gets the questions of the series' phase and the group's ground rules. Return codes work in the workshops of the same series.
sessions-field-workshop-none = No workshop
sessions-field-title-hint = If you choose a workshop, you can leave the topic empty.
return-merged = The note was merged into a similar note: { $note }
live-announce-column_added = { $count ->
    [one] The board got a new question.
   *[other] The board got { $count } new questions.
}
live-announce-note_merged = { $count ->
    [one] Two similar notes were merged.
   *[other] { $count } notes were merged into similar ones.
}
live-announce-note_deleted = { $count ->
    [one] A note was deleted.
   *[other] { $count } notes were deleted.
}
live-announce-lock_changed = { $count ->
    [one] The facilitator changed the board's lock.
   *[other] The facilitator changed the board's lock.
}
board-q-initial-hopes = What do you hope for from this group?
board-q-initial-worries = What worries you?
board-q-current-works = What works in the services?
board-q-current-stuck = Where do things get stuck?
board-q-current-falls = Where do people drop out?
board-q-needs-most = What matters most to fix?
board-q-needs-first = Where do we start?
board-q-ideas-new = What new idea would help?
board-q-ideas-small = What small thing could change right away?
board-q-refine-who = Who is the solution for, and who does it?
board-q-refine-needs = What does the solution need to work?
board-q-pilots-try = What do we try first?
board-q-pilots-measure = How will we notice the pilot works?
board-q-eval-worked = What worked?
board-q-eval-change = What needs to change?
board-q-eval-keep = What should stay for good?
