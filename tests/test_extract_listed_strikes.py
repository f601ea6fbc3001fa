"""Strikes told together with a day each ("the two strikes were carried out on May 31 and
on June 1") are one incident per day (`day_strikes.split_listed_strikes`): each takes its
own day and, where the sentence lists one per strike, its own toll; none keeps the sum.
Strikes counted with a place each ("two separate air strikes hit hideouts in Khost and
Kunar") are one incident per place (`split_listed_strikes`). Not split: a period ("between
May 31 and June 3"), a campaign tally, a count that does not match the days or places
listed, a plural with no count over two places, one strike told twice, two missiles on one
target."""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.extract.registry import get_extractor
from strikewatch.records import Article, Mention


def _events(text: str, published: str | None = "2025-06-04") -> list[Mention]:
    art = Article(text=text, published=published)
    return [m for m in extract(art) if m.kind == "event" and m.status == "occurred"]


def _es_events(text: str, published: str | None = "2025-06-04") -> list[Mention]:
    art = Article(text=text, published=published, language="es")
    return [m for m in get_extractor("strikewatch-rules-es")(art)
            if m.kind == "event" and m.status == "occurred"]


def _days(ms: list[Mention]) -> list[str | None]:
    return sorted(m.date_low or "" for m in ms)


# --- split --------------------------------------------------------------------------------

def test_wire_two_strikes_on_two_dates_are_two_incidents() -> None:
    ev = _events("In a statement, the command said the two strikes were carried out on "
                 "May 28 and on May 30 near the town of Bosaso.")
    assert _days(ev) == ["2025-05-28", "2025-05-30"]
    assert all(m.date_low == m.date_high for m in ev)


def test_broadcaster_weekdays_with_a_toll_each() -> None:
    ev = _events("U.S. airstrikes on Monday and Wednesday killed six and three militants "
                 "in the Lower Shabelle region, officials told our correspondent.")
    by_day = {m.date_low: (m.killed_low, m.killed_high) for m in ev}
    assert by_day == {"2025-06-02": (6, 6), "2025-06-04": (3, 3)}


def test_blog_three_raids_on_three_dates_no_toll_borrowed() -> None:
    ev = _events("Three raids followed, on 12 May, 14 May and 20 May, and together they "
                 "killed at least 40 people according to local monitors.")
    assert _days(ev) == ["2025-05-12", "2025-05-14", "2025-05-20"]
    assert all(m.killed_low is None for m in ev)  # the sum is no one strike's


def test_the_days_may_come_in_a_later_sentence_of_the_same_strikes() -> None:
    ev = _events("Two drone strikes hit remote areas of the tribal belt, killing as many "
                 "as nine people. The strikes took place on February 6 and February 8, "
                 "officials said.", published="2025-02-20")
    assert _days(ev) == ["2025-02-06", "2025-02-08"]


def test_spanish_two_attacks_on_two_dates() -> None:
    ev = _es_events("El mando informó de que los dos ataques se llevaron a cabo el 28 de "
                    "mayo y el 30 de mayo cerca de Bosaso.")
    assert _days(ev) == ["2025-05-28", "2025-05-30"]


# --- not split ----------------------------------------------------------------------------

def test_a_period_is_not_a_list_of_strike_days() -> None:
    ev = _events("Airstrikes between May 20 and May 27 killed 40 people in the north, "
                 "the monitor said.")
    assert len(ev) <= 1


def test_a_campaign_tally_with_days_is_not_split() -> None:
    ms = extract(Article(text="At least 65 people have been killed in 15 strikes since "
                              "September 2 and September 15, officials said.",
                         published="2025-11-01"))
    assert not [m for m in ms if m.kind == "event" and m.status == "occurred" and
                m.date_low in ("2025-09-02", "2025-09-15")]


def test_a_count_that_does_not_match_the_days_is_not_split() -> None:
    ev = _events("The military said three strikes were carried out on May 28 and May 30 "
                 "against militant hideouts.")
    assert len(ev) <= 1


def test_one_strike_told_twice_stays_one() -> None:
    ev = _events("A drone strike on Monday killed four fighters near Jilib. The strike, "
                 "which officials confirmed on Tuesday, hit a training camp.")
    assert len(ev) == 1


