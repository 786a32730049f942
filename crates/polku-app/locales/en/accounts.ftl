# Login
login-title = Log in
login-intro = Log in with your facilitator or manager account.
login-submit = Log in
login-participant-hint = Taking part in a workshop? You need no account: the facilitator gives you a short code.
field-email = E-mail
field-password = Password
field-name = Name
