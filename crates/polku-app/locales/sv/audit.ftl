# Medlemsändringar
audit-title = Historik över medlemsändringar
audit-intro = Vem som bjöd in, drog tillbaka en inbjudan, gick med, tog bort en medlem eller bytte en roll, och när. Nyaste först. Bara ägare ser den här sidan.
audit-empty = Inga ändringar än.
audit-link = Historik över medlemsändringar
audit-actor = Gjort av
audit-target = Gäller
audit-unknown-account = borttaget konto
audit-action-invitation_created = Inbjudan skapades
audit-action-invitation_withdrawn = Inbjudan drogs tillbaka
audit-action-invitation_accepted = Inbjudan togs emot
audit-action-member_removed = Medlem togs bort
audit-action-role_changed = Roll byttes
