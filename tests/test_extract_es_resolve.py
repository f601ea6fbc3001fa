"""One incident across languages (issue 15, item 4): a Spanish and an English report of one
strike make one incident citing both; the origin index keeps a translation apart from its
original but links a Spanish reprint of a Spanish wire story to it. Our own texts."""

from __future__ import annotations

from strikewatch.extract import registry
from strikewatch.ingest.neardup import OriginIndex, minhash
from strikewatch.records import Article, Mention
from strikewatch.resolve import resolve

EN = ("U.S. forces struck a boat in the Caribbean Sea on Tuesday, killing three people "
      "aboard, Southern Command said. The vessel was operated by a designated terrorist "
      "organization, the command said in a post on X.")
ES = ("El Comando Sur de Estados Unidos atacó el martes una lancha en el mar Caribe y "
      "murieron tres personas que iban a bordo, informó el propio Comando Sur. Según el "
      "mensaje, la embarcación pertenecía a una organización terrorista designada.")
ES_WIRE = ("Washington, 12 nov (EFE).- El Comando Sur de Estados Unidos atacó el martes una "
           "lancha en el mar Caribe y murieron tres personas que iban a bordo, según informó "
           "el propio mando militar en un mensaje en la red social X. De acuerdo con el "
           "mensaje, la embarcación pertenecía a una organización terrorista designada y "
           "transportaba drogas por una ruta conocida del narcotráfico en la región.")
ES_REPRINT = ES_WIRE.replace("en la región.", "en la región, añadió el comunicado.")


def _read(aid: str, text: str, lang: str) -> tuple[Article, list[Mention]]:
    art = Article(id=aid, text=text, published="2025-11-12", language=lang,
                  url=f"https://example.org/{aid}")
    reader = registry.for_language(lang)
    assert reader is not None
    return art, registry.checked(reader, art)


def test_spanish_and_english_reports_make_one_incident_with_both_sources() -> None:
    a_en, m_en = _read("en1", EN, "en")
    a_es, m_es = _read("es1", ES, "es")
    assert len(m_en) == 1 and len(m_es) == 1
    assert m_es[0].extractor == "strikewatch-rules-es-1"
    incidents, _ = resolve(m_en + m_es, {"en1": a_en, "es1": a_es})
    assert len(incidents) == 1
    inc = incidents[0]
    assert {s.article_id for s in inc.sources} == {"en1", "es1"}
    assert (inc.killed_low, inc.killed_high) == (3, 3)
    assert inc.date_low == "2025-11-11"


def test_translation_is_not_a_copy_but_a_spanish_reprint_is() -> None:
    index = OriginIndex()
    index.add("wire", "wire", minhash(ES_WIRE))
    reprint = index.origin_for(minhash(ES_REPRINT))
    assert reprint is not None and reprint[0] == "wire"
    assert index.origin_for(minhash(EN)) is None  # the English report of the same strike
    own = ("Tres personas murieron el martes en un nuevo bombardeo estadounidense contra una "
           "embarcación en aguas del Caribe, dijo el mando militar, que acusó a sus "
           "ocupantes de traficar drogas para una organización terrorista.")
    assert index.origin_for(minhash(own)) is None  # another outlet's own Spanish wording
