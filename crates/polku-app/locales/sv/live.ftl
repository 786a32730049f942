# Att delta i en workshop (lättläst)
join-title = Delta i en workshop
join-intro = Du behöver bara koden från handledaren. Du behöver inget konto och ingen e-post.
join-code-label = Kod
join-code-hint = Sex tecken, till exempel K7M3TP. Koden syns på väggen eller på handledarens skärm.
join-nickname-label = Smeknamn
join-nickname-hint = Hitta på ett smeknamn. Använd inte ditt riktiga namn.
join-perspective-legend = Ur vems perspektiv deltar du?
join-perspective-hint = Valet syns i resultaten, så att man vet vilka röster som blev hörda. Det går inte att känna igen dig av det.
join-privacy = Skriv inte någons namn eller hälsouppgifter på lapparna.
join-submit = Delta
perspective-client = Klient
perspective-expert_by_experience = Erfarenhetsexpert
perspective-professional = Yrkesperson
perspective-relative = Anhörig
perspective-ngo = Organisation eller frivillig
perspective-manager = Chef eller beslutsfattare
perspective-other = Annat
board-you = Du deltar med smeknamnet { $nickname } ({ $perspective }).
board-closed = Workshoppen har avslutats. Du kan ännu läsa lapparna.
board-step-heading = Nu gör vi
board-write-heading = Skriv en lapp
board-note-label = Din lapp
board-note-hint = En tanke per lapp, högst 500 tecken. Skriv inga namn eller hälsouppgifter.
board-note-submit = Lägg till lappen
board-notes-heading = Lappar
board-empty = Det finns inga lappar ännu. Skriv den första ovan.
board-hidden-own = Handledaren dolde den här lappen. Orsak:
board-vote = Rösta
board-refresh = Uppdatera sidan
board-votes = { $count ->
    [one] { $count } röst
   *[other] { $count } röster
}
board-votes-left = { $left ->
    [one] Du har { $left } röst kvar (av { $budget }).
   *[other] Du har { $left } röster kvar (av { $budget }).
}
board-all-notes = Alla lappar
board-no-theme = Utan tema
board-notice-note = Lappen lades till.
board-notice-vote = Rösten gavs.
board-notice-joined = Välkommen med!
# Handledarens vyer
sessions-title = Workshoppar
sessions-intro = I en workshop deltar man med en kod från sin egen telefon, skriver lappar och röstar. Inget konto behövs.
sessions-empty = Projektet har inga workshoppar ännu. Öppna den första: du får en kod som du visar för deltagarna.
sessions-empty-action = Öppna den första workshoppen
sessions-open-heading = Öppna en ny workshop
sessions-field-title = Workshoppens ämne
sessions-field-budget = Röster per deltagare
sessions-field-budget-hint = 1–20 röster. Vanligen 5.
sessions-open-submit = Öppna workshoppen
sessions-state-open = Öppen
sessions-state-closed = Avslutad
facilitate-code-heading = Kod för att delta
facilitate-code-where = Deltagarna använder koden på adressen
facilitate-qr-label = QR-kod till sidan för att delta
facilitate-closed = Workshoppen har avslutats. Nya lappar eller röster kan inte läggas till.
facilitate-participants = { $count ->
    [one] { $count } deltagare är med.
   *[other] { $count } deltagare är med.
}
facilitate-controls-heading = Styra workshoppen
facilitate-step-label = Vad vi gör nu
facilitate-step-hint = Syns på allas skärmar. Skriv tydligt och kort. Tomt tar bort.
facilitate-step-submit = Visa för alla
facilitate-theme-label = Nytt tema
facilitate-theme-submit = Lägg till temat
facilitate-reveal = Visa rösterna för alla
facilitate-close = Avsluta workshoppen
facilitate-empty = Det finns inga lappar ännu. När deltagarna skriver kommer lapparna hit.
facilitate-hidden = Dold. Orsak som skribenten fått veta:
facilitate-move-label = Flytta till tema
facilitate-move-submit = Flytta
facilitate-hide-label = Orsak att dölja
facilitate-hide-submit = Dölj
facilitate-hide-default = Lappen innehöll uppgifter som inte skrivs på lappar.
facilitate-results-heading = Röstningens resultat
facilitate-results-caption = Lapparna efter antal röster och rösterna per perspektiv
facilitate-results-note = Lapp
facilitate-results-votes = Röster
facilitate-results-by = Per perspektiv
facilitate-results-small = Grupper med färre än fem röster visas som "< 5", så att ingen kan kännas igen.
facilitate-notice-step = Steget syns nu för alla.
facilitate-notice-theme = Temat lades till.
facilitate-notice-moved = Lappen flyttades.
facilitate-notice-hidden = Lappen doldes.
facilitate-notice-revealed = Rösterna syns nu för alla.
facilitate-notice-closed = Workshoppen avslutades.
join-link = Delta i en workshop med kod
workspace-live-link = Workshoppar
workspace-live-none = Öppna en workshop, så kan deltagarna ansluta med en kod från sina egna telefoner.
workspace-live-open = { $count ->
    [one] { $count } workshop är öppen nu.
   *[other] { $count } workshoppar är öppna nu.
}
live-announce-note_added = { $count ->
    [one] 1 ny lapp.
   *[other] { $count } nya lappar.
}
live-announce-vote_cast = { $count ->
    [one] 1 ny röst.
   *[other] { $count } nya röster.
}
live-announce-participant_joined = { $count ->
    [one] 1 deltagare anslöt.
   *[other] { $count } deltagare anslöt.
}
live-announce-note_moved = { $count ->
    [one] En lapp flyttades till ett tema.
   *[other] { $count } lappar flyttades till teman.
}
live-announce-note_hidden = { $count ->
    [one] Handledaren dolde en lapp.
   *[other] Handledaren dolde { $count } lappar.
}
live-announce-theme_added = { $count ->
    [one] Ett nytt tema.
   *[other] { $count } nya teman.
}
live-announce-votes_revealed = Rösterna syns nu.
live-announce-step_changed = Steget ändrades.
live-announce-session_closed = Workshoppen avslutades.
facilitate-downloads-heading = Resultat för rapporter
facilitate-download-results-csv = Lappar och röster (CSV, för kalkylprogram)
facilitate-download-results-json = Lappar och röster (JSON)
facilitate-download-participants = Deltagarlogg för arvoden (CSV: smeknamn, perspektiv, tider)
projector-join = Delta:
facilitate-projector-link = Öppna vyn för duken
timer-running = Tid till klockan { $time }.
timer-paused = { $minutes ->
    [one] Timern är pausad, { $minutes } minut kvar.
   *[other] Timern är pausad, { $minutes } minuter kvar.
}
timer-left = kvar
timer-up = Tiden är slut. Handledaren berättar vad vi gör härnäst.
timer-one-minute = En minut kvar.
board-ready = Jag är klar
board-ready-done = Klar ✓ (ångra)
facilitate-ready = { $all ->
    [one] Klara { $ready }/{ $all }.
   *[other] Klara { $ready }/{ $all }.
}
facilitate-timer-label = Timer i minuter
facilitate-timer-start = Starta
facilitate-timer-pause = Paus
facilitate-timer-resume = Fortsätt
facilitate-timer-extend = En minut till
facilitate-timer-stop = Stoppa
facilitate-notice-timer = Timern uppdaterades för alla.
live-announce-timer_changed = Timern ändrades.
live-announce-ready_changed = { $count ->
    [one] En deltagare meddelade att hen är klar.
   *[other] { $count } deltagare meddelade att de är klara.
}
facilitate-proxy-heading = Skriv för någon annan
facilitate-proxy-intro = Om någon saknar en apparat, lägg till hen med ett smeknamn och skriv in hens lappar och röster från papper. De märks som inskrivna av handledaren.
facilitate-paper-nickname = Smeknamn (deltagare utan apparat)
facilitate-paper-submit = Lägg till deltagaren
facilitate-proxy-for = För vem
facilitate-proxy-self = I mitt eget namn
facilitate-proxy-vote = Röst för
facilitate-notice-paper = Deltagaren lades till.
facilitate-notice-proxy = Lappen skrevs in.
facilitate-notice-proxy-vote = Rösten skrevs in.
join-return-summary = Jag har varit med förut och har en returkod
join-return-hint = Med returkoden deltar du med samma smeknamn som förut. Då behövs inget smeknamn eller perspektiv.
join-return-label = Returkod
welcome-title = Välkommen till workshoppen!
welcome-intro = Du är med. Innan du fortsätter, spara din returkod.
welcome-code-heading = Din returkod
welcome-code-use = Skriv ner koden eller ta en bild av den. Med den kommer du till följande workshoppar med samma smeknamn och ser senare vad som hände med dina lappar. Koden visas inte igen.
welcome-continue = Fortsätt till workshoppen
return-title = Vad hände med mina lappar?
return-intro = Skriv din returkod, så ser du alla dina lappar från projektets workshoppar och vad som hände med dem.
return-submit = Visa mina lappar
return-who = Lappar av { $nickname } ({ $perspective })
return-empty = Det finns inga lappar med det här smeknamnet ännu.
return-hidden = Handledaren dolde lappen. Orsak: { $reason }
return-votes-hidden = Rösterna syns inte ännu.
return-theme = I temat "{ $theme }". { $votes }
projector-back = Tillbaka till att styra workshoppen

