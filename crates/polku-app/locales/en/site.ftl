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

# Accessibility statement
a11y-title = Accessibility statement
a11y-intro = This statement covers the Polku service. We want everyone to be able to use it, also with a screen reader, a keyboard alone or an old phone.
a11y-status-heading = Accessibility status
a11y-status = The service meets the level A and AA requirements of WCAG 2.1. This is our own assessment: every page is checked automatically (axe-core) in three languages and in different roles with every change, and use with a keyboard, on a narrow screen and without JavaScript is tested in a browser. No outside assessment has been made yet.
a11y-how-heading = How the service works
a11y-how-keyboard = Everything can be done with a keyboard, and the focus is clearly visible.
a11y-how-zoom = The pages work on a screen 320 pixels wide and at 200 percent zoom.
a11y-how-nojs = The forms also work without JavaScript.
a11y-how-languages = The service is in Finnish, Swedish and English.
a11y-known-heading = Known shortcomings
a11y-known = We know of no accessibility shortcomings at the moment. If you find one, please tell us.
a11y-feedback-heading = Give feedback
a11y-feedback = Did you find a shortcoming, or is some content out of your reach? Tell us by e-mail. We answer within 14 days.
a11y-enforcement-heading = Supervisory authority
a11y-enforcement = If you get no answer within 14 days, or are not satisfied with it, you can notify the supervisory authority. Since 1 January 2026 the accessibility of digital services is supervised by the Finnish Transport and Communications Agency Traficom.
a11y-enforcement-contact = Traficom, accessibility supervision
a11y-enforcement-phone = Telephone (switchboard): +358 29 534 5000
a11y-updated = This statement was prepared on 23 November 2026 and last reviewed on 25 November 2026.

# Error pages
error-status-code = Error code
error-go-front = To the front page
error-title-forbidden = No access
error-title-not_found = Page not found
error-title-rate_limited = Too many attempts
error-title-unavailable = The service is not answering right now
error-title-bad_request = The request could not be handled
error-title-internal = Something went wrong
error-summary-title = Please correct the following
