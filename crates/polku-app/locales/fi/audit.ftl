# Jäsenmuutosten historia
audit-title = Jäsenmuutosten historia
audit-intro = Kuka kutsui, perui kutsun, liittyi, poisti jäsenen tai vaihtoi roolin, ja milloin. Uusimmat ensin. Vain omistajat näkevät tämän sivun.
audit-empty = Muutoksia ei ole vielä.
audit-link = Jäsenmuutosten historia
audit-actor = Tekijä
audit-target = Kohde
audit-unknown-account = poistettu tunnus
audit-action-invitation_created = Kutsu tehtiin
audit-action-invitation_withdrawn = Kutsu peruttiin
audit-action-invitation_accepted = Kutsu hyväksyttiin
audit-action-member_removed = Jäsen poistettiin
audit-action-role_changed = Rooli vaihdettiin
