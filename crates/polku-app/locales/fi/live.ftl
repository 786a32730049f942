# Työpajaan liittyminen ja osallistujan näkymä (selkokieli)
join-title = Liity työpajaan
join-intro = Tarvitset vain ohjaajan antaman koodin. Et tarvitse tunnusta etkä sähköpostia.
join-code-label = Koodi
join-code-hint = Kuusi merkkiä, esimerkiksi K7M3TP. Koodi näkyy seinällä tai ohjaajan näytöllä.
join-nickname-label = Nimimerkki
join-nickname-hint = Keksi nimimerkki. Älä käytä oikeaa nimeäsi.
join-perspective-legend = Kenen näkökulmasta osallistut?
join-perspective-hint = Valinta näkyy tuloksissa, jotta tiedetään, millaiset äänet tulivat kuulluiksi. Sinua ei voi tunnistaa siitä.
join-privacy = Älä kirjoita lappuihin kenenkään nimeä tai terveystietoja.
join-submit = Liity
perspective-client = Asiakas
perspective-expert_by_experience = Kokemusasiantuntija
perspective-professional = Ammattilainen
perspective-relative = Läheinen
perspective-ngo = Järjestö tai vapaaehtoinen
perspective-manager = Esihenkilö tai päättäjä
perspective-other = Muu
board-you = Olet mukana nimimerkillä { $nickname } ({ $perspective }).
board-closed = Työpaja on päättynyt. Voit vielä lukea laput.
board-step-heading = Nyt tehdään
board-write-heading = Kirjoita lappu
board-note-label = Sinun lappusi
board-note-hint = Yksi ajatus yhteen lappuun, enintään 500 merkkiä. Älä kirjoita nimiä tai terveystietoja.
board-note-submit = Lisää lappu
board-notes-heading = Laput
board-empty = Lappuja ei ole vielä. Kirjoita ensimmäinen yllä.
board-hidden-own = Ohjaaja piilotti tämän lapun. Syy:
board-vote = Äänestä
board-refresh = Päivitä sivu
board-votes = { $count ->
    [one] { $count } ääni
   *[other] { $count } ääntä
}
board-votes-left = { $left ->
    [one] Sinulla on { $left } ääni jäljellä ({ $budget }:stä).
   *[other] Sinulla on { $left } ääntä jäljellä ({ $budget }:stä).
}
board-all-notes = Kaikki laput
board-no-theme = Ilman teemaa
board-notice-note = Lappu lisättiin.
board-notice-vote = Ääni annettiin.
board-notice-joined = Tervetuloa mukaan!
# Ohjaajan näkymät
sessions-title = Työpajat
sessions-intro = Työpajassa osallistujat liittyvät koodilla omilta puhelimiltaan, kirjoittavat lappuja ja äänestävät. Tunnusta ei tarvita.
sessions-empty = Hankkeessa ei ole vielä työpajoja. Avaa ensimmäinen: saat koodin, jonka näytät osallistujille.
sessions-empty-action = Avaa ensimmäinen työpaja
sessions-open-heading = Avaa uusi työpaja
sessions-field-title = Työpajan aihe
sessions-field-budget = Ääniä kullekin osallistujalle
sessions-field-budget-hint = 1–20 ääntä. Tavallisesti 5.
sessions-open-submit = Avaa työpaja
sessions-state-open = Avoinna
sessions-state-closed = Päättynyt
facilitate-code-heading = Liittymiskoodi
facilitate-code-where = Osallistujat liittyvät koodilla osoitteessa
facilitate-qr-label = QR-koodi liittymissivulle
facilitate-closed = Työpaja on päättynyt. Uusia lappuja tai ääniä ei voi lisätä.
facilitate-participants = { $count ->
    [one] Mukana on { $count } osallistuja.
   *[other] Mukana on { $count } osallistujaa.
}
facilitate-controls-heading = Työpajan ohjaus
facilitate-step-label = Mitä nyt tehdään
facilitate-step-hint = Näkyy kaikkien näytöillä. Kirjoita selkeästi ja lyhyesti. Tyhjä poistaa.
facilitate-step-submit = Näytä kaikille
facilitate-theme-label = Uusi teema
facilitate-theme-submit = Lisää teema
facilitate-reveal = Näytä äänet kaikille
facilitate-close = Päätä työpaja
facilitate-empty = Lappuja ei ole vielä. Kun osallistujat kirjoittavat, laput tulevat tähän.
facilitate-hidden = Piilotettu. Kirjoittajalle kerrottu syy:
facilitate-move-label = Siirrä teemaan
facilitate-move-submit = Siirrä
facilitate-hide-label = Piilotuksen syy
facilitate-hide-submit = Piilota
facilitate-hide-default = Lapussa oli tietoja, joita ei kirjoiteta lappuihin.
facilitate-results-heading = Äänestyksen tulos
facilitate-results-caption = Laput äänimäärän mukaan ja äänet näkökulmittain
facilitate-results-note = Lappu
facilitate-results-votes = Ääniä
facilitate-results-by = Näkökulmittain
facilitate-results-small = Alle viiden äänen ryhmät näytetään merkinnällä "< 5", jotta ketään ei voi tunnistaa.
facilitate-notice-step = Vaihe näkyy nyt kaikille.
facilitate-notice-theme = Teema lisättiin.
facilitate-notice-moved = Lappu siirrettiin.
facilitate-notice-hidden = Lappu piilotettiin.
facilitate-notice-revealed = Äänet näkyvät nyt kaikille.
facilitate-notice-closed = Työpaja päätettiin.
join-link = Liity työpajaan koodilla
workspace-live-link = Työpajat
workspace-live-none = Avaa työpaja, niin osallistujat voivat liittyä koodilla omilta puhelimiltaan.
workspace-live-open = { $count ->
    [one] { $count } työpaja on nyt avoinna.
   *[other] { $count } työpajaa on nyt avoinna.
}
live-announce-note_added = { $count ->
    [one] 1 uusi lappu.
   *[other] { $count } uutta lappua.
}
live-announce-vote_cast = { $count ->
    [one] 1 uusi ääni.
   *[other] { $count } uutta ääntä.
}
live-announce-participant_joined = { $count ->
    [one] 1 osallistuja liittyi.
   *[other] { $count } osallistujaa liittyi.
}
live-announce-note_moved = { $count ->
    [one] Lappu siirrettiin teemaan.
   *[other] { $count } lappua siirrettiin teemoihin.
}
live-announce-note_hidden = { $count ->
    [one] Ohjaaja piilotti lapun.
   *[other] Ohjaaja piilotti { $count } lappua.
}
live-announce-theme_added = { $count ->
    [one] Uusi teema.
   *[other] { $count } uutta teemaa.
}
live-announce-votes_revealed = Äänet näkyvät nyt.
live-announce-step_changed = Vaihe vaihtui.
live-announce-session_closed = Työpaja päättyi.
facilitate-downloads-heading = Tulokset raportteihin
facilitate-download-results-csv = Laput ja äänet (CSV, taulukkolaskentaan)
facilitate-download-results-json = Laput ja äänet (JSON)
facilitate-download-participants = Osallistumisloki palkkioita varten (CSV: nimimerkki, näkökulma, ajat)
projector-join = Liity:
facilitate-projector-link = Avaa näkymä valkokankaalle
timer-running = Aikaa kello { $time } asti.
timer-paused = { $minutes ->
    [one] Ajastin on tauolla, { $minutes } minuutti jäljellä.
   *[other] Ajastin on tauolla, { $minutes } minuuttia jäljellä.
}
timer-left = jäljellä
timer-up = Aika on lopussa. Ohjaaja kertoo, mitä tehdään seuraavaksi.
timer-one-minute = Minuutti aikaa jäljellä.
board-ready = Olen valmis
board-ready-done = Valmis ✓ (peru)
facilitate-ready = { $all ->
    [one] Valmiina { $ready }/{ $all }.
   *[other] Valmiina { $ready }/{ $all }.
}
facilitate-timer-label = Ajastin minuutteina
facilitate-timer-start = Käynnistä
facilitate-timer-pause = Tauko
facilitate-timer-resume = Jatka
facilitate-timer-extend = Minuutti lisää
facilitate-timer-stop = Pysäytä
facilitate-notice-timer = Ajastin päivitettiin kaikille.
live-announce-timer_changed = Ajastin muuttui.
live-announce-ready_changed = { $count ->
    [one] Yksi osallistuja kertoi olevansa valmis.
   *[other] { $count } osallistujaa kertoi olevansa valmiita.
}
facilitate-proxy-heading = Kirjoita jonkun puolesta
facilitate-proxy-intro = Jos jollakulla ei ole laitetta, lisää hänet nimimerkillä ja kirjoita hänen lappunsa ja äänensä paperilta. Ne merkitään ohjaajan kirjaamiksi.
facilitate-paper-nickname = Nimimerkki (osallistuja ilman laitetta)
facilitate-paper-submit = Lisää osallistuja
facilitate-proxy-for = Kenen puolesta
facilitate-proxy-self = Omissa nimissäni
facilitate-proxy-vote = Ääni puolesta
facilitate-notice-paper = Osallistuja lisättiin.
facilitate-notice-proxy = Lappu kirjattiin.
facilitate-notice-proxy-vote = Ääni kirjattiin.
join-return-summary = Olin mukana aiemmin ja minulla on paluukoodi
join-return-hint = Paluukoodilla liityt samalla nimimerkillä kuin ennen. Silloin nimimerkkiä ja näkökulmaa ei tarvita.
join-return-label = Paluukoodi
welcome-title = Tervetuloa työpajaan!
welcome-intro = Olet mukana. Ennen kuin jatkat, ota talteen paluukoodisi.
welcome-code-heading = Paluukoodisi
welcome-code-use = Kirjoita koodi muistiin tai ota siitä kuva. Sillä tulet seuraaviin työpajoihin samalla nimimerkillä ja näet myöhemmin, mitä lapuillesi tapahtui. Koodia ei näytetä uudelleen.
welcome-continue = Jatka työpajaan
return-title = Mitä lapuilleni tapahtui?
return-intro = Kirjoita paluukoodisi, niin näet kaikki lappusi hankkeen työpajoista ja mitä niille tapahtui.
return-submit = Näytä lappuni
return-who = Nimimerkin { $nickname } ({ $perspective }) laput
return-empty = Tällä nimimerkillä ei ole vielä lappuja.
return-hidden = Ohjaaja piilotti lapun. Syy: { $reason }
return-votes-hidden = Äänet eivät vielä näy.
return-theme = Teemassa "{ $theme }". { $votes }
projector-back = Takaisin työpajan ohjaukseen

