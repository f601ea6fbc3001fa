"""LedgerStore on SQLAlchemy: the resolved incidents and tallies, written as a diff in
one transaction with the resolver's state, and read with IncidentQuery's filters, sorting
and totals.

Every filter is a condition an index serves (migrations 0010 and 0011): a place is one of
the keys it was filed under when written (ledger.places: country, sea, names), words and
actors go through the full-text index (SQLite FTS5, PostgreSQL GIN over tsvector), a
date range reads an index range bounded by the widest interval stored, and a page is read
in the order of a composite (filter, sort, id) index — from a cursor's row with `after`.
Totals over the common filters come from ledger_counts, which triggers keep.

Its own module because the ledger is what every reader (CLI, API, web, exports) asks for;
the write helpers it shares with reviews live in sql_ledger_write.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ClauseElement, Executable

from strikewatch.ledger.counting import COUNTED_STATUS, UNCOUNTED_GRADES
from strikewatch.ledger.places import asked_for
from strikewatch.records import Incident, Tally
from strikewatch.store import (
    MAX_SEARCH_WORDS,
    IncidentQuery,
    LedgerStore,
    LedgerWrite,
    ResolveSave,
    StaleState,
    read_cursor,
    search_words,
)
from strikewatch.store import schema as t
from strikewatch.store.sql_base import _translate_errors
from strikewatch.store.sql_ledger_write import (
    LEDGER_LOCK,
    _delete_gone,
    _diff_stream,
    _incident_row,
    _tally_row,
    _write_redirects,
    count_terms,
)
from strikewatch.store.sql_state import _claim_generation, _save_state

#: Keys `IncidentQuery.extra` understands, each an equality filter on the stored record
#: (`min_killed` is a lower bound on killed_low).
EXTRA_FILTERS = ("sub_event_type", "target_kind", "domain", "background", "min_killed")


def counted_predicate(c: Any) -> sa.ColumnElement[bool]:
    """ledger.counting.counted as SQL over the incidents table's columns, from the same
    constants, so a total summed here and one summed in Python agree."""
    return sa.and_(c.status == COUNTED_STATUS, sa.not_(c.background),
                   sa.or_(c.grade.is_(None), c.grade.not_in(UNCOUNTED_GRADES)))


def _json_text(conn: Connection, column: Any) -> Any:
    """A JSON column as the text stored, for pydantic's own JSON parser
    (`model_validate_json`): 1.8-2.6 ms of CPU for a page of 100 incidents, where the
    driver's json.loads followed by `model_validate` of the dicts took 3-3.5 ms."""
    if conn.dialect.name == "postgresql":
        return column.cast(sa.Text).label(column.name)  # JSONB: the server writes the text
    return sa.type_coerce(column, sa.Text).label(column.name)


def _flag(value: str) -> bool:
    return str(value).lower() in ("1", "true", "yes")


def _widen(conn: Connection, date_from: str) -> str:
    """The earliest date_low an incident overlapping [date_from, …] can have: date_from
    less the widest interval stored (date_span has an index, so this is one probe). With
    it a date filter reads an index range instead of every earlier incident."""
    widest = conn.execute(sa.select(sa.func.max(t.incidents.c.date_span))).scalar()
    try:
        start = dt.date.fromisoformat(date_from[:10])
    except ValueError:
        return date_from
    days = max(int(widest or 0), 0)
    return (start - dt.timedelta(days=min(days, (start - dt.date.min).days))).isoformat()


#: PostgreSQL: the stored search vector of each searched column (migration 0014; GIN
#: indexes ix_incidents_search_tsv, ix_incidents_actors_tsv).
PG_VECTORS = {"search_text": "search_tsv", "actors": "actors_tsv"}
#: The same columns as SQL expressions, spelled as constants (SQL is never built by
#: formatting: tests/test_security_sql.py).
_PG_VECTOR_SQL: dict[str, Any] = {
    "search_text": sa.literal_column("incidents.search_tsv"),
    "actors": sa.literal_column("incidents.actors_tsv"),
}

