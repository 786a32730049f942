# Kirjautuminen
login-title = Kirjaudu sisään
login-intro = Kirjaudu fasilitaattorin tai esihenkilön tunnuksella.
login-submit = Kirjaudu
login-participant-hint = Osallistutko työpajaan? Et tarvitse tunnusta: saat fasilitaattorilta lyhyen koodin.
field-email = Sähköposti
field-password = Salasana
field-name = Nimi

# Oma tili: virheet
error-current_password_wrong = Nykyinen salasana on väärin.
error-passwords_differ = Salasanat eivät ole samat. Kirjoita sama uusi salasana kahdesti.
error-invalid_token_lifetime = Valitse voimassaoloaika 1–365 päivää.

# Kirjautumisen ilmoitukset
login-notice-signed_out_everywhere = Sinut on kirjattu ulos kaikilla laitteilla.
login-notice-password_reset = Uusi salasana on tallennettu. Kirjaudu sisään sillä.

# Oma tili
account-nav-label = oma tili
account-title = Oma tili
account-email-note = Jos sähköpostiosoite pitää vaihtaa, pyydä sitä ylläpitäjältä.
account-name-heading = Nimi
account-name-submit = Tallenna nimi
account-notice-name_changed = Nimi on tallennettu.
account-password-heading = Salasana
account-password-intro = Kun vaihdat salasanan, sinut kirjataan ulos kaikilla muilla laitteilla.
account-password-hint = Vähintään 12 merkkiä. Vahva salasana on esimerkiksi monta sanaa peräkkäin.
account-password-submit = Vaihda salasana
account-notice-password_changed = Salasana on vaihdettu. Sinut on kirjattu ulos muilla laitteilla.
field-current-password = Nykyinen salasana
field-new-password = Uusi salasana
field-new-password-again = Uusi salasana uudelleen
account-sessions-heading = Kirjaudu ulos kaikkialla
account-sessions-intro = Tämä kirjaa sinut ulos kaikilla laitteilla ja selaimilla, myös tällä. API-avaimet toimivat edelleen; voit poistaa ne alempana.
account-sessions-submit = Kirjaudu ulos kaikkialla
account-tokens-heading = API-avaimet
account-tokens-intro = API-avaimella ohjelma voi käyttää Polkua sinun tunnuksillasi. Anna jokaiselle avaimelle nimi, josta tunnistat sen.
account-tokens-empty = Sinulla ei ole API-avaimia. Tarvitset avaimen vain, jos jokin ohjelma käyttää Polkua puolestasi.
account-tokens-caption = Sinun API-avaimesi
account-token-created-at = Luotu
account-token-expires-at = Voimassa asti
account-token-last-used = Käytetty viimeksi
account-token-actions = Toiminnot
account-token-expired = vanhentunut
account-token-never-used = ei koskaan
account-token-revoke = Poista
account-token-new-heading = Luo uusi API-avain
account-token-name-hint = Esimerkiksi ohjelman nimi, joka avainta käyttää.
field-token-name = Avaimen nimi
field-token-days = Voimassaoloaika
account-token-days-choice = { $days ->
        [one] { $days } päivä
       *[other] { $days } päivää
    }
account-token-create-submit = Luo avain
account-token-created = API-avain { $name } on luotu. Se on voimassa { $expires } asti.
account-token-secret-label = Uusi API-avain
account-token-shown-once = Kopioi avain nyt. Se näytetään vain tämän kerran.
account-notice-token_revoked = API-avain on poistettu.
account-revoke-title = Poistetaanko API-avain?
account-revoke-intro = Olet poistamassa API-avainta { $name }, joka on voimassa { $expires } asti.
account-revoke-warning = Ohjelmat, jotka käyttävät avainta, lakkaavat toimimasta heti.
account-revoke-submit = Poista avain
account-revoke-cancel = Peruuta

# Salasanan palautus
reset-title = Aseta uusi salasana
reset-intro = Asetat uuden salasanan tunnukselle { $email }. Kun salasana on tallennettu, sinut kirjataan ulos kaikilla laitteilla.
reset-submit = Tallenna salasana
reset-gone-title = Linkki ei enää toimi
reset-gone-text = Linkki on jo käytetty, se on vanhentunut tai se on kirjoitettu väärin. Pyydä ylläpitäjältä uusi linkki.
reset-gone-login = Kirjautumiseen
