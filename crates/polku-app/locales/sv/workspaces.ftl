# Utvecklingsrum
workspaces-title = Utvecklingsrum
workspaces-empty = Du har inga utvecklingsrum ännu. Skapa det första nedan.
workspaces-create-heading = Skapa ett nytt utvecklingsrum
workspaces-create-submit = Skapa utvecklingsrum
workspace-your-role = Din roll
workspace-groups-heading = Utvecklingsgrupper
workspace-groups-empty = Det finns inga utvecklingsgrupper ännu.
workspace-members-heading = Medlemmar
workspace-members-caption = Utvecklingsrummets medlemmar och deras roller
workspace-actions = Åtgärder
member-remove = Ta bort
notice-member_removed = Medlemmen togs bort.
member-role-change = Byt roll
member-role-of = Rollen för { $name }
notice-role_changed = Rollen byttes.
notice-invitation_withdrawn = Inbjudan drogs tillbaka. Länken fungerar inte längre.
notice-joined = Välkommen! Du är nu medlem i projektet.
notice-created = Utvecklingsrummet har skapats. Bjud in medlemmar nedan.
notice-created_same_name = Utvecklingsrummet har skapats. Du har redan ett annat utvecklingsrum med samma namn: skilj dem åt med namnet vid behov.

field-role = Roll
field-workspace-name = Utvecklingsrummets namn

# Roller
role-owner = Ägare
role-facilitator = Facilitator
role-viewer = Läsare