#: SQLite's FTS5 table (migration 0011), as far as queries name it.
_FTS = sa.table("incidents_fts", sa.column("rowid", sa.Integer))
#: The search vocabulary (migrations 0013, 0014; `n`, the incidents holding each term, is
#: kept on PostgreSQL only, with the changes not yet folded into it: 0016), as far as
#: queries name them.
_TERMS = sa.table("incidents_fts_terms", sa.column("col", sa.Text),
                  sa.column("term", sa.Text), sa.column("n", sa.BigInteger))
_DELTAS = sa.table("incidents_fts_term_deltas", sa.column("col", sa.Text),
                   sa.column("term", sa.Text), sa.column("d", sa.BigInteger))

#: A search word is written as the exact terms it begins (`navy` -> `"navy" OR
#: "navys"`), read from the index's vocabulary (migrations 0013 and 0014), when there
#: are at most this many. SQLite's FTS5 streams exact terms, where a prefix query
#: (`"navy"*`) merges every matching term's doclist into memory before its first row;
#: PostgreSQL's planner estimates exact terms from its statistics (_ts_query). More terms
#: (a short prefix: "a") and the prefix query is the cheaper one. 0: every word a prefix
#: query, as before 0013/0014 (bench/api.py times both).
EXPAND_UPTO = 32
#: Words whose FTS5 query is exactly a prefix of one term: the tokenizer keeps lower-case
#: ASCII letters and digits as they are. Other words (accents the tokenizer may fold
#: otherwise, "_", other scripts) keep the prefix query.
_PLAIN_WORD = re.compile(r"[a-z0-9]+")


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def terms_beginning(conn: Connection, column: str, word: str) -> list[str] | None:
    """The terms of `column` in the index that begin with `word`, in order, from
    incidents_fts_terms (one B-tree range; SQLite: migration 0013, PostgreSQL: 0014);
    None when the prefix query must answer: the word is not plain, it begins more than
    EXPAND_UPTO terms, or (SQLite) terms are still pending (text written from outside
    the store, whose terms nobody filed)."""
    if not _PLAIN_WORD.fullmatch(word):
        return None
    if conn.dialect.name == "sqlite" and conn.exec_driver_sql(
            "SELECT 1 FROM incidents_fts_pending LIMIT 1").first():
        return None
    # every string beginning with `word`, and only those: [word, word with its last
    # character's successor)
    end = word[:-1] + chr(ord(word[-1]) + 1)
    terms = [r[0] for r in conn.execute(sa.text(
        "SELECT term FROM incidents_fts_terms WHERE col = :col AND term >= :lo "
        "AND term < :hi ORDER BY term LIMIT :n"),
        {"col": column, "lo": word, "hi": end, "n": EXPAND_UPTO + 1})]
    return None if len(terms) > EXPAND_UPTO else terms


def _lexeme(term: str) -> str:
    """A term as a quoted lexeme of PostgreSQL's tsquery syntax."""
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


@dataclasses.dataclass(frozen=True)
class Search:
    """The words typed for one searched column (search_text or actors) and the exact
    terms each stands for, looked up in the vocabulary once per store call and handed to
    every statement built from them: the page's probes and condition, and the count
    (before, each rebuilt them: 2-3 look-ups a request)."""

    column: str
    words: list[str]
    #: per word, the terms it begins (terms_beginning), None where only a prefix query
    #: can say; None overall: a word begins no term, or there is no word ("!!!")
    terms: list[list[str] | None] | None

    @property
    def matches_nothing(self) -> bool:
        return self.terms is None


def _search(conn: Connection, column: str, text: str) -> Search:
    """`text` as a Search of `column`: its words (search_words) and their terms. A search
    of more than MAX_SEARCH_WORDS words is refused with the reason."""
    words = search_words(text)
    if len(words) > MAX_SEARCH_WORDS:
        raise ValueError(f"search text has {len(words)} different words; "
                         f"at most {MAX_SEARCH_WORDS}")
    terms: list[list[str] | None] | None = [] if words else None
    for w in words:
        found = terms_beginning(conn, column, w)
        if found == []:  # a word begins no term: nothing matches
            terms = None
            break
        assert terms is not None
        terms.append(found)
    return Search(column, words, terms)


