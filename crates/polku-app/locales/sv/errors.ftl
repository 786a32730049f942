# Felmeddelanden (kod = nyckel)
error-not_found = Det du söker hittades inte. Kontrollera adressen.
error-forbidden = Du har inte behörighet till detta. Be projektets ägare att lägga till dig.
error-unauthorized = Logga in först.
error-database_unavailable = Databasen svarar inte just nu. Försök igen om en stund; inga uppgifter har gått förlorade.
error-storage_full = Serverns lagringsutrymme är fullt, så ändringen sparades inte. Dina tidigare uppgifter finns kvar. Försök igen senare.
error-internal = Ett fel inträffade i tjänsten. Försök igen.
error-rate_limited = För många försök. Vänta en stund och försök igen.
error-login_rate_limited = För många inloggningsförsök. Vänta { $seconds ->
        [one] { $seconds } sekund
       *[other] { $seconds } sekunder
    } och försök igen.
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
error-already_member = Personen är redan medlem i projektet.
error-last_owner = Den sista ägaren kan inte tas bort eller få en annan roll. Gör först någon annan till ägare.
error-invalid_small_group_threshold = Skriv den minsta grupp som visas som ett heltal 3–20.
error-invalid_retention_months = Skriv lagringstiden i månader, ett heltal 1–60.
error-duplicate = Samma uppgift finns redan sparad.
error-invitation_used = Den här inbjudan har redan använts.
error-invitation_withdrawn = Den här inbjudan har dragits tillbaka.
error-invitation_expired = Den här inbjudan har gått ut. Be den som bjöd in dig om en ny inbjudan.
error-invitation_other_account = Inbjudan gäller en annan e-postadress än den du är inloggad med. Logga ut och logga in med den inbjudna adressen.
error-invalid_join_code = Koden har sex bokstäver och siffror, till exempel K7M3TP. Kontrollera koden.
error-unknown_join_code = Det finns ingen öppen workshop med den här koden. Kontrollera koden eller fråga handledaren.
error-invalid_perspective = Välj ur vems perspektiv du deltar.
error-invalid_vote_budget = Antalet röster ska vara 1–20, och en lapp kan få högst alla röster.
error-vote_budget_spent = Du har använt alla dina röster.
error-vote_cap_reached = Du har redan gett den här lappen så många röster som går.
error-session_closed = Workshoppen har avslutats. Nya lappar eller röster kan inte längre läggas till.
error-session_locked = Handledaren har låst tavlan. Du kan bara flytta dina egna lappar.
error-not_your_note = Bara den som skrev lappen kan göra det här.
error-unknown_workshop = Välj en workshop i listan. En avslutad serie kan inte få nya workshoppar.
error-cannot_merge = En lapp kan inte slås ihop med sig själv eller med en lapp som redan slagits ihop.
error-join_rate_limited = { $seconds ->
    [one] För många försök. Vänta { $seconds } sekund och försök igen.
   *[other] För många försök. Vänta { $seconds } sekunder och försök igen.
}
error-post_rate_limited = { $seconds ->
    [one] Du skriver snabbare än någon hinner läsa. Vänta { $seconds } sekund.
   *[other] Du skriver snabbare än någon hinner läsa. Vänta { $seconds } sekunder.
}
error-invalid_return_code = Returkoden kändes inte igen. Den har åtta tecken, till exempel K7M3-TPHX. Du kan också delta utan den.

# Grupper och workshopserier
error-invalid_date = Skriv datumet i formen åååå-mm-dd, till exempel 2026-03-15.
error-invalid_time = Skriv klockslaget i formen tt:mm, till exempel 13:30.
error-invalid_duration = Skriv längden i minuter, 1–720.
error-end_before_start = Slutdagen kan inte vara före startdagen.
error-not_a_facilitator = Bara projektets facilitatorer och ägare kan väljas som ledare.
error-invalid_phase = Välj en fas i listan.
error-invalid_method = Välj en metod i listan eller skriv en egen.
error-too_many_agenda_items = Programmet kan ha högst 20 punkter.
error-series_closed = Workshopserien är stängd och kan inte ändras. Öppna serien igen först.
error-invalid_choice = Välj ett alternativ i listan.
error-invalid_wait_days = Ange väntetiden i hela dagar mellan 0 och 3650 (högst 10 år).
error-invalid_distance = Ange avståndet i hela kilometer mellan 0 och 2000.
error-invalid_experience = Ange upplevelsen som −2, −1, 0, 1 eller 2.
error-invalid_drop_off = Ange andelen som ett tal mellan 0 och 100 (hur många av hundra).
error-transition_cycle = Övergången skulle leda tillbaka till en punkt som klienten redan har passerat. Stigen kan inte gå i cirkel.
error-edit_conflict = Någon ändrade detta under tiden. Den senaste versionen visas nu; kontrollera dina ändringar och spara igen.
