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

# Meddelanden vid inloggning
login-notice-signed_out_everywhere = Du har loggats ut på alla enheter.
login-notice-password_reset = Det nya lösenordet är sparat. Logga in med det.

# Eget konto
account-nav-label = eget konto
account-title = Mitt konto
account-email-note = Om e-postadressen behöver ändras, be administratören om det.
account-name-heading = Namn
account-name-submit = Spara namnet
account-notice-name_changed = Namnet är sparat.
account-password-heading = Lösenord
account-password-intro = När du byter lösenord loggas du ut på alla andra enheter.
account-password-hint = Minst 12 tecken. Ett starkt lösenord är till exempel flera ord efter varandra.
account-password-submit = Byt lösenord
account-notice-password_changed = Lösenordet är bytt. Du har loggats ut på andra enheter.
field-current-password = Nuvarande lösenord
field-new-password = Nytt lösenord
field-new-password-again = Nytt lösenord igen
account-sessions-heading = Logga ut överallt
account-sessions-intro = Detta loggar ut dig på alla enheter och webbläsare, också den här. API-nycklarna fungerar fortfarande; du kan ta bort dem nedan.
account-sessions-submit = Logga ut överallt
account-tokens-heading = API-nycklar
account-tokens-intro = Med en API-nyckel kan ett program använda Polku med ditt konto. Ge varje nyckel ett namn som du känner igen den på.
account-tokens-empty = Du har inga API-nycklar. Du behöver en nyckel bara om ett program använder Polku för din räkning.
account-tokens-caption = Dina API-nycklar
account-token-created-at = Skapad
account-token-expires-at = Giltig till
account-token-last-used = Senast använd
account-token-actions = Åtgärder
account-token-expired = har gått ut
account-token-never-used = aldrig
account-token-revoke = Ta bort
account-token-new-heading = Skapa en ny API-nyckel
account-token-name-hint = Till exempel namnet på programmet som använder nyckeln.
field-token-name = Nyckelns namn
field-token-days = Giltighetstid
account-token-days-choice = { $days ->
        [one] { $days } dag
       *[other] { $days } dagar
    }
account-token-create-submit = Skapa nyckel
account-token-created = API-nyckeln { $name } är skapad. Den är giltig till { $expires }.
account-token-secret-label = Ny API-nyckel
account-token-shown-once = Kopiera nyckeln nu. Den visas bara den här gången.
account-notice-token_revoked = API-nyckeln är borttagen.
account-revoke-title = Ta bort API-nyckeln?
account-revoke-intro = Du håller på att ta bort API-nyckeln { $name }, som är giltig till { $expires }.
account-revoke-warning = Program som använder nyckeln slutar fungera genast.
account-revoke-submit = Ta bort nyckeln
account-revoke-cancel = Avbryt

# Återställning av lösenord
reset-title = Välj ett nytt lösenord
reset-intro = Du väljer ett nytt lösenord för kontot { $email }. När lösenordet är sparat loggas du ut på alla enheter.
reset-submit = Spara lösenordet
reset-gone-title = Länken fungerar inte längre
reset-gone-text = Länken har redan använts, har gått ut eller är felskriven. Be administratören om en ny länk.
reset-gone-login = Till inloggningen
