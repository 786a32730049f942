# Sivun kehys
skip-to-content = Siirry sisältöön
nav-main = Päävalikko
nav-workspaces = Hankkeet
nav-accessibility = Saavutettavuusseloste
nav-language = Kieli
nav-breadcrumb = Sijaintisi
signed-in-as = Kirjautuneena:
logout = Kirjaudu ulos
footer-about = Polku – palvelupolkujen yhteiskehittäminen

# Saavutettavuusseloste
a11y-title = Saavutettavuusseloste
a11y-intro = Tämä seloste koskee Polku-palvelua. Haluamme, että jokainen voi käyttää palvelua, myös ruudunlukijalla, pelkällä näppäimistöllä tai vanhalla puhelimella.
a11y-status-heading = Saavutettavuuden tila
a11y-status = Palvelu täyttää WCAG 2.1 -ohjeiden A- ja AA-tason vaatimukset. Arvio on oma: jokainen sivu tarkistetaan automaattisesti (axe-core) kolmella kielellä ja eri rooleissa jokaisen muutoksen yhteydessä, ja näppäimistökäyttö, kapea näyttö ja käyttö ilman JavaScriptiä testataan selaimessa. Ulkopuolista arviointia ei ole vielä tehty.
a11y-how-heading = Näin palvelu toimii
a11y-how-keyboard = Kaikki toiminnot onnistuvat näppäimistöllä, ja kohdistus näkyy selvästi.
a11y-how-zoom = Sivut toimivat 320 pikselin levyisellä näytöllä ja 200 prosentin suurennoksella.
a11y-how-nojs = Lomakkeet toimivat myös ilman JavaScriptiä.
a11y-how-languages = Palvelu on suomeksi, ruotsiksi ja englanniksi.
a11y-known-heading = Tiedossa olevat puutteet
a11y-known = Emme tiedä tällä hetkellä saavutettavuuspuutteita. Jos huomaat sellaisen, kerro meille.
a11y-feedback-heading = Anna palautetta
a11y-feedback = Huomasitko puutteen tai etkö saa jotain sisältöä käyttöösi? Kerro siitä meille sähköpostilla. Vastaamme 14 päivän kuluessa.
a11y-enforcement-heading = Valvontaviranomainen
a11y-enforcement = Jos et saa vastausta 14 päivässä tai et ole tyytyväinen vastaukseen, voit ilmoittaa asiasta valvontaviranomaiselle. Digitaalisten palvelujen saavutettavuutta valvoo 1.1.2026 alkaen Liikenne- ja viestintävirasto Traficom.
a11y-enforcement-contact = Traficom, saavutettavuusvalvonta
a11y-enforcement-phone = Puhelin (vaihde): 029 534 5000
a11y-updated = Seloste on laadittu 23.11.2026 ja tarkistettu viimeksi 25.11.2026.

# Virhesivut
error-status-code = Virhekoodi
error-go-front = Etusivulle
error-title-forbidden = Ei käyttöoikeutta
error-title-not_found = Sivua ei löydy
error-title-rate_limited = Liian monta yritystä
error-title-unavailable = Palvelu ei juuri nyt vastaa
error-title-bad_request = Pyyntöä ei voitu käsitellä
error-title-internal = Jokin meni vikaan
error-summary-title = Korjaa nämä kohdat