def test_a_weekday_and_its_date_are_one_day_not_a_list() -> None:
    """"late on Saturday, March 14, 2026": the weekday of the date after it (dups3: an
    undated page split one raid into a dated and an undated strike, toll lost)."""
    text = ("Afghan officials condemned Pakistan's latest air raids on Khost province.\n"
            "Taliban authorities say the raids, carried out late on Saturday, March 14, 2026, "
            "left at least 9 people dead and others hurt.")
    ev = _events(text, published=None)
    assert _days(ev) == ["2026-03-14"]
    assert ev[0].killed_low == 9


def test_two_weekdays_with_their_dates_are_still_two_days() -> None:
    text = ("Taliban authorities say the raids, carried out on Saturday, March 14, and on "
            "Monday, March 16, hit homes in Khost province.")
    assert _days(_events(text, published=None)) == ["2026-03-14", "2026-03-16"]


def test_two_missiles_on_one_target_are_one_strike() -> None:
    ev = _events("Two missiles fired from a drone hit a truck on Monday, killing three "
                 "militants, residents said on Tuesday and Wednesday.")
    assert len(ev) == 1


def test_spanish_weekdays_with_a_toll_each() -> None:
    ev = _es_events("Los bombardeos del lunes y el miércoles mataron a seis y tres "
                    "milicianos en el sur de Somalia, según fuentes locales.")
    by_day = {m.date_low: (m.killed_low, m.killed_high) for m in ev}
    assert by_day == {"2025-06-02": (6, 6), "2025-06-04": (3, 3)}


def test_spanish_range_is_not_a_list() -> None:
    ev = _es_events("Los bombardeos entre el 20 y el 27 de mayo mataron a 40 personas en "
                    "el norte, según el observatorio.")
    assert len(ev) <= 1


# --- one strike per place listed ----------------------------------------------------------

def _places(ms: list[Mention]) -> list[str]:
    return sorted(m.place.name for m in ms if m.place is not None)


def test_wire_two_separate_strikes_in_two_provinces() -> None:
    ev = _events("The army said two separate air strikes hit militant hideouts in Khost "
                 "and Kunar provinces on Tuesday.")
    assert len(ev) == 2 and _places(ev) == ["Khōst", "Kunaṟ"]
    assert all(m.date_low == "2025-06-03" for m in ev)


def test_broadcaster_three_strikes_three_towns_no_toll_borrowed() -> None:
    ms = [m for m in extract(Article(
        text="Three drone strikes, in Khost, Paktika and Kunar, left at least 20 people "
             "dead overnight, a Taliban spokesman told the channel.", published="2025-06-04"))
          if m.status == "occurred"]
    # three places listed: three strikes with no toll each, or the report left whole where
    # the gazetteer does not read every name of the list
    assert len(ms) == 1 or (len(ms) == 3 and all(m.killed_low is None for m in ms))


def test_spanish_two_attacks_in_two_seas() -> None:
    ev = _es_events("El Comando Sur informó de dos ataques el martes contra lanchas en el "
                    "Caribe y el Pacífico, que dejaron seis muertos.")
    assert _places(ev) == ["Caribbean Sea", "Pacific Ocean"]
    assert all(m.killed_low is None for m in ev)  # the day's six are no one strike's


def test_blog_two_strikes_two_seas_in_english() -> None:
    ev = _events("Two more strikes yesterday in the Caribbean and the eastern Pacific. Six "
                 "dead in all, per the Pentagon's post.")
    assert len(ev) == 2 and all(m.date_low == "2025-06-03" for m in ev)


def test_three_strikes_over_two_seas_stay_one_report() -> None:
    ev = _events("U.S. forces carried out three strikes on Monday in the Caribbean and the "
                 "eastern Pacific, killing 11 people.")
    assert len(ev) <= 1


def test_a_plural_with_no_count_over_two_places_stays_one_report() -> None:
    ev = _events("Pakistani air strikes in Khost and Kunar killed at least 10 people "
                 "overnight, the Taliban said.")
    assert len(ev) == 1 and ev[0].killed_low == 10


def test_a_campaign_tally_over_two_provinces_is_not_split() -> None:
    ms = extract(Article(text="The military has carried out two strikes in Khost and Kunar "
                              "since September, officials said.", published="2025-11-01"))
    assert len([m for m in ms if m.kind == "event" and m.status == "occurred"]) <= 1
