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
