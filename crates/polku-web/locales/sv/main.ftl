# Sidans ram
skip-to-content = Hoppa till innehållet
nav-main = Huvudmeny
nav-workspaces = Utvecklingsrum
nav-accessibility = Tillgänglighetsutlåtande
nav-language = Språk
nav-breadcrumb = Du är här
signed-in-as = Inloggad:
logout = Logga ut
footer-about = Polku – att utveckla servicestigar tillsammans

# Inloggning
login-title = Logga in
login-intro = Logga in med ditt konto som facilitator eller chef.
login-submit = Logga in
login-participant-hint = Deltar du i en workshop? Du behöver inget konto: facilitatorn ger dig en kort kod.
field-email = E-post
field-password = Lösenord
field-name = Namn
field-role = Roll
field-workspace-name = Utvecklingsrummets namn

# Utvecklingsrum
workspaces-title = Utvecklingsrum
workspaces-empty = Du har inga utvecklingsrum ännu. Skapa det första nedan.
workspaces-create-heading = Skapa ett nytt utvecklingsrum
workspaces-create-submit = Skapa utvecklingsrum
workspace-your-role = Din roll
workspace-groups-heading = Utvecklingsgrupper
workspace-groups-empty = Det finns inga utvecklingsgrupper ännu.
workspace-members-heading = Medlemmar
workspace-members-caption = Utvecklingsrummets medlemmar och deras roller
workspace-actions = Åtgärder
member-remove = Ta bort
member-add-heading = Lägg till medlem
member-add-intro = Lägg till en person som redan har ett Polku-konto med hens e-postadress.
member-add-submit = Lägg till medlem
notice-member_added = Medlemmen lades till.
notice-member_removed = Medlemmen togs bort.

# Roller
role-owner = Ägare
role-facilitator = Facilitator
role-viewer = Läsare

# Tillgänglighetsutlåtande
a11y-title = Tillgänglighetsutlåtande
a11y-intro = Detta utlåtande gäller tjänsten Polku. Vi vill att alla ska kunna använda tjänsten, också med skärmläsare, enbart tangentbord eller en gammal telefon.
a11y-status-heading = Tillgänglighetens status
a11y-status = Tjänsten är gjord för att uppfylla kraven på nivå A och AA i WCAG 2.1. Sidorna testas automatiskt vid varje ändring.
a11y-how-heading = Så fungerar tjänsten
a11y-how-keyboard = Alla funktioner kan användas med tangentbord, och fokus syns tydligt.
a11y-how-zoom = Sidorna fungerar på en 320 pixlar bred skärm och med 200 procents förstoring.
a11y-how-nojs = Formulären fungerar också utan JavaScript.
a11y-how-languages = Tjänsten finns på finska, svenska och engelska.
a11y-known-heading = Kända brister
a11y-known = Vi känner för närvarande inte till några brister i tillgängligheten. Om du hittar en, berätta för oss.
a11y-feedback-heading = Ge respons
a11y-feedback = Hittade du en brist? Berätta om den per e-post:
a11y-enforcement-heading = Tillsynsmyndighet
a11y-enforcement = Om du inte är nöjd med svaret kan du göra en anmälan till Regionförvaltningsverket i Södra Finland, som övervakar digitala tjänsters tillgänglighet.
a11y-updated = Utlåtandet har upprättats 23.11.2026.

# Felsidor
error-status-code = Felkod
error-go-front = Till startsidan
error-title-forbidden = Ingen behörighet
error-title-not_found = Sidan hittades inte
error-title-rate_limited = För många försök
error-title-unavailable = Tjänsten svarar inte just nu
error-title-bad_request = Begäran kunde inte behandlas
error-title-internal = Något gick fel

# Felmeddelanden (kod = nyckel)
error-not_found = Det du söker hittades inte. Kontrollera adressen.
error-forbidden = Du har inte behörighet till detta. Be utvecklingsrummets ägare att lägga till dig.
error-unauthorized = Logga in först.
error-database_unavailable = Databasen svarar inte just nu. Försök igen om en stund; inga uppgifter har gått förlorade.
error-internal = Ett fel inträffade i tjänsten. Försök igen.
error-rate_limited = För många försök. Vänta en stund och försök igen.
error-login_rate_limited = För många inloggningsförsök. Vänta { $seconds } sekunder och försök igen.
error-invalid_credentials = E-postadressen eller lösenordet är fel.
error-method_not_allowed = Den här åtgärden kan inte göras på den här adressen.
error-payload_too_large = Det du skickade är för stort.
error-invalid_json = Begärans JSON är inte giltig.
error-invalid_fields = Begäran saknar fält eller har värden av fel typ.
error-json_required = Skicka begäran som JSON (Content-Type: application/json).
error-invalid_form = Formulärets uppgifter kunde inte läsas. Försök igen.
error-cross_origin_request = Begäran kom från en annan webbplats och stoppades.
error-required = Fyll i det här fältet.
error-too_long = Texten är för lång.
error-control_characters = Texten innehåller tecken som inte kan sparas.
error-invalid_email = E-postadressen har fel format.
error-invalid_role = Välj en roll: ägare, facilitator eller läsare.
error-password_too_short = Lösenordet måste ha minst 12 tecken.
error-password_too_long = Lösenordet får ha högst 256 tecken.
error-password_too_guessable = Lösenordet är för lätt att gissa. Använd till exempel flera ord.
error-email_taken = Det finns redan ett konto med den här e-postadressen.
error-already_member = Personen är redan medlem i utvecklingsrummet.
error-last_owner = Den sista ägaren kan inte tas bort. Lägg först till en annan ägare.
error-unknown_account = Det finns inget Polku-konto med den här e-postadressen.
error-duplicate = Samma uppgift finns redan sparad.

# polku mine (kommandorad)
mine-skipped-rows = { $count } rader hoppades över eftersom fall, aktivitet eller tidpunkt saknades.
mine-summary-totals = Händelselogg: { $events } händelser, { $cases } fall, { $activities } aktiviteter
mine-summary-top-activities = Vanligaste aktiviteter:
mine-summary-top-edges = Vanligaste övergångar (median väntetid):
mine-summary-median-days = { $days } dygn
mine-summary-top-variants = Vanligaste stigar:
mine-summary-endings = Var stigarna slutar:
mine-summary-ending-share = { $ended }/{ $reached } fall slutade här ({ $share } %)

# polku mine: process map
mine-map-title = Processkarta
mine-map-desc-frequency = Rutorna är aktiviteter, och i rutan står antalet händelser. En pil visar vilken aktivitet som kom direkt efter en annan, och talet vid pilen anger hur många gånger det hände. Loggen har { $cases } fall och { $events } händelser.
mine-map-desc-performance = Rutorna är aktiviteter, och i rutan står antalet händelser. En pil visar vilken aktivitet som kom direkt efter en annan, och talet vid pilen är medianväntetiden i dygn. Vid pilarna från start och till slut är talet antalet fall. Loggen har { $cases } fall och { $events } händelser.
mine-map-left-out = För tydlighetens skull visar kartan bara de { $shown } vanligaste övergångarna som fortsätter från start. Sammanlagt finns det { $total } övergångar.
mine-map-start = Start
mine-map-end = Slut
mine-map-days = dygn
