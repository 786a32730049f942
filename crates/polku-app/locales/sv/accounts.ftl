# Inloggning
login-title = Logga in
login-intro = Logga in med ditt konto som facilitator eller chef.
login-submit = Logga in
login-participant-hint = Deltar du i en workshop? Du behöver inget konto: facilitatorn ger dig en kort kod.
field-email = E-post
field-password = Lösenord
field-name = Namn
