"""geo: an offline geoparser (land and sea) over a gazetteer shipped with the package."""

from __future__ import annotations

from dataclasses import dataclass

from strikewatch.records import Place


@dataclass(frozen=True)
class PlaceMatch:
    """A place resolved for an event, and the offsets of the words it came from."""

    place: Place
    start: int
    end: int


def locate(
    text: str, start: int, end: int, *, trigger: tuple[int, int] | None = None,
    context_countries: tuple[str, ...] = (),
) -> PlaceMatch | None:
    """The place of the event told in text[start:end] (one or a few sentences).

    `trigger` is the offsets of the event word, so the place nearest the event (not any
    place in the sentence) is chosen; `context_countries` are countries the rest of the
    article names, used to break ties. Returns None when the text gives no place.
    """
    return None