# Columns, merging, locking, taking a note back, workshops (issue 10).
board-rules-summary = Ryhmän pelisäännöt
board-column-label = Mihin kysymykseen vastaat?
board-locked = Ohjaaja on lukinnut taulun: voit siirtää teemoihin vain omia lappujasi.
board-merged-heading = Samaa sanottiin myös näin:
board-move-label = Siirrä teemaan
board-move-submit = Siirrä
board-delete = Poista lappuni
board-no-column = Muut laput
board-notice-moved = Lappu siirrettiin.
board-notice-deleted = Lappusi poistettiin.
facilitate-columns-heading = Kysymykset
facilitate-columns-empty = Taululla ei ole vielä kysymyksiä. Lisää kysymys, niin osallistujat valitsevat, mihin vastaavat.
facilitate-column-label = Uusi kysymys
facilitate-column-submit = Lisää kysymys
facilitate-lock-on = Taulu on lukittu: osallistujat siirtävät vain omia lappujaan.
facilitate-lock-off = Taulu on auki: osallistujat voivat ryhmitellä kaikkia lappuja teemoihin.
facilitate-lock = Lukitse taulu
facilitate-unlock = Avaa taulu ryhmittelyyn
facilitate-merge-label = Yhdistä samanlaiseen lappuun
facilitate-merge-submit = Yhdistä
facilitate-notice-column = Kysymys lisättiin.
facilitate-notice-merged = Laput yhdistettiin. Äänet siirtyivät mukana.
facilitate-notice-locked = Taulu lukittiin.
facilitate-notice-unlocked = Taulu avattiin ryhmittelyyn.
sessions-field-workshop = Mihin suunniteltuun työpajaan?
sessions-field-workshop-hint = Valitse työpaja, niin taululle tulevat sarjan vaiheen kysymykset ja ryhmän pelisäännöt. Paluukoodit toimivat saman sarjan työpajoissa.
sessions-field-workshop-none = Ei mihinkään työpajaan
sessions-field-title-hint = Jos valitset työpajan, voit jättää aiheen tyhjäksi.
return-merged = Lappu yhdistettiin samanlaiseen lappuun: { $note }
live-announce-column_added = { $count ->
    [one] Taululle tuli uusi kysymys.
   *[other] Taululle tuli { $count } uutta kysymystä.
}
live-announce-note_merged = { $count ->
    [one] Kaksi samanlaista lappua yhdistettiin.
   *[other] { $count } lappua yhdistettiin samanlaisiin.
}
live-announce-note_deleted = { $count ->
    [one] Lappu poistettiin.
   *[other] { $count } lappua poistettiin.
}
live-announce-lock_changed = { $count ->
    [one] Ohjaaja muutti taulun lukitusta.
   *[other] Ohjaaja muutti taulun lukitusta.
}
board-q-initial-hopes = Mitä toivot tältä ryhmältä?
board-q-initial-worries = Mikä sinua mietityttää?
board-q-current-works = Mikä palveluissa toimii?
board-q-current-stuck = Missä kohdassa asiat jumittuvat?
board-q-current-falls = Missä kohdassa ihmiset putoavat pois?
board-q-needs-most = Mikä on tärkeintä korjata?
board-q-needs-first = Mistä aloitetaan?
board-q-ideas-new = Mikä uusi idea auttaisi?
board-q-ideas-small = Minkä pienen asian voisi muuttaa heti?
board-q-refine-who = Kenelle ratkaisu on ja kuka sen tekee?
board-q-refine-needs = Mitä ratkaisu tarvitsee onnistuakseen?
board-q-pilots-try = Mitä kokeillaan ensin?
board-q-pilots-measure = Mistä huomaamme, että kokeilu toimii?
board-q-eval-worked = Mikä toimi?
board-q-eval-change = Mitä pitää muuttaa?
board-q-eval-keep = Mikä jää pysyväksi?
