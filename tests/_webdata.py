"""A small ledger written through the real Store interface, and a real HTTP server for it.

The articles are invented for these tests (varied wording, not the gold seed's), and one of
them carries a <script> element to check that nothing from an article ever runs.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from strikewatch.accounts.auth import hash_password
from strikewatch.records import (
    Actor,
    Article,
    Attribution,
    Incident,
    Mention,
    Place,
    Reconciliation,
    Source,
    Span,
    Tally,
)
from strikewatch.store import Store, open_store

PASSWORDS = {"ada": "admin-pass-1", "eve": "editor-pass-1", "vic": "viewer-pass-1",
             "zed": "viewer-pass-2"}
SCRIPT = "<script>document.title='pwned';window.PWNED=1</script>"

TEXT_A = (
    "Navy drones struck a speedboat off the coast of Sucre on Tuesday, killing eleven "
    "people aboard, officials said. " + SCRIPT + " The defence ministry said two crew "
    "members survived and were taken to a naval base."
)
TEXT_B = (
    "Eleven people died when an armed drone hit a small vessel in the Caribbean Sea on "
    "Tuesday, according to two officials who spoke on condition of anonymity. A later "
    "report from a local radio station put the toll at nine."
)
TEXT_C = (
    "A strike on a semi-submersible in the eastern Pacific killed three men on October 16, "
    "the regional command reported in a short statement."
)
TEXT_D = (
    "Since early September there have been more than 12 such strikes, with at least 40 "
    "people killed, according to a count kept by monitors."
)
TEXT_E = (
    "Officials are weighing drone operations against cartel laboratories inside Mexico, "
    "though no strike has been authorised yet."
)


def span(article: Article, phrase: str) -> Span:
    start = article.text.index(phrase)
    return Span(article_id=article.id, start=start, end=start + len(phrase), text=phrase)


def _src(a: Article) -> Source:
    return Source(article_id=a.id, url=a.url, publisher=a.publisher, published=a.published,
                  origin_id=a.origin_id)


def build_ledger(store: Store, extra_nearby: int = 0) -> dict[str, Any]:
    """Write articles, mentions, incidents, a tally and three users; return their ids."""
    arts = {}
    for key, text, pub, date, title in (
        ("A", TEXT_A, "Harbor Gazette", "2025-09-03", "Drone strike on speedboat <b>off Sucre</b>"),
        ("B", TEXT_B, "Coastal Wire", "2025-09-04", "Eleven dead in Caribbean strike"),
        ("C", TEXT_C, "Pacific Monitor", "2025-10-17", "Semi-submersible hit"),
        ("D", TEXT_D, "Strike Count", "2025-10-21", "The campaign so far"),
        ("E", TEXT_E, "Capital Daily", "2025-10-01", "Options weighed for Mexico"),
    ):
        a = Article(url=f"https://example.org/{key.lower()}", title=title, publisher=pub,
                    published=date, text=text)
        arts[key], _ = store.add_article(a)
    A, B, C, D, E = (arts[k] for k in "ABCDE")
    carib = Place(name="Caribbean Sea", kind="sea", latitude=15.0, longitude=-66.0,
                  geo_precision=6)
    m_a = Mention(article_id=A.id, status="occurred", date_low="2025-09-02",
                  date_high="2025-09-02", killed_low=11, killed_high=11, place=carib,
                  spans=[span(A, TEXT_A.split(" officials said.")[0] + " officials said.")],
                  provenance={"killed": [span(A, "killing eleven people aboard")]})
    m_b = Mention(article_id=B.id, status="occurred", date_low="2025-09-02",
                  date_high="2025-09-02", killed_low=9, killed_high=11, place=carib,
                  spans=[span(B, TEXT_B.split(" A later")[0])])
    m_c = Mention(article_id=C.id, status="occurred", date_low="2025-10-16",
                  date_high="2025-10-16", killed_low=3, killed_high=3, spans=[span(C, TEXT_C)])
    m_d = Mention(article_id=D.id, kind="tally", killed_low=40, strikes_low=13,
                  period_low="2025-09-01", period_high="2025-10-21", spans=[span(D, TEXT_D)])
    m_e = Mention(article_id=E.id, status="planned", spans=[span(E, TEXT_E)])
    for art, ms in ((A, [m_a]), (B, [m_b]), (C, [m_c]), (D, [m_d]), (E, [m_e])):
        store.replace_mentions(art.id, ms)
    us = Actor(name="US Navy", type="state_forces", country="US")
    inc1 = Incident(
        id="inc-carib-1", event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", target_kind="vessel", domain="sea",
        status="occurred", date_low="2025-09-02", date_high="2025-09-02", time_precision=1,
        place=carib, actor1=us, actor2=Actor(name="Boat crew", type="non_state"),
        killed_low=9, killed_high=11, survivors_low=2, survivors_high=2, grade="fair",
        grade_reason="two independent sources (Harbor Gazette, Coastal Wire)",
        flags=["killed: sources disagree (9 vs 11)"], sources=[_src(A), _src(B)],
        mention_ids=[m_a.id, m_b.id],
        attribution=[Attribution(kind="official", count=2, anonymous=True, affiliation="US")],
        provenance={
            "killed": [span(A, "killing eleven people aboard"),
                       span(B, "Eleven people died"), span(B, "put the toll at nine")],
            "date": [span(A, "on Tuesday"), span(B, "on\nTuesday".replace("\n", " "))],
            "place": [span(B, "in the Caribbean Sea")],
            "survivors": [span(A, "two crew members survived")],
        })
    inc2 = Incident(
        id="inc-pacific-1", event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", target_kind="vessel", domain="sea",
        date_low="2025-10-16", date_high="2025-10-16", time_precision=1,
        place=Place(name="Pacific Ocean", kind="sea", latitude=8.0, longitude=-95.0,
                    geo_precision=6),
        actor1=us, killed_low=3, killed_high=3, grade="weak", grade_reason="a single source",
        sources=[_src(C)], mention_ids=[m_c.id],
        provenance={"killed": [span(C, "killed three men")],
                    "date": [span(C, "on October 16")]})
    inc3 = Incident(
        id="inc-mexico-plan", event_type="Strategic developments", sub_event_type="Other",
        action="deployment", status="planned", place=Place(name="Mexico", country="MX",
        kind="country", latitude=23.6, longitude=-102.5, geo_precision=5),
        grade="weak", grade_reason="a single source", sources=[_src(E)], mention_ids=[m_e.id],
        provenance={"status": [span(E, "no strike has been authorised yet")]})
    inc4 = Incident(
        id="inc-carib-2", event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", date_low="2025-09-15", date_high="2025-09-15",
        place=Place(name="Caribbean Sea", kind="sea", latitude=15.2, longitude=-66.3,
                    geo_precision=6),
        actor1=us, killed_low=2, killed_high=None, grade="weak",
        grade_reason="a single source", sources=[_src(B)], mention_ids=[])
    extra = [
        Incident(id=f"inc-near-{i:02d}", event_type="Explosions/Remote violence",
                 sub_event_type="Air/drone strike", date_low=f"2025-10-{1 + i % 20:02d}",
                 date_high=f"2025-10-{1 + i % 20:02d}",
                 place=Place(name="Caribbean Sea", latitude=14.9 + i * 0.01,
                             longitude=-66.1 + i * 0.01), killed_low=1, killed_high=2,
                 grade="weak", grade_reason="a single source", sources=[_src(B)])
        for i in range(extra_nearby)
    ]
    tally = Tally(id="tally-campaign", killed_low=40, strikes_low=13, period_low="2025-09-01",
                  period_high="2025-10-21", sources=[_src(D)], mention_ids=[m_d.id],
                  reconciliation=Reconciliation(state="inconsistent", ledger_incidents=3,
                                                ledger_killed_low=15, ledger_killed_high=None,
                                                difference=25,
                                                note="the ledger holds 15 of at least 40"))
    store.replace_ledger([inc1, inc2, inc3, inc4, *extra], [tally])
    for name, role in (("ada", "admin"), ("eve", "editor"), ("vic", "viewer"),
                       ("zed", "viewer")):
        store.add_user(name, hash_password(PASSWORDS[name]), role)
    return {"articles": {k: a.id for k, a in arts.items()},
            "mentions": {"A": m_a.id, "B": m_b.id}, "incidents": [inc1.id, inc2.id, inc3.id,
                                                                  inc4.id]}


def make_store(
    tmp: Path, extra_nearby: int = 0, db: str | None = None
) -> tuple[Store, dict[str, Any]]:
    """A real store (SQLite in tmp, or the given URL) with the test ledger."""
    try:
        store = open_store(db or str(tmp / "web.db"))
    except NotImplementedError:
        pytest.skip("strikewatch.store.open_store is not implemented in this build yet")
    return store, build_ledger(store, extra_nearby)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serve(app: Any) -> Iterator[str]:
    """Run the app with uvicorn on a loopback port in a thread; yield its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


