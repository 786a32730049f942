# polku mine (kommandorad)
mine-skipped-rows = { $count ->
        [one] { $count } rad hoppades
       *[other] { $count } rader hoppades
    } över eftersom fall, aktivitet eller tidpunkt saknades.
mine-summary-totals = Händelselogg: { $events ->
        [one] { $events } händelse
       *[other] { $events } händelser
    }, { $cases ->
        [one] { $cases } fall
       *[other] { $cases } fall
    }, { $activities ->
        [one] { $activities } aktivitet
       *[other] { $activities } aktiviteter
    }
mine-summary-top-activities = Vanligaste aktiviteter:
mine-summary-top-edges = Vanligaste övergångar (median väntetid):
mine-summary-top-variants = Vanligaste stigar:
mine-summary-endings = Var stigarna slutar:
mine-summary-ending-share = { $ended ->
        [one] { $ended } fall
       *[other] { $ended } fall
    } slutade här ({ $share } % { $reached ->
        [one] av det { $reached } fall som nådde hit
       *[other] av de { $reached } fall som nådde hit
    })

# polku mine: process map
mine-map-title = Processkarta
mine-map-desc-frequency = Rutorna är aktiviteter, och i rutan står antalet händelser. En pil visar vilken aktivitet som kom direkt efter en annan, och talet vid pilen anger hur många gånger det hände. Loggen har { $cases ->
        [one] { $cases } fall
       *[other] { $cases } fall
    } och { $events ->
        [one] { $events } händelse
       *[other] { $events } händelser
    }.
mine-map-left-out = { $shown ->
        [one] { $shown } av
       *[other] { $shown } av
    } { $total ->
        [one] { $total } övergång visas
       *[other] { $total } övergångar visas
    }.
mine-map-activities-left-out = { $count ->
        [one] { $count } aktivitet visas inte på kartan
       *[other] { $count } aktiviteter visas inte på kartan
    }: { $names }.
mine-map-and-more = och { $count ->
        [one] { $count } till
       *[other] { $count } till
    }
mine-map-cases-start = { $count ->
        [one] { $count } fall börjar
       *[other] { $count } fall börjar
    }
mine-map-cases-end = { $count ->
        [one] { $count } fall slutar
       *[other] { $count } fall slutar
    }
mine-map-start = Start
mine-map-end = Slut

# Waits, in a unit chosen by their size; abbreviations that need no plural.
mine-duration-seconds = { $value } s
mine-duration-minutes = { $value } min
mine-duration-hours = { $value } h
mine-duration-days = { $value } dygn
mine-map-desc-performance-units = Rutorna är aktiviteter, och i rutan står antalet händelser. En pil visar vilken aktivitet som kom direkt efter en annan, och talet vid pilen är medianväntetiden (s = sekunder, min = minuter, h = timmar, dygn). Vid pilarna från start och till slut är talet antalet fall. Loggen har { $cases ->
        [one] { $cases } fall
       *[other] { $cases } fall
    } och { $events ->
        [one] { $events } händelse
       *[other] { $events } händelser
    }.
mine-summary-coverage = Olika vägar: { $variants }. { $shown ->
        [one] Den vanligaste vägen täcker
       *[other] De { $shown } vanligaste vägarna täcker
    } { $covered } av { $cases ->
        [one] { $cases } fall
       *[other] { $cases } fall
    }.
mine-summary-longest-waits = Längsta väntetider (median):

# Errors for the common bad inputs.
mine-error-no-such-file = kan inte öppna { $path }: filen finns inte
mine-error-missing-column = kolumnen { $wanted } finns inte; kolumnerna är: { $available }
mine-error-bad-timestamp = rad { $line }: tidpunkten { $value } kan inte läsas (väntade till exempel 2024-03-01T09:30:00+02:00 eller 1.3.2024 9.30)
mine-error-activities = --activities { $value }: ange ett heltal som är minst 1 (till exempel --activities 30)
mine-error-unknown-timezone = tidszonen { $zone } är okänd; ange ett IANA-namn, till exempel Europe/Helsinki (eller UTC)
mine-error-ocel1 = det här är en OCEL 1.0-logg; polku läser OCEL 2.0. Konvertera den först, till exempel med pm4py: { $example }
