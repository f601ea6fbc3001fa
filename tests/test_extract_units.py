"""Unit tests of the extraction components, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from strikewatch.extract.actors import find_actors
from strikewatch.extract.attribution import read_attribution, read_quotes
from strikewatch.extract.counts import COUNT_TABLE, parse_number, read_counts
from strikewatch.extract.dates import read_dates
from strikewatch.extract.roles import assign_roles
from strikewatch.extract.sentences import split_offsets
from strikewatch.extract.status import is_background, read_hedges, read_status
from strikewatch.extract.triggers import find_triggers
from strikewatch.records import EVENT_TAXONOMY

PUB = dt.date(2025, 11, 3)  # a Monday


# --- sentences ------------------------------------------------------------------------

def test_sentences_split_glued_text_and_keep_abbreviations() -> None:
    text = ("The U.S. Navy sank a boat.Officials confirmed it. Gen. Smith spoke "
            "later.Background detailsThe next part starts here.")
    parts = [text[a:b] for a, b in split_offsets(text)]
    assert parts[0] == "The U.S. Navy sank a boat."
    assert parts[1] == "Officials confirmed it."
    assert parts[2].startswith("Gen. Smith spoke later.")
    assert parts[-1] == "The next part starts here."


# --- counts ---------------------------------------------------------------------------

@pytest.mark.parametrize("phrase,expected", [
    ("killing at least 65 people", (65, None)),
    ("killing over 15 people", (16, None)),
    ("killing more than 15 people", (16, None)),
    ("killing up to 12 people", (None, 12)),
    ("killing nearly 40 people", (None, 39)),
    ("killing about 30 people", (30, 30)),
    ("killing 3 to 5 people", (3, 5)),
    ("killing between three and five people", (3, 5)),
    ("killing a dozen people", (12, 12)),
    ("killing several people", (3, None)),
    ("killing dozens of people", (24, None)),
    ("killing scores of people", (40, None)),
    ("killing hundreds of people", (200, None)),
    ("killing twenty-three people", (23, 23)),
    ("killing 1,200 people", (1200, 1200)),
])
def test_count_mapping_table(phrase: str, expected: tuple[int | None, int | None]) -> None:
    counts, _, spans = read_counts(f"A barrage hit the town, {phrase}.")
    assert counts["killed"] == expected
    assert "killed" in spans


def test_approx_is_flagged() -> None:
    counts, approx, _ = read_counts("Roughly 50 fighters were killed in the battle.")
    assert counts["killed"] == (50, 50) and approx == ["killed"]


def test_count_table_is_the_one_table() -> None:
    assert COUNT_TABLE["over"](15) == (16, None, False)
    assert parse_number("seventy-two") == 72 and parse_number("two dozen") == 24


@pytest.mark.parametrize("sentence,field,expected", [
    ("Nobody was killed when the shell landed.", "killed", (0, 0)),
    ("The strike caused no casualties, the army said.", "killed", (0, 0)),
    ("There were no survivors among the crew.", "survivors", (0, 0)),
    ("Three survivors were pulled from the water.", "survivors", (3, 3)),
    ("Two crew members survived the attack.", "survivors", (2, 2)),
    ("Four fishermen are still missing after the raid.", "missing", (4, 4)),
    ("The blast wounded 17 shoppers.", "injured", (17, 17)),
    ("Militants killed eight civilians in the village.", "civilians_killed", (8, 8)),
    ("Twelve people died, including five children, medics said.", "children_killed", (5, 5)),
    ("The navy has conducted 9 strikes on boats since March.", "strikes", (9, 9)),
])
def test_count_categories(sentence: str, field: str, expected: tuple[int, int]) -> None:
    counts, _, _ = read_counts(sentence)
    assert counts[field] == expected


def test_dates_and_years_are_not_counts() -> None:
    counts, _, _ = read_counts("On March 4 killed were two men; in 2019 nine died.")
    assert counts.get("killed") != (4, 4)
    counts2, _, _ = read_counts("The attack on 12 June killed 7 people.")
    assert counts2["killed"] == (7, 7)


# --- dates ----------------------------------------------------------------------------

def _date(text: str, pub: dt.date | None = PUB, future: bool = False) -> tuple:
    d = read_dates(text, pub, future=future)[0]
    return d.low, d.high, d.precision


@pytest.mark.parametrize("text,expected", [
    ("It happened on Saturday.", ("2025-11-01", "2025-11-01", 1)),
    ("The raid came last Monday.", ("2025-10-27", "2025-10-27", 1)),
    ("It was hit yesterday.", ("2025-11-02", "2025-11-02", 1)),
    ("Fighting erupted last week.", ("2025-10-27", "2025-11-02", 2)),
    ("It happened in February.", ("2025-02-01", "2025-02-28", 3)),
    ("It happened in December.", ("2024-12-01", "2024-12-31", 3)),
    ("Shelling resumed earlier this month.", ("2025-11-01", "2025-11-03", 3)),
    ("Clashes broke out last month.", ("2025-10-01", "2025-10-31", 3)),
    ("The strike on October 14 was the first.", ("2025-10-14", "2025-10-14", 1)),
    ("It was reported on 3 March 2024.", ("2024-03-03", "2024-03-03", 1)),
    # a month and day after a determiner are that day, not the month ("The October 14 raid")
    ("The October 14 raid was the second that week.", ("2025-10-14", "2025-10-14", 1)),
    ("Witnesses described the Oct. 3 attack.", ("2025-10-03", "2025-10-03", 1)),
    ("The October 2024 offensive stalled.", ("2024-10-01", "2024-10-31", 3)),
])
def test_relative_and_absolute_dates(text: str, expected: tuple) -> None:
    assert _date(text) == expected


def test_dates_unresolved_without_published() -> None:
    assert _date("It happened on Saturday.", pub=None) == (None, None, None)
    assert _date("It happened in February.", pub=None) == (None, None, None)
    # an explicit year needs no publication date
    assert _date("It happened in March 2023.", pub=None) == ("2023-03-01", "2023-03-31", 3)


def test_planned_weekday_looks_forward() -> None:
    assert _date("Troops will deploy on Friday.", future=True)[0] == "2025-11-07"


def test_since_gives_a_period() -> None:
    d = read_dates("Strikes since September have killed dozens.", PUB)[0]
    assert d.is_period and d.low == "2025-09-01" and d.high == "2025-11-03"


# --- status ---------------------------------------------------------------------------

def _status(sentence: str, word: str) -> str:
    i = sentence.index(word)
    return read_status(sentence, i, i + len(word))[0]


@pytest.mark.parametrize("sentence,word,expected", [
    ("The ministry is preparing an offensive against the rebels.", "offensive", "planned"),
    ("Under the proposal, jets would carry out strikes on depots.", "strikes", "planned"),
    ("The commander threatened to shell the port.", "shell", "threatened"),
    ("\u201cWe will strike them hard,\u201d the spokesman said.", "strike", "threatened"),
    ("The army denied that its drones struck the clinic.", "struck", "denied"),
    ("If talks fail, the air force could bomb the bridges.", "bomb", "hypothetical"),
    ("Officials said an invasion would be a disaster.", "invasion", "hypothetical"),
    ("Insurgents ambushed a patrol near the border.", "ambushed", "occurred"),
    ("Rebels reportedly shelled the airport.", "shelled", "occurred"),
    # a speaker's "that <event> ... could come next" is a future, however far the modal
    ("The minister said on Monday that raids on the northern camps could follow soon.",
     "raids", "threatened"),
    ("Officials said that strikes on the port killed nine.", "strikes", "occurred"),
    # a perfect modal before "in <the attack>" hedges the toll, not the attack
    ("Two guards may have been wounded in the shelling of the depot.", "shelling", "occurred"),
    ("Up to six fighters might have died in Tuesday's airstrike.", "airstrike", "occurred"),
    ("Strikes on the depot could be illegal, lawyers said.", "Strikes", "hypothetical"),
])
def test_status(sentence: str, word: str, expected: str) -> None:
    assert _status(sentence, word) == expected


def test_hedges_and_background() -> None:
    assert [h[0] for h in read_hedges("Gunmen allegedly attacked the bus.")] == ["allegedly"]
    assert is_background("The army last fought here in 1982.", PUB)
    assert not is_background("The army fought here in October.", PUB)


# --- triggers -------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,etype,sub", [
    ("Warplanes carried out airstrikes on the town.", "Explosions/Remote violence",
     "Air/drone strike"),
    ("Artillery fire hit the suburbs.", "Explosions/Remote violence",
     "Shelling/artillery/missile attack"),
    ("A car bomb exploded outside the ministry.", "Explosions/Remote violence",
     "Remote explosive/landmine/IED"),
    ("Troops clashed with insurgents.", "Battles", "Armed clash"),
    ("A drone destroyed a pickup truck near the checkpoint.", "Explosions/Remote violence",
     "Air/drone strike"),
    ("Gunmen kidnapped two engineers.", "Violence against civilians",
     "Abduction/forced disappearance"),
    ("Police arrested the suspects.", "Strategic developments", "Arrests"),
    ("The two sides signed an agreement in Doha.", "Strategic developments", "Agreement"),
])
def test_trigger_types(sentence: str, etype: str, sub: str) -> None:
    hits = find_triggers(sentence)
    assert hits and hits[0].event_type == etype and hits[0].sub_event_type == sub
    assert sub in EVENT_TAXONOMY[etype]


@pytest.mark.parametrize("sentence", [
    "Nurses went on strike over pay on Tuesday.",
    "The union said the strike would last a week.",
    "A strong earthquake struck the coast overnight.",
    "The minister hopes to strike a balance between the two.",
    "The council approved the new budget.",
])
def test_non_events_have_no_trigger(sentence: str) -> None:
    assert not [t for t in find_triggers(sentence) if t.event_type]


def test_bare_plural_is_weak_and_counted_plural_is_strong() -> None:
    assert find_triggers("The navy relies on drone strikes.")[0].strength == "weak"
    assert find_triggers("The navy conducted 14 strikes.")[0].strength == "strong"


# --- actors ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,name,country,kind", [
    ("the Pentagon", "Pentagon", "US", "military"),
    ("JSOC", "JSOC", "US", "military"),
    ("U.S. Central Command", "U.S. Central Command", "US", "military"),
    ("AFRICOM", "AFRICOM", "US", "military"),
    ("the CIA", "CIA", "US", "intelligence"),
    ("Hegseth", "Hegseth", "US", "government"),
    ("US forces", "US forces", "US", "military"),
    ("Tren de Aragua", "Tren de Aragua", "VE", "non_state"),
    ("a Mexican cartel", "Mexican cartel", "MX", "non_state"),
    # Iraq's militia is not Lebanon's Hezbollah, however its name is spelled
    ("a Kataib Hezbollah commander", "Kataib Hezbollah", "IQ", "non_state"),
    ("Kata'ib Hizbullah fighters", "Kataib Hezbollah", "IQ", "non_state"),
    ("Hezbollah fighters", "Hezbollah", "LB", "non_state"),
])
def test_actor_lexicon(text: str, name: str, country: str, kind: str) -> None:
    hit = find_actors(text)[0]
    assert (hit.actor.name, hit.actor.country, hit.actor.type) == (name, country, kind)


def test_roles_active_and_passive() -> None:
    s = "Israeli warplanes struck Hamas positions overnight."
    i = s.index("struck")
    a1, a2, _ = assign_roles(s, 0, i, i + 6, find_actors(s))
    assert a1 is not None and a1.actor.country == "IL"
    assert a2 is not None and a2.actor.name == "Hamas"
    s2 = "Five fishermen were killed in a strike by Russian drones."
    j = s2.index("strike")
    b1, _, _ = assign_roles(s2, 0, j, j + 6, find_actors(s2))
    assert b1 is not None and b1.actor.country == "RU"


# --- attribution and quotes -------------------------------------------------------------

def test_attribution_counts_coordinated_officials() -> None:
    s = ("The operation was approved, according to The Wall Street Journal, which cited "
         "three current and one former Pentagon officials.")
    atts = [a for a, _, _ in read_attribution(s)]
    assert any(a.kind == "outlet" and "Wall Street Journal" in (a.name or "") for a in atts)
    assert any(a.kind == "official" and a.count == 4 and a.anonymous for a in atts)


def test_attribution_said_and_anonymity() -> None:
    s = ("Two officials, speaking on condition of anonymity, said the drones were "
         "launched from a ship.")
    atts = [a for a, _, _ in read_attribution(s)]
    assert any(a.kind == "official" and a.count == 2 and a.anonymous for a in atts)
    s2 = "Amnesty International said the attack may amount to a war crime."
    assert [a.kind for a, _, _ in read_attribution(s2)] == ["ngo"]


def test_quotes_have_speakers() -> None:
    text = ("Defense Minister Ana Ruiz visited the base. \u201cWe will respond,\u201d she "
            "said. \u201cNo one is safe,\u201d Colonel Diaz said.")
    quotes = read_quotes(text, 0, len(text))
    assert quotes[0][0] == "Minister Ana Ruiz" and quotes[0][1] == "We will respond,"
    assert quotes[1][0] == "Colonel Diaz"


def test_sentence_end_after_single_capital() -> None:
    text = "He posted on X. The strike was the third. General John J. Pershing led it."
    parts = [text[a:b] for a, b in split_offsets(text)]
    assert parts == ["He posted on X.", "The strike was the third.",
                     "General John J. Pershing led it."]


def test_a_link_pasted_into_a_paragraph_ends_where_the_quote_opens() -> None:
    # a related story's headline run into the paragraph: the quote after it is prose again,
    # and the headline's names ("Ruritania's president") must not become the strike's actor
    text = ('Two died in the second strike, the Navy said on X. ALSO READ: Capital fines '
            'Ruritania\'s president over port deals "As for the survivor, a cutter took '
            'him aboard," he added. Read more: the "third strike" is under review')
    parts = [text[a:b] for a, b in split_offsets(text)]
    assert parts[:3] == ["Two died in the second strike, the Navy said on X.",
                         "ALSO READ: Capital fines Ruritania's president over port deals",
                         '"As for the survivor, a cutter took him aboard," he added.']
    assert parts[3] == 'Read more: the "third strike" is under review'  # no capital: no cut


def test_the_linked_headline_gives_no_actor() -> None:
    from strikewatch.extract import extract
    from strikewatch.records import Article
    text = ('US forces struck three boats in the eastern Pacific on Monday, Hegseth said on X. '
            '"Eight male narco-terrorists were on the boats in the first strike. Three male '
            'narco-terrorists were on the boat in the third strike," Hegseth said on X. ALSO '
            "READ: Washington sanctions Ruritania's president over drug-trade allegations "
            '"As for the survivor, Southcom at once began search and rescue protocols," he '
            "added. The strikes bring the number of US military operations against drug "
            "boats to 13.")
    ms = extract(Article(id="a", text=text, published="2025-10-28"))
    assert ms
    for m in ms:
        assert not any("ALSO READ" in s.text for s in m.spans)
        assert m.actor1 is None or m.actor1.name != "Washington"


def test_designated_in_a_name_or_after_a_preposition_is_no_designation() -> None:
    from strikewatch.extract.triggers import find_triggers
    for text in ("Navy jets carried out a lethal strike on a skiff run by Designated Smuggling "
                 "Networks.",
                 "The drone hit a truck owned by designated militant groups."):
        words = [t.text.lower() for t in find_triggers(text)]
        assert "designated" not in words and words, text
    verb = find_triggers("The ministry designated the militia a terrorist group on Friday.")
    assert [t.text for t in verb] == ["designated"]


def test_no_civilians_said_without_a_verb_or_after_killed_is_zero_civilians() -> None:
    from strikewatch.extract.counts import read_counts
    for text in ("The raid killed nine gunmen, with no civilians hurt or killed.",
                 "The drone hit the truck and killed no civilians, officials said.",
                 "There were no civilian casualties in the raid, the ministry said."):
        counts, _, _ = read_counts(text)
        assert counts.get("civilians_killed") == (0, 0), text
    # the attacker's own forces unharmed is no toll
    counts, _, _ = read_counts("No soldiers were harmed in the operation.")
    assert "killed" not in counts and "civilians_killed" not in counts


def test_one_person_killed_told_with_an_article_is_a_toll_of_one() -> None:
    from strikewatch.extract.counts import read_counts
    for text in ("a regional commander of the armed group was killed in a drone strike",
                 'Troops killed an "al-Shabaab senior leader" in a raid near the town.',
                 "A strike on Friday killed a Yemeni member of an Islamist group."):
        counts, _, _ = read_counts(text)
        assert counts.get("killed") == (1, 1), text
    for text in ("The strike killed a number of militants.",
                 "The raid killed a dozen fighters and wounded a guard."):
        counts, _, _ = read_counts(text)
        assert counts.get("killed") != (1, 1), text


@pytest.mark.parametrize("text,want", [
    # one named or titled person who died: a toll of one
    ("Senior militant commander Omar bin Faris died in a drone strike near the river.", (1, 1)),
    ('An "armed group senior leader" died on Monday when jets struck the area.', (1, 1)),
    ("A terrorist linked to the armed group was killed by soldiers in an airstrike.", (1, 1)),
    ("A senior rebel leader who planned attacks abroad was killed in the raid.", (1, 1)),
    # "he and one more": the one named before counts too
    ("Jets struck the camp of commander Omar; he and one more of the group's fighters "
     "were killed.", (2, 2)),
    ("Omar and two other fighters were killed in the raid.", (3, 3)),
])
def test_counts_one_person_and_the_one_named_before_more(text: str,
                                                         want: tuple[int, int]) -> None:
    assert read_counts(text)[0].get("killed") == want


def test_counts_a_place_before_more_is_no_person_added() -> None:
    more: set[str] = set()
    counts = read_counts("Police said two more died in Rafah.", more=more)[0]
    assert counts["killed"] == (2, 2) and "killed" in more
    assert read_counts("Many people died.")[0].get("killed") is None


@pytest.mark.parametrize("text,want", [
    ("Five people at least lost their lives in the raid.", (5, None)),
    ("The death toll stands at 33 or more.", (33, None)),
    ("The shelling killed 60 or more villagers.", (60, None)),
    ("Two boats were hit at least twice, killing four.", (4, 4)),
])
def test_counts_a_lower_bound_told_after_the_figure(text: str,
                                                    want: tuple[int, int | None]) -> None:
    assert read_counts(text)[0].get("killed") == want


@pytest.mark.parametrize("text,want", [
    ("Drones struck during the night of 5 to 6 January.", ("2024-01-05", "2024-01-06", 1, False)),
    ("Raids on January 5-6 killed ten.", ("2024-01-05", "2024-01-06", 1, False)),
    ("Fighting on 3-10 March 2023 killed dozens.", ("2023-03-03", "2023-03-10", 2, True)),
])
def test_dates_a_span_of_days_in_one_month(text: str,
                                           want: tuple[str, str, int, bool]) -> None:
    (d,) = read_dates(text, dt.date(2024, 1, 7))
    assert (d.low, d.high, d.precision, d.is_period) == want


def test_dates_a_clock_time_before_to_is_no_span() -> None:
    (d,) = read_dates("Sirens sounded from 14:30 to 15 January's dawn.", dt.date(2024, 1, 20))
    assert (d.low, d.high) == ("2024-01-15", "2024-01-15")


@pytest.mark.parametrize("text,want", [
    ("A drone fired rockets at a motorbike, killing its rider and a girl walking nearby.",
     (2, 2)),
    ("The strike killed the driver and a passenger.", (2, 2)),
    ("Jets killed a commander.", (1, 1)),
])
def test_counts_two_people_told_without_a_figure(text: str, want: tuple[int, int]) -> None:
    assert read_counts(text)[0].get("killed") == want
