# Sivun kehys
skip-to-content = Siirry sisältöön
nav-main = Päävalikko
nav-workspaces = Kehittämistilat
nav-accessibility = Saavutettavuusseloste
nav-language = Kieli
nav-breadcrumb = Sijaintisi
signed-in-as = Kirjautuneena:
logout = Kirjaudu ulos
footer-about = Polku – palvelupolkujen yhteiskehittäminen

# Kirjautuminen
login-title = Kirjaudu sisään
login-intro = Kirjaudu fasilitaattorin tai esihenkilön tunnuksella.
login-submit = Kirjaudu
login-participant-hint = Osallistutko työpajaan? Et tarvitse tunnusta: saat fasilitaattorilta lyhyen koodin.
field-email = Sähköposti
field-password = Salasana
field-name = Nimi
field-role = Rooli
field-workspace-name = Kehittämistilan nimi

# Kehittämistilat
workspaces-title = Kehittämistilat
workspaces-empty = Sinulla ei ole vielä kehittämistiloja. Luo ensimmäinen alla.
workspaces-create-heading = Luo uusi kehittämistila
workspaces-create-submit = Luo kehittämistila
workspace-your-role = Roolisi
workspace-groups-heading = Kehittäjäryhmät
workspace-groups-empty = Kehittäjäryhmiä ei ole vielä.
workspace-members-heading = Jäsenet
workspace-members-caption = Kehittämistilan jäsenet ja heidän roolinsa
workspace-actions = Toiminnot
member-remove = Poista
member-add-heading = Lisää jäsen
member-add-intro = Lisää henkilö, jolla on jo Polku-tunnus, hänen sähköpostiosoitteellaan.
member-add-submit = Lisää jäsen
notice-member_added = Jäsen lisättiin.
notice-member_removed = Jäsen poistettiin.

# Roolit
role-owner = Omistaja
role-facilitator = Fasilitaattori
role-viewer = Lukija

# Saavutettavuusseloste
a11y-title = Saavutettavuusseloste
a11y-intro = Tämä seloste koskee Polku-palvelua. Haluamme, että jokainen voi käyttää palvelua, myös ruudunlukijalla, pelkällä näppäimistöllä tai vanhalla puhelimella.
a11y-status-heading = Saavutettavuuden tila
a11y-status = Palvelu on tehty täyttämään WCAG 2.1 -ohjeiden A- ja AA-tason vaatimukset. Sivut testataan automaattisesti jokaisen muutoksen yhteydessä.
a11y-how-heading = Näin palvelu toimii
a11y-how-keyboard = Kaikki toiminnot onnistuvat näppäimistöllä, ja kohdistus näkyy selvästi.
a11y-how-zoom = Sivut toimivat 320 pikselin levyisellä näytöllä ja 200 prosentin suurennoksella.
a11y-how-nojs = Lomakkeet toimivat myös ilman JavaScriptiä.
a11y-how-languages = Palvelu on suomeksi, ruotsiksi ja englanniksi.
a11y-known-heading = Tiedossa olevat puutteet
a11y-known = Emme tiedä tällä hetkellä saavutettavuuspuutteita. Jos huomaat sellaisen, kerro meille.
a11y-feedback-heading = Anna palautetta
a11y-feedback = Huomasitko puutteen? Kerro siitä meille sähköpostilla:
a11y-enforcement-heading = Valvontaviranomainen
a11y-enforcement = Jos et ole tyytyväinen saamaasi vastaukseen, voit tehdä ilmoituksen Etelä-Suomen aluehallintovirastoon, joka valvoo digipalvelujen saavutettavuutta.
a11y-updated = Seloste on laadittu 23.11.2026.

# Virhesivut
error-status-code = Virhekoodi
error-go-front = Etusivulle
error-title-forbidden = Ei käyttöoikeutta
error-title-not_found = Sivua ei löydy
error-title-rate_limited = Liian monta yritystä
error-title-unavailable = Palvelu ei juuri nyt vastaa
error-title-bad_request = Pyyntöä ei voitu käsitellä
error-title-internal = Jokin meni vikaan

