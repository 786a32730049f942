# polku mine (command line)
mine-skipped-rows = Left out { $count ->
        [one] { $count } row that
       *[other] { $count } rows that
    } lacked a case, an activity or a timestamp.
mine-summary-totals = Event log: { $events ->
        [one] { $events } event
       *[other] { $events } events
    }, { $cases ->
        [one] { $cases } case
       *[other] { $cases } cases
    }, { $activities ->
        [one] { $activities } activity
       *[other] { $activities } activities
    }
mine-summary-top-activities = Most common activities:
mine-summary-top-edges = Most common transitions (median wait):
mine-summary-top-variants = Most common paths:
mine-summary-endings = Where paths end:
mine-summary-ending-share = { $ended ->
        [one] { $ended } case
       *[other] { $ended } cases
    } ended here ({ $share } % { $reached ->
        [one] of the { $reached } case that reached it
       *[other] of the { $reached } cases that reached it
    })

# polku mine: process map
mine-map-title = Process map
mine-map-desc-frequency = Boxes are activities, each with its number of events. An arrow shows which activity came right after another, and the number on it says how many times that happened. The log has { $cases ->
        [one] { $cases } case
       *[other] { $cases } cases
    } and { $events ->
        [one] { $events } event
       *[other] { $events } events
    }.
mine-map-left-out = { $shown ->
        [one] { $shown } of
       *[other] { $shown } of
    } { $total ->
        [one] { $total } transition shown
       *[other] { $total } transitions shown
    }.
mine-map-activities-left-out = { $count ->
        [one] { $count } activity left out
       *[other] { $count } activities left out
    }: { $names }.
mine-map-and-more = and { $count ->
        [one] { $count } more
       *[other] { $count } more
    }
mine-map-cases-start = { $count ->
        [one] { $count } case starts
       *[other] { $count } cases start
    }
mine-map-cases-end = { $count ->
        [one] { $count } case ends
       *[other] { $count } cases end
    }
mine-map-start = Start
mine-map-end = End

# Waits, in a unit chosen by their size; abbreviations that need no plural.
mine-duration-seconds = { $value } s
mine-duration-minutes = { $value } min
mine-duration-hours = { $value } h
mine-duration-days = { $value } d
mine-map-desc-performance-units = Boxes are activities, each with its number of events. An arrow shows which activity came right after another, and the number on it is the median wait (s = seconds, min = minutes, h = hours, d = days). On the arrows from the start and to the end, the number is the number of cases. The log has { $cases ->
        [one] { $cases } case
       *[other] { $cases } cases
    } and { $events ->
        [one] { $events } event
       *[other] { $events } events
    }.
mine-summary-coverage = Different paths: { $variants }. { $shown ->
        [one] The most common path covers
       *[other] The { $shown } most common paths cover
    } { $covered } of { $cases ->
        [one] { $cases } case
       *[other] { $cases } cases
    }.
mine-summary-longest-waits = Longest waits (median):

# Errors for the common bad inputs.
mine-error-no-such-file = cannot open { $path }: no such file
mine-error-missing-column = column { $wanted } not found; the columns are: { $available }
mine-error-bad-timestamp = line { $line }: cannot read timestamp { $value } (expected ISO 8601, e.g. 2024-03-01T09:30:00+02:00)
mine-error-activities = --activities { $value }: give a whole number of at least 1 (for example --activities 30)
mine-error-unknown-timezone = unknown time zone { $zone }; give an IANA name such as Europe/Helsinki (or UTC)
mine-error-ocel1 = this is an OCEL 1.0 log; polku reads OCEL 2.0. Convert it first, for example with pm4py: { $example }
