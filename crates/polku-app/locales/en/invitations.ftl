# Invitations
invitations-title = Invitations
invite-heading = Invite a person
invite-intro = Type the e-mail address of the person to invite and choose a role. You get an invitation link that you send them yourself: Polku does not send e-mail yet. The link works once and for 7 days.
invite-submit = Make an invitation link
invitations-pending-heading = Pending invitations
invitations-pending-empty = No pending invitations. When you invite someone, the invitation shows here until it is used.
invitation-invited-by = Invited by
invitation-valid-until = Valid until
invitation-withdraw = Withdraw invitation

# Invitation made
invitation-created-title = The invitation link is ready
invitation-created-send = Send this link to { $email } yourself, for example by e-mail or text message. Polku does not send e-mail yet.
invitation-created-what = The link opens the workspace { $workspace } with the role { $role }. It works once and is valid until { $expires }.
invitation-created-once = The link is shown only now. If it gets lost, withdraw the invitation and make a new one.
invitation-link = Invitation link
invitation-back = Back to the workspace
invitation-invite-another = Invite another person

# Withdrawing
invitation-withdraw-title = Withdraw the invitation?
invitation-withdraw-what = The invitation for { $email } (role: { $role }) stops working. Its link no longer opens the workspace.
invitation-withdraw-made = { $inviter } made the invitation on { $created }.
invitation-withdraw-submit = Withdraw invitation
invitation-withdraw-cancel = Do not withdraw

# The invitation page
invitation-title = Invitation to the workspace { $workspace }
invitation-intro = { $inviter } invited { $email } to the workspace { $workspace }. Role there: { $role }.
invitation-valid = The invitation is valid until { $expires } and can be used once.
invitation-accept = Accept and join
invitation-other-account = You are logged in as { $signed_in }, but this invitation is for { $email }. Log out and open the link again.
invitation-login-heading = Do you already have a Polku account?
invitation-login-intro = Log in as { $email }. You then come back to this page.
invitation-login = Log in
invitation-signup-heading = New to Polku? Create an account
invitation-signup-intro = The account is made for the invited address. Once it is ready, you are a member of the workspace straight away.
invitation-signup-submit = Create account and join
field-password-again = Password again
password-hint = At least 12 characters. Several words in a row make a good password that is easy to remember.
