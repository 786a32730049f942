# Kirjautuminen
login-title = Kirjaudu sisään
login-intro = Kirjaudu fasilitaattorin tai esihenkilön tunnuksella.
login-submit = Kirjaudu
login-participant-hint = Osallistutko työpajaan? Et tarvitse tunnusta: saat fasilitaattorilta lyhyen koodin.
field-email = Sähköposti
field-password = Salasana
field-name = Nimi

# Oma tili: virheet
error-current_password_wrong = Nykyinen salasana on väärin.
error-passwords_differ = Salasanat eivät ole samat. Kirjoita sama uusi salasana kahdesti.
error-invalid_token_lifetime = Valitse voimassaoloaika 1–365 päivää.
error-reset_link_gone = Linkki on jo käytetty tai se on vanhentunut.
