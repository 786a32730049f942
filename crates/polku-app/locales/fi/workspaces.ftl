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
notice-member_removed = Jäsen poistettiin.
member-role-change = Vaihda rooli
member-role-of = Henkilön { $name } rooli
notice-role_changed = Rooli vaihdettiin.
notice-invitation_withdrawn = Kutsu peruttiin. Linkki ei enää toimi.
notice-joined = Tervetuloa! Olet nyt kehittämistilan jäsen.
notice-created = Kehittämistila on luotu. Kutsu siihen jäseniä alta.
notice-created_same_name = Kehittämistila on luotu. Sinulla on jo toinen samanniminen kehittämistila: erota ne tarvittaessa nimellä.

field-role = Rooli
field-workspace-name = Kehittämistilan nimi

# Roolit
role-owner = Omistaja
role-facilitator = Fasilitaattori
role-viewer = Lukija
