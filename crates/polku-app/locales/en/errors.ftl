# Error messages (code = key)
error-not_found = What you looked for was not found. Check the address.
error-forbidden = You do not have access to this. Ask the workspace's owner to add you.
error-unauthorized = Please log in first.
error-database_unavailable = The database is not answering right now. Try again in a moment; nothing you saved is lost.
error-storage_full = The server's storage is full, so the change was not saved. Your earlier data is safe. Please try again later.
error-internal = Something went wrong in the service. Please try again.
error-rate_limited = Too many attempts. Wait a moment and try again.
error-login_rate_limited = Too many login attempts. Wait { $seconds ->
        [one] { $seconds } second
       *[other] { $seconds } seconds
    } and try again.
error-invalid_credentials = The e-mail or password is wrong.
error-method_not_allowed = This action cannot be done at this address.
error-payload_too_large = What you sent is too large.
error-invalid_json = The request's JSON is not valid.
error-invalid_fields = The request lacks fields or has values of the wrong type.
error-json_required = Send the request as JSON (Content-Type: application/json).
error-invalid_form = The form's data could not be read. Please try again.
error-cross_origin_request = The request came from another site and was blocked.
error-required = Fill in this field.
error-too_long = The text is too long.
error-control_characters = The text has characters that cannot be saved.
error-invalid_email = The e-mail address is not in the right form.
error-invalid_role = Choose a role: owner, facilitator or viewer.
error-password_too_short = The password must have at least 12 characters.
error-password_too_long = The password may have at most 256 characters.
error-password_too_guessable = The password is too easy to guess. Use several words, for example.
error-email_taken = An account with this e-mail already exists.
error-already_member = The person is already a member of the workspace.
error-last_owner = The last owner cannot be removed or given another role. Make someone else an owner first.
error-invalid_small_group_threshold = Write the smallest group shown as a whole number from 3 to 20.
error-invalid_retention_months = Write the retention period in months, a whole number from 1 to 60.
error-duplicate = The same information is already saved.
error-invitation_used = This invitation has already been used.
error-invitation_withdrawn = This invitation was withdrawn.
error-invitation_expired = This invitation has expired. Ask the person who invited you for a new one.
error-invitation_other_account = The invitation is for another e-mail address than the one you are logged in with. Log out and log in with the invited address.
error-invalid_join_code = A code has six letters and digits, for example K7M3TP. Check the code.
error-unknown_join_code = No open workshop has this code. Check the code or ask the facilitator for it.
error-invalid_perspective = Choose whose point of view you take part from.
error-invalid_vote_budget = The number of votes must be 1 to 20, and one note can get at most all of them.
error-vote_budget_spent = You have used all your votes.
error-vote_cap_reached = You have already given this note as many votes as one note can get.
error-session_closed = The workshop has ended. No more notes or votes can be added.
error-session_locked = The facilitator has locked the board. You can move only your own notes.
error-not_your_note = Only the person who wrote the note can do this.
error-unknown_workshop = Choose a workshop from the list. A closed series cannot get new live sessions.
error-cannot_merge = A note cannot be merged into itself or into a note that was already merged.
error-join_rate_limited = { $seconds ->
    [one] Too many tries. Wait { $seconds } second and try again.
   *[other] Too many tries. Wait { $seconds } seconds and try again.
}
error-post_rate_limited = { $seconds ->
    [one] You are writing faster than anyone can read. Wait { $seconds } second.
   *[other] You are writing faster than anyone can read. Wait { $seconds } seconds.
}
error-invalid_return_code = The return code was not recognised. It has eight characters, for example K7M3-TPHX. You can also join without it.

# Groups and workshop series
error-invalid_date = Write the date as yyyy-mm-dd, for example 2026-03-15.
error-invalid_time = Write the time as hh:mm, for example 13:30.
error-invalid_duration = Write the length in minutes, 1 to 720.
error-end_before_start = The last day cannot be before the first day.
error-not_a_facilitator = Only the project's facilitators and owners can be chosen to lead the group.
error-invalid_phase = Choose a phase from the list.
error-invalid_method = Choose a method from the list or write your own.
error-too_many_agenda_items = An agenda can have at most 20 items.
error-series_closed = The workshop series is closed and cannot be changed. Reopen the series first.
error-invalid_choice = Choose an option from the list.
error-invalid_wait_days = Enter the wait in whole days from 0 to 3650 (at most 10 years).
error-invalid_distance = Enter the distance in whole kilometres from 0 to 2000.
error-invalid_experience = Enter the experience as −2, −1, 0, 1 or 2.
error-invalid_drop_off = Enter the share as a number from 0 to 100 (how many of a hundred).
error-transition_cycle = The transition would lead back to a point the client has already passed. A path cannot go round in a circle.
error-edit_conflict = Someone changed this in the meantime. The newest version is shown now; check your changes and save again.
