"""The geoparser as a named, replaceable component: a protocol and a registry.

Extraction asks "the geoparser" where an event happened and which country a name belongs
to; resolution and extraction read a tally's regions with it. Any object with these three
methods can stand in (another gazetteer, a service on the network's edge, a test double in
a unit test; a fourth, `seas_in`, is optional: the `seas_in` below filters `places_in` where
it is missing), registered by name in the `geoparsers` catalogue registry (also read from the
`strikewatch_geoparsers` entry-point group). The built-in offline gazetteer registers
itself here exactly as a third party would.

    from strikewatch.geo.protocol import geoparsers
    @geoparsers.register("my-gazetteer")
    def make() -> Geoparser: ...
    use_geoparser("my-gazetteer")
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import catalogue

from strikewatch import geo

#: The geoparser used when none is named.
DEFAULT_GEOPARSER = "strikewatch-gazetteer"

geoparsers = catalogue.create("strikewatch", "geoparsers", entry_points=True)


@runtime_checkable
class Geoparser(Protocol):
    """What extraction needs from a geoparser (signatures as in `strikewatch.geo`)."""

    name: str
    version: str

    def locate(self, text: str, start: int, end: int, *,
               trigger: tuple[int, int] | None = None,
               context_countries: tuple[str, ...] = (), domain: str | None = None,
               anchor: tuple[float, float] | None = None) -> geo.PlaceMatch | None: ...

    def places_in(self, text: str, start: int = 0, end: int | None = None, *,
                  context_countries: tuple[str, ...] = ()) -> list[geo.PlaceMatch]: ...

    def country_for_name(self, name: str) -> str | None: ...


class Gazetteer:
    """The built-in offline gazetteer (strikewatch.geo) behind the Geoparser protocol."""

    name = DEFAULT_GEOPARSER
    version = "1"

    def locate(self, text: str, start: int, end: int, *,
               trigger: tuple[int, int] | None = None,
               context_countries: tuple[str, ...] = (), domain: str | None = None,
               anchor: tuple[float, float] | None = None) -> geo.PlaceMatch | None:
        return geo.locate(text, start, end, trigger=trigger,
                          context_countries=context_countries, domain=domain, anchor=anchor)

    def places_in(self, text: str, start: int = 0, end: int | None = None, *,
                  context_countries: tuple[str, ...] = ()) -> list[geo.PlaceMatch]:
        return geo.places_in(text, start, end, context_countries=context_countries)

    def seas_in(self, text: str, start: int = 0, end: int | None = None, *,
                context_countries: tuple[str, ...] = ()) -> list[geo.PlaceMatch]:
        return geo.seas_in(text, start, end, context_countries=context_countries)

    def country_for_name(self, name: str) -> str | None:
        return geo.country_for_name(name)


@geoparsers.register(DEFAULT_GEOPARSER)
def make_gazetteer() -> Geoparser:
    return Gazetteer()


_current: dict[str, Geoparser] = {}
_default = [DEFAULT_GEOPARSER]


def geoparser(name: str | None = None) -> Geoparser:
    """The geoparser `name` (default: the one `use_geoparser` chose), built once a process."""
    key = name or _default[0]
    got = _current.get(key)
    if got is None:
        try:
            factory = geoparsers.get(key)
        except catalogue.RegistryError as exc:
            known = ", ".join(sorted(geoparsers.get_all()))
            raise KeyError(f"no geoparser named {key!r} (registered: {known})") from exc
        got = factory()
        if not isinstance(got, Geoparser):
            raise TypeError(f"geoparser {key!r} lacks locate/places_in/country_for_name")
        _current[key] = got
    return got


def seas_in(text: str, start: int = 0, end: int | None = None) -> list[geo.PlaceMatch]:
    """The places at sea (kind "sea" or geo_precision 6) that the geoparser reads in
    text[start:end]: its own `seas_in` where it has one (the built-in gazetteer's skips
    passages that name no sea), else its `places_in`, filtered."""
    gp = geoparser()
    own = getattr(gp, "seas_in", None)
    if own is not None:
        found: list[geo.PlaceMatch] = own(text, start, end)
        return found
    return [pm for pm in gp.places_in(text, start, end)
            if pm.place.kind == "sea" or pm.place.geo_precision == 6]


def use_geoparser(name: str) -> None:
    """Make `name` the geoparser extraction uses in this process."""
    geoparser(name)  # fails now, naming the registered ones, if there is none
    _default[0] = name
