# Kehittäjäryhmät ja työpajasarjat
groups-new-action = Luo kehittäjäryhmä
groups-new-title = Uusi kehittäjäryhmä
groups-new-intro = Kehittäjäryhmässä asiakkaat, kokemusasiantuntijat, läheiset ja ammattilaiset kehittävät palveluja yhdessä. Vain nimi on pakollinen. Muut tiedot voit lisätä myöhemmin.
groups-edit-title = Muokkaa ryhmää { $name }
groups-field-name_fi = Nimi suomeksi
groups-field-name_sv = Nimi ruotsiksi (vapaaehtoinen)
groups-field-name_en = Nimi englanniksi (vapaaehtoinen)
groups-field-area = Kunta tai teema
groups-field-area-hint = Esimerkiksi Kivikoski tai nuorten työllisyys.
groups-field-description = Mitä ryhmä tekee
groups-field-description-hint = Kerro lyhyesti ja selkeästi. Teksti näkyy myös ryhmän kutsusivulla.
groups-field-facilitators = Ryhmän vetäjät
groups-field-facilitators-hint = Vetäjäksi voi valita hankkeen fasilitaattorin tai omistajan.
groups-facilitators-none = Hankkeessa ei ole fasilitaattoreita. Anna ensin jollekin jäsenelle fasilitaattorin rooli.
groups-field-ground_rules = Pelisäännöt
groups-field-ground_rules-hint = Ryhmä sopii pelisäännöt yhdessä ensimmäisellä tapaamisella. Kirjoita yksi sääntö yhdelle riville.
groups-field-ground_rules_agreed_on = Päivä, jona pelisäännöistä sovittiin
groups-field-date-hint = Muodossa vvvv-kk-pp, esimerkiksi 2026-03-15.
groups-field-contact = Yhteystiedot kutsusivulle
groups-field-contact-hint = Miten vetäjän tavoittaa, esimerkiksi puhelinnumero ja soittoajat. Näkyy kaikille, joilla on kutsusivun linkki.
groups-create-submit = Luo ryhmä
groups-save-submit = Tallenna muutokset
groups-cancel = Peruuta
groups-notice-created = Ryhmä on luotu.
groups-notice-saved = Muutokset on tallennettu.
groups-facilitators-heading = Vetäjät
groups-facilitators-empty = Ryhmälle ei ole vielä valittu vetäjää.
groups-rules-heading = Pelisäännöt
groups-rules-agreed = Sovittu { $date }.
groups-rules-empty = Pelisääntöjä ei ole vielä kirjattu. Ryhmä sopii ne yhdessä ensimmäisellä tapaamisella.
groups-edit-link = Muokkaa ryhmää
groups-invite-link = Ryhmän kutsusivu
groups-invite-link-hint = Tulostettava sivu, jolla voi kutsua mukaan uusia kehittäjäasiakkaita ja kokemusasiantuntijoita. Sivulla ei kerätä tietoja.
groups-series-heading = Työpajasarjat
groups-series-empty = Ryhmällä ei ole vielä työpajasarjaa. Sarja etenee vaiheittain alkuvalmennuksesta arviointiin.
groups-series-empty-viewer = Ryhmän vetäjä lisää työpajasarjat.
groups-series-new = Uusi työpajasarja
groups-workshop-count = { $count ->
    [one] { $count } työpaja
   *[other] { $count } työpajaa
}