def _searches(conn: Connection, q: IncidentQuery) -> list[Search]:
    """The query's searches (actors, then words), each looked up once."""
    return [_search(conn, column, text)
            for column, text in (("actors", q.actor), ("search_text", q.text)) if text]


def _ts_query(s: Search) -> str:
    """PostgreSQL: the tsquery for "every word begins a word of the column", each word as
    the exact terms it begins (`'navy' | 'navys'`: the planner estimates exact terms from
    the column's statistics, where it puts any prefix query at 2% of the rows when the
    column has fewer than 100 common lexemes: migration 0014) or, where the vocabulary
    cannot say (terms_beginning), the prefix query. Only for a search that can match."""
    assert s.terms is not None
    return " & ".join(_lexeme(w) + ":*" if terms is None
                      else "(" + " | ".join(_lexeme(x) for x in terms) + ")"
                      for w, terms in zip(s.words, s.terms, strict=True))


def _fts_match(s: Search, *, prefix: bool = True) -> str:
    """FTS5 query: every word begins a word of the column (prefix=False: is one), each
    word as the exact terms it begins where the vocabulary tells them (terms_beginning),
    else as a prefix query. Only for a search that can match."""
    assert s.terms is not None
    per_word = s.terms if prefix else [[w] for w in s.words]
    parts = (_quoted(w) + "*" if terms is None
             else "(" + " OR ".join(_quoted(x) for x in terms) + ")"
             for w, terms in zip(s.words, per_word, strict=True))
    return "{" + s.column + "} : (" + " AND ".join(parts) + ")"


def _fts_rows(match: str) -> Any:
    """The FTS5 rows a MATCH expression selects."""
    return sa.select(_FTS.c.rowid).where(
        sa.literal_column("incidents_fts").op("MATCH")(match))


def _matches(conn: Connection, s: Search, *, per_row: str = "") -> sa.ColumnElement[bool]:
    """Every word of the search begins a word of its column (search_text or actors):
    SQLite's FTS5 table, PostgreSQL's GIN index over the same column. `per_row` (SQLite):
    test each row read in the sort's order, rather than start from the list of matches —
    the faster way to a page when the words are common — against that list read once
    ("list") or against the index itself, row by row ("row": only for exact terms, which
    FTS5 seeks to a row without reading all their matches)."""
    if s.matches_nothing:
        return sa.false()
    c = t.incidents.c
    if conn.dialect.name == "sqlite":
        match = _fts_match(s)
        if per_row == "row":
            return sa.exists(_fts_rows(match).where(_FTS.c.rowid == c.text_rowid))
        if per_row:
            # "+": not through text_rowid's index; SQLite reads the matches once into a
            # temporary index and tests each row the sort's index gives against it
            return sa.literal_column("+incidents.text_rowid").in_(_fts_rows(match))
        return c.text_rowid.in_(_fts_rows(match))
    # the stored vector (migration 0014): a row tested by a scan reads it, not the text
    tsv: sa.ColumnElement[Any] = _PG_VECTOR_SQL[s.column]
    return tsv.op("@@")(sa.func.to_tsquery(sa.literal_column("'simple'"), _ts_query(s)))


#: SQLite: a ledger write that inserts at least this many incidents merges the FTS5 index
#: into one segment afterwards ('optimize'). Written row by row by the triggers, the index
#: is left in many segments, and a query reads every one: a common word's page and count
#: at 100k took about twice the CPU before the merge (docs/scale.md). A merge took under a
#: second at 100k and at 1M here, small beside writing 10,000 incidents.
FTS_MERGE_AFTER = 10_000


