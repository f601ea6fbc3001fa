"""Incidents per week, cumulative incidents and cumulative killed (low–high), with the
tallies drawn against them.

Why: an aggregate claim such as "at least 65 killed in over 15 strikes since September" is
only checkable against the ledger when both are on one chart: the tally appears as a marker
(its range, open-ended when it says "at least") at the end of its period, on the same axes
as the cumulative incidents and cumulative killed of what the ledger holds.

Honest scales: each panel has one y axis, drawn with its ticks, and everything in the panel
is drawn on it (bars are not stretched to a scale of their own); the x axis is one linear
scale of days from the first week shown to the last day shown, so a tally at the end of its
period lands inside the chart, never past its edge. An incident whose toll was not reported
is not a zero: it is left out of the killed band and marked on that panel's baseline.
Server-side SVG, so the page works without JavaScript; tables below carry the same numbers.
"""

from __future__ import annotations

import datetime as dt
import math
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
    toll_unknown: int = 0  # incidents of this week whose toll was not reported
    cum_toll_unknown: int = 0

    @property
    def tolls(self) -> int:
        """Incidents of this week with a reported toll (in the killed band)."""
        return self.incidents - self.toll_unknown


@dataclass
class TallyMark:
    tally: Tally
    at: dt.date
    label: str
    key: str = ""  # "T1", "T2"…: the marker's name on the chart and in the table


@dataclass
class TimelineData:
    weeks: list[Week] = field(default_factory=list)
    tallies: list[TallyMark] = field(default_factory=list)
    undated_tallies: list[Tally] = field(default_factory=list)  # no period: table only
    open_ended: int = 0  # incidents whose killed has a low but no high ("at least")
    toll_unknown: int = 0  # dated incidents that count but report no toll at all
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


def toll_unknown(inc: Incident) -> bool:
    """No killed figure at all was reported (not the same as 'no one was killed': 0..0)."""
    return inc.killed_low is None and inc.killed_high is None


#: The least distance between two date labels on the axis (a YYYY-MM-DD label is ~70 px).
LABEL_GAP = 84
#: The least distance between two tally markers drawn side by side.
MARK_GAP = 16


def tally_label(t: Tally) -> str:
    parts = []
    if t.killed_low is not None or t.killed_high is not None:
        parts.append(f"{_range(t.killed_low, t.killed_high)} killed")
    if t.strikes_low is not None or t.strikes_high is not None:
        parts.append(f"{_range(t.strikes_low, t.strikes_high)} strikes")
    period = f"{t.period_low or '?'} – {t.period_high or '?'}"
    return f"Tally: {', '.join(parts) or 'no counts'} ({period})"


def timeline_data(incidents: list[Incident], tallies: list[Tally]) -> TimelineData:
    """Weekly buckets of the incidents that count (ledger.counting), and the tallies (the
    caller passes those matching its filters: ledger.filters.tally_matches)."""
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
    data.tallies = sorted(marks, key=lambda m: (m.at, m.tally.id))
    for n, m in enumerate(data.tallies, 1):
        m.key = f"T{n}"
    starts = list(buckets) + [_monday(m.at) for m in marks]
    if not starts:
        return data
    cum = cum_low = cum_high = cum_unknown = 0
    # only weeks with something in them: the page grows with the ledger, not with the
    # span of its dates (the chart places each week by its date, gaps included)
    for week in sorted(set(starts)):
        items = buckets.get(week, [])
        unknown = sum(toll_unknown(i) for i in items)
        low = sum(i.killed_low or 0 for i in items)
        high = 0
        for i in items:
            if i.killed_high is not None:
                high += i.killed_high
            else:
                high += i.killed_low or 0
                data.open_ended += i.killed_low is not None
        cum, cum_low, cum_high = cum + len(items), cum_low + low, cum_high + high
        cum_unknown += unknown
        data.weeks.append(Week(week, len(items), cum, low, high, cum_low, cum_high,
                               unknown, cum_unknown))
    data.toll_unknown = cum_unknown
    return data


