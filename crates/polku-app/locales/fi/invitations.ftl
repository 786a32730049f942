# Kutsut
invitations-title = Kutsut
invite-heading = Kutsu henkilö
invite-intro = Kirjoita kutsuttavan sähköpostiosoite ja valitse rooli. Saat kutsulinkin, jonka lähetät hänelle itse: Polku ei vielä lähetä sähköpostia. Linkki toimii kerran ja 7 päivän ajan.
invite-submit = Tee kutsulinkki
invitations-pending-heading = Odottavat kutsut
invitations-pending-empty = Ei odottavia kutsuja. Kun kutsut jonkun, kutsu näkyy tässä, kunnes se otetaan käyttöön.
invitation-invited-by = Kutsuja
invitation-valid-until = Voimassa
invitation-withdraw = Peru kutsu

# Kutsu tehty
invitation-created-title = Kutsulinkki on valmis
invitation-created-send = Lähetä tämä linkki itse henkilölle { $email }, esimerkiksi sähköpostilla tai tekstiviestillä. Polku ei vielä lähetä sähköpostia.
invitation-created-what = Linkillä pääsee hankkeeseen { $workspace } roolissa { $role }. Linkki toimii kerran ja on voimassa { $expires } asti.
invitation-created-once = Linkki näytetään vain nyt. Jos se katoaa, peru kutsu ja tee uusi.
invitation-link = Kutsulinkki
invitation-back = Takaisin hankkeeseen
invitation-invite-another = Kutsu toinen henkilö

# Kutsun peruminen
invitation-withdraw-title = Perutaanko kutsu?
invitation-withdraw-what = Kutsu osoitteeseen { $email } (rooli: { $role }) lakkaa toimimasta. Linkillä ei enää pääse hankkeeseen.
invitation-withdraw-made = Kutsun teki { $inviter } { $created }.
invitation-withdraw-submit = Peru kutsu
invitation-withdraw-cancel = Älä peru

# Kutsusivu
invitation-title = Kutsu hankkeeseen { $workspace }
invitation-intro = { $inviter } kutsui osoitteen { $email } hankkeeseen { $workspace }. Rooli siellä: { $role }.
invitation-valid = Kutsu on voimassa { $expires } asti, ja sitä voi käyttää kerran.
invitation-accept = Hyväksy kutsu ja liity
invitation-other-account = Olet kirjautunut osoitteella { $signed_in }, mutta tämä kutsu on osoitteelle { $email }. Kirjaudu ulos ja avaa linkki uudelleen.
invitation-login-heading = Onko sinulla jo Polku-tunnus?
invitation-login-intro = Kirjaudu sisään osoitteella { $email }. Palaat sen jälkeen tälle sivulle.
invitation-login = Kirjaudu sisään
invitation-signup-heading = Uusi Polussa? Luo tunnus
invitation-signup-intro = Tunnus tehdään kutsutulle osoitteelle. Kun tunnus on valmis, olet heti hankkeen jäsen.
invitation-signup-submit = Luo tunnus ja liity
field-password-again = Salasana uudelleen
password-hint = Vähintään 12 merkkiä. Monta sanaa peräkkäin on hyvä ja helppo muistaa.
