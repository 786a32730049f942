# Projekt
workspaces-title = Projekt
workspaces-empty-action = Skapa det första projektet
workspaces-intro = Ett projekt är den gemensamma platsen för ett utvecklingsarbete: dess utvecklingsgrupper, workshoppar, servicestigar och idéer. Som medlemmar bjuds yrkespersoner, klienter, erfarenhetsexperter och anhöriga in.
workspaces-empty = Du har inga projekt ännu. Börja med att skapa det första: ge det ett namn, så kan du bjuda in medlemmar.
workspaces-create-heading = Skapa ett nytt projekt
workspaces-create-submit = Skapa projekt
workspace-your-role = Din roll
workspace-groups-empty-viewer = Projektets facilitator lägger till grupperna.
workspace-intro = Här ser du projektets utvecklingsgrupper och medlemmar.
workspace-groups-heading = Utvecklingsgrupper
workspace-groups-empty = Det finns inga utvecklingsgrupper ännu. I en grupp utvecklar yrkespersoner, klienter, erfarenhetsexperter och anhöriga tjänsten tillsammans.
workspace-members-heading = Medlemmar
workspace-members-caption = Projektets medlemmar och deras roller
workspace-actions = Åtgärder
member-remove = Ta bort
notice-member_removed = Medlemmen togs bort.
member-role-change = Byt roll
member-role-of = Rollen för { $name }
notice-role_changed = Rollen byttes.
notice-invitation_withdrawn = Inbjudan drogs tillbaka. Länken fungerar inte längre.
notice-joined = Välkommen! Du är nu medlem i projektet.
notice-created = Projektet har skapats. Bjud in medlemmar nedan.
notice-created_same_name = Projektet har skapats. Du har redan ett annat projekt med samma namn: skilj dem åt med namnet vid behov.

member-remove-title = Ta bort { $name } från projektet?
member-remove-what = { $name } (roll: { $role }) kommer inte längre in i projektet { $workspace }. Det hen redan har skrivit finns kvar i projektet. Hen kan bjudas in igen senare.
member-remove-submit = Ta bort medlemmen
member-remove-cancel = Ta inte bort
member-last-owner = Enda ägaren
member-no-actions = Inga åtgärder

field-role = Roll
field-workspace-name = Projektets namn

# Roller
role-owner = Ägare
role-facilitator = Facilitator
role-viewer = Läsare

# Dataskyddsinställningar
settings-title = Dataskyddsinställningar
settings-intro = De här inställningarna gäller alla workshoppar i projektet. Bara projektets ägare kan ändra dem.
settings-threshold-label = Minsta grupp vars storlek visas
settings-threshold-hint = I resultaten visas rösterna också per perspektiv, till exempel klienter och yrkespersoner. Om en grupp är mindre än det här talet visas "< talet" i stället för det exakta antalet, till exempel "< 5". Då kan ingen lista ut hur någon röstade. Talet kan vara 3–20. Standard är 5.
settings-retention-label = Lagringstid i månader
settings-retention-hint = När en workshopserie har stängts raderas deltagarnas smeknamn och returkoder efter så här många månader. Lappar och röster finns kvar i resultaten utan smeknamn. Om en workshop inte hör till någon serie räknas tiden från att workshoppen stängdes. Talet kan vara 1–60. Standard är 12.
settings-submit = Spara inställningarna
settings-back = Tillbaka till projektet
settings-saved = Inställningarna har sparats.
settings-link = Ändra dataskyddsinställningarna
settings-summary = I resultaten visas små grupper (under { $threshold }) som "< { $threshold }". Deltagarnas smeknamn och returkoder raderas { $months } { $months ->
        [one] månad
       *[other] månader
    } efter att workshopserien har stängts. Lappar och röster finns kvar.