def nice_max(value: float) -> int:
    """The top of an axis: the least 1, 2, 2.5 or 5 × 10^k at or above `value` (≥ 1)."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return int(math.ceil(step * power))
    return int(10 * power)  # pragma: no cover (the loop always returns)


def _ticks(top: int) -> list[int]:
    """0 and up to five more evenly spaced whole values up to `top` (a nice_max)."""
    n = next(n for n in (5, 4, 2, 1) if top % n == 0 and n <= top)
    return [top * i // n for i in range(n + 1)]


def _spread(xs: list[float], low: float, high: float, gap: float) -> list[float]:
    """Positions near `xs` (sorted), at least `gap` apart and inside [low, high]: markers
    at one date go side by side, and a group at the right edge moves left, not out."""
    out: list[float] = []
    for x in xs:
        out.append(max(x, out[-1] + gap) if out else x)
    overflow = (out[-1] - high) if out else 0
    if overflow > 0:
        out = [x - overflow for x in out]
        for i in range(len(out) - 2, -1, -1):  # keep the gaps after moving left
            out[i] = min(out[i], out[i + 1] - gap)
    return [max(x, low) for x in out]


def render_timeline(data: TimelineData, width: int = 960, panel: int = 140) -> Markup:
    """Three stacked panels on one x axis: incidents per week (bars), incidents cumulative
    (line, with the tallies' strike counts) and killed cumulative (low–high band, with the
    tallies' killed counts)."""
    if not data.weeks:
        return Markup('<p class="empty">No dated incidents to chart.</p>')
    left, right, top, gap = 56, 64, 28, 56
    plot_w = width - left - right
    bottoms = [top + panel, top + 2 * panel + gap, top + 3 * panel + 2 * gap]
    height = bottoms[-1] + 44
    start = data.weeks[0].start
    end = max([data.weeks[-1].start + dt.timedelta(days=7),
               *(m.at + dt.timedelta(days=1) for m in data.tallies)])
    span = max((end - start).days, 7)

    def x_of(d: dt.date) -> float:
        """The left edge of day `d` (the end of a period is the next day's edge)."""
        return left + (d - start).days / span * plot_w

    tally_strikes = [v for m in data.tallies for v in (m.tally.strikes_low,
                                                       m.tally.strikes_high) if v is not None]
    tally_killed = [v for m in data.tallies for v in (m.tally.killed_low,
                                                      m.tally.killed_high) if v is not None]
    tops = [nice_max(max(w.incidents for w in data.weeks)),
            nice_max(max([data.weeks[-1].cum_incidents, *tally_strikes])),
            nice_max(max([data.weeks[-1].cum_killed_high, *tally_killed]))]

    def y_of(v: float, p: int) -> float:
        return bottoms[p] - v / tops[p] * panel

    o = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" '
         f'aria-label="Timeline of incidents, killed and tallies" '
         f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">']
    titles = ("Incidents per week", "Incidents, cumulative (line); tallies' strikes",
              "Killed, cumulative (low–high band); tallies' killed")
    for p, title in enumerate(titles):
        bottom = bottoms[p]
        o.append(f'<text class="title" x="{left}" y="{bottom - panel - 10}">{title}</text>')
        for v in _ticks(tops[p]):
            y = y_of(v, p)
            o.append(f'<line class="grid" x1="{left}" y1="{y:.1f}" x2="{width - right}" '
                     f'y2="{y:.1f}"/><text class="tick" x="{left - 6}" y="{y + 4:.1f}" '
                     f'text-anchor="end">{v}</text>')
        o.append(f'<line class="axis" x1="{left}" y1="{bottom}" x2="{width - right}" '
                 f'y2="{bottom}"/><line class="axis y" data-panel="{p}" data-max="{tops[p]}" '
                 f'x1="{left}" y1="{bottom - panel}" x2="{left}" y2="{bottom}"/>')
    # panel 1: weekly bars, on panel 1's axis
    for w in data.weeks:
        if not w.incidents:
            continue
        x0, x1 = x_of(w.start), x_of(w.start + dt.timedelta(days=7))
        pad = (x1 - x0) * 0.12
        y = y_of(w.incidents, 0)
        o.append(f'<rect class="bar" data-value="{w.incidents}" x="{x0 + pad:.1f}" y="{y:.1f}" '
                 f'width="{max(x1 - x0 - 2 * pad, 1.0):.1f}" height="{bottoms[0] - y:.1f}">'
                 f'<title>week of {w.start}: {w.incidents} incident(s)</title></rect>')
    # panels 2 and 3: cumulative values hold from the end of each week (a step line)
    def steps(values: list[int], p: int) -> list[str]:
        pts = [f"{x_of(start):.1f},{y_of(0, p):.1f}"]
        prev = 0
        for w, v in zip(data.weeks, values, strict=True):
            x = x_of(w.start + dt.timedelta(days=7))
            pts += [f"{x:.1f},{y_of(prev, p):.1f}", f"{x:.1f},{y_of(v, p):.1f}"]
            prev = v
        pts.append(f"{x_of(end):.1f},{y_of(prev, p):.1f}")
        return pts

    o.append(f'<polyline class="cum" points="{" ".join(steps([w.cum_incidents for w in data.weeks], 1))}"/>')  # noqa: E501
    upper = steps([w.cum_killed_high for w in data.weeks], 2)
    lower = steps([w.cum_killed_low for w in data.weeks], 2)
    o.append(f'<polygon class="band" points="{" ".join(upper + lower[::-1])}"/>')
    o.append(f'<polyline class="low" points="{" ".join(lower)}"/>')
    o.append(f'<polyline class="high" points="{" ".join(upper)}"/>')
    # incidents with no toll reported: a mark on the killed panel's baseline, not a zero
    for w in data.weeks:
        if w.toll_unknown:
            x = (x_of(w.start) + x_of(w.start + dt.timedelta(days=7))) / 2
            y = bottoms[2] + 9
            o.append(f'<g class="unknown"><title>week of {w.start}: {w.toll_unknown} '
                     f'incident(s) with the toll not reported (not in the band)</title>'
                     f'<path d="M{x:.1f},{y - 6:.1f}l5,6l-5,6l-5,-6z"/>'
                     f'<text x="{x + 7:.1f}" y="{y + 4:.1f}">?{w.toll_unknown}</text></g>')
    # tallies: side by side where their dates meet, never past the right edge; each named
    # T1, T2… (as in the table below), its name and range written beside the group of
    # markers it stands in (right of it, or left near the chart's right edge), one label
    # under the other
    xs = _spread([x_of(m.at + dt.timedelta(days=1)) for m in data.tallies],
                 left + 6, width - right + 30, MARK_GAP)
    groups: list[list[int]] = []
    for i, x in enumerate(xs):
        if groups and x - xs[groups[-1][-1]] <= MARK_GAP + 0.5:
            groups[-1].append(i)
        else:
            groups.append([i])
    for p, unit in ((1, "strikes"), (2, "killed")):
        for group in groups:
            items = []
            for i in group:
                t = data.tallies[i].tally
                lo, hi = ((t.strikes_low, t.strikes_high) if p == 1
                          else (t.killed_low, t.killed_high))
                if lo is not None or hi is not None:
                    items.append((i, lo, hi))
            if not items:
                continue
            text_of = {i: f"{data.tallies[i].key} {_range(lo, hi)} {unit}"
                       for i, lo, hi in items}
            # one side for the group in both panels: the longer unit decides
            longest = max(len(t) + len("strikes") - len(unit) for t in text_of.values()) * 7.2
            gx0, gx1 = xs[group[0]], xs[group[-1]]
            anchor, lx = ("start", gx1 + 10) if gx1 + 10 + longest <= width else ("end", gx0 - 10)
            ys = _spread(sorted(y_of(lo or 0, p) + 4 for _, lo, _ in items),
                         bottoms[p] - panel + 10, bottoms[p] - 3, 14)
            label_y = dict(zip(sorted(items, key=lambda it: y_of(it[1] or 0, p)), ys,
                               strict=True))
            for item in items:
                i, lo, hi = item
                m, x = data.tallies[i], xs[i]
                ylo = y_of(lo or 0, p)
                yhi = y_of(hi, p) if hi is not None else bottoms[p] - panel
                cls = "tally open" if hi is None else "tally"
                o.append(f'<g class="{cls}" data-key="{m.key}"><title>{m.key}: '
                         f'{escape(m.label)}</title>'
                         f'<line x1="{x:.1f}" y1="{ylo:.1f}" x2="{x:.1f}" y2="{yhi:.1f}"/>'
                         f'<path d="M{x - 6:.1f},{ylo:.1f}h12"/>'
                         f'<circle cx="{x:.1f}" cy="{ylo:.1f}" r="4"/>'
                         f'<text x="{lx:.1f}" y="{label_y[item]:.1f}" text-anchor="{anchor}">'
                         f'{escape(text_of[i])}</text></g>')
    # x axis: first days of months when the chart spans two or more, else week starts;
    # each label at least a label's width from the one before
    months = [dt.date(y, mo, 1) for y in range(start.year, end.year + 1)
              for mo in range(1, 13) if start <= dt.date(y, mo, 1) <= end]
    marks = months if len(months) >= 2 else [w.start for w in data.weeks]
    last: float = -LABEL_GAP
    for d in marks:
        x = x_of(d)
        if x - last < LABEL_GAP or x > width - right + 1:
            continue
        o.append(f'<line class="axis" x1="{x:.1f}" y1="{bottoms[2]}" x2="{x:.1f}" '
                 f'y2="{bottoms[2] + 4}"/><text class="tick" x="{x:.1f}" '
                 f'y="{bottoms[2] + 30}" text-anchor="middle">{d.isoformat()}</text>')
        last = x
    o.append("</svg>")
    return Markup("".join(o))
