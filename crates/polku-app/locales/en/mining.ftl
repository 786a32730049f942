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
mine-summary-median-days = { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
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
mine-map-desc-performance = Boxes are activities, each with its number of events. An arrow shows which activity came right after another, and the number on it is the median wait in days. On the arrows from the start and to the end, the number is the number of cases. The log has { $cases ->
        [one] { $cases } case
       *[other] { $cases } cases
    } and { $events ->
        [one] { $events } event
       *[other] { $events } events
    }.
mine-map-left-out = To keep the map readable, only { $shown ->
        [one] the most frequent transition that continues
       *[other] the { $shown } most frequent transitions that continue
    } from the start { $shown ->
        [one] is
       *[other] are
    } drawn. There { $total ->
        [one] is { $total }
       *[other] are { $total }
    } in all.
mine-map-start = Start
mine-map-end = End
mine-map-days = days
