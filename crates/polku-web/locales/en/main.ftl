# Page frame
skip-to-content = Skip to content
nav-main = Main menu
nav-workspaces = Workspaces
nav-accessibility = Accessibility statement
nav-language = Language
nav-breadcrumb = You are here
signed-in-as = Signed in:
logout = Log out
footer-about = Polku – co-developing service paths

# Login
login-title = Log in
login-intro = Log in with your facilitator or manager account.
login-submit = Log in
login-participant-hint = Taking part in a workshop? You need no account: the facilitator gives you a short code.
field-email = E-mail
field-password = Password
field-name = Name
field-role = Role
field-workspace-name = Workspace name

# Workspaces
workspaces-title = Workspaces
workspaces-empty = You have no workspaces yet. Create the first one below.
workspaces-create-heading = Create a new workspace
workspaces-create-submit = Create workspace
workspace-your-role = Your role
workspace-groups-heading = Development groups
workspace-groups-empty = There are no development groups yet.
workspace-members-heading = Members
workspace-members-caption = The workspace's members and their roles
workspace-actions = Actions
member-remove = Remove
member-add-heading = Add a member
member-add-intro = Add a person who already has a Polku account by their e-mail address.
member-add-submit = Add member
notice-member_added = The member was added.
notice-member_removed = The member was removed.

# Roles
role-owner = Owner
role-facilitator = Facilitator
role-viewer = Viewer

# Accessibility statement
a11y-title = Accessibility statement
a11y-intro = This statement covers the Polku service. We want everyone to be able to use it, also with a screen reader, a keyboard alone or an old phone.
a11y-status-heading = Accessibility status
a11y-status = The service is built to meet the level A and AA requirements of WCAG 2.1. The pages are tested automatically with every change.
a11y-how-heading = How the service works
a11y-how-keyboard = Everything can be done with a keyboard, and the focus is clearly visible.
a11y-how-zoom = The pages work on a screen 320 pixels wide and at 200 percent zoom.
a11y-how-nojs = The forms also work without JavaScript.
a11y-how-languages = The service is in Finnish, Swedish and English.
a11y-known-heading = Known shortcomings
a11y-known = We know of no accessibility shortcomings at the moment. If you find one, please tell us.
a11y-feedback-heading = Give feedback
a11y-feedback = Did you find a shortcoming? Tell us by e-mail:
a11y-enforcement-heading = Supervisory authority
a11y-enforcement = If you are not satisfied with the answer, you can notify the Regional State Administrative Agency for Southern Finland, which supervises the accessibility of digital services.
a11y-updated = This statement was prepared on 23 November 2026.

# Error pages
error-status-code = Error code
error-go-front = To the front page
error-title-forbidden = No access
error-title-not_found = Page not found
error-title-rate_limited = Too many attempts
error-title-unavailable = The service is not answering right now
error-title-bad_request = The request could not be handled
error-title-internal = Something went wrong

# Error messages (code = key)
error-not_found = What you looked for was not found. Check the address.
error-forbidden = You do not have access to this. Ask the workspace's owner to add you.
error-unauthorized = Please log in first.
error-database_unavailable = The database is not answering right now. Try again in a moment; nothing you saved is lost.
error-internal = Something went wrong in the service. Please try again.
error-rate_limited = Too many attempts. Wait a moment and try again.
error-login_rate_limited = Too many login attempts. Wait { $seconds } seconds and try again.
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
error-last_owner = The last owner cannot be removed. Add another owner first.
error-unknown_account = No Polku account has this e-mail address.
error-duplicate = The same information is already saved.

# polku mine (command line)
mine-skipped-rows = Left out { $count } rows that lacked a case, an activity or a timestamp.
mine-summary-totals = Event log: { $events } events, { $cases } cases, { $activities } activities
mine-summary-top-activities = Most common activities:
mine-summary-top-edges = Most common transitions (median wait):
mine-summary-median-days = { $days } days
mine-summary-top-variants = Most common paths:
mine-summary-endings = Where paths end:
mine-summary-ending-share = { $ended }/{ $reached } cases ended here ({ $share } %)

# polku mine: process map
mine-map-title = Process map
mine-map-desc-frequency = Boxes are activities, each with its number of events. An arrow shows which activity came right after another, and the number on it says how many times that happened. The log has { $cases } cases and { $events } events.
mine-map-desc-performance = Boxes are activities, each with its number of events. An arrow shows which activity came right after another, and the number on it is the median wait in days. On the arrows from the start and to the end, the number is the number of cases. The log has { $cases } cases and { $events } events.
mine-map-left-out = To keep the map readable, only the { $shown } most frequent transitions that continue from the start are drawn. There are { $total } in all.
mine-map-start = Start
mine-map-end = End
mine-map-days = days
