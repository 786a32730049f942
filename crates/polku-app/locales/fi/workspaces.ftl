# Hankkeet
workspaces-title = Hankkeet
workspaces-empty-action = Luo ensimmäinen hanke
workspaces-intro = Hanke on yhden kehittämistyön yhteinen paikka: sen kehittäjäryhmät, työpajat, palvelupolut ja ideat. Jäseniksi kutsutaan ammattilaiset, asiakkaat, kokemusasiantuntijat ja läheiset.
workspaces-empty = Sinulla ei ole vielä hankkeita. Aloita luomalla ensimmäinen: anna sille nimi, niin voit kutsua siihen jäseniä.
workspaces-create-heading = Luo uusi hanke
workspaces-create-submit = Luo hanke
workspace-your-role = Roolisi
workspace-groups-empty-viewer = Hankkeen fasilitaattori lisää ryhmät.
workspace-intro = Täällä näet hankkeen kehittäjäryhmät ja jäsenet.
workspace-groups-heading = Kehittäjäryhmät
workspace-groups-empty = Kehittäjäryhmiä ei ole vielä. Ryhmässä ammattilaiset, asiakkaat, kokemusasiantuntijat ja läheiset kehittävät palvelua yhdessä.
workspace-members-heading = Jäsenet
workspace-members-caption = Hankkeen jäsenet ja heidän roolinsa
workspace-actions = Toiminnot
member-remove = Poista
notice-member_removed = Jäsen poistettiin.
member-role-change = Vaihda rooli
member-role-of = Henkilön { $name } rooli
notice-role_changed = Rooli vaihdettiin.
notice-invitation_withdrawn = Kutsu peruttiin. Linkki ei enää toimi.
notice-joined = Tervetuloa! Olet nyt hankkeen jäsen.
notice-created = Hanke on luotu. Kutsu siihen jäseniä alta.
notice-created_same_name = Hanke on luotu. Sinulla on jo toinen samanniminen hanke: erota ne tarvittaessa nimellä.

member-remove-title = Poistetaanko { $name } hankkeesta?
member-remove-what = { $name } (rooli: { $role }) ei enää pääse hankkeeseen { $workspace }. Mitä hän on jo kirjoittanut, jää hankkeeseen. Hänet voi kutsua takaisin myöhemmin.
member-remove-submit = Poista jäsen
member-remove-cancel = Älä poista
member-last-owner = Ainoa omistaja
member-no-actions = Ei toimintoja

field-role = Rooli
field-workspace-name = Hankkeen nimi

# Roolit
role-owner = Omistaja
role-facilitator = Fasilitaattori
role-viewer = Lukija

# Tietosuoja-asetukset
settings-title = Tietosuoja-asetukset
settings-intro = Nämä asetukset koskevat hankkeen kaikkia työpajoja. Vain hankkeen omistaja voi muuttaa niitä.
settings-threshold-label = Pienin ryhmä, jonka koko näytetään
settings-threshold-hint = Tuloksissa äänet näytetään myös näkökulmittain, esimerkiksi asiakkaat ja ammattilaiset. Jos ryhmä on pienempi kuin tämä luku, tarkan määrän sijaan näkyy "< luku", esimerkiksi "< 5". Näin kenenkään ääntä ei voi päätellä. Luku voi olla 3–20. Oletus on 5.
settings-retention-label = Säilytysaika kuukausina
settings-retention-hint = Kun työpajasarja on suljettu, osallistujien nimimerkit ja paluukoodit poistetaan, kun näin monta kuukautta on kulunut. Laput ja äänet jäävät tuloksiin ilman nimimerkkiä. Jos työpaja ei kuulu sarjaan, aika lasketaan siitä, kun työpaja suljettiin. Luku voi olla 1–60. Oletus on 12.
settings-submit = Tallenna asetukset
settings-back = Takaisin hankkeeseen
settings-saved = Asetukset tallennettiin.
settings-link = Muuta tietosuoja-asetuksia
settings-summary = Tuloksissa pienet ryhmät (alle { $threshold }) näkyvät muodossa "< { $threshold }". Osallistujien nimimerkit ja paluukoodit poistetaan { $months } kuukauden kuluttua siitä, kun työpajasarja suljettiin. Laput ja äänet säilyvät.
