# polku mine (command line)
mine-skipped-rows = Left out { $count } rows that lacked a case, an activity or a timestamp.
mine-summary-totals = Event log: { $events } events, { $cases } cases, { $activities } activities
mine-summary-top-activities = Most common activities:
mine-summary-top-edges = Most common transitions (median wait):
mine-summary-top-variants = Most common paths:
mine-summary-endings = Where paths end:
mine-summary-ending-share = { $ended }/{ $reached } cases ended here ({ $share } %)

# polku mine: process map
mine-map-title = Process map
mine-map-desc-frequency = Boxes are activities, each with its number of events. An arrow shows which activity came right after another, and the number on it says how many times that happened. The log has { $cases } cases and { $events } events.
mine-map-left-out = To keep the map readable, only the { $shown } most frequent transitions that continue from the start are drawn. There are { $total } in all.
mine-map-start = Start
mine-map-end = End

# Waits, in a unit chosen by their size; abbreviations that need no plural.
mine-duration-seconds = { $value } s
mine-duration-minutes = { $value } min
mine-duration-hours = { $value } h
mine-duration-days = { $value } d
mine-map-desc-performance-units = Boxes are activities, each with its number of events. An arrow shows which activity came right after another, and the number on it is the median wait (s = seconds, min = minutes, h = hours, d = days). On the arrows from the start and to the end, the number is the number of cases. The log has { $cases } cases and { $events } events.
mine-summary-coverage = Different paths: { $variants }. Cases on the { $shown } most common paths: { $covered }/{ $cases }.
mine-summary-longest-waits = Longest waits (median):

# Errors for the common bad inputs.
mine-error-no-such-file = cannot open { $path }: no such file
mine-error-missing-column = column { $wanted } not found; the columns are: { $available }
mine-error-bad-timestamp = line { $line }: cannot read timestamp { $value } (expected ISO 8601, e.g. 2024-03-01T09:30:00+02:00)
