# Utvecklingsgrupper och workshopserier
groups-new-action = Skapa en utvecklingsgrupp
groups-new-title = Ny utvecklingsgrupp
groups-new-intro = I en utvecklingsgrupp utvecklar klienter, erfarenhetsexperter, närstående och yrkespersoner tjänster tillsammans. Bara namnet är obligatoriskt. Resten kan du lägga till senare.
groups-edit-title = Redigera gruppen { $name }
groups-field-name_fi = Namn på finska
groups-field-name_sv = Namn på svenska (frivilligt)
groups-field-name_en = Namn på engelska (frivilligt)
groups-field-area = Kommun eller tema
groups-field-area-hint = Till exempel Kivikoski eller ungas sysselsättning.
groups-field-description = Vad gruppen gör
groups-field-description-hint = Skriv kort och tydligt. Texten syns också på gruppens inbjudningssida.
groups-field-facilitators = Gruppens ledare
groups-field-facilitators-hint = Som ledare kan du välja projektets facilitatorer och ägare.
groups-facilitators-none = Projektet har inga facilitatorer. Ge först någon medlem rollen facilitator.
groups-field-ground_rules = Spelregler
groups-field-ground_rules-hint = Gruppen kommer överens om spelreglerna tillsammans vid första träffen. Skriv en regel per rad.
groups-field-ground_rules_agreed_on = Dagen då man kom överens om spelreglerna
groups-field-date-hint = I formen åååå-mm-dd, till exempel 2026-03-15.
groups-field-contact = Kontaktuppgifter för inbjudningssidan
groups-field-contact-hint = Hur man når ledaren, till exempel telefonnummer och tider. Syns för alla som har länken till inbjudningssidan.
groups-create-submit = Skapa gruppen
groups-save-submit = Spara ändringarna
groups-cancel = Avbryt
groups-notice-created = Gruppen har skapats.
groups-notice-saved = Ändringarna har sparats.
groups-facilitators-heading = Ledare
groups-facilitators-empty = Gruppen har ännu ingen ledare.
groups-rules-heading = Spelregler
groups-rules-agreed = Överenskomna { $date }.
groups-rules-empty = Spelreglerna har inte skrivits ner ännu. Gruppen kommer överens om dem tillsammans vid första träffen.
groups-edit-link = Redigera gruppen
groups-invite-link = Gruppens inbjudningssida
groups-invite-link-hint = En sida att skriva ut för att bjuda in nya utvecklingsklienter och erfarenhetsexperter. Sidan samlar inga uppgifter.
groups-series-heading = Workshopserier
groups-series-empty = Gruppen har ännu ingen workshopserie. En serie går i faser från inledande coachning till utvärdering.
groups-series-empty-viewer = Gruppens ledare lägger till workshopserierna.
groups-series-new = Ny workshopserie
groups-workshop-count = { $count ->
    [one] { $count } workshop
   *[other] { $count } workshoppar
}

