"""Incidents per week and cumulative killed (low–high), with tallies drawn against them.

Why: an aggregate claim such as "at least 65 killed in over 15 strikes since September" is
only checkable against the ledger when both are on one chart: the tally appears as a marker
(its range, open-ended when it says "at least") at the end of its period, on the same axes
as the cumulative incidents and cumulative killed of what the ledger holds. Server-side SVG,
so the page works without JavaScript; a table below carries the same numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from strikewatch.ledger.counting import counted
from strikewatch.records import Incident, Tally, iso_date
from strikewatch.validation import sane_day


@dataclass
class Week:
    start: dt.date
    incidents: int
    cum_incidents: int
    killed_low: int
    killed_high: int
    cum_killed_low: int
    cum_killed_high: int


@dataclass
class TallyMark:
    tally: Tally
    at: dt.date
    label: str


@dataclass
class TimelineData:
    weeks: list[Week] = field(default_factory=list)
    tallies: list[TallyMark] = field(default_factory=list)
    undated_tallies: list[Tally] = field(default_factory=list)  # no period: table only
    open_ended: int = 0  # incidents whose killed has a low but no high ("at least")
    undated: int = 0
    out_of_range: int = 0  # dated outside the sane years (validation.MIN_YEAR..MAX_YEAR)


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _range(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return "?"
    if high is None:
        return f"≥{low}"
    if low is None:
        return f"≤{high}"
    return str(low) if low == high else f"{low}–{high}"


#: The least distance between two date labels on the axis (a YYYY-MM-DD label is ~70 px).
LABEL_GAP = 84


def tally_label(t: Tally) -> str:
    parts = []
    if t.killed_low is not None or t.killed_high is not None:
        parts.append(f"{_range(t.killed_low, t.killed_high)} killed")
    if t.strikes_low is not None or t.strikes_high is not None:
        parts.append(f"{_range(t.strikes_low, t.strikes_high)} strikes")
    period = f"{t.period_low or '?'} – {t.period_high or '?'}"
    return f"Tally: {', '.join(parts) or 'no counts'} ({period})"


def timeline_data(incidents: list[Incident], tallies: list[Tally]) -> TimelineData:
    """Weekly buckets of the incidents that count (ledger.counting), and the tallies."""
    data = TimelineData()
    buckets: dict[dt.date, list[Incident]] = {}
    for inc in incidents:
        if not counted(inc):
            continue
        d = iso_date(inc.date_low) or iso_date(inc.date_high)
        if d is None:
            data.undated += 1
            continue
        if not sane_day(d):  # a year 9999 or 0001 would stretch the axis over millennia
            data.out_of_range += 1
            continue
        buckets.setdefault(_monday(d), []).append(inc)
    marks = []
    for t in tallies:
        at = iso_date(t.period_high) or iso_date(t.date_high) or iso_date(t.period_low)
        if at is not None and sane_day(at):
            marks.append(TallyMark(t, at, tally_label(t)))
        else:
            data.undated_tallies.append(t)
    data.tallies = sorted(marks, key=lambda m: m.at)
    starts = list(buckets) + [_monday(m.at) for m in marks]
    if not starts:
        return data
    cum = cum_low = cum_high = 0
    # only weeks with something in them: the page grows with the ledger, not with the
    # span of its dates (the chart places each week by its date, gaps included)
    for week in sorted(set(starts)):
        items = buckets.get(week, [])
        low = sum(i.killed_low or 0 for i in items)
        high = 0
        for i in items:
            if i.killed_high is not None:
                high += i.killed_high
            else:
                high += i.killed_low or 0
                data.open_ended += i.killed_low is not None
        cum, cum_low, cum_high = cum + len(items), cum_low + low, cum_high + high
        data.weeks.append(Week(week, len(items), cum, low, high, cum_low, cum_high))
    return data


def render_timeline(data: TimelineData, width: int = 960, panel: int = 200) -> Markup:
    """Two stacked panels: incidents (weekly bars, cumulative line) and cumulative killed."""
    if not data.weeks:
        return Markup('<p class="empty">No dated incidents to chart.</p>')
    left, right, top, gap = 56, 20, 24, 48
    height = top + 2 * panel + gap + 40
    first = data.weeks[0].start
    n = (data.weeks[-1].start - first).days // 7 + 1  # weeks spanned, empty ones included
    step = (width - left - right) / max(n, 1)

    def x_of(d: dt.date) -> float:
        return left + ((d - first).days / 7.0) * step + step / 2

    max_inc = max([w.cum_incidents for w in data.weeks]
                  + [m.tally.strikes_low or 0 for m in data.tallies]
                  + [m.tally.strikes_high or 0 for m in data.tallies] + [1])
    max_week = max(w.incidents for w in data.weeks) or 1
    max_killed = max([w.cum_killed_high for w in data.weeks]
                     + [m.tally.killed_low or 0 for m in data.tallies]
                     + [m.tally.killed_high or 0 for m in data.tallies] + [1])
    y1 = top + panel  # bottom of panel 1
    y2 = top + 2 * panel + gap  # bottom of panel 2

    def yc(v: float, bottom: float, vmax: float) -> float:
        return bottom - (v / (vmax * 1.1)) * panel

    o = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" '
         f'aria-label="Timeline of incidents" viewBox="0 0 {width} {height}" '
         f'width="{width}" height="{height}">']
    for bottom, title in ((y1, "Incidents: per week (bars) and cumulative (line)"),
                          (y2, "Killed, cumulative: low–high band")):
        o.append(f'<line class="axis" x1="{left}" y1="{bottom}" x2="{width - right}" '
                 f'y2="{bottom}"/>')
        o.append(f'<text class="title" x="{left}" y="{bottom - panel - 6}">{title}</text>')
    for bottom, vmax in ((y1, max_inc), (y2, max_killed)):
        for frac in (0.5, 1.0):
            v = round(vmax * frac)
            y = yc(v, bottom, vmax)
            o.append(f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{width - right}" '
                     f'y2="{y:.1f}"/><text class="tick" x="{left - 6}" y="{y + 4:.1f}" '
                     f'text-anchor="end">{v}</text>')
    # weekly bars on their own scale (right axis) and the cumulative line (left axis)
    o.append(f'<text class="tick right" x="{width - right}" y="{y1 - panel - 6}" '
             f'text-anchor="end">tallest bar: {max_week} incident(s) in a week</text>')
    bar_w = max(step * 0.7, 1.0)
    for w in data.weeks:
        if w.incidents:
            h = (w.incidents / max_week) * panel * 0.45
            o.append(f'<rect class="bar" x="{x_of(w.start) - bar_w / 2:.1f}" y="{y1 - h:.1f}" '
                     f'width="{bar_w:.1f}" height="{h:.1f}"><title>week of {w.start}: '
                     f'{w.incidents} incident(s)</title></rect>')
    pts = " ".join(f"{x_of(w.start):.1f},{yc(w.cum_incidents, y1, max_inc):.1f}"
                   for w in data.weeks)
    o.append(f'<polyline class="cum" points="{pts}"/>')
    # killed band
    upper = [f"{x_of(w.start):.1f},{yc(w.cum_killed_high, y2, max_killed):.1f}"
             for w in data.weeks]
    lower = [f"{x_of(w.start):.1f},{yc(w.cum_killed_low, y2, max_killed):.1f}"
             for w in reversed(data.weeks)]
    o.append(f'<polygon class="band" points="{" ".join(upper + lower)}"/>')
    o.append(f'<polyline class="low" points="{" ".join(reversed(lower))}"/>')
    o.append(f'<polyline class="high" points="{" ".join(upper)}"/>')
    # tallies against the ledger; markers at (about) one date are set side by side
    placed: list[float] = []
    for m in data.tallies:
        x = x_of(m.at)
        while any(abs(x - p) < 10 for p in placed):
            x += 10
        placed.append(x)
        t = m.tally
        for bottom, vmax, lo, hi in ((y1, max_inc, t.strikes_low, t.strikes_high),
                                     (y2, max_killed, t.killed_low, t.killed_high)):
            if lo is None and hi is None:
                continue
            ylo = yc(lo or 0, bottom, vmax)
            yhi = yc(hi, bottom, vmax) if hi is not None else bottom - panel
            cls = "tally open" if hi is None else "tally"
            o.append(f'<g class="{cls}"><title>{escape(m.label)}</title>'
                     f'<line x1="{x:.1f}" y1="{ylo:.1f}" x2="{x:.1f}" y2="{yhi:.1f}"/>'
                     f'<path d="M{x - 6:.1f},{ylo:.1f}h12"/>'
                     f'<circle cx="{x:.1f}" cy="{ylo:.1f}" r="4"/></g>')
    # date labels under weeks with incidents, left to right, each at least a label's
    # width from the one before (weeks with incidents are not evenly spaced)
    last: float = -LABEL_GAP
    for w in data.weeks:
        x = x_of(w.start)
        if x - last >= LABEL_GAP:
            o.append(f'<text class="tick" x="{x:.1f}" y="{y2 + 16}" '
                     f'text-anchor="middle">{w.start.isoformat()}</text>')
            last = x
    o.append("</svg>")
    return Markup("".join(o))