#: What issue 18's attacker got into stores (values the store still accepts, and rows an
#: older version wrote before the dates were checked): Rich markup, far-out dates.
MARKUP = "[/oops] [bold]x[/] [link=javascript:alert(1)]y[/link]"


def add_hostile_values(store: Store) -> None:
    """Add issue 18's hostile values to a ledger built by build_ledger: an article whose
    title, publisher and text carry Rich markup, incidents dated 9999-12-31 and 0001-01-03,
    a tally spanning years 1 to 9999, and a review whose note is markup and HTML."""
    from strikewatch.records import Review

    art, _ = store.add_article(Article(
        url="https://example.org/markup", title=MARKUP, publisher=MARKUP,
        published="2025-09-05", text=f"A drone strike {MARKUP} hit a boat, killing two."))
    odd = [Incident(id=f"inc-odd-{d}", status="occurred", date_low=d, date_high=d,
                    killed_low=1, killed_high=1, place=Place(name=MARKUP, latitude=89.9,
                                                             longitude=179.9),
                    actor1=Actor(name=MARKUP), sources=[_src(art)])
           for d in ("9999-12-31", "0001-01-03")]
    tally = Tally(id="tally-odd", killed_low=3, period_low="0001-01-01",
                  period_high="9999-12-31", sources=[_src(art)])
    store.replace_ledger([*store.incidents(), *odd], [*store.tallies(), tally])
    store.add_review(Review(action="accept", incident_id="inc-odd-9999-12-31", user="eve",
                            at="2025-11-05T00:00:00+00:00",
                            note=MARKUP + " </textarea><script>x()</script>"))
