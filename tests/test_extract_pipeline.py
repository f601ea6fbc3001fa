"""End-to-end tests of extract(): mentions, tallies, coreference, provenance, parse gate."""

from __future__ import annotations

from strikewatch.extract import Pipeline, extract
from strikewatch.extract.nlp import load_nlp
from strikewatch.records import Article, Mention

TEXT = (
    "Colombian troops clashed with ELN rebels near the Venezuelan border on Thursday, "
    "killing six guerrillas, the army said. "
    "The clash lasted several hours, a local official told reporters. "
    "Three soldiers were wounded in the fighting, the army added. "
    "Since January, army operations against the group have killed at least 140 fighters, "
    "according to figures from the defence ministry.\n"
)


def _run(text: str = TEXT, published: str | None = "2025-03-10") -> list[Mention]:
    return extract(Article(text=text, published=published))


def test_one_event_told_in_three_sentences_is_one_mention() -> None:
    events = [m for m in _run() if m.kind == "event"]
    assert len(events) == 1
    ev = events[0]
    assert ev.event_type == "Battles" and ev.sub_event_type == "Armed clash"
    assert (ev.killed_low, ev.killed_high) == (6, 6)
    assert (ev.injured_low, ev.injured_high) == (3, 3)
    assert len(ev.spans) == 3
    assert ev.date_low == "2025-03-06" and ev.time_precision == 1
    assert ev.actor1 is not None and ev.actor1.country == "CO"


def test_tally_is_never_an_incident() -> None:
    tallies = [m for m in _run() if m.kind == "tally"]
    assert len(tallies) == 1
    t = tallies[0]
    assert (t.killed_low, t.killed_high) == (140, None)
    assert t.period_low == "2025-01-01" and t.period_high == "2025-03-10"
    events = [m for m in _run() if m.kind == "event"]
    assert all(m.killed_low != 140 for m in events)


def test_provenance_spans_point_at_their_words() -> None:
    art = Article(text=TEXT, published="2025-03-10")
    for m in extract(art):
        assert m.provenance, m
        for key, spans in m.provenance.items():
            for s in spans:
                assert art.text[s.start:s.end] == s.text, key
        for s in m.spans:
            assert art.text[s.start:s.end] == s.text
    ev = next(m for m in extract(art) if m.kind == "event")
    assert any("six" in s.text for s in ev.provenance["killed"])
    assert any("Thursday" in s.text for s in ev.provenance["date"])


def test_deterministic_ids() -> None:
    a = [m.model_dump() for m in _run()]
    b = [m.model_dump() for m in _run()]
    assert a == b and len({m["id"] for m in a}) == len(a)


def test_unknown_published_leaves_relative_dates_unresolved() -> None:
    ev = next(m for m in _run(published=None) if m.kind == "event")
    assert ev.date_low is None and ev.date_high is None and ev.time_precision is None


def test_plan_is_not_a_strike_and_parts_join() -> None:
    text = ("Washington is planning a military campaign against drug gangs in Haiti, three "
            "U.S. officials said. Under the plan, drones would strike gang compounds around "
            "Port-au-Prince. The officials said no date had been set for the operation.")
    ms = _run(text)
    assert len(ms) == 1
    m = ms[0]
    assert m.status == "planned" and m.event_type == "Explosions/Remote violence"
    assert m.place is not None and m.place.country == "HT"
    assert any(a.kind == "official" and a.count == 3 for a in m.attribution)
    assert len(m.spans) == 3


def test_denied_threatened_and_background() -> None:
    text = ("Turkey denied that its jets bombed a village in northern Iraq on Sunday. "
            "A militant commander threatened to attack Turkish bases. "
            "Turkish forces first crossed into the area in 1992.")
    by_status = {(m.status, m.background) for m in _run(text)}
    assert ("denied", False) in by_status and ("threatened", False) in by_status
    assert not any(s == "occurred" and not bg for s, bg in by_status)


def test_quote_kept_with_speaker() -> None:
    text = ("Sudanese army jets bombed a fuel depot in Nyala on Friday. "
            "\u201cThe depot was a legitimate target,\u201d army spokesman Nabil Abdallah "
            "said of the strike.")
    ms = _run(text)
    quotes = [q for m in ms for q in m.quotes]
    assert quotes and quotes[0].speaker == "army spokesman Nabil Abdallah"


def test_cheap_prefilter_skips_sentences_and_parse_runs_only_when_needed() -> None:
    filler = "The weather in the capital was mild and markets were calm. " * 20
    doc = Pipeline().read(Article(text=filler + TEXT, published="2025-03-10"))
    assert doc.stats["sentences"] == 24
    assert doc.stats["trigger_sentences"] == 4
    assert doc.stats.get("parsed_sentences", 0) <= 4


def test_spacy_model_loads_when_installed() -> None:
    nlp = load_nlp()
    # the model is a pinned dependency; without it the rule components still run
    if nlp is not None:
        assert "parser" in nlp.pipe_names and "ner" in nlp.pipe_names
        assert "tagger" not in nlp.pipe_names


