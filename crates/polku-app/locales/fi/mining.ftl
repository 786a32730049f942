# polku mine (komentorivi)
mine-skipped-rows = Ohitettiin { $count ->
        [one] { $count } rivi, jolta
       *[other] { $count } riviä, joilta
    } puuttui tapaus, toiminto tai aikaleima.
mine-summary-totals = Tapahtumaloki: { $events ->
        [one] { $events } tapahtuma
       *[other] { $events } tapahtumaa
    }, { $cases ->
        [one] { $cases } tapaus
       *[other] { $cases } tapausta
    }, { $activities ->
        [one] { $activities } toiminto
       *[other] { $activities } toimintoa
    }
mine-summary-top-activities = Yleisimmät toiminnot:
mine-summary-top-edges = Yleisimmät siirtymät (odotuksen mediaani):
mine-summary-top-variants = Yleisimmät polut:
mine-summary-endings = Mihin polut päättyvät:
mine-summary-ending-share = { $ended ->
        [one] { $ended } tapaus
       *[other] { $ended } tapausta
    } päättyi tähän ({ $share } % { $reached ->
        [one] tänne tulleesta { $reached } tapauksesta
       *[other] tänne tulleista { $reached } tapauksesta
    })

# polku mine: process map
mine-map-title = Prosessikartta
mine-map-desc-frequency = Laatikot ovat toimintoja, ja laatikossa on toiminnon tapahtumien määrä. Nuoli näyttää, mikä toiminto tuli heti toisen jälkeen, ja nuolen luku kertoo, kuinka monta kertaa näin kävi. Lokissa on { $cases ->
        [one] { $cases } tapaus
       *[other] { $cases } tapausta
    } ja { $events ->
        [one] { $events } tapahtuma
       *[other] { $events } tapahtumaa
    }.
mine-map-left-out = Kartassa näkyy { $shown ->
        [one] { $shown } siirtymä
       *[other] { $shown } siirtymää
    } { $total ->
        [one] { $total } siirtymästä
       *[other] { $total } siirtymästä
    }.
mine-map-activities-left-out = { $count ->
        [one] { $count } toiminto ei näy kartassa
       *[other] { $count } toimintoa ei näy kartassa
    }: { $names }.
mine-map-and-more = ja { $count ->
        [one] { $count } muu
       *[other] { $count } muuta
    }
mine-map-cases-start = { $count ->
        [one] { $count } tapaus alkaa
       *[other] { $count } tapausta alkaa
    }
mine-map-cases-end = { $count ->
        [one] { $count } tapaus päättyy
       *[other] { $count } tapausta päättyy
    }
mine-map-start = Alku
mine-map-end = Loppu

# Waits, in a unit chosen by their size; abbreviations that need no plural.
mine-duration-seconds = { $value } s
mine-duration-minutes = { $value } min
mine-duration-hours = { $value } h
mine-duration-days = { $value } vrk
mine-map-desc-performance-units = Laatikot ovat toimintoja, ja laatikossa on toiminnon tapahtumien määrä. Nuoli näyttää, mikä toiminto tuli heti toisen jälkeen, ja nuolen luku on odotusajan mediaani (s = sekuntia, min = minuuttia, h = tuntia, vrk = vuorokautta). Alusta lähtevissä ja loppuun tulevissa nuolissa luku on tapausten määrä. Lokissa on { $cases ->
        [one] { $cases } tapaus
       *[other] { $cases } tapausta
    } ja { $events ->
        [one] { $events } tapahtuma
       *[other] { $events } tapahtumaa
    }.
mine-summary-coverage = Eri polkuja: { $variants }. { $shown ->
        [one] Yleisin polku kattaa
       *[other] { $shown } yleisintä polkua kattavat
    } { $covered } / { $cases ->
        [one] { $cases } tapauksesta
       *[other] { $cases } tapauksesta
    }.
mine-summary-longest-waits = Pisimmät odotukset (mediaani):

# Errors for the common bad inputs.
mine-error-no-such-file = tiedostoa { $path } ei voi avata: tiedostoa ei ole
mine-error-missing-column = saraketta { $wanted } ei löydy; sarakkeet ovat: { $available }
mine-error-bad-timestamp = rivi { $line }: aikaleimaa { $value } ei voi lukea (odotettiin esimerkiksi 2024-03-01T09:30:00+02:00 tai 1.3.2024 9.30)
mine-error-activities = --activities { $value }: anna kokonaisluku, joka on vähintään 1 (esimerkiksi --activities 30)
mine-error-unknown-timezone = aikavyöhykettä { $zone } ei tunneta; anna IANA-nimi, esimerkiksi Europe/Helsinki (tai UTC)
mine-error-ocel1 = tämä on OCEL 1.0 -loki; polku lukee OCEL 2.0 -lokeja. Muunna se ensin, esimerkiksi pm4py:llä: { $example }