series-new-title = Ny workshopserie
series-field-name = Seriens namn
series-field-phase = Fas
series-field-phase-hint = I vilken fas arbetet är nu. Fasen kan ändras senare.
series-create-submit = Skapa serien
series-phase = Fas
series-edit-heading = Namn och fas
series-save-submit = Spara
series-notice-created = Workshopserien har skapats. Lägg till workshoppar.
series-notice-saved = Ändringarna har sparats.
series-notice-workshop = Workshoppen har lagts till.
series-notice-period = Datainsamlingsperioden har lagts till.
series-workshops-heading = Workshoppar
series-workshops-empty = Serien har ännu inga workshoppar.
series-workshops-empty-action = Lägg till den första workshoppen
series-workshop-duration = { $minutes ->
    [one] { $minutes } minut
   *[other] { $minutes } minuter
}
series-workshop-place = Plats
series-agenda = Program
series-add-workshop-heading = Lägg till en workshop
series-field-date = Dag
series-field-time = Börjar klockan
series-field-time-hint = Finsk tid, till exempel 13:30.
series-field-duration = Längd i minuter
series-field-place = Plats eller länk
series-agenda-legend = Program
series-agenda-hint = Välj en metod i biblioteket eller skriv en egen programpunkt. Tomma rader lämnas bort.
series-agenda-method = Programpunkt { $number }: metod
series-agenda-text = Programpunkt { $number }: egen text eller precisering
series-agenda-own = Egen programpunkt
series-add-workshop-submit = Lägg till workshoppen
series-periods-heading = Datainsamlingsperioder
series-periods-empty = Inga datainsamlingsperioder. Mellan workshopparna kan man till exempel intervjua klienter eller samla respons.
series-add-period-heading = Lägg till en datainsamlingsperiod
series-field-starts_on = Första dagen
series-field-ends_on = Sista dagen
series-field-what = Vad som samlas in och hur
series-add-period-submit = Lägg till perioden
series-calendar-link = Hämta workshopparna till kalendern (.ics)
series-notice-workshop-removed = Workshoppen har tagits bort.
series-remove-workshop = Ta bort workshoppen
series-remove-workshop-title = Ta bort workshoppen { $when }?
series-remove-workshop-what = Workshoppen och dess program tas bort ur serien och ur kalenderfilen. Det går inte att ångra.
series-remove-workshop-submit = Ta bort workshoppen
series-methods-heading = Metodbibliotek
series-remove-cancel = Ta inte bort
series-back = Tillbaka till serien
series-edit-workshop = Redigera workshoppen
series-edit-workshop-title = Redigera workshoppen { $when }
series-notice-workshop-saved = Ändringarna i workshoppen har sparats.
series-remove-period = Ta bort perioden
series-remove-period-title = Ta bort insamlingsperioden { $dates }?
series-remove-period-what = Perioden tas bort ur serien. Det går inte att ångra.
series-remove-period-submit = Ta bort perioden
series-notice-period-removed = Insamlingsperioden har tagits bort.
series-closed-badge = Stängd
series-closed-heading = Serien är stängd
series-closed-since = Serien stängdes { $date }. Dess workshoppar och insamlingsperioder kan inte ändras nu.
series-closed-erasure = Deltagarnas smeknamn och returkoder raderas när det har gått { $months ->
    [one] { $months } månad
   *[other] { $months } månader
} sedan serien stängdes. Lappar och röster sparas.
series-reopen-submit = Öppna serien igen
series-notice-closed = Serien har stängts.
series-notice-reopened = Serien har öppnats igen. Du kan ändra den igen.
series-close-heading = Stänga serien
series-close-hint = Stäng serien när dess sista workshop har hållits.
series-close-link = Stäng serien
series-close-title = Stänga workshopserien { $name }?
series-close-what = När serien är stängd kan man inte lägga till, ändra eller ta bort dess workshoppar och insamlingsperioder.
series-close-erasure = Deltagarnas smeknamn och returkoder i den här serien raderas { $months ->
    [one] { $months } månad
   *[other] { $months } månader
} efter att serien stängts. Därefter kan ingen komma tillbaka till serien med samma smeknamn.
series-close-kept = Lappar och röster raderas inte. De finns kvar i resultaten, och det syns fortfarande ur vilket perspektiv de skrevs, till exempel en klients eller en yrkespersons.
series-close-reopen = Du kan öppna serien igen. Om du öppnar den innan tiden har gått raderas ingenting.
series-close-submit = Stäng serien
series-close-cancel = Stäng inte

groups-invite-title = Var med: { $name }
groups-invite-intro = I en utvecklingsgrupp utvecklar klienter, erfarenhetsexperter, närstående och yrkespersoner tjänster tillsammans. Allas röst är lika viktig. Din erfarenhet hjälper till att göra tjänsterna bättre.
groups-invite-what = Vad gruppen gör
groups-invite-when = När vi träffas
groups-invite-when-empty = Nästa träffar är inte bestämda ännu. Fråga ledaren.
groups-invite-contact = Kontakta oss
groups-invite-contact-empty = Ledaren har inte skrivit kontaktuppgifter ännu.
groups-invite-qr = QR-kod till den här sidans adress
groups-invite-scan = Öppna sidan i telefonen: rikta telefonens kamera mot QR-koden.
groups-invite-privacy = Den här sidan samlar inga uppgifter om dig.

# Workshopseriens faser
phase-initial_coaching = Inledande coachning
phase-current_state = Nuläge och utvecklingsbehov
phase-primary_needs = Val av de viktigaste behoven
phase-ideation = Idéarbete
phase-refining = Att förfina lösningar
phase-pilots = Försök
phase-evaluation = Utvärdering

# Metodbiblioteket
method-dialogue_round = Dialogrunda
method-dialogue_round-how = Var och en talar i tur och ordning, de andra lyssnar. Ingen avbryts. Man får också avstå från sin tur.
method-path_mapping = Att rita servicestigen
method-path_mapping-how = Vi ritar tillsammans vad som händer på klientens väg: vart hen går, vad hen väntar på och var hen faller bort.
method-dot_voting = Prickröstning
method-dot_voting-how = Alla får några prickar. Sätt dina prickar på det som du tycker är viktigast.
method-functional_method = Funktionell metod
method-functional_method-how = Först gör vi något tillsammans, till exempel social cirkus, drama eller en promenad. Efter det är det lättare att prata.
method-feedback_round = Responsrunda
method-feedback_round-how = Till sist berättar var och en vad som fungerade och vad som borde ändras nästa gång.
series-held-live = Livesessioner för den här workshoppen:
series-hold-live = Öppna workshoppen live
