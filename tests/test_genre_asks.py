"""The genre model's sentence tests, found faster, say what the patterns they stand for
say (learn/genre.py `_MODAL_ASK`, `_WE_ASK`, `_SAID_ASK`, `_I_ASK`), and its hashed vector
and score are those of the plain reading (the outputs must not move: bench/extract_guard)."""

from __future__ import annotations

import math
import random

import pytest

from strikewatch.learn import genre as G

PAIRS = [(G._MODAL, G._MODAL_ASK), (G._WE, G._WE_ASK), (G._SAID, G._SAID_ASK),
         (G._I, G._I_ASK)]

SENTENCES = [
    "The navy will strike again, the admiral warned on Tuesday.",
    "Officials SAID the drone hit a truck near the border.",
    "I'm not sure we could ever know who fired first.",
    "El ministro aseguró que las fuerzas atacarán de nuevo.",
    "Según la Armada, el bombardeo DESTRUIRÁ la lancha.",
    "La operación continuaría durante semanas, dijo el portavoz.",
    "Nuestra posición no cambió: yo creo que habrá más ataques.",
    "Un ataque contra la lancha mató a tres personas en el Caribe.",
    "Míralo: está allí, junto a la costa.",
    "Tráfico, energía y política dominarán la agenda.",
    "The boat's crew, all of them, died; the strike was ordered by nobody we know.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_asks_agree_with_their_patterns(text: str) -> None:
    for rx, ask in PAIRS:
        assert bool(ask.search(text)) == bool(rx.search(text)), (rx.pattern[:40], text)


def test_asks_agree_on_random_text() -> None:
    rng = random.Random(5)
    pieces = list("aeiourstnlmAEIOUáíÁÍéóúñ .,'’-\n07") + [
        "will", "WOULD", "Podría", "va a", "habrá", "DIRÁN", "yo", "I", "I'm", "we",
        "Nuestra", "según", "said", "ſ", "İ", "K", "ar", "ería"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        for rx, ask in PAIRS:
            assert bool(ask.search(text)) == bool(rx.search(text)), (rx.pattern[:40], text)


def test_text_vector_is_the_plain_reading() -> None:
    text = "Strikes hit the port of Hodeidah on Monday, killing 12. " * 3 + \
        "Los ataques continuarán, dijo el portavoz el 14 de marzo."
    lede = text[:60]
    counts: dict[int, float] = {}
    for g in [*G.ngrams(text), *(f"^{g}" for g in G.ngrams(lede))]:
        b = G.bucket(g)
        counts[b] = counts.get(b, 0.0) + 1.0
    vec = {b: 1.0 + math.log(c) for b, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    want = {b: v / norm for b, v in vec.items()}
    got = G.text_vector(text, lede)
    assert list(got.items()) == list(want.items())
    model = G.load_model()
    if model is not None:
        struct = [0.5] * len(G.STRUCT_NAMES)
        z = model.bias + float(sum(float(w) * s for w, s in zip(model.struct, struct,
                                                                 strict=True)))
        assert model.word_weights == [float(w) for w in model.words]
        assert 0.0 <= model.report_probability(got, struct) <= 1.0
        assert math.isfinite(z)
