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
member-add-heading = Lägg till medlem
member-add-intro = Lägg till en person som redan har ett Polku-konto med hens e-postadress.
member-add-submit = Lägg till medlem
notice-member_added = Medlemmen lades till.
notice-member_removed = Medlemmen togs bort.

field-role = Roll
field-workspace-name = Utvecklingsrummets namn

# Roller
role-owner = Ägare
role-facilitator = Facilitator
role-viewer = Läsare
