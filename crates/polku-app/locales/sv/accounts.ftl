# Inloggning
login-title = Logga in
login-intro = Logga in med ditt konto som facilitator eller chef.
login-submit = Logga in
login-participant-hint = Deltar du i en workshop? Du behöver inget konto: facilitatorn ger dig en kort kod.
field-email = E-post
field-password = Lösenord
field-name = Namn

# Eget konto: fel
error-current_password_wrong = Det nuvarande lösenordet är fel.
error-passwords_differ = Lösenorden är inte lika. Skriv samma nya lösenord två gånger.
error-invalid_token_lifetime = Välj en giltighetstid på 1–365 dagar.
error-reset_link_gone = Länken har redan använts eller har gått ut.
