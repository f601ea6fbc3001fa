"""Document-level assembly: what an article says again about the event it reports joins that
event, and each field keeps the words that state it (sentences written for these tests).

The day a report was told ("officials said on Wednesday", a dateline, a speaker's "today"
in a quotation) is only an upper bound on when the event happened: a date the article gives
the event itself ("the strike happened late Tuesday") is the event's date, and the two
sentences tell one event.
"""

from __future__ import annotations

from strikewatch.extract import extract
from strikewatch.extract.components.dates import telling_day
from strikewatch.extract.pipeline import Pipeline
from strikewatch.records import Article

WEDNESDAY = "2025-10-08"


def _events(text: str, published: str = WEDNESDAY) -> list:
    return [m for m in extract(Article(text=text, published=published)) if m.kind == "event"]


def _date_words(m: object) -> list[str]:
    return [s.text for s in m.provenance.get("date", [])]  # type: ignore[attr-defined]


def test_the_day_a_strike_was_told_of_gives_way_to_the_day_it_happened() -> None:
    text = ("Defense officials said on Wednesday that two people died when the navy struck a "
            "smuggling boat off the coast. The strike happened late Tuesday in international "
            "waters.")
    (m,) = _events(text)
    assert (m.date_low, m.date_high) == ("2025-10-07", "2025-10-07")
    assert _date_words(m) == ["late Tuesday"]  # the event's own words, not the telling's
    assert m.killed_low == 2 and len(m.spans) == 2


def test_a_lede_dated_by_its_telling_joins_the_event_dated_later_in_the_story() -> None:
    text = ("A drone strike hit a wedding party in the north of the country, killing nine "
            "people, local officials said on Wednesday. Witnesses said the late Monday strike "
            "on the village destroyed three houses.")
    (m,) = _events(text)
    assert m.date_low == "2025-10-06" and m.killed_low == 9


def test_a_telling_long_after_another_strike_keeps_the_two_apart() -> None:
    text = ("Officials said on Wednesday that a drone struck a convoy in Helmand province, "
            "killing four. On Saturday a drone struck a convoy in Helmand province, killing two.")
    ms = _events(text)
    assert sorted(m.date_low for m in ms) == ["2025-10-04", "2025-10-08"]


def test_two_days_the_events_own_words_name_stay_two_events() -> None:
    text = ("A drone struck a convoy in Helmand province on Tuesday, killing four, officials "
            "said. A drone struck a convoy in Helmand province on Monday, killing four.")
    assert len(_events(text)) == 2


def test_a_speakers_today_inside_a_quotation_is_when_it_was_said() -> None:
    # published the day after the strike: the minister's "today" was Wednesday
    text = ('The navy struck a smuggling boat in the Caribbean on Wednesday, killing three '
            'people, the minister said. "Today, on my orders, the navy hit a boat run by a '
            'cartel," he posted. "All three smugglers on board were killed."')
    (m,) = _events(text, published="2025-10-09")
    assert m.date_low == "2025-10-08" and m.killed_low == 3


def test_which_dates_are_only_the_day_of_the_telling() -> None:
    told = ("A drone strike killed two people at a market, officials said on Wednesday.",
            "Officials on Tuesday said a drone strike had hit a bridge.",
            '"Today our jets struck a depot," the minister said.')
    own = ("A strike hit a bridge on Tuesday, officials said.",
           "Jets struck a depot today, according to residents.",
           "Witnesses said the late Monday strike destroyed a house.")
    for text in told + own:
        doc = Pipeline().read(Article(text=text, published=WEDNESDAY))
        (f,) = [f for f in doc.frames if f.date_low is not None]
        assert telling_day(doc, f) == (text in told), text


def test_who_says_so_does_not_pick_the_event_an_anaphor_refers_to() -> None:
    # "the attack" is the strike told just before, though its source is named with another
    text = ("The Somali Monitor said jets struck a camp in Kismayo on Sunday. On Monday a "
            "drone struck a truck near Jilib, killing its driver and a passenger. According "
            "to the Somali Monitor, a third person was killed in the attack.")
    sunday, monday = sorted(_events(text), key=lambda m: m.date_low)
    assert sunday.killed_low is None and len(sunday.spans) == 1
    assert (monday.killed_low, monday.killed_high) == (3, 3)  # a third: one more than two
    assert len(monday.spans) == 2


def test_a_source_saying_what_the_strike_was_refers_to_it() -> None:
    text = ("Government jets bombed a rebel camp near Baidoa on Tuesday, the army said. The "
            "monitor said it was the army's second air strike near Baidoa this month.")
    (m,) = _events(text)
    assert m.date_low == "2025-10-07" and len(m.spans) == 2


def test_a_place_named_by_a_back_reference_does_not_keep_a_retelling_apart() -> None:
    # "The strike is the latest since warships were sent to Puerto Rico": where other things
    # happened, not where the strike was
    text = ('The navy struck a smuggling boat in international waters on Wednesday, killing '
            'three people, the minister said. "Today the navy hit a drug boat with a lethal '
            'strike," the minister posted on X. "All three smugglers on board were killed." '
            'The strike is the latest since warships were sent to Puerto Rico in August.')
    (m,) = _events(text, published="2025-10-09")
    assert m.place is not None and m.place.name == "international waters"
    assert m.date_low == "2025-10-08" and len(m.spans) == 4