def test_parse_leaves_ner_for_later_and_entities_match_a_full_run() -> None:
    from strikewatch.extract import nlp as nlp_mod

    nlp = load_nlp()
    if nlp is None:
        return
    texts = ["The Rapid Support Forces said a drone strike on El Fasher killed 12 people.",
             "General John Pershing led the Punitive Expedition into Mexico in 1916."]
    parsed = nlp_mod.parse(texts)
    full = list(nlp.pipe(texts))
    for p, f in zip(parsed, full, strict=True):
        # the parse alone: dependencies, no entities yet
        assert not p.has_annotation("ENT_IOB")
        assert [(t.dep_, t.head.i) for t in p] == [(t.dep_, t.head.i) for t in f]
        # asked for, the NER runs once and finds what the whole pipeline finds
        want = [(e.start_char, e.end_char, e.label_) for e in f.ents]
        assert want and nlp_mod.entities(p) == want
        assert p.has_annotation("ENT_IOB") and nlp_mod.entities(p) == want


def test_empty_and_odd_input_gives_no_mentions() -> None:
    assert extract(Article(text="")) == []
    assert extract(Article(text="   \n\n  ")) == []
    odd = extract(Article(text="Jets struck a depot on Friday.", published="not a date"))
    assert odd and odd[0].date_low is None  # an unreadable published date is unknown


def test_never_raises_and_spans_stay_in_text() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    words = st.sampled_from([
        "US", "forces", "struck", "a", "boat", "killing", "at least", "12", "people", "on",
        "Saturday", "in", "Mexico", ".", "\u201c", "\u201d", "said", "officials", "the",
        "strike", "planned", "would", "if", "denied", "since", "September", "dozens",
        "no survivors", "Hegseth", "cartel", "\n", ",", "toll", "rose", "to", "3 to 5",
    ])

    @settings(max_examples=60, deadline=None)
    @given(st.lists(words, max_size=60), st.sampled_from([None, "2025-11-03", "bad"]))
    def check(tokens: list[str], published: str | None) -> None:
        text = " ".join(tokens)
        art = Article(text=text, published=published)
        for m in extract(art):
            for spans in m.provenance.values():
                for s in spans:
                    assert 0 <= s.start < s.end <= len(text)
                    assert text[s.start:s.end] == s.text

    check()


def test_quote_in_the_next_sentence_joins_the_mention() -> None:
    text = ("Somali forces ambushed an al-Shabaab convoy near Jowhar on Tuesday, killing "
            "nine fighters. \u201cWe will not rest until they are defeated,\u201d Colonel "
            "Ahmed Nur said. Markets in the town reopened on Wednesday.")
    ms = _run(text)
    assert len(ms) == 1
    assert [(q.speaker, q.text) for q in ms[0].quotes] == [
        ("Colonel Ahmed Nur", "We will not rest until they are defeated,")]


def test_mentions_are_valid_records_on_the_whole_gold_set() -> None:
    # extract() assembles mentions without re-validation: prove they validate
    from pathlib import Path

    from strikewatch.evaluate import load_gold

    n = 0
    for g in sorted((Path(__file__).parent / "gold").glob("*.json")):
        _, art = load_gold(g)
        for m in extract(art):
            again = Mention.model_validate(m.model_dump(mode="json"))
            assert again.model_dump(mode="json") == m.model_dump(mode="json")
            assert again.id == m.id
            n += 1
    assert n >= 70


def test_a_sentence_told_again_is_not_parsed_again() -> None:
    from strikewatch.extract import nlp as nlp_mod

    if load_nlp() is None:
        return
    text = "Israeli jets struck a house in Khan Younis on Monday, killing five people."
    other = "A drone strike on a market in El Fasher killed 12 people, the army said."
    first = nlp_mod.parse([text])[0]
    before = dict(nlp_mod.parse_counts)
    again = nlp_mod.parse([other, text, text])
    assert again[1] is first and again[2] is first
    assert nlp_mod.parse_counts["reused"] - before.get("reused", 0) == 2
    assert nlp_mod.parse_counts["parsed"] - before.get("parsed", 0) == 1
    # the kept parse is what a fresh parse gives
    fresh = list(load_nlp().pipe([text]))[0]
    assert [(t.dep_, t.head.i) for t in first] == [(t.dep_, t.head.i) for t in fresh]


def test_frame_counts_tell_what_a_skip_could_spare() -> None:
    """Coreference counts the frames read, those dropped before it and those in no group
    (bench/extract.py prints them): every frame is in exactly one group or counted out."""
    text = TEXT + "The army has repeatedly struck rebel camps in the past.\n"
    doc = Pipeline().read(Article(text=text, published="2025-03-10"))
    grouped = [f for g in doc.groups for f in g.frames]
    assert len(grouped) == len({id(f) for f in grouped})
    stats = doc.stats
    assert stats["frames"] == len(doc.frames) >= 2
    assert stats["dropped_frames"] == sum(f.drop for f in doc.frames) >= 1
    assert stats["ungrouped_frames"] == len(doc.frames) - len(grouped) >= stats["dropped_frames"]
