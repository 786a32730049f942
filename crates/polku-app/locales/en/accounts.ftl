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
error-reset_link_gone = The link has been used already or it has expired.
