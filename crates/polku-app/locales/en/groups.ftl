# Development groups and workshop series
groups-new-action = Create a development group
groups-new-title = New development group
groups-new-intro = In a development group, clients, experts by experience, relatives and professionals improve services together. Only the name is required. You can add the rest later.
groups-edit-title = Edit the group { $name }
groups-field-name_fi = Name in Finnish
groups-field-name_sv = Name in Swedish (optional)
groups-field-name_en = Name in English (optional)
groups-field-area = Municipality or theme
groups-field-area-hint = For example Kivikoski or youth employment.
groups-field-description = What the group does
groups-field-description-hint = Keep it short and clear. The text is also shown on the group's invitation page.
groups-field-facilitators = The group's facilitators
groups-field-facilitators-hint = You can choose the project's facilitators and owners.
groups-facilitators-none = The project has no facilitators. First give a member the facilitator role.
groups-field-ground_rules = Ground rules
groups-field-ground_rules-hint = The group agrees on its ground rules together at the first meeting. Write one rule per line.
groups-field-ground_rules_agreed_on = The day the ground rules were agreed
groups-field-date-hint = As yyyy-mm-dd, for example 2026-03-15.
groups-field-contact = Contact details for the invitation page
groups-field-contact-hint = How to reach the facilitator, for example a phone number and when to call. Anyone with the invitation page's link sees it.
groups-create-submit = Create the group
groups-save-submit = Save changes
groups-cancel = Cancel
groups-notice-created = The group was created.
groups-notice-saved = Your changes were saved.
groups-facilitators-heading = Facilitators
groups-facilitators-empty = No facilitator has been chosen for the group yet.
groups-rules-heading = Ground rules
groups-rules-agreed = Agreed on { $date }.
groups-rules-empty = The ground rules have not been written down yet. The group agrees on them together at the first meeting.
groups-edit-link = Edit the group
groups-invite-link = The group's invitation page
groups-invite-link-hint = A printable page for inviting new development clients and experts by experience. The page collects no data.
groups-series-heading = Workshop series
groups-series-empty = The group has no workshop series yet. A series moves in phases from initial coaching to evaluation.
groups-series-empty-viewer = The group's facilitator adds the workshop series.
groups-series-new = New workshop series
groups-workshop-count = { $count ->
    [one] { $count } workshop
   *[other] { $count } workshops
}

series-new-title = New workshop series
series-field-name = Name of the series
series-field-phase = Phase
series-field-phase-hint = Which phase the work is in now. You can change it later.
series-create-submit = Create the series
series-phase = Phase
series-edit-heading = Name and phase
series-save-submit = Save
series-notice-created = The workshop series was created. Add its workshops.
series-notice-saved = Your changes were saved.
series-notice-workshop = The workshop was added.
series-notice-period = The data-collection period was added.
series-workshops-heading = Workshops
series-workshops-empty = The series has no workshops yet.
series-workshops-empty-action = Add the first workshop
series-workshop-duration = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
series-workshop-place = Place
series-agenda = Agenda
series-add-workshop-heading = Add a workshop
series-field-date = Day
series-field-time = Starts at
series-field-time-hint = Finnish time, for example 13:30.
series-field-duration = Length in minutes
series-field-place = Place or link
series-agenda-legend = Agenda
series-agenda-hint = Choose a method from the library or write your own agenda item. Empty rows are left out.
series-agenda-method = Agenda item { $number }: method
series-agenda-text = Agenda item { $number }: your own text or a note
series-agenda-own = Your own agenda item
series-add-workshop-submit = Add the workshop
series-periods-heading = Data-collection periods
series-periods-empty = No data-collection periods. Between workshops, the group can for example interview clients or collect feedback.
series-add-period-heading = Add a data-collection period
series-field-starts_on = First day
series-field-ends_on = Last day
series-field-what = What is collected, and how
series-add-period-submit = Add the period
series-calendar-link = Add the workshops to your calendar (.ics)
series-notice-workshop-removed = The workshop was removed.
series-remove-workshop = Remove the workshop
series-remove-workshop-title = Remove the workshop on { $when }?
series-remove-workshop-what = The workshop and its agenda leave the series and the calendar file. This cannot be undone.
series-remove-workshop-submit = Remove the workshop
series-methods-heading = Method library
series-remove-cancel = Do not remove
series-back = Back to the series
series-edit-workshop = Edit the workshop
series-edit-workshop-title = Edit the workshop on { $when }
series-notice-workshop-saved = The changes to the workshop have been saved.
series-remove-period = Remove the period
series-remove-period-title = Remove the data-collection period { $dates }?
series-remove-period-what = The period leaves the series. This cannot be undone.
series-remove-period-submit = Remove the period
series-notice-period-removed = The data-collection period has been removed.
series-closed-badge = Closed
series-closed-heading = The series is closed
series-closed-since = The series was closed on { $date }. Its workshops and data-collection periods cannot be changed now.
series-closed-erasure = Participants' nicknames and return codes are erased once { $months ->
    [one] { $months } month has
   *[other] { $months } months have
} passed since it was closed. Notes and votes are kept.
series-reopen-submit = Reopen the series
series-notice-closed = The series has been closed.
series-notice-reopened = The series has been reopened. You can change it again.
series-close-heading = Closing the series
series-close-hint = Close the series when its last workshop has been held.
series-close-link = Close the series
series-close-title = Close the workshop series { $name }?
series-close-what = Once the series is closed, its workshops and data-collection periods cannot be added, changed or removed.
series-close-erasure = Participants' nicknames and return codes for this series are erased { $months ->
    [one] { $months } month
   *[other] { $months } months
} after it is closed. After that, nobody can come back to the series with the same nickname.
series-close-kept = Notes and votes are not erased. They stay in the results, and it still shows from which perspective they were written, for example a client's or a professional's.
series-close-reopen = You can reopen the series. If you reopen it before that time has passed, nothing is erased.
series-close-submit = Close the series
series-close-cancel = Do not close

groups-invite-title = Join us: { $name }
groups-invite-intro = In a development group, clients, experts by experience, relatives and professionals improve services together. Everyone's voice counts the same. Your experience helps make services better.
groups-invite-what = What the group does
groups-invite-when = When we meet
groups-invite-when-empty = The next meetings have not been set yet. Ask the facilitator.
groups-invite-contact = Get in touch
groups-invite-contact-empty = The facilitator has not written contact details yet.
groups-invite-qr = QR code of this page's address
groups-invite-scan = Open this page on your phone: point the phone's camera at the QR code.
groups-invite-privacy = This page collects no data about you.

# Phases of a workshop series
phase-initial_coaching = Initial coaching
phase-current_state = Current state and development needs
phase-primary_needs = Choosing the most important needs
phase-ideation = Ideation
phase-refining = Refining solutions
phase-pilots = Pilots
phase-evaluation = Evaluation

# Method library
method-dialogue_round = Dialogue round
method-dialogue_round-how = Everyone speaks in turn while the others listen. Nobody is interrupted. You may also pass.
method-path_mapping = Mapping the service path
method-path_mapping-how = Together we draw what happens on the client's way: where they go, what they wait for, and where they drop off.
method-dot_voting = Dot voting
method-dot_voting-how = Everyone gets a few dots. Put your dots on the things you think matter most.
method-functional_method = Doing together
method-functional_method-how = First we do something together, such as social circus, drama or a walk. Talking is easier after that.
method-feedback_round = Feedback round
method-feedback_round-how = At the end, everyone says what worked and what should change next time.
series-held-live = Live sessions held for it:
series-hold-live = Hold it live
