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

field-role = Rooli
field-workspace-name = Kehittämistilan nimi

# Roolit
role-owner = Omistaja
role-facilitator = Fasilitaattori
role-viewer = Lukija
