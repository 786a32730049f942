# Kirjautuminen
login-title = Kirjaudu sisään
login-intro = Kirjaudu fasilitaattorin tai esihenkilön tunnuksella.
login-submit = Kirjaudu
login-participant-hint = Osallistutko työpajaan? Et tarvitse tunnusta: saat fasilitaattorilta lyhyen koodin.
field-email = Sähköposti
field-password = Salasana
field-name = Nimi
