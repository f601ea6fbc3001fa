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

from strikewatch.extract.context import DateRead

MONTHS = {m: i for i, m in enumerate(
    ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
     "octubre", "noviembre", "diciembre"), start=1)}
MONTHS["setiembre"] = 9
WEEKDAYS = {"lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
            "sábado": 5, "sabado": 5, "domingo": 6}
_MON = "|".join(MONTHS)
_DAY = "|".join(WEEKDAYS)

DATE_RE = re.compile(
    rf"(?P<since>\bdesde (?:(?:el|inicios de|principios de|comienzos de|mediados de|"
    rf"finales de) )?)?"
    rf"(?:(?P<wdp>\b(?:{_DAY})\s+)?(?P<d>\d{{1,2}}) de (?P<m>{_MON})(?: (?:de|del) (?P<y>\d{{4}}))?"
    rf"|\b(?P<mid>a (?:mediados|principios|inicios|finales|fines) de )?(?P<mo>{_MON})"
    rf"(?: (?:de|del) (?P<my>\d{{4}}))?"
    rf"|(?P<rel>\b(?:ayer|anoche|antier|anteayer|hoy|esta madrugada|esta mañana|"
    rf"la noche anterior|la víspera)\b)"
    rf"|(?P<wd>\b(?:el|este|esta|del|pasado) (?:pasado )?(?:{_DAY})\b(?! \d))"
    rf")",
    re.IGNORECASE)


def _last_weekday(pub: dt.date, wd: int) -> dt.date:
    """The last `wd` on or before publication ("el martes" in Wednesday's paper)."""
    return pub - dt.timedelta(days=(pub.weekday() - wd) % 7)


def _year_for(pub: dt.date | None, month: int, day: int, future: bool) -> int | None:
    if pub is None:
        return None
    year = pub.year
    if not future and (month, day) > (pub.month, pub.day):
        year -= 1  # "el 28 de diciembre" in January's news: last year
    return year


def read_dates(text: str, pub: dt.date | None, offset: int = 0,
               future: bool = False) -> list[DateRead]:
    """Every Spanish date expression in `text`, resolved against `pub`."""
    out: list[DateRead] = []
    for m in DATE_RE.finditer(text):
        a, b = m.start() + offset, m.end() + offset
        since = m.group("since") is not None
        if m.group("d"):
            month, day = MONTHS[m.group("m").lower()], int(m.group("d"))
            year = int(m.group("y")) if m.group("y") else _year_for(pub, month, day, future)
            if year is None or not 1 <= day <= calendar.monthrange(year, month)[1]:
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
            back = {"ayer": 1, "anoche": 1, "antier": 2, "anteayer": 2, "la noche anterior": 1,
                    "la víspera": 1}.get(word, 0)
            day_ = (pub - dt.timedelta(days=back)).isoformat()
            out.append(DateRead(a, b, day_, day_, 1))
        elif m.group("wd"):
            wd = WEEKDAYS[m.group("wd").split()[-1].lower()]
            day_ = _last_weekday(pub, wd).isoformat()
            out.append(DateRead(a, b, day_, day_, 1))
    return out
