# Sidans ram
skip-to-content = Hoppa till innehållet
nav-main = Huvudmeny
nav-workspaces = Projekt
nav-accessibility = Tillgänglighetsutlåtande
nav-language = Språk
nav-breadcrumb = Du är här
signed-in-as = Inloggad:
logout = Logga ut
footer-about = Polku – att utveckla servicestigar tillsammans

# Tillgänglighetsutlåtande
a11y-title = Tillgänglighetsutlåtande
a11y-intro = Detta utlåtande gäller tjänsten Polku. Vi vill att alla ska kunna använda tjänsten, också med skärmläsare, enbart tangentbord eller en gammal telefon.
a11y-status-heading = Tillgänglighetens status
a11y-status = Tjänsten uppfyller kraven på nivå A och AA i WCAG 2.1. Bedömningen är vår egen: varje sida kontrolleras automatiskt (axe-core) på tre språk och i olika roller vid varje ändring, och användning med tangentbord, på smal skärm och utan JavaScript testas i en webbläsare. Ingen extern bedömning har gjorts ännu.
a11y-how-heading = Så fungerar tjänsten
a11y-how-keyboard = Alla funktioner kan användas med tangentbord, och fokus syns tydligt.
a11y-how-zoom = Sidorna fungerar på en 320 pixlar bred skärm och med 200 procents förstoring.
a11y-how-nojs = Formulären fungerar också utan JavaScript.
a11y-how-languages = Tjänsten finns på finska, svenska och engelska.
a11y-known-heading = Kända brister
a11y-known = Vi känner för närvarande inte till några brister i tillgängligheten. Om du hittar en, berätta för oss.
a11y-feedback-heading = Ge respons
a11y-feedback = Hittade du en brist eller kommer du inte åt något innehåll? Berätta om det per e-post. Vi svarar inom 14 dagar.
a11y-enforcement-heading = Tillsynsmyndighet
a11y-enforcement = Om du inte får svar inom 14 dagar eller inte är nöjd med svaret kan du anmäla saken till tillsynsmyndigheten. Sedan 1.1.2026 övervakas digitala tjänsters tillgänglighet av Transport- och kommunikationsverket Traficom.
a11y-enforcement-contact = Traficom, tillgänglighetstillsynen
a11y-enforcement-phone = Telefon (växel): 029 534 5000
a11y-updated = Utlåtandet har upprättats 23.11.2026 och granskades senast 25.11.2026.

# Felsidor
error-status-code = Felkod
error-go-front = Till startsidan
error-title-forbidden = Ingen behörighet
error-title-not_found = Sidan hittades inte
error-title-rate_limited = För många försök
error-title-unavailable = Tjänsten svarar inte just nu
error-title-bad_request = Begäran kunde inte behandlas
error-title-internal = Något gick fel
error-summary-title = Rätta till följande