#: SQLite plans with no histogram, so it cannot tell a rare word or a narrow date range
#: from a common one; a page query first counts up to this many matches of each (an index
#: range or an FTS doclist: well under a millisecond). Fewer: the page starts from those
#: matches and sorts them. More: it reads the sort's index in order and tests each row,
#: stopping at a page — the two plans whose cost does not grow with the ledger.
PROBE = 2000


def _many(conn: Connection, stmt: Any, many: int | None = None) -> bool:
    """Does `stmt` (a select of one column) give at least `many` (PROBE) rows?"""
    many = PROBE if many is None else many
    first = sa.select(sa.literal(1)).select_from(stmt.subquery()).limit(many)
    n = conn.execute(sa.select(sa.func.count()).select_from(first.subquery())).scalar_one()
    return int(n) >= many


#: SQLite: testing one row of the sort's index against the full-text index ("row")
#: costs about as much as reading this many matches into the list that "list" tests
#: against (7 µs against 0.2 µs, docs/scale.md), so a page of P rows of a ledger of N
#: incidents is cheaper tested row by row when its M matches are many: M² > this × P × N.
ROW_TEST_COST = 35


def _page_form(conn: Connection, s: Search, reach: int) -> str:
    """How a page of rows 0..`reach` (0: all) tests this search: from the list of its
    matches ("": few), each row against that list ("list": at least PROBE), or each row
    against the index ("row": exact terms matching a large part of the ledger)."""
    if s.matches_nothing:
        return ""
    match = _fts_match(s)
    if any(terms is None for terms in s.terms or ()):
        # a word stays a prefix: FTS5 reads all its matches into memory before the first,
        # so the whole words are probed first (a common word typed whole is known to be
        # common at the cost of PROBE rows)
        return "list" if any(_many(conn, _fts_rows(m))
                             for m in (_fts_match(s, prefix=False), match)) else ""
    if not _many(conn, _fts_rows(match)):
        return ""
    if reach <= 0:
        return "list"
    ledger = conn.execute(sa.select(sa.func.sum(t.ledger_counts.c.n))).scalar() or 0
    dense = math.isqrt(ROW_TEST_COST * reach * int(ledger)) + 1
    return "row" if _many(conn, _fts_rows(match), dense) else "list"


def _searched_only(q: IncidentQuery) -> bool:
    """Does the query filter by words or actors and nothing else?"""
    return bool(q.text or q.actor) and not q.extra and not any(
        getattr(q, f) for f in ("date_from", "date_to", "country", "status", "grade",
                                "event_type"))


def _fts_only(conn: Connection, q: IncidentQuery, searches: list[Search]) -> str | None:
    """SQLite, a query of words and actors and nothing else: its one FTS5 MATCH
    expression (a count of its matches is the count of incidents; "" when nothing
    matches); else None."""
    if conn.dialect.name != "sqlite" or not searches or not _searched_only(q):
        return None
    if any(s.matches_nothing for s in searches):
        return ""
    return " AND ".join(f"({_fts_match(s)})" for s in searches)


def _held(conn: Connection, column: str, terms: list[str]) -> list[int]:
    """PostgreSQL: how many incidents hold each of these terms of `column`, most first:
    the kept count plus the changes not folded into it yet (written from outside the
    store, which folds its own before it commits: sql_ledger_write.count_terms)."""
    f, d = _TERMS.c, _DELTAS.c
    parts = sa.union_all(
        sa.select(f.term, f.n.label("n")).where(f.col == column, f.term.in_(terms)),
        sa.select(d.term, d.d.label("n")).where(d.col == column, d.term.in_(terms)),
    ).subquery()
    rows = conn.execute(sa.select(sa.func.sum(parts.c.n)).group_by(parts.c.term))
    return sorted((int(r[0]) for r in rows), reverse=True)


