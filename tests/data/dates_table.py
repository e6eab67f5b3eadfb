#!/usr/bin/env python3
"""Write tests/data/dates.tsv: written date forms with their draft date and the interval
they must read to, computed here from the conventions of docs/dates.md (not from
factlint's code). Run from the repository root: python3 tests/data/dates_table.py

Columns: as_of, date order (empty = default), sentence with the mention in [brackets],
expected: `START END GRAIN`, `-` (no date read) or `impossible`.
"""
import calendar
import datetime as dt
import sys

D = dt.date
rows = []
MONTHS = list(calendar.month_name)[1:]
ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
DAYS = list(calendar.day_name)


def add(as_of, sentence, expected, order=""):
    rows.append((as_of.isoformat(), order, sentence, expected))


def iv(a, b, grain):
    return f"{a.isoformat()} {b.isoformat()} {grain}"


def day(d):
    return iv(d, d, "day")


def month_span(y, m):
    return D(y, m, 1), D(y, m, calendar.monthrange(y, m)[1])


def month(y, m):
    a, b = month_span(y, m)
    return iv(a, b, "month")


def year(y):
    return iv(D(y, 1, 1), D(y, 12, 31), "year")


def week_start(d):
    return d - dt.timedelta(days=d.weekday())


def shift_months(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return D(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def nearest_year(as_of, m, d):
    best = None
    for y in (as_of.year - 1, as_of.year, as_of.year + 1):
        x = D(y, m, min(d, calendar.monthrange(y, m)[1]))
        if best is None or abs((x - as_of).days) < abs((best[1] - as_of).days):
            best = (y, x)
    return best[0]


ASOFS = [D(2013, 2, 12), D(2023, 4, 14), D(2019, 10, 24), D(2021, 12, 30)]

# ---- absolute days, in every order news writes them ----
for (y, m, d) in [(2023, 4, 14), (2019, 11, 3), (2016, 9, 21), (2020, 2, 29), (2001, 12, 1), (2022, 1, 22)]:
    x = D(y, m, d)
    mn, ab, wd = MONTHS[m - 1], ABBR[m - 1], DAYS[x.weekday()]
    sfx = "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    forms = [
        f"The talks were held on [{d} {mn} {y}].",
        f"The talks were held on [{mn} {d}, {y}], in Geneva.",
        f"The deal was signed [{mn} {d} {y}] in Paris.",
        f"It opened on [{d}{sfx} {mn} {y}].",
        f"It opened on [the {d}{sfx} of {mn} {y}].",
        f"It opened on [{mn} {d}{sfx}, {y}].",
        f"It opened on [{ab} {d}, {y}].",
        f"It opened on [{x.isoformat()}].",
        f"The ministers met on [{wd}, {d} {mn} {y}].",
        f"The ministers met on [{wd}, {mn} {d}, {y}].",
    ]
    for f in forms:
        add(ASOFS[1], f, day(x))

# spelled ordinals
for (text, x) in [
    ("[the first of March 2015]", D(2015, 3, 1)),
    ("[March third, 2015]", D(2015, 3, 3)),
    ("[the twenty-first of June 2016]", D(2016, 6, 21)),
    ("[the fifteenth of May 2010]", D(2010, 5, 15)),
    ("[October thirtieth, 2018]", D(2018, 10, 30)),
]:
    add(ASOFS[0], f"The vote took place on {text}.", day(x))
    add(ASOFS[1], f"It was announced on {text}, officials said.", day(x))

# year-less days take the nearest year
for as_of in ASOFS:
    for (m, d) in [(1, 5), (3, 20), (6, 30), (9, 1), (11, 28), (12, 24)]:
        y = nearest_year(as_of, m, d)
        add(as_of, f"The agreement was reached on [{d} {MONTHS[m - 1]}].", day(D(y, m, d)))
        add(as_of, f"The agreement was reached on [{MONTHS[m - 1]} {d}].", day(D(y, m, d)))

# ---- months, years ----
for as_of in ASOFS[:3]:
    for (y, m) in [(2022, 3), (2019, 12), (2008, 7)]:
        add(as_of, f"Prices rose in [{MONTHS[m - 1]} {y}].", month(y, m))
        add(as_of, f"Prices rose in [{MONTHS[m - 1]}, {y}].", month(y, m))
    for m in (1, 5, 8, 10):
        y = nearest_year(as_of, m, 15)
        add(as_of, f"The plan was drafted in [{MONTHS[m - 1]}].", month(y, m))
        add(as_of, f"Nothing has changed since [{MONTHS[m - 1]}].", month(y, m))
    for y in (2004, 1998, 2030):
        add(as_of, f"The law was passed in [{y}].", year(y))
        add(as_of, f"Turnout fell during [{y}].", year(y))

add(ASOFS[0], "Figures for [2014-10] are due.", month(2014, 10))
add(ASOFS[0], "Figures for [2021-03] are due.", month(2021, 3))

# ---- relative days ----
for as_of in ASOFS:
    for (w, n) in [("today", 0), ("yesterday", -1), ("tomorrow", 1), ("tonight", 0)]:
        add(as_of, f"The minister spoke [{w}].", day(as_of + dt.timedelta(days=n)))
    add(as_of, "He arrived [the day before yesterday].", day(as_of - dt.timedelta(days=2)))
    add(as_of, "They leave [the day after tomorrow].", day(as_of + dt.timedelta(days=2)))
    for (n, word) in [(3, "three"), (10, "10"), (1, "a"), (2, "two")]:
        unit = "day" if n == 1 else "days"
        add(as_of, f"The talks ended [{word} {unit} ago].", day(as_of - dt.timedelta(days=n)))
        add(as_of, f"The results come [in {word} {unit}].", day(as_of + dt.timedelta(days=n)))

# ---- relative weeks, weekends, months, quarters, years, decades ----
for as_of in ASOFS:
    ws = week_start(as_of)
    for (w, k) in [("last", -1), ("this", 0), ("next", 1)]:
        a = ws + dt.timedelta(days=7 * k)
        add(as_of, f"Officials met [{w} week].", iv(a, a + dt.timedelta(days=6), "week"))
        sat = ws + dt.timedelta(days=5 + 7 * k)
        add(as_of, f"Protests are planned [{w} weekend].", iv(sat, sat + dt.timedelta(days=1), "weekend"))
        mm = shift_months(as_of.replace(day=1), k)
        add(as_of, f"Inflation eased [{w} month].", month(mm.year, mm.month))
        add(as_of, f"Growth slowed [{w} year].", year(as_of.year + k))
        q0 = (as_of.month - 1) // 3 * 3 + 1
        qs = shift_months(D(as_of.year, q0, 1), 3 * k)
        qe = shift_months(qs, 3) - dt.timedelta(days=1)
        add(as_of, f"Sales dipped [{w} quarter].", iv(qs, qe, "quarter"))
    d0 = as_of.year // 10 * 10
    add(as_of, "Emissions rose [last decade].", iv(D(d0 - 10, 1, 1), D(d0 - 1, 12, 31), "decade"))
    add(as_of, "A [last week]'s summit.", iv(ws - dt.timedelta(days=7), ws - dt.timedelta(days=1), "week"))
    # earlier / later this month, year
    first = as_of.replace(day=1)
    last = month_span(as_of.year, as_of.month)[1]
    if as_of > first:
        add(as_of, f"Talks collapsed [earlier this month].", iv(first, as_of - dt.timedelta(days=1), "month"))
    if as_of < last:
        add(as_of, f"Talks resume [later this month].", iv(as_of + dt.timedelta(days=1), last, "month"))
    add(as_of, f"Exports rose [earlier this year].", iv(D(as_of.year, 1, 1), as_of - dt.timedelta(days=1), "year")
        if as_of > D(as_of.year, 1, 1) else "-")
    if ws + dt.timedelta(days=6) > as_of:
        add(as_of, "A vote is due [later this week].", iv(as_of + dt.timedelta(days=1), ws + dt.timedelta(days=6), "week"))

# ---- counted offsets ----
for as_of in ASOFS:
    for (text, delta) in [
        ("three weeks ago", -21), ("two weeks ago", -14), ("a week ago", -7), ("in two weeks", 14), ("in a week", 7),
        ("two weeks from now", 14),
    ]:
        add(as_of, f"The deal was struck [{text}].", day(as_of + dt.timedelta(days=delta)))
    for (text, n) in [("a month ago", -1), ("six months ago", -6), ("two years ago", -24), ("a year ago", -12),
                      ("in three months", 3), ("in two years", 24), ("10 years ago", -120)]:
        add(as_of, f"It was first proposed [{text}].", day(shift_months(as_of, n)))

# ---- vague parts ----
PART_Y = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
PART_M = {"early": (1, 10), "mid": (11, 20), "late": None}
for as_of in ASOFS[:2]:
    for y in (2023, 2022, 2024, 2010):
        for p, (a, b) in PART_Y.items():
            rng = iv(D(y, a, 1), month_span(y, b)[1], "year")
            sep = "-" if p == "mid" else " "
            add(as_of, f"Output recovered in [{p}{sep}{y}].", rng)
        add(as_of, f"Talks began at [the start of {y}].", iv(D(y, 1, 1), D(y, 4, 30), "year"))
        add(as_of, f"Talks ended at [the end of {y}].", iv(D(y, 9, 1), D(y, 12, 31), "year"))
        add(as_of, f"It peaked in [the middle of {y}].", iv(D(y, 5, 1), D(y, 8, 31), "year"))
    for (m, y) in [(3, 2023), (4, 2022), (2, 2024), (11, 2019)]:
        last = month_span(y, m)[1]
        for p in PART_M:
            a, b = PART_M[p] or (21, last.day)
            rng = iv(D(y, m, a), D(y, m, b), "month")
            sep = "-" if p == "mid" else " "
            add(as_of, f"The report is due in [{p}{sep}{MONTHS[m - 1]} {y}].", rng)
        add(as_of, f"The report is due at [the end of {MONTHS[m - 1]} {y}].", iv(D(y, m, 21), last, "month"))
        add(as_of, f"The report is due at [the beginning of {MONTHS[m - 1]} {y}].", iv(D(y, m, 1), D(y, m, 10), "month"))
    # relative vague
    ws = week_start(as_of)
    nm = shift_months(as_of.replace(day=1), 1)
    add(as_of, "The bill goes to a vote [early next month].", iv(nm, nm.replace(day=10), "month"))
    add(as_of, "It takes effect [at the end of the month].".replace("[at ", "at ["),
        iv(as_of.replace(day=21), month_span(as_of.year, as_of.month)[1], "month"))
    add(as_of, "Talks resume at [the beginning of next week].",
        iv(ws + dt.timedelta(days=7), ws + dt.timedelta(days=9), "week"))
    add(as_of, "Prices fell [late last year].", iv(D(as_of.year - 1, 9, 1), D(as_of.year - 1, 12, 31), "year"))
    add(as_of, "A decision is expected [early next year].", iv(D(as_of.year + 1, 1, 1), D(as_of.year + 1, 4, 30), "year"))
    add(as_of, "Rates rose [early this year].", iv(D(as_of.year, 1, 1), D(as_of.year, 4, 30), "year"))

# ---- quarters, halves ----
for as_of in ASOFS[:2]:
    for y in (2022, 2023, 2015):
        for q in range(1, 5):
            a, b = D(y, 3 * q - 2, 1), month_span(y, 3 * q)[1]
            words = ["first", "second", "third", "fourth"][q - 1]
            add(as_of, f"Profits fell in [Q{q} {y}].", iv(a, b, "quarter"))
            add(as_of, f"Profits fell in [the {words} quarter of {y}].", iv(a, b, "quarter"))
        for h in (1, 2):
            a, b = D(y, 6 * h - 5, 1), month_span(y, 6 * h)[1]
            words = ["first", "second"][h - 1]
            add(as_of, f"Growth is forecast for [the {words} half of {y}].", iv(a, b, "half"))
            add(as_of, f"Growth is forecast for [H{h} {y}].", iv(a, b, "half"))
    y = as_of.year
    add(as_of, "Hiring slowed in [the second half of the year].", iv(D(y, 7, 1), D(y, 12, 31), "half"))
    add(as_of, "Output grew in [the first quarter of this year].", iv(D(y, 1, 1), D(y, 3, 31), "quarter"))
    add(as_of, "Output grew in [the fourth quarter of last year].", iv(D(y - 1, 10, 1), D(y - 1, 12, 31), "quarter"))
    add(as_of, "Output will grow in [the first half of next year].", iv(D(y + 1, 1, 1), D(y + 1, 6, 30), "half"))

# ---- seasons (northern, meteorological) ----
SEASON = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
for as_of in ASOFS[:2]:
    for y in (2023, 2019):
        for s, (a, b) in SEASON.items():
            add(as_of, f"The works finish in [{s} {y}].", iv(D(y, a, 1), month_span(y, b)[1], "season"))
        add(as_of, f"The works finish in [the summer of {y}].", iv(D(y, 6, 1), D(y, 8, 31), "season"))
        add(as_of, f"It was a cold [winter of {y}-{(y + 1) % 100:02d}].", iv(D(y, 12, 1), month_span(y + 1, 2)[1], "season"))
        add(as_of, f"It was a hard winter {y}, they said.".replace(f"winter {y}", f"[winter {y}]"), "-")
# relative seasons on 12 Feb 2013 and 14 April 2023
add(D(2013, 2, 12), "Repairs ended [last summer].", iv(D(2012, 6, 1), D(2012, 8, 31), "season"))
add(D(2013, 2, 12), "Repairs start [next summer].", iv(D(2013, 6, 1), D(2013, 8, 31), "season"))
add(D(2013, 2, 12), "It has been a mild [this winter].".replace("a mild [this", "a mild season [this"), iv(D(2012, 12, 1), D(2013, 2, 28), "season"))
add(D(2023, 4, 14), "Repairs ended [last autumn].", iv(D(2022, 9, 1), D(2022, 11, 30), "season"))
add(D(2023, 4, 14), "Repairs start [this summer].", iv(D(2023, 6, 1), D(2023, 8, 31), "season"))
add(D(2023, 4, 14), "Snow is expected [next winter].", iv(D(2023, 12, 1), D(2024, 2, 29), "season"))

# ---- decades ----
for as_of in ASOFS[:2]:
    for y in (1990, 1980, 2000, 1960):
        add(as_of, f"The plant was built in [the {y}s].", iv(D(y, 1, 1), D(y + 9, 12, 31), "decade"))
        add(as_of, f"It boomed in [the early {y}s].", iv(D(y, 1, 1), D(y + 3, 12, 31), "decade"))
        add(as_of, f"It boomed in [the mid-{y}s].", iv(D(y + 4, 1, 1), D(y + 6, 12, 31), "decade"))
        add(as_of, f"It boomed in [the late {y}s].", iv(D(y + 7, 1, 1), D(y + 9, 12, 31), "decade"))
    add(as_of, "A hit of [the '80s].", iv(D(1980, 1, 1), D(1989, 12, 31), "decade"))
    add(as_of, "It was built in [the seventies].", iv(D(1970, 1, 1), D(1979, 12, 31), "decade"))
    add(as_of, "It was built in [the nineties].", iv(D(1990, 1, 1), D(1999, 12, 31), "decade"))

# ---- ranges ----
for as_of in ASOFS[:2]:
    for (y, m, a, b) in [(2023, 3, 20, 22), (2019, 8, 1, 3), (2016, 11, 14, 18)]:
        mn = MONTHS[m - 1]
        rng = iv(D(y, m, a), D(y, m, b), "day")
        add(as_of, f"The summit ran [{a}-{b} {mn} {y}].", rng)
        add(as_of, f"The summit ran [{a}–{b} {mn} {y}].", rng)
        add(as_of, f"The summit ran from [{a} to {b} {mn} {y}].", rng)
        add(as_of, f"The summit ran [{mn} {a}-{b}, {y}].", rng)
        add(as_of, f"The summit ran between [{a} and {b} {mn} {y}].", rng)
        add(as_of, f"The summit ran from [the {a}{'st' if a % 10 == 1 and a != 11 else 'nd' if a % 10 == 2 and a != 12 else 'rd' if a % 10 == 3 and a != 13 else 'th'} to the {b}{'st' if b % 10 == 1 and b != 11 else 'nd' if b % 10 == 2 and b != 12 else 'rd' if b % 10 == 3 and b != 13 else 'th'} of {mn} {y}].", rng)
    add(as_of, "Leaders met on [8 and 9 September 2023].", iv(D(2023, 9, 8), D(2023, 9, 9), "day"))
    add(as_of, "Leaders met on [September 8 and 9, 2023].", iv(D(2023, 9, 8), D(2023, 9, 9), "day"))
    add(as_of, "Talks ran [30 March–2 April 2023].", iv(D(2023, 3, 30), D(2023, 4, 2), "day"))
    add(as_of, "Talks ran [March 30 – April 2, 2023].", iv(D(2023, 3, 30), D(2023, 4, 2), "day"))
    add(as_of, "Talks ran [30 December 2022 – 2 January 2023].", iv(D(2022, 12, 30), D(2023, 1, 2), "day"))
    add(as_of, "Talks ran [30 December – 2 January 2023].", iv(D(2022, 12, 30), D(2023, 1, 2), "day"))
    for (a, b) in [(2019, 2021), (1960, 1961), (2001, 2009)]:
        add(as_of, f"He served [{a}-{b}].", iv(D(a, 1, 1), D(b, 12, 31), "year"))
        add(as_of, f"He served [{a} - {b}].", iv(D(a, 1, 1), D(b, 12, 31), "year"))
        add(as_of, f"He served from [{a} to {b}].", iv(D(a, 1, 1), D(b, 12, 31), "year"))
        add(as_of, f"He served between [{a} and {b}].", iv(D(a, 1, 1), D(b, 12, 31), "year"))
    add(as_of, "Sales rose between [March and May 2023].", iv(D(2023, 3, 1), D(2023, 5, 31), "month"))
    add(as_of, "Sales rose [March–May 2023].", iv(D(2023, 3, 1), D(2023, 5, 31), "month"))
    add(as_of, "Sales rose from [January to June 2022].", iv(D(2022, 1, 1), D(2022, 6, 30), "month"))
    add(as_of, "Sales rose from [November 2021 to February 2022].", iv(D(2021, 11, 1), D(2022, 2, 28), "month"))

# ---- nth weekday ----
def nth(y, m, w, n):
    days = [D(y, m, d) for d in range(1, calendar.monthrange(y, m)[1] + 1) if D(y, m, d).weekday() == w]
    return days[n - 1] if n > 0 else days[-1]

for as_of in ASOFS[:2]:
    for (n, word) in [(1, "first"), (2, "second"), (3, "third"), (4, "fourth"), (-1, "last")]:
        for (w, m, y) in [(1, 10, 2023), (0, 3, 2022), (3, 11, 2020)]:
            add(as_of, f"Elections fall on [the {word} {DAYS[w]} of {MONTHS[m - 1]} {y}].", day(nth(y, m, w, n)))
        nm = as_of.replace(day=1)
        add(as_of, f"Staff are paid on [the {word} Friday of the month].", day(nth(nm.year, nm.month, 4, n)))
    add(as_of, "Voting is on [the first Tuesday in November 2024].", day(D(2024, 11, 5)))

# ---- weekdays ----
def step(a, w, forward, inclusive=False):
    d = a
    if inclusive and d.weekday() == w:
        return d
    while True:
        d = d + dt.timedelta(days=1 if forward else -1)
        if d.weekday() == w:
            return d

for as_of in ASOFS:
    ws = week_start(as_of)
    for w in range(7):
        name = DAYS[w]
        add(as_of, f"They met [last {name}].", day(step(as_of, w, False)))
        add(as_of, f"They will meet [next {name}].", day(step(as_of, w, True)))
        add(as_of, f"They meet [{name} next week].", day(ws + dt.timedelta(days=7 + w)))
    for w in (2, 4):
        add(as_of, f"They meet [{DAYS[w]} after next].", day(step(as_of, w, True) + dt.timedelta(days=7)))
        add(as_of, f"They met on [{DAYS[w]}].", day(step(as_of, w, False, True)))
        add(as_of, f"They will meet on [{DAYS[w]}].", day(step(as_of, w, True, True)))
        add(as_of, f"The minister said [{DAYS[w]}] that talks had failed.", day(step(as_of, w, False, True)))
    add(as_of, f"They meet [this coming Friday].", day(step(as_of, 4, True)))
    add(as_of, f"They met [this past Sunday].", day(step(as_of, 6, False)))
    lw = step(as_of, 6, False) - dt.timedelta(days=1)
    add(as_of, f"Crowds gathered [this past weekend].", iv(lw, lw + dt.timedelta(days=1), "weekend"))
    nw = step(as_of, 5, True)
    add(as_of, f"Crowds will gather [this coming weekend].", iv(nw, nw + dt.timedelta(days=1), "weekend"))

# pinned weekdays: the nearest month where the day falls on the weekday
def pinned(as_of, d, w):
    best = None
    for k in range(-6, 7):
        first = shift_months(as_of.replace(day=1), k)
        try:
            x = first.replace(day=d)
        except ValueError:
            continue
        if x.weekday() == w and (best is None or abs((x - as_of).days) < abs((best - as_of).days)):
            best = x
    return best

for as_of in ASOFS:
    for d in (19, 3, 27):
        x = pinned(as_of, d, as_of.weekday())
        sfx = {3: "rd", 19: "th", 27: "th"}[d]
        add(as_of, f"The board meets on [{DAYS[as_of.weekday()]} the {d}{sfx}].", day(x) if x else "-")

# day of the month alone, by tense
def day_of_month(as_of, d, tense):
    cands = []
    for k in (-1, 0, 1):
        first = shift_months(as_of.replace(day=1), k)
        try:
            cands.append(first.replace(day=d))
        except ValueError:
            pass
    if tense == "past":
        return max(c for c in cands if c <= as_of)
    if tense == "future":
        return min(c for c in cands if c >= as_of)
    return min(cands, key=lambda c: abs((c - as_of).days))

for as_of in ASOFS:
    for (d, text) in [(15, "15th"), (3, "3rd"), (28, "28th"), (1, "first"), (22, "22nd")]:
        add(as_of, f"The leaders met on [the {text}].", day(day_of_month(as_of, d, "past")))
        add(as_of, f"The leaders will meet on [the {text}].", day(day_of_month(as_of, d, "future")))
        add(as_of, f"The vote is scheduled for [the {text}].", day(day_of_month(as_of, d, "future")))
        add(as_of, f"The deadline is on [the {text}].", day(day_of_month(as_of, d, "unknown")))

# holidays
for as_of in ASOFS:
    for (name, m, d) in [("Christmas Day", 12, 25), ("New Year's Day", 1, 1), ("Christmas Eve", 12, 24),
                         ("New Year's Eve", 12, 31), ("Valentine's Day", 2, 14)]:
        add(as_of, f"Shops close on [{name}].", day(D(nearest_year(as_of, m, d), m, d)))
        add(as_of, f"Shops closed on [{name} 2019].", day(D(2019, m, d)))

# ---- numeric dates ----
for as_of in ASOFS[:2]:
    add(as_of, "It happened on [3/3/2015].", day(D(2015, 3, 3)))
    add(as_of, "It happened on [11/11/2018].", day(D(2018, 11, 11)))
    add(as_of, "It happened on [25/12/2022].", day(D(2022, 12, 25)))
    add(as_of, "It happened on [12/25/2022].", day(D(2022, 12, 25)))
    add(as_of, "It happened on [14.04.2023].", day(D(2023, 4, 14)))
    add(as_of, "It happened on [04/05/2023].", "-")
    add(as_of, "It happened on [04/05/2023].", day(D(2023, 5, 4)), "day-month")
    add(as_of, "It happened on [04/05/2023].", day(D(2023, 4, 5)), "month-day")
    add(as_of, "It happened on [2023/04/14].", day(D(2023, 4, 14)))

# ---- impossible dates ----
for as_of in ASOFS[:2]:
    for text in ["32 March 2023", "25/13/2023", "22-20 March 2023", "29 February 2023", "31 April 2023",
                 "April 31, 2023", "February 30, 2020", "2023-13-05", "0 May 2021", "June 31"]:
        add(as_of, f"The vote was held on [{text}].", "impossible")
    add(as_of, "The vote was held on [29 February 2024].", day(D(2024, 2, 29)))

# ---- false friends: no date ----
for as_of in ASOFS[:2]:
    for s in [
        "They [may] 5 times.", "Some [1,000] troops.", "A [2-1] win.", "The [G20] met.", "From [10 to 12] people.",
        "Linseed [Feb 32.9], Mar 6.8.", "He scored in [the third quarter].", "They led in [the second half].",
        "Prayers are held [every Friday].", "[Theresa May] spoke.", "The budget for [2004-05].",
        "Over [the last week], prices rose.", "On [the 15th floor].", "It was [the first time].",
        "On [Super Tuesday], voters.", "[Good Friday] agreement.", "It fell [5%] in March.",
        "He was born in [the Long March] era.", "They met [at 10:30].", "On [5] and 7 May.",
        "Within [the next two weeks].", "Since 1997 it has formed part of [H2], a section of Hebron.",
        "Bill Kristol said on ABC's [This Week].", "The Trying Twenties, [the Catch Thirties].",
        "It grew in [the 1980's] boom.", "Men in [their seventies].", "[A few weeks ago], prices rose.", "It fell in [the fall of Kabul].",
        "In [the spring], talks.",
    ]:
        add(as_of, s, "-")

# ---- "at the weekend" by tense; "the September quarter" ----
for as_of in ASOFS:
    sat = week_start(as_of) + dt.timedelta(days=5)
    past = sat if sat <= as_of else sat - dt.timedelta(days=7)
    add(as_of, "Bombers killed 25 people at [the weekend].", iv(past, past + dt.timedelta(days=1), "weekend"))
    add(as_of, "Troops will arrive by [the weekend].", iv(sat, sat + dt.timedelta(days=1), "weekend"))
    for m in (3, 6, 9, 12):
        y = nearest_year(as_of, m, 15)
        add(as_of, f"Growth in [the {MONTHS[m - 1]} quarter] was weak.", iv(D(y, m - 2, 1), month_span(y, m)[1], "quarter"))
        add(as_of, f"Growth in [the {MONTHS[m - 1]} quarter of 2019] was weak.", iv(D(2019, m - 2, 1), month_span(2019, m)[1], "quarter"))

# ---- a year-less date in a relative year ----
for as_of in ASOFS:
    for (k, w) in [(-1, "last"), (0, "this"), (1, "next")]:
        y = as_of.year + k
        add(as_of, f"They met in Bali on [Nov. 14 {w} year].", day(D(y, 11, 14)))
        add(as_of, f"He took over on [1 October {w} year].", day(D(y, 10, 1)))
        add(as_of, f"Prices rose in [March {w} year].", month(y, 3))

# ---- phrasings found in the real-news corpus (bench/news-corpus.sh) ----
N = D(2001, 10, 15)  # a Monday
ws = week_start(N)
for (text, expected) in [
    ("A period of growth since [the early 1980s].", iv(D(1980, 1, 1), D(1983, 12, 31), "decade")),
    ("Toward [the end of the Seventies], it became apparent.", iv(D(1977, 1, 1), D(1979, 12, 31), "decade")),
    ("He spent [the summer of 1996] in Texas.", iv(D(1996, 6, 1), D(1996, 8, 31), "season")),
    ("Sales fell in [the first half of 2002].", iv(D(2002, 1, 1), D(2002, 6, 30), "half")),
    ("The Afghan Islamic Press said late [Sunday].", day(D(2001, 10, 14))),
    ("[Earlier this week], the Nasdaq fell.", "-"),
    ("The ministers met [earlier this week].", "-"),
    ("The Pioneer of India ran an editorial [Monday].", day(N)),
    ("Residents who left Kandahar early [Monday] confirmed it.", day(N)),
    ("[Today's] national accounts for the September quarter.", day(N)),
    ("Growth in [the September quarter] was weak.", iv(D(2001, 7, 1), D(2001, 9, 30), "quarter")),
    ("Bombers killed 25 people at [the weekend].", iv(D(2001, 10, 13), D(2001, 10, 14), "weekend")),
    ("Troops will be in the country by [the weekend].", iv(D(2001, 10, 20), D(2001, 10, 21), "weekend")),
    ("The Japanese economy grew in [the last quarter].", "-"),
    ("Sales for [the most recent quarter] were weak.", "-"),
    ("The firm said [last December] that it would cut jobs.", month(2000, 12)),
    ("Iraq's ambassador said [Saturday] that a deal was near.", day(D(2001, 10, 13))),
    ("It is [this fall]'s biggest film.", iv(D(2001, 9, 1), D(2001, 11, 30), "season")),
    ("He made a decision [a few years ago].", "-"),
    ("He worked there [more than a decade ago].", "-"),
    ("It was Bill Kristol on ABC's [This Week].", "-"),
    ("It is part of [H2], a section of Hebron.", "-"),
    ("Prices rose in [the late 1960 s] and the 1970 s.", "-"),
    ("They met in Bali on [Nov. 14 last year].", day(D(2000, 11, 14))),
    ("The agreement, signed last year, takes effect on [Wednesday].", day(D(2001, 10, 17))),
    ("The deal, which was signed on [Friday], is fragile.", day(D(2001, 10, 12))),
]:
    add(N, text, expected)

# ---- relative to another date in the text ----
add(ASOFS[1], "The talks began on 3 March 2023 and ended [two days later].", day(D(2023, 3, 5)))
add(ASOFS[1], "The summit opened on 20 March 2023; [the following week] leaders met again.", iv(D(2023, 3, 27), D(2023, 4, 2), "week"))
add(ASOFS[1], "Troops arrived on 1 June 2022. [The next day], talks began.", day(D(2022, 6, 2)))
add(ASOFS[1], "The treaty was signed in 1990. [Two days later], it was ratified.", "-")

with open("tests/data/dates.tsv", "w", encoding="utf-8") as f:
    f.write("# as_of\torder\tsentence\texpected (generated by tests/data/dates_table.py; edit that)\n")
    for r in rows:
        f.write("\t".join(r) + "\n")
print(len(rows), "rows", file=sys.stderr)