# Columns, merging, locking, taking a note back, workshops (issue 10).
board-rules-summary = Gruppens spelregler
board-column-label = Vilken fråga svarar du på?
board-locked = Handledaren har låst tavlan: du kan flytta bara dina egna lappar till teman.
board-merged-heading = Samma sak sades också så här:
board-move-label = Flytta till tema
board-move-submit = Flytta
board-delete = Ta bort min lapp
board-no-column = Andra lappar
board-notice-moved = Lappen flyttades.
board-notice-deleted = Din lapp togs bort.
facilitate-columns-heading = Frågor
facilitate-columns-empty = Tavlan har inga frågor ännu. Lägg till en fråga, så väljer deltagarna vad de svarar på.
facilitate-column-label = Ny fråga
facilitate-column-submit = Lägg till fråga
facilitate-lock-on = Tavlan är låst: deltagarna flyttar bara sina egna lappar.
facilitate-lock-off = Tavlan är öppen: deltagarna kan gruppera alla lappar i teman.
facilitate-lock = Lås tavlan
facilitate-unlock = Öppna tavlan för gruppering
facilitate-merge-label = Slå ihop med en liknande lapp
facilitate-merge-submit = Slå ihop
facilitate-notice-column = Frågan lades till.
facilitate-notice-merged = Lapparna slogs ihop. Rösterna följde med.
facilitate-notice-locked = Tavlan låstes.
facilitate-notice-unlocked = Tavlan öppnades för gruppering.
sessions-field-workshop = Vilken planerad workshop gäller det?
sessions-field-workshop-hint = Välj en workshop, så får tavlan frågorna för seriens fas och gruppens spelregler. Returkoder fungerar i samma series workshoppar.
sessions-field-workshop-none = Ingen workshop
sessions-field-title-hint = Om du väljer en workshop kan du lämna ämnet tomt.
return-merged = Lappen slogs ihop med en liknande lapp: { $note }
live-announce-column_added = { $count ->
    [one] Tavlan fick en ny fråga.
   *[other] Tavlan fick { $count } nya frågor.
}
live-announce-note_merged = { $count ->
    [one] Två liknande lappar slogs ihop.
   *[other] { $count } lappar slogs ihop med liknande.
}
live-announce-note_deleted = { $count ->
    [one] En lapp togs bort.
   *[other] { $count } lappar togs bort.
}
live-announce-lock_changed = { $count ->
    [one] Handledaren ändrade tavlans låsning.
   *[other] Handledaren ändrade tavlans låsning.
}
board-q-initial-hopes = Vad hoppas du av den här gruppen?
board-q-initial-worries = Vad funderar du på?
board-q-current-works = Vad fungerar i tjänsterna?
board-q-current-stuck = Var fastnar det?
board-q-current-falls = Var faller människor bort?
board-q-needs-most = Vad är viktigast att rätta till?
board-q-needs-first = Var börjar vi?
board-q-ideas-new = Vilken ny idé skulle hjälpa?
board-q-ideas-small = Vilken liten sak kunde ändras genast?
board-q-refine-who = Vem är lösningen för och vem gör den?
board-q-refine-needs = Vad behöver lösningen för att lyckas?
board-q-pilots-try = Vad prövar vi först?
board-q-pilots-measure = Hur märker vi att försöket fungerar?
board-q-eval-worked = Vad fungerade?
board-q-eval-change = Vad behöver ändras?
board-q-eval-keep = Vad ska bli bestående?