# Virheilmoitukset (koodi = avain)
error-not_found = Etsimääsi ei löytynyt. Tarkista osoite.
error-forbidden = Sinulla ei ole oikeutta tähän. Pyydä kehittämistilan omistajaa lisäämään sinut.
error-unauthorized = Kirjaudu ensin sisään.
error-database_unavailable = Tietokanta ei vastaa juuri nyt. Yritä hetken päästä uudelleen; tietojasi ei ole kadonnut.
error-internal = Palvelussa tapahtui virhe. Yritä uudelleen.
error-rate_limited = Liian monta yritystä. Odota hetki ja yritä uudelleen.
error-login_rate_limited = Liian monta kirjautumisyritystä. Odota { $seconds } sekuntia ja yritä uudelleen.
error-invalid_credentials = Sähköposti tai salasana on väärin.
error-method_not_allowed = Tätä toimintoa ei voi tehdä tällä osoitteella.
error-payload_too_large = Lähettämäsi tieto on liian suuri.
error-invalid_json = Pyynnön JSON ei ole kelvollista.
error-invalid_fields = Pyynnöstä puuttuu kenttiä tai niissä on väärän tyyppisiä arvoja.
error-json_required = Lähetä pyyntö JSON-muodossa (Content-Type: application/json).
error-invalid_form = Lomakkeen tietoja ei voitu lukea. Yritä uudelleen.
error-cross_origin_request = Pyyntö tuli toiselta sivustolta, joten se estettiin.
error-required = Täytä tämä kenttä.
error-too_long = Teksti on liian pitkä.
error-control_characters = Tekstissä on merkkejä, joita ei voi tallentaa.
error-invalid_email = Sähköpostiosoite ei ole oikeassa muodossa.
error-invalid_role = Valitse rooli: omistaja, fasilitaattori tai lukija.
error-password_too_short = Salasanassa pitää olla vähintään 12 merkkiä.
error-password_too_long = Salasanassa saa olla enintään 256 merkkiä.
error-password_too_guessable = Salasana on liian helppo arvata. Käytä esimerkiksi useaa sanaa.
error-email_taken = Tällä sähköpostilla on jo tunnus.
error-already_member = Henkilö on jo kehittämistilan jäsen.
error-last_owner = Viimeistä omistajaa ei voi poistaa. Lisää ensin toinen omistaja.
error-unknown_account = Tällä sähköpostilla ei ole Polku-tunnusta.
error-duplicate = Sama tieto on jo tallennettu.

# polku mine (komentorivi)
mine-skipped-rows = Ohitettiin { $count } riviä, joilta puuttui tapaus, toiminto tai aikaleima.
mine-summary-totals = Tapahtumaloki: { $events } tapahtumaa, { $cases } tapausta, { $activities } toimintoa
mine-summary-top-activities = Yleisimmät toiminnot:
mine-summary-top-edges = Yleisimmät siirtymät (odotuksen mediaani):
mine-summary-median-days = { $days } vrk
mine-summary-top-variants = Yleisimmät polut:
mine-summary-endings = Mihin polut päättyvät:
mine-summary-ending-share = { $ended }/{ $reached } tapausta päättyi tähän ({ $share } %)

# polku mine: process map
mine-map-title = Prosessikartta
mine-map-desc-frequency = Laatikot ovat toimintoja, ja laatikossa on toiminnon tapahtumien määrä. Nuoli näyttää, mikä toiminto tuli heti toisen jälkeen, ja nuolen luku kertoo, kuinka monta kertaa näin kävi. Lokissa on { $cases } tapausta ja { $events } tapahtumaa.
mine-map-desc-performance = Laatikot ovat toimintoja, ja laatikossa on toiminnon tapahtumien määrä. Nuoli näyttää, mikä toiminto tuli heti toisen jälkeen, ja nuolen luku on odotusajan mediaani vuorokausina. Alusta lähtevissä ja loppuun tulevissa nuolissa luku on tapausten määrä. Lokissa on { $cases } tapausta ja { $events } tapahtumaa.
mine-map-left-out = Selkeyden vuoksi kartassa on vain { $shown } yleisintä alusta jatkuvaa siirtymää. Kaikkiaan siirtymiä on { $total }.
mine-map-start = Alku
mine-map-end = Loppu
mine-map-days = vrk
