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
mine-summary-median-days = { $days ->
        [one] { $days } dygn
       *[other] { $days } dygn
    }
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
mine-map-desc-performance = Rutorna är aktiviteter, och i rutan står antalet händelser. En pil visar vilken aktivitet som kom direkt efter en annan, och talet vid pilen är medianväntetiden i dygn. Vid pilarna från start och till slut är talet antalet fall. Loggen har { $cases ->
        [one] { $cases } fall
       *[other] { $cases } fall
    } och { $events ->
        [one] { $events } händelse
       *[other] { $events } händelser
    }.
mine-map-left-out = För tydlighetens skull visar kartan bara { $shown ->
        [one] den vanligaste övergången
       *[other] de { $shown } vanligaste övergångarna
    } som fortsätter från start. Sammanlagt finns det { $total ->
        [one] { $total } övergång
       *[other] { $total } övergångar
    }.
mine-map-start = Start
mine-map-end = Slut
mine-map-days = dygn
