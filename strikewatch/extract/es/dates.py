"""Spanish dates relative to publication: "ayer", "el martes", "la noche del jueves 6 de
noviembre", "el pasado 2 de septiembre", "a mediados de septiembre".

A weekday or "ayer" resolves against the article's `published` date (the last such day on
or before it); a day and month without a year takes the publication's year, or the year
before when that would put it after publication. Without `published`, a relative date stays
unresolved, as in English. Precision is ACLED's: 1 a day, 3 a month.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from strikewatch.extract.anchored import anchored
from strikewatch.extract.context import DateRead
from strikewatch.extract.date_forms import latest_possible_day, weekday_year

MONTHS = {m: i for i, m in enumerate(
    ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
     "octubre", "noviembre", "diciembre"), start=1)}
MONTHS["setiembre"] = 9
WEEKDAYS = {"lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
            "sábado": 5, "sabado": 5, "domingo": 6}
_MON = "|".join(MONTHS)
_DAY = "|".join(WEEKDAYS)

#: the small hours told with no day ("de madrugada", "pasada la medianoche"): the page's own
#: day in `DATE_RE`; after an act already dated, that act's (es/fields.py)
SMALL_HOURS = re.compile(r"(?:de|en la) madrugada|(?:poco )?(?:pasada|tras|después de) la "
                         r"medianoche", re.IGNORECASE)

DATE_RE = anchored(re.compile(
    rf"(?P<since>\bdesde (?:(?:el|inicios de|principios de|comienzos de|mediados de|"
    rf"finales de) )?)?"
    rf"(?:(?P<wdp>\b(?:{_DAY})\s+)?(?P<d>\d{{1,2}}|primero|1\.?º|1ro) de (?P<m>{_MON})"
    rf"(?: (?:de|del) (?P<y>\d{{4}}))?"
    rf"|(?P<nd>\b\d{{1,2}})[./-](?P<nm>\d{{1,2}})[./-](?P<ny>(?:19|20)\d{{2}})\b"
    rf"|\b(?P<mid>a (?:mediados|principios|inicios|finales|fines) de )?(?P<mo>{_MON})"
    rf"(?: (?:de|del) (?P<my>\d{{4}}))?"
    rf"|(?P<rel>\b(?:ayer|anoche|antenoche|anteanoche|antier|anteayer|hoy|esta madrugada|"
    rf"esta mañana|"
    # the small hours with no day named ("de madrugada", "pasada la medianoche"): the
    # page's own day; "la madrugada del lunes" is the weekday's
    rf"(?:{SMALL_HOURS.pattern})(?! (?:de|del)\b)|"
    rf"la noche anterior|la víspera)\b)"
    rf"|(?P<ago>\bhace (?P<agon>un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|"
    rf"[1-9]\d?) (?P<agou>días?|semanas?)\b)"
    rf"|(?P<wkend>\b(?:el|este|del|pasado|el pasado) fin de semana(?P<wkpast> pasado)?\b)"
    # "la semana pasada", "esta semana", "el mes pasado", "este mes": a week or a month
    rf"|(?P<span>\b(?:la semana pasada|la pasada semana|esta semana|el mes pasado|"
    rf"el pasado mes|este mes)\b)"
    # "este domingo 9", "el pasado lunes 10", "el día 9": a day of the month told with its
    # weekday or alone, no month
    rf"|(?P<wdd>\b(?:el|este|esta|del|pasado) (?:pasado )?(?:(?P<wddn>{_DAY})|día) "
    rf"(?P<wddd>\d{{1,2}})\b(?! de )(?!\s*[./-]\d)(?!\s*(?:%|horas|h\b|:)))"
    rf"|(?P<wd>\b(?:el|este|esta|del|pasado) (?:pasado )?(?P<wdn>{_DAY})\b(?: pasado\b)?"
    rf"(?! \d)(?!\s*\(\d))"
    rf")",
    re.IGNORECASE))

#: An agency's dateline opening a paragraph: "Bogotá, 5 nov (EFE).-", "Washington, 2 de
#: diciembre de 2025 (AFP) -", "CIUDAD DE MÉXICO, 4 nov (Reuters) -". Its date is the day
#: the copy was filed, not an event's; with a year, it dates a page that came without one.
_SHORT_MONTHS = {"ene": 1, "feb": 2, "mar": 3, "abr": 4, "may": 5, "jun": 6, "jul": 7,
                 "ago": 8, "sep": 9, "sept": 9, "set": 9, "oct": 10, "nov": 11, "dic": 12}
#: also the day told in figures, after a comma or a slash: "Ciudad de México / 03.11.2025
#: (AFP)", "CARACAS, 12/11/2025 (EFE) –"
_AGENCY = (r"\((?:EFE|AFP|AP|Reuters|Europa Press|EP|Xinhua|Prensa Latina|Sputnik|ANSA|DPA|dpa|"
           r"Notimex|Efe|DW|ANDINA|Télam|Telam)\)")
DATELINE = re.compile(
    r"(?m)^[ \t]*[A-ZÁÉÍÓÚÑ][^\n,()/]{1,40}(?:,\s+(?P<d>\d{1,2})\s+(?:de\s+)?"
    r"(?P<m>[a-záéíóú]+)\.?(?:\s+(?:de\s+|del\s+)?(?P<y>\d{4}))?|"
    r"\s*[,/]\s*(?P<nd>\d{1,2})[./-](?P<nm>\d{1,2})[./-](?P<ny>(?:19|20)\d{2}))\s*"
    + _AGENCY + r"\s*[.\-–—:]?", re.IGNORECASE)


def dateline(text: str) -> tuple[int, int, dt.date | None] | None:
    """(start, end, the filing day when the dateline gives a year) of the first agency
    dateline in the text, or None."""
    m = DATELINE.search(text)
    if m is None:
        return None
    if m.group("nd"):
        try:
            return m.start(), m.end(), dt.date(int(m.group("ny")), int(m.group("nm")),
                                               int(m.group("nd")))
        except ValueError:
            return m.start(), m.end(), None
    word = m.group("m").lower()
    month = MONTHS.get(word) or _SHORT_MONTHS.get(word)
    if month is None:
        return None
    day: dt.date | None = None
    if m.group("y"):
        try:
            day = dt.date(int(m.group("y")), month, int(m.group("d")))
        except ValueError:
            day = None
    return m.start(), m.end(), day


def dateline_month_day(text: str) -> tuple[int, int] | None:
    """(month, day) of the first agency dateline, told with or without its year ("CARACAS,
    12 nov (EFE).–"): a dateline with no year dates a page with no date only where the year
    is read elsewhere (the page's own years, `PageYears`; a URL that names the month)."""
    m = DATELINE.search(text)
    if m is None:
        return None
    if m.group("nd"):
        return int(m.group("nm")), int(m.group("nd"))
    word = m.group("m").lower()
    month = MONTHS.get(word) or _SHORT_MONTHS.get(word)
    return (month, int(m.group("d"))) if month is not None else None


_SMALL = {"un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
          "siete": 7, "ocho": 8, "nueve": 9, "diez": 10}


def _last_weekday(pub: dt.date, wd: int) -> dt.date:
    """The last `wd` on or before publication ("el martes" in Wednesday's paper)."""
    return pub - dt.timedelta(days=(pub.weekday() - wd) % 7)


#: how far back a day of the month told without its month may lie ("el lunes 10")
_MONTH_DAY_BACK = 45


def _day_of_month_before(pub: dt.date, day: int, weekday: int | None) -> dt.date | None:
    """The last day numbered `day` on or before publication, within `_MONTH_DAY_BACK`
    days, that falls on `weekday` when one is told ("este domingo 9" in a paper of
    Wednesday 12 November: Sunday 9 November; "el día 9": the 9th of this month, or of the
    last where the 9th is still to come). None where no such day fits."""
    for back in range(_MONTH_DAY_BACK + 1):
        d = pub - dt.timedelta(days=back)
        if d.day == day:
            return d if weekday is None or d.weekday() == weekday else None
    return None


def _week_or_month(words: str, pub: dt.date, a: int, b: int, since: bool) -> DateRead:
    """"la semana pasada": Monday to Sunday of the week before publication; "esta semana":
    this week's Monday to publication (a week's precision); "el mes pasado": last month;
    "este mes": the month to publication (a month's), as English "last week", "this month"."""
    monday = pub - dt.timedelta(days=pub.weekday())
    if "semana" in words:
        if "pasad" in words:
            low, high = monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
        else:
            low, high = monday, pub
        return DateRead(a, b, low.isoformat(), high.isoformat(), 2, is_period=since)
    if "pasado" in words:
        last = pub.replace(day=1) - dt.timedelta(days=1)
        return DateRead(a, b, last.replace(day=1).isoformat(), last.isoformat(), 3,
                        is_period=since)
    return DateRead(a, b, pub.replace(day=1).isoformat(), pub.isoformat(), 3, is_period=since)


def _year_for(pub: dt.date | None, month: int, day: int, future: bool) -> int | None:
    if pub is None:
        return None
    year = pub.year
    if not future and (month, day) > (pub.month, pub.day):
        year -= 1  # "el 28 de diciembre" in January's news: last year
    return year


def _weekday_year(pub: dt.date, month: int, day: int, wd: int, year: int) -> int:
    """"la noche del jueves 6 de noviembre": of the years the date may fall in (the
    publication's, the one before), the one where it is that weekday (a page filed the day
    before its date line, or a wrong year guess, would otherwise move it a year)."""
    for y in (year, pub.year, pub.year - 1):
        if day <= calendar.monthrange(y, month)[1] and dt.date(y, month, day).weekday() == wd:
            return y
    return year


def _day_number(word: str) -> int:
    """"6" → 6; "primero", "1.º", "1º", "1ro" → 1."""
    return int(word) if word.isdigit() else 1


#: the start of a series told without "desde el …": "Desde el inicio de la campaña, el 2 de
#: septiembre, …", "Desde que empezó la campaña en septiembre", "Los bombardeos, que
#: comenzaron en septiembre, …", "la campaña, que arrancó el 2 de septiembre" (not "desde que
#: el diario reveló que, el 2 de septiembre, …": a reported clause's own date)
_SERIES_START = re.compile(
    r"(?:\bdesde (?:que|el (?:inicio|comienzo|principio|arranque))\b(?:(?!\bque\b)[^.;]){0,45}?"
    r"|\b(?:comenzaron|empezaron|iniciaron|arrancaron)\s+"
    r"|\b(?:campaña|ofensiva|operación|serie)\b[^.;]{0,40}?\b(?:comenzó|empezó|inició|"
    r"arrancó|se inició|emprendió|lanzó)\s+)"
    r"(?:(?:en|el|a|a partir de)\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class PageYears:
    """The years a page with no date tells its days and months with: "el 20 de julio de
    2025" (`days`), "en julio de 2025" (`months`), and every year it names ("En 2025 ya van
    75 ataques": `named`). A day told without its year on such a page takes the one year the
    page tells that same day with, else that same month with (as the English dates do), else,
    told with its weekday ("el domingo 20 de julio"), the one year it names in which that
    day is that weekday."""

    days: dict[tuple[int, int], frozenset[int]]
    months: dict[int, frozenset[int]]
    named: frozenset[int]

    def year(self, month: int, day: int, weekday: int | None) -> int | None:
        for told in (self.days.get((month, day)), self.months.get(month)):
            if told is not None and len(told) == 1:
                (y,) = told
                if weekday is None or _is_weekday(y, month, day, weekday):
                    return y
        if weekday is None:
            return None
        fits = [y for y in self.named if _is_weekday(y, month, day, weekday)]
        return fits[0] if len(fits) == 1 else None


_YEAR_NAMED = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")


def _is_weekday(year: int, month: int, day: int, weekday: int) -> bool:
    return day <= calendar.monthrange(year, month)[1] and \
        dt.date(year, month, day).weekday() == weekday


def page_years(text: str) -> PageYears:
    """The years `text` tells its days and months with (`PageYears`); one pass of the date
    pattern and one of a four-digit year over the page, for a page with no date only."""
    days: dict[tuple[int, int], set[int]] = {}
    months: dict[int, set[int]] = {}
    for m in DATE_RE.finditer(text):
        if m.group("d") and m.group("y"):
            key = (MONTHS[m.group("m").lower()], _day_number(m.group("d").lower()))
            days.setdefault(key, set()).add(int(m.group("y")))
            months.setdefault(key[0], set()).add(int(m.group("y")))
        elif m.group("mo") and m.group("my"):
            months.setdefault(MONTHS[m.group("mo").lower()], set()).add(int(m.group("my")))
    return PageYears({k: frozenset(v) for k, v in days.items()},
                     {k: frozenset(v) for k, v in months.items()},
                     frozenset(int(y) for y in _YEAR_NAMED.findall(text)))


#: "hoy" that means "nowadays", told with a verb in the present in a relative clause ("la
#: vicepresidenta que ocupa hoy el sillón", "que Washington mantiene hoy", "que hoy también
#: opera en Caquetá") or "hoy en día": a state of things, not the day of an act ("el ataque
#: que hoy dejó tres muertos", "ejecutó hoy un ataque" are told in the past)
_PRESENT = r"[a-záéíóúñ]{3,}(?:a|e|an|en|amos|emos|imos)"
_NOWADAYS = re.compile(r"\bque\s+(?:[\wáéíóúñ.]+\s+)?" + _PRESENT + r"\s+hoy\b|"
                       r"\bque\s+hoy\s+(?:(?:también|ya|todavía|aún)\s+)?" + _PRESENT + r"\b|"
                       r"\bhoy\s+(?:en\s+)?día\b", re.IGNORECASE)


def _nowadays(text: str, a: int, b: int) -> bool:
    """Whether the "hoy" at text[a:b] means "nowadays" (`_NOWADAYS`)."""
    return any(m.start() <= a and b <= m.end()
               for m in _NOWADAYS.finditer(text, max(0, a - 45), min(len(text), b + 40)))


def read_dates(text: str, pub: dt.date | None, offset: int = 0,
               future: bool = False, page: PageYears | None = None) -> list[DateRead]:
    """Every Spanish date expression in `text`, resolved against `pub` (on a page with no
    date, a day without its year against the years the `page` tells)."""
    out: list[DateRead] = []
    for m in DATE_RE.finditer(text):
        a, b = m.start() + offset, m.end() + offset
        since = m.group("since") is not None or bool(
            _SERIES_START.search(text[max(0, m.start() - 80):m.start()]))
        if m.group("d"):
            month, day = MONTHS[m.group("m").lower()], _day_number(m.group("d").lower())
            year = int(m.group("y")) if m.group("y") else _year_for(pub, month, day, future)
            if year is None and pub is None and page is not None:
                year = page.year(month, day, WEEKDAYS[m.group("wdp").strip().lower()]
                                 if m.group("wdp") else None)
            if year is not None and pub is not None and not m.group("y") and m.group("wdp"):
                wd = WEEKDAYS[m.group("wdp").strip().lower()]
                year = _weekday_year(pub, month, day, wd, year)
            elif year is None and m.group("wdp") and (page is None or not page.named):
                # an undated page's "el domingo 20 de julio": the weekday names the year
                # (the latest fitting one), unless the page names years and none fits
                year = weekday_year(month, day, WEEKDAYS[m.group("wdp").strip().lower()],
                                    latest_possible_day())
            if year is None or not 1 <= day <= calendar.monthrange(year, month)[1]:
                continue
            iso = dt.date(year, month, day).isoformat()
            out.append(DateRead(a, b, iso, iso, 1, is_period=since))
        elif m.group("nd"):
            # "este jueves (16.10.2025)": a day-first numeric date, as Spanish writes it
            year, month, day = int(m.group("ny")), int(m.group("nm")), int(m.group("nd"))
            if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
                continue
            iso = dt.date(year, month, day).isoformat()
            out.append(DateRead(a, b, iso, iso, 1, is_period=since))
        elif m.group("mo"):
            month = MONTHS[m.group("mo").lower()]
            year = int(m.group("my")) if m.group("my") else _year_for(pub, month, 1, future)
            if year is None:
                continue
            last = calendar.monthrange(year, month)[1]
            out.append(DateRead(a, b, dt.date(year, month, 1).isoformat(),
                                dt.date(year, month, last).isoformat(), 3, is_period=since))
        elif pub is None:
            continue
        elif m.group("rel"):
            word = m.group("rel").lower()
            if word == "hoy" and _nowadays(text, m.start(), m.end()):
                continue
            back = {"ayer": 1, "anoche": 1, "antier": 2, "anteayer": 2, "antenoche": 2,
                    "anteanoche": 2, "la noche anterior": 1,
                    "la víspera": 1}.get(word, 0)
            day_ = (pub - dt.timedelta(days=back)).isoformat()
            out.append(DateRead(a, b, day_, day_, 1, is_period=since))
        elif m.group("ago"):
            # "hace dos días": that day; "hace dos semanas": the day 14 back, a week's
            # precision (as English "two weeks ago", date_forms._ago)
            n = m.group("agon").lower()
            count = int(n) if n.isdigit() else _SMALL[n]
            week = m.group("agou").lower().startswith("semana")
            day_ = (pub - dt.timedelta(days=count * 7 if week else count)).isoformat()
            out.append(DateRead(a, b, day_, day_, 2 if week else 1, is_period=since))
        elif m.group("span"):
            out.append(_week_or_month(m.group("span").lower(), pub, a, b, since))
        elif m.group("wkend"):
            # the Saturday and Sunday on or before publication; "el fin de semana pasado"
            # read on a weekend is the one before
            sat = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
            if m.group("wkpast") and pub.weekday() >= 5:
                sat -= dt.timedelta(days=7)
            out.append(DateRead(a, b, sat.isoformat(),
                                (sat + dt.timedelta(days=1)).isoformat(), 2))
        elif m.group("wdd"):
            told = _day_of_month_before(pub, int(m.group("wddd")),
                                        WEEKDAYS[m.group("wddn").lower()]
                                        if m.group("wddn") else None)
            if told is not None:
                out.append(DateRead(a, b, told.isoformat(), told.isoformat(), 1,
                                    is_period=since))
        elif m.group("wd"):
            wd = WEEKDAYS[m.group("wdn").lower()]
            seen = _last_weekday(pub, wd)
            if seen == pub and "pasado" in m.group("wd").lower():
                # "el pasado miércoles", "el miércoles pasado" in Wednesday's paper: the
                # week before (the paper's own day would be "este miércoles", "hoy")
                seen -= dt.timedelta(days=7)
            day_ = seen.isoformat()
            out.append(DateRead(a, b, day_, day_, 1, is_period=since))
    return out