def _kept_word_count(conn: Connection, q: IncidentQuery, searches: list[Search],
                     cap: int | None) -> tuple[int, bool] | None:
    """PostgreSQL, a search of one word and nothing else: its count from the incidents
    each of its terms is kept with (incidents_fts_terms.n, migration 0016), where that
    settles it — exact when one of its terms is held by any incident, "more than `cap`"
    when one term alone is held by more. None: count the rows. A scan that counts 10,001
    matches of a common word reads ~6,000 pages of the table (41-60 ms at any size)."""
    if (conn.dialect.name != "postgresql" or len(searches) != 1
            or not _searched_only(q) or searches[0].terms is None):
        return None
    s = searches[0]
    if len(s.words) != 1 or s.terms is None or s.terms[0] is None:
        return None  # several words (their matches overlap), or a prefix query
    held = _held(conn, s.column, s.terms[0])
    if not held or held[0] == 0:
        return 0, True
    if len(held) == 1 or held[1] == 0:
        return (held[0], True) if cap is None or held[0] <= cap else (cap, False)
    if cap is not None and held[0] > cap:
        return cap, False
    return None


def _counts_where(q: IncidentQuery) -> list[sa.ColumnElement[bool]] | None:
    """The query as conditions on ledger_counts, or None when a filter is not one of its
    dimensions (dates, words, actors, a place name, min_killed, target kind, domain)."""
    if q.date_from or q.date_to or q.actor or q.text:
        return None
    k = t.ledger_counts.c
    conds: list[sa.ColumnElement[bool]] = []
    for name in ("status", "grade", "event_type"):
        value = getattr(q, name)
        if value:
            conds.append(k[name] == value)
    for key, value in q.extra.items():
        if key == "sub_event_type":
            conds.append(k.sub_event_type == value)
        elif key == "background":
            conds.append(k.background.is_(_flag(value)))
        else:
            return None
    if q.country:
        ask = asked_for(q.country)
        if ask.country:
            conds.append(k.place_country == ask.country)
        elif ask.sea:
            conds.append(k.sea == ask.sea)
        else:
            return None
    return conds


class Explain(Executable, ClauseElement):
    """EXPLAIN (QUERY PLAN) of a select with its values bound as parameters, so a plan is
    asked for the way the query itself runs (SQLAlchemy's compiler-extension recipe)."""

    inherit_cache = False

    def __init__(self, stmt: sa.Select[Any]) -> None:
        self.stmt = stmt


@compiles(Explain, "sqlite")
def _explain_sqlite(element: Explain, compiler: Any, **kw: Any) -> str:
    return "EXPLAIN QUERY PLAN " + str(compiler.process(element.stmt, **kw))


@compiles(Explain)
def _explain(element: Explain, compiler: Any, **kw: Any) -> str:
    return "EXPLAIN " + str(compiler.process(element.stmt, **kw))


