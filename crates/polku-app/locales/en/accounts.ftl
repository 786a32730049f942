# Login
login-title = Log in
login-intro = Log in with your facilitator or manager account.
login-submit = Log in
login-participant-hint = Taking part in a workshop? You need no account: the facilitator gives you a short code.
field-email = E-mail
field-password = Password
field-name = Name

# Your account: errors
error-current_password_wrong = The current password is wrong.
error-passwords_differ = The passwords are not the same. Type the same new password twice.
error-invalid_token_lifetime = Choose a validity of 1 to 365 days.

# Login notices
login-notice-signed_out_everywhere = You have been logged out on every device.
login-notice-password_reset = Your new password is saved. Log in with it.

# Your account
account-nav-label = your account
account-title = Your account
account-email-note = If your e-mail address needs to change, ask the administrator.
account-name-heading = Name
account-name-submit = Save name
account-notice-name_changed = Your name is saved.
account-password-heading = Password
account-password-intro = When you change your password, you are logged out on every other device.
account-password-hint = At least 12 characters. A strong password is, for example, several words in a row.
account-password-submit = Change password
account-notice-password_changed = Your password is changed. You have been logged out on other devices.
field-current-password = Current password
field-new-password = New password
field-new-password-again = New password again
account-sessions-heading = Log out everywhere
account-sessions-intro = This logs you out on every device and browser, this one too. API tokens keep working; you can revoke them below.
account-sessions-submit = Log out everywhere
account-tokens-heading = API tokens
account-tokens-intro = With an API token a program can use Polku with your account. Give each token a name you will know it by.
account-tokens-empty = You have no API tokens. You need one only if a program uses Polku on your behalf.
account-tokens-caption = Your API tokens
account-token-created-at = Created
account-token-expires-at = Valid until
account-token-last-used = Last used
account-token-actions = Actions
account-token-expired = expired
account-token-never-used = never
account-token-revoke = Revoke
account-token-new-heading = Create a new API token
account-token-name-hint = For example the name of the program that will use it.
field-token-name = Token name
field-token-days = Valid for
account-token-days-choice = { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
account-token-create-submit = Create token
account-token-created = The API token { $name } is created. It is valid until { $expires }.
account-token-secret-label = New API token
account-token-shown-once = Copy the token now. It is shown only this once.
account-notice-token_revoked = The API token is revoked.
account-revoke-title = Revoke the API token?
account-revoke-intro = You are about to revoke the API token { $name }, valid until { $expires }.
account-revoke-warning = Programs that use the token stop working at once.
account-revoke-submit = Revoke token
account-revoke-cancel = Cancel

# Password reset
reset-title = Set a new password
reset-intro = You are setting a new password for the account { $email }. Once it is saved, you are logged out on every device.
reset-submit = Save password
reset-gone-title = This link no longer works
reset-gone-text = The link has been used already, it has expired or it is mistyped. Ask the administrator for a new link.
reset-gone-login = Go to the login page
