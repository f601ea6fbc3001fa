"""A toll one report tells only by words ("several", "killed a commander", "killed him")
beside another report's figure for the same strike: the figure is the toll, the words widen
nothing (resolve.merging.told_without_figure; reports written for these tests)."""

from __future__ import annotations

from strikewatch.records import Mention, Span
from strikewatch.resolve.merging import merge_counts, told_without_figure


def _report(aid: str, sentence: str, said: str, low: int | None, high: int | None,
            name: str = "killed") -> Mention:
    start = sentence.index(said)
    span = Span(article_id=aid, start=start, end=start + len(said), text=said)
    return Mention(article_id=aid, kind="event", status="occurred",
                   spans=[Span(article_id=aid, start=0, end=len(sentence), text=sentence)],
                   provenance={name: [span]},
                   **{f"{name}_low": low, f"{name}_high": high})


def test_words_alone_are_told_without_figure() -> None:
    assert told_without_figure(_report("a", "Several civilians died in the strike.",
                                       "Several", 3, None), "killed")
    assert told_without_figure(_report("a", "Varios civiles murieron en el ataque.",
                                       "Varios", 3, None), "killed")
    assert told_without_figure(_report("a", "The strike killed him, his family said.",
                                       "killed him", 1, 1), "killed")
    assert told_without_figure(_report("a", "The drone killed a local commander.",
                                       "a", 1, 1), "killed")
    assert not told_without_figure(_report("a", "The strike killed 14 people.",
                                           "14", 14, 14), "killed")
    assert not told_without_figure(_report("a", "The strike killed three people.",
                                           "three", 3, 3), "killed")
    assert not told_without_figure(_report("a", "Dozens died, at least 40 by one count.",
                                           "at least 40", 40, None), "killed")


def test_a_figure_beside_words_is_the_toll() -> None:
    words = _report("a", "Drone strikes on the village left several civilians dead.",
                    "several", 3, None)
    figure = _report("b", "Locals said at least 50 villagers were killed in the strikes.",
                     "at least 50", 50, None)
    counts, _ = merge_counts([words, figure])
    assert (counts["killed_low"], counts["killed_high"]) == (50, None)
    one = _report("c", "Relatives said a military airstrike had killed him on Tuesday.",
                  "killed him", 1, 1)
    six = _report("d", "Six people died when the navy struck the boat.", "Six", 6, 6)
    counts, _ = merge_counts([one, six])
    assert (counts["killed_low"], counts["killed_high"]) == (6, 6)


def test_figures_still_make_a_range_and_words_alone_stand() -> None:
    a = _report("a", "Officials said seven were killed.", "seven", 7, 7)
    b = _report("b", "State media later said nine died.", "nine", 9, 9)
    counts, flags = merge_counts([a, b])
    assert (counts["killed_low"], counts["killed_high"]) == (7, 9)
    assert flags
    c = _report("c", "Several people died.", "Several", 3, None)
    d = _report("d", "Dozens were killed.", "Dozens", 24, None)
    counts, _ = merge_counts([c, d])
    assert (counts["killed_low"], counts["killed_high"]) == (3, None)


def test_wounded_told_by_words_yield_to_a_figure() -> None:
    a = _report("a", "Several people were wounded in the raid.", "Several", 3, None,
                name="injured")
    b = _report("b", "Eleven people were wounded in the raid.", "Eleven", 11, 11,
                name="injured")
    counts, _ = merge_counts([a, b])
    assert (counts["injured_low"], counts["injured_high"]) == (11, 11)