@_translate_errors
class LedgerSql(LedgerStore):
    """The LedgerStore part of SqlStore (strikewatch.store.sql assembles the parts)."""

    engine: Engine  # set by SqlStore.__init__

    def write_ledger(
        self,
        incidents: Iterable[Incident],
        tallies: Iterable[Tally],
        save: ResolveSave | None = None,
    ) -> LedgerWrite:
        """Make the ledger these incidents and tallies, rewriting only rows that changed.

        One transaction holds it all: the ledger diff (rows compared by digest: gone ones
        deleted, new or changed ones re-inserted, equal ones untouched), the redirects of
        incident ids that left the ledger, and the resolver's state (`save`). A kill at any
        point leaves the old ledger and the old state together, never one without the other.
        Writers take turns (PostgreSQL: advisory lock LEDGER_LOCK; SQLite: the first
        statement is a write, so the transaction holds the write lock before it reads);
        the ledger diff is taken inside the transaction, against what is stored then.
        """
        # Records are consumed once, as a stream (_diff_stream): only new or changed ones
        # are serialised in full, and a caller may hand a ledger larger than memory.
        out = LedgerWrite()
        try:
            with self.engine.begin() as conn:
                if conn.dialect.name == "postgresql":
                    # Writers of the ledger take turns: without this, two resolvers' deletes
                    # miss each other's fresh inserts and the second insert collides on ids.
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"),
                                 {"k": LEDGER_LOCK})
                _claim_generation(conn, save)
                old_inc = dict(conn.execute(
                    sa.select(t.incidents.c.id, t.incidents.c.digest)).all())
                inc = _diff_stream(conn, t.incidents, old_inc, incidents, _incident_row,
                                   "incident")
                old_tal = dict(conn.execute(
                    sa.select(t.tallies.c.id, t.tallies.c.digest)).all())
                tal = _diff_stream(conn, t.tallies, old_tal, tallies, _tally_row, "tally")
                gone = [i for i in old_inc if i not in inc.ids]
                out.redirects = _write_redirects(conn, gone, inc.ids, inc.holder)
                _delete_gone(conn, t.incidents, gone)
                _delete_gone(conn, t.tallies, [i for i in old_tal if i not in tal.ids])
                out.deleted, out.inserted, out.unchanged = len(gone), inc.inserted, inc.unchanged
                if conn.dialect.name == "sqlite" and inc.inserted >= FTS_MERGE_AFTER:
                    conn.exec_driver_sql(
                        "INSERT INTO incidents_fts (incidents_fts) VALUES ('optimize')")
                count_terms(conn)
                if save is not None:
                    _save_state(conn, save)
        except sa.exc.IntegrityError:
            if save is not None and save.base is None:
                raise StaleState("another process saved a resolver state first") from None
            raise
        return out

    def incident_redirect(self, incident_id: str) -> str | None:
        """Where an old incident id now lives; chains (a -> b, then b -> c) are followed
        to the live id (they are collapsed when written; following here is a safeguard)."""
        seen: set[str] = set()
        current = incident_id
        with self.engine.connect() as conn:
            while current not in seen:
                seen.add(current)
                nxt = conn.execute(
                    sa.select(t.incident_redirects.c.new_id)
                    .where(t.incident_redirects.c.old_id == current)).scalar()
                if nxt is None:
                    break
                current = nxt
            if current == incident_id:
                return None
            live = conn.execute(
                sa.select(t.incidents.c.id).where(t.incidents.c.id == current)).first()
        return current if live is not None else None

    def _where(self, conn: Connection, q: IncidentQuery, sort: str | None = None,
               searches: list[Search] | None = None) -> list[sa.ColumnElement[bool]]:
        """The filters as conditions each an index can serve (see the module's docstring).
        With `sort` (a page query, on SQLite), common words and wide date ranges are
        written so the sort's index drives the read (PROBE says why). `searches`: the
        query's words as the caller looked them up (_searches), else looked up here."""
        c = t.incidents.c
        conds: list[sa.ColumnElement[bool]] = []
        sqlite = conn.dialect.name == "sqlite"
        date_low: Any = c.date_low
        if (sort is not None and sqlite and sort.lstrip("-") != "date_low"
                and (q.date_from or q.date_to)):
            rng: list[sa.ColumnElement[bool]] = [c.date_low.is_not(None)]
            if q.date_from:
                rng.append(c.date_low >= _widen(conn, q.date_from))
            if q.date_to:
                rng.append(c.date_low <= q.date_to)
            if _many(conn, sa.select(c.date_low).where(*rng)):
                date_low = sa.literal_column("+incidents.date_low")  # no index: test per row
        if q.date_from:  # the incident's interval overlaps [date_from, date_to]
            conds.append(sa.func.coalesce(c.date_high, c.date_low) >= q.date_from)
            conds.append(date_low >= _widen(conn, q.date_from))
        if q.date_to:
            conds.append(date_low <= q.date_to)
        if q.country:
            ask = asked_for(q.country)
            if ask.country:
                conds.append(c.place_country == ask.country)
            elif ask.sea:
                conds.append(c.sea == ask.sea)
            else:
                conds.append(c.id.in_(sa.select(t.incident_places.c.incident_id)
                                      .where(t.incident_places.c.key == ask.name)))
        if q.status:
            conds.append(c.status == q.status)
        if q.grade:
            conds.append(c.grade == q.grade)
        if q.event_type:
            conds.append(c.event_type == q.event_type)
        for search in _searches(conn, q) if searches is None else searches:
            per_row = ""
            if sort is not None and sqlite:
                reach = (q.offset or 0) + q.limit if q.limit and q.limit > 0 else 0
                per_row = _page_form(conn, search, reach)
            conds.append(_matches(conn, search, per_row=per_row))
        for key, value in q.extra.items():
            if key == "sub_event_type":
                conds.append(c.sub_event_type == value)
            elif key == "min_killed":
                conds.append(c.killed_low >= int(value))
            elif key == "background":
                conds.append(c.background.is_(_flag(value)))
            elif key in ("target_kind", "domain"):
                conds.append(c.data[key].as_string() == value)
            else:
                raise ValueError(
                    f"unknown incident filter {key!r}; known: {', '.join(EXTRA_FILTERS)}"
                )
        return conds

    def incidents(self, query: IncidentQuery | None = None) -> list[Incident]:
        """A page of the ledger in the query's sort, unknown values last (by id), ties among
        known values by id in the sort's direction. Read as two index-ordered parts — the
        rows with a value, then those without — so neither engine sorts the matches
        (SQLite keeps NULLs first in an index, PostgreSQL last); `after` seeks past a
        cursor's row, `offset` skips rows."""
        q = query or IncidentQuery()
        sort = q.sort or "date_low"
        desc = sort.startswith("-")
        name = sort.lstrip("-")
        if name not in t.SORTABLE:
            raise ValueError(f"cannot sort by {name!r}; choose one of {', '.join(t.SORTABLE)}")
        col, row_id = t.incidents.c[name], t.incidents.c.id
        after = read_cursor(q.after, sort) if q.after else None
        want = q.limit if q.limit and q.limit > 0 else None

        def ordered(*conds: sa.ColumnElement[bool], by: list[Any], down: bool) -> Any:
            keys = [k.desc() if down else k.asc() for k in by]
            return sa.select(data).where(*where, *conds).order_by(*keys)

        with self.engine.connect() as conn:
            data = _json_text(conn, t.incidents.c.data)
            where = self._where(conn, q, sort)
            valued: list[sa.ColumnElement[bool]] = [col.is_not(None)]
            if after is not None and after[0] is not None:
                pair, last = sa.tuple_(col, row_id), sa.tuple_(after[0], after[1])
                valued.append(pair < last if desc else pair > last)
            parts = [] if after is not None and after[0] is None else [
                ordered(*valued, by=[col, row_id], down=desc)]
            if name != "id":
                unvalued: list[sa.ColumnElement[bool]] = [col.is_(None)]
                if after is not None and after[0] is None:
                    unvalued.append(row_id > after[1])
                parts.append(ordered(*unvalued, by=[row_id], down=False))
            rows: list[Any] = []
            skip = q.offset or 0
            for i, stmt in enumerate(parts):
                room = None if want is None else want - len(rows)
                if room == 0:
                    break
                got = conn.execute(stmt.offset(skip or None).limit(room)).all()
                if skip and not got and i + 1 < len(parts):
                    # the offset reached past this part: skip the rest in the next one
                    n = conn.execute(sa.select(sa.func.count()).select_from(
                        stmt.limit(skip).subquery())).scalar_one()
                    skip -= int(n)
                else:
                    skip = 0
                rows += got
        return [Incident.model_validate_json(r.data) for r in rows]

    def count_upto(self, query: IncidentQuery | None, cap: int | None) -> tuple[int, bool]:
        """Matches of the filters: a sum over ledger_counts where every filter is one of
        its dimensions (exact, no scan at any size); one word alone on PostgreSQL, the
        kept count of its terms where that settles it (_kept_word_count); words alone, a
        count of the full-text index's matches (SQLite); else a count over the filters'
        indexes (no sums, so a covering index answers it without reading rows). Those
        two stop past `cap`."""
        q = query or IncidentQuery()
        if _counts_where(q) is not None:
            return self._sums(q)[0], True
        with self.engine.connect() as conn:
            searches = _searches(conn, q)
            kept = _kept_word_count(conn, q, searches, cap)
            if kept is not None:
                return kept
            only_words = _fts_only(conn, q, searches)
            if only_words == "":  # a word begins no term
                return 0, True
            if only_words is not None:  # one FTS row per incident: count the matches
                matches = _fts_rows(only_words)
            else:
                matches = sa.select(sa.literal(1)).select_from(t.incidents).where(
                    *self._where(conn, q, searches=searches))
            if cap is not None:
                matches = matches.limit(cap + 1)
            stmt = sa.select(sa.func.count()).select_from(matches.subquery())
            n = int(conn.execute(stmt).scalar_one())
        return (n, True) if cap is None or n <= cap else (cap, False)

    def killed_totals(self, query: IncidentQuery | None = None) -> tuple[int, int, int | None, int]:
        """(incidents matched, killed low, killed high or None, incidents counted), in SQL.

        Sums over the whole match, not one page. Only incidents that count
        (ledger.counting: occurred, not background, not discounted) with a reported toll
        enter the sums; one open-ended toll ("at least 5") leaves the high end open (None).
        Filters that are all dimensions of ledger_counts (status, grade, event and
        sub-event type, background, country or sea) read the sums the triggers keep there;
        others sum the matching rows.
        """
        return self._sums(query or IncidentQuery())

    def _sums(self, q: IncidentQuery) -> tuple[int, int, int | None, int]:
        with self.engine.connect() as conn:
            kept = _counts_where(q)
            if kept is not None:
                k = t.ledger_counts.c
                stmt = sa.select(*(sa.func.coalesce(sa.func.sum(k[s]), 0) for s in (
                    "n", "killed_low", "killed_high", "open_high", "counted"))).where(*kept)
            else:
                c = t.incidents.c
                counted = sa.and_(
                    counted_predicate(c),
                    sa.or_(c.killed_low.is_not(None), c.killed_high.is_not(None)),
                )

                def total(value: sa.ColumnElement[int]) -> sa.ColumnElement[int]:
                    return sa.func.coalesce(sa.func.sum(sa.case((counted, value), else_=0)), 0)

                stmt = sa.select(
                    sa.func.count(),
                    total(sa.func.coalesce(c.killed_low, 0)),
                    total(sa.func.coalesce(c.killed_high, 0)),
                    total(sa.case((c.killed_high.is_(None), 1), else_=0)),
                    total(sa.literal(1)),
                ).select_from(t.incidents).where(*self._where(conn, q))
            n, low, high, open_ended, n_counted = conn.execute(stmt).one()
        return int(n), int(low), (None if open_ended else int(high)), int(n_counted)

    def plan(self, query: IncidentQuery | None = None) -> list[str]:
        """How the database reads a page of this query (EXPLAIN QUERY PLAN / EXPLAIN), one
        line per step: what bench/api.py prints beside its timings."""
        q = dataclasses.replace(query or IncidentQuery(), limit=(query and query.limit) or 100)
        sort = (q.sort or "date_low")
        col = t.incidents.c[sort.lstrip("-")]
        with self.engine.connect() as conn:
            keys = [k.desc() if sort.startswith("-") else k for k in (col, t.incidents.c.id)]
            stmt = (sa.select(t.incidents.c.id).where(*self._where(conn, q, sort),
                                                      col.is_not(None))
                    .order_by(*keys).limit(q.limit))
            rows = conn.execute(Explain(stmt)).all()
        return [str(r[-1]) for r in rows]

    def get_incident(self, incident_id: str) -> Incident | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(_json_text(conn, t.incidents.c.data))
                .where(t.incidents.c.id == incident_id)
            ).first()
        return Incident.model_validate_json(row.data) if row else None

    def tallies(self) -> list[Tally]:
        with self.engine.connect() as conn:
            stmt = sa.select(_json_text(conn, t.tallies.c.data)).order_by(
                t.tallies.c.period_high.desc().nulls_last(), t.tallies.c.id
            )
            return [Tally.model_validate_json(r.data) for r in conn.execute(stmt)]