series-new-title = Uusi työpajasarja
series-field-name = Sarjan nimi
series-field-phase = Vaihe
series-field-phase-hint = Missä vaiheessa työ on nyt. Vaiheen voi vaihtaa myöhemmin.
series-create-submit = Luo sarja
series-phase = Vaihe
series-edit-heading = Nimi ja vaihe
series-save-submit = Tallenna
series-notice-created = Työpajasarja on luotu. Lisää sille työpajat.
series-notice-saved = Muutokset on tallennettu.
series-notice-workshop = Työpaja on lisätty.
series-notice-period = Tiedonkeruujakso on lisätty.
series-workshops-heading = Työpajat
series-workshops-empty = Sarjassa ei ole vielä työpajoja.
series-workshops-empty-action = Lisää ensimmäinen työpaja
series-workshop-duration = { $minutes ->
    [one] { $minutes } minuutti
   *[other] { $minutes } minuuttia
}
series-workshop-place = Paikka
series-agenda = Ohjelma
series-add-workshop-heading = Lisää työpaja
series-field-date = Päivä
series-field-time = Alkaa kello
series-field-time-hint = Suomen aikaa, esimerkiksi 13:30.
series-field-duration = Kesto minuutteina
series-field-place = Paikka tai linkki
series-agenda-legend = Ohjelma
series-agenda-hint = Valitse kohdalle menetelmä kirjastosta tai kirjoita oma ohjelmakohta. Tyhjät rivit jätetään pois.
series-agenda-method = Ohjelmakohta { $number }: menetelmä
series-agenda-text = Ohjelmakohta { $number }: oma teksti tai tarkennus
series-agenda-own = Oma ohjelmakohta
series-add-workshop-submit = Lisää työpaja
series-periods-heading = Tiedonkeruujaksot
series-periods-empty = Ei tiedonkeruujaksoja. Työpajojen välillä voidaan esimerkiksi haastatella asiakkaita tai kerätä palautetta.
series-add-period-heading = Lisää tiedonkeruujakso
series-field-starts_on = Ensimmäinen päivä
series-field-ends_on = Viimeinen päivä
series-field-what = Mitä kerätään ja miten
series-add-period-submit = Lisää jakso
series-calendar-link = Lataa työpajat kalenteriin (.ics)
series-notice-workshop-removed = Työpaja on poistettu.
series-remove-workshop = Poista työpaja
series-remove-workshop-title = Poistetaanko työpaja { $when }?
series-remove-workshop-what = Työpaja ja sen ohjelma poistuvat sarjasta ja kalenteritiedostosta. Poistoa ei voi perua.
series-remove-workshop-submit = Poista työpaja
series-methods-heading = Menetelmäkirjasto
series-remove-cancel = Älä poista
series-back = Takaisin sarjaan
series-edit-workshop = Muokkaa työpajaa
series-edit-workshop-title = Muokkaa työpajaa { $when }
series-notice-workshop-saved = Työpajan muutokset on tallennettu.
series-remove-period = Poista jakso
series-remove-period-title = Poistetaanko tiedonkeruujakso { $dates }?
series-remove-period-what = Jakso poistuu sarjasta. Poistoa ei voi perua.
series-remove-period-submit = Poista jakso
series-notice-period-removed = Tiedonkeruujakso on poistettu.
series-closed-badge = Suljettu
series-closed-heading = Sarja on suljettu
series-closed-since = Sarja suljettiin { $date }. Sen työpajoja ja tiedonkeruujaksoja ei voi nyt muuttaa.
series-closed-erasure = Osallistujien nimimerkit ja paluukoodit poistetaan, kun sulkemisesta on kulunut { $months ->
    [one] { $months } kuukausi
   *[other] { $months } kuukautta
}. Laput ja äänet säilyvät.
series-reopen-submit = Avaa sarja uudelleen
series-notice-closed = Sarja on suljettu.
series-notice-reopened = Sarja on avattu uudelleen. Voit taas muuttaa sitä.
series-close-heading = Sarjan sulkeminen
series-close-hint = Sulje sarja, kun sen viimeinen työpaja on pidetty.
series-close-link = Sulje sarja
series-close-title = Suljetaanko työpajasarja { $name }?
series-close-what = Kun sarja on suljettu, sen työpajoja ja tiedonkeruujaksoja ei voi lisätä, muuttaa eikä poistaa.
series-close-erasure = Osallistujien nimimerkit ja paluukoodit poistetaan tästä sarjasta { $months } kuukauden kuluttua sulkemisesta. Sen jälkeen kukaan ei voi palata sarjaan samalla nimimerkillä.
series-close-kept = Lappuja ja ääniä ei poisteta. Ne säilyvät tuloksissa, ja niistä näkyy edelleen, mistä näkökulmasta ne on kirjoitettu, esimerkiksi asiakkaan tai ammattilaisen.
series-close-reopen = Voit avata sarjan uudelleen. Jos avaat sen ennen kuin aika on kulunut, mitään ei poisteta.
series-close-submit = Sulje sarja
series-close-cancel = Älä sulje

groups-invite-title = Tule mukaan: { $name }
groups-invite-intro = Kehittäjäryhmässä asiakkaat, kokemusasiantuntijat, läheiset ja ammattilaiset kehittävät palveluja yhdessä. Jokaisen ääni on yhtä tärkeä. Sinun kokemuksesi auttaa tekemään palveluista parempia.
groups-invite-what = Mitä ryhmä tekee
groups-invite-when = Milloin tavataan
groups-invite-when-empty = Seuraavia tapaamisia ei ole vielä sovittu. Kysy vetäjältä.
groups-invite-contact = Ota yhteyttä
groups-invite-contact-empty = Vetäjä ei ole vielä kirjoittanut yhteystietoja.
groups-invite-qr = QR-koodi tämän sivun osoitteeseen
groups-invite-scan = Avaa tämä sivu puhelimella: osoita QR-koodia puhelimen kameralla.
groups-invite-privacy = Tämä sivu ei kerää sinusta mitään tietoja.

# Työpajasarjan vaiheet
phase-initial_coaching = Alkuvalmennus
phase-current_state = Nykytila ja kehittämistarpeet
phase-primary_needs = Tärkeimpien tarpeiden valinta
phase-ideation = Ideointi
phase-refining = Ratkaisujen hiominen
phase-pilots = Kokeilut
phase-evaluation = Arviointi

# Menetelmäkirjasto
method-dialogue_round = Dialogikierros
method-dialogue_round-how = Jokainen puhuu vuorollaan, muut kuuntelevat. Ketään ei keskeytetä. Vuoron voi myös ohittaa.
method-path_mapping = Palvelupolun piirtäminen
method-path_mapping-how = Piirretään yhdessä, mitä asiakkaan matkalla tapahtuu: mihin hän menee, mitä odottaa ja missä kohdassa hän putoaa pois.
method-dot_voting = Pisteäänestys
method-dot_voting-how = Jokainen saa muutaman pisteen. Laita pisteesi niihin asioihin, jotka ovat sinusta tärkeimpiä.
method-functional_method = Toiminnallinen menetelmä
method-functional_method-how = Tehdään ensin jotakin yhdessä, esimerkiksi sosiaalista sirkusta, draamaa tai kävely. Sen jälkeen puhuminen on helpompaa.
method-feedback_round = Palautekierros
method-feedback_round-how = Lopuksi jokainen kertoo, mikä toimi ja mitä pitäisi muuttaa ensi kerralla.
series-held-live = Live-työpajat tästä työpajasta:
series-hold-live = Avaa työpaja livenä
