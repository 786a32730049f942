# polku mine (kommandorad)
mine-skipped-rows = { $count } rader hoppades över eftersom fall, aktivitet eller tidpunkt saknades.
mine-summary-totals = Händelselogg: { $events } händelser, { $cases } fall, { $activities } aktiviteter
mine-summary-top-activities = Vanligaste aktiviteter:
mine-summary-top-edges = Vanligaste övergångar (median väntetid):
mine-summary-top-variants = Vanligaste stigar:
mine-summary-endings = Var stigarna slutar:
mine-summary-ending-share = { $ended }/{ $reached } fall slutade här ({ $share } %)

# polku mine: process map
mine-map-title = Processkarta
mine-map-desc-frequency = Rutorna är aktiviteter, och i rutan står antalet händelser. En pil visar vilken aktivitet som kom direkt efter en annan, och talet vid pilen anger hur många gånger det hände. Loggen har { $cases } fall och { $events } händelser.
mine-map-left-out = För tydlighetens skull visar kartan bara de { $shown } vanligaste övergångarna som fortsätter från start. Sammanlagt finns det { $total } övergångar.
mine-map-start = Start
mine-map-end = Slut

# Waits, in a unit chosen by their size; abbreviations that need no plural.
mine-duration-seconds = { $value } s
mine-duration-minutes = { $value } min
mine-duration-hours = { $value } h
mine-duration-days = { $value } dygn
mine-map-desc-performance-units = Rutorna är aktiviteter, och i rutan står antalet händelser. En pil visar vilken aktivitet som kom direkt efter en annan, och talet vid pilen är medianväntetiden (s = sekunder, min = minuter, h = timmar, dygn). Vid pilarna från start och till slut är talet antalet fall. Loggen har { $cases } fall och { $events } händelser.
mine-summary-coverage = Olika stigar: { $variants }. Fall på de { $shown } vanligaste stigarna: { $covered }/{ $cases }.
mine-summary-longest-waits = Längsta väntetider (median):

# Errors for the common bad inputs.
mine-error-no-such-file = kan inte öppna { $path }: filen finns inte
mine-error-missing-column = kolumnen { $wanted } finns inte; kolumnerna är: { $available }
mine-error-bad-timestamp = rad { $line }: tidpunkten { $value } kan inte läsas (väntade till exempel 2024-03-01T09:30:00+02:00 eller 1.3.2024 9.30)
