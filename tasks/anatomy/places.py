"""The gazetteer's tables, read once per process from the installed `vietnamadminunits` package
(no network): provinces before and after the 2025-07-01 merger, districts, communes/wards, the
old -> merged province map, and the ASCII slugs host names use.

- `parser_legacy.json`: the 63 provinces, their 696 districts and ~10,000 communes/wards;
- `parser_from_2025.json`: the 34 merged provinces and their ~3,300 communes/wards (districts
  were abolished);
- `converter_2025.json`: each merged province's old provinces.
Names are keyed by tasks.textnorm.match_key (case-folded NFC, modern tone placement: look words
up through it); slugs are ASCII-folded without spaces or hyphens.
"""

from __future__ import annotations

import importlib.resources
import json
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from tasks.textnorm import match_key

MERGER_DATE = date(2025, 7, 1)  # the 63 provinces became 34


def ascii_slug(s: str) -> str:
    """ "Thừa Thiên - Huế" -> "thuathienhue": how a name is spelt inside a host name."""
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c)).lower()


def _load(name: str) -> dict:
    return json.loads(
        (importlib.resources.files("vietnamadminunits") / "data" / name).read_text(encoding="utf-8")
    )


def _add(table: dict[str, set[str]], name: str, province: str) -> None:
    table.setdefault(match_key(name), set()).add(province)


def _add_typed(table: dict[str, set[str]], w: dict, province: str) -> None:
    """ "Phường" + "Phước Ninh" -> "phường phước ninh" (the unit word as text writes it before the name)."""
    if isinstance(w.get("wardType"), str):
        _add(table, w["wardType"] + " " + w["wardShort"], province)


def _frozen(table: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in table.items()}


@dataclass(frozen=True)
class PlaceTables:
    legacy_provinces: frozenset[str]  # provinceShort, 63
    merged_provinces: frozenset[str]  # provinceShort, 34
    to_merged: dict[str, str]  # old provinceShort -> merged provinceShort
    districts: dict[str, frozenset[str]]  # district name key -> old provinces
    communes_legacy: dict[str, frozenset[str]]  # commune/ward name key -> old provinces
    communes_merged: dict[str, frozenset[str]]  # commune/ward name key -> merged provinces
    district_slugs: dict[str, frozenset[str]]  # "thachha" -> {"Hà Tĩnh"}
    province_slugs: dict[str, str]  # "langson", "thuathienhue" -> provinceShort
    # the same names keyed with their unit type ("phường phước ninh" -> {"Đà Nẵng"}): a name several
    # provinces share is often a ward in one and a commune in the others
    typed_legacy: dict[str, frozenset[str]] = field(default_factory=dict)
    typed_merged: dict[str, frozenset[str]] = field(default_factory=dict)

    def communes(self, when: date | None) -> dict[str, frozenset[str]]:
        return self.communes_merged if when is not None and when >= MERGER_DATE else self.communes_legacy

    def typed_communes(self, when: date | None) -> dict[str, frozenset[str]]:
        return self.typed_merged if when is not None and when >= MERGER_DATE else self.typed_legacy


def _legacy(data: dict):
    key2short = {pk: v["provinceShort"] for pk, v in data["DICT_PROVINCE"].items()}
    districts: dict[str, set[str]] = {}
    slugs: dict[str, set[str]] = {}
    for pk, ds in data["DICT_PROVINCE_DISTRICT"].items():
        for v in ds.values():
            _add(districts, v["districtShort"], key2short[pk])
            slugs.setdefault(ascii_slug(v["districtShort"]), set()).add(key2short[pk])
    communes: dict[str, set[str]] = {}
    typed: dict[str, set[str]] = {}
    for pk, ds in data["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].items():
        for ws in ds.values():
            for w in ws.values():
                if isinstance(w.get("wardShort"), str):
                    _add(communes, w["wardShort"], key2short[pk])
                    _add_typed(typed, w, key2short[pk])
    return key2short, districts, communes, slugs, typed


def _merged(data: dict):
    key2short = {pk: v["provinceShort"] for pk, v in data["DICT_PROVINCE"].items()}
    communes: dict[str, set[str]] = {}
    typed: dict[str, set[str]] = {}
    for pk, ws in data["DICT_PROVINCE_WARD_NO_ACCENTED"].items():
        for w in ws.values():
            if isinstance(w.get("wardShort"), str):
                _add(communes, w["wardShort"], key2short[pk])
                _add_typed(typed, w, key2short[pk])
    return key2short, communes, typed


@lru_cache(maxsize=1)
def place_tables(aliases: tuple[tuple[str, str], ...] = ()) -> PlaceTables:
    """The tables, built once per process. aliases: (alias, provinceShort) pairs (rules.yaml),
    whose slugs name the province too ("thuathienhue", "tphcm")."""
    old_k2s, districts, communes_old, dslugs, typed_old = _legacy(_load("parser_legacy.json"))
    new_k2s, communes_new, typed_new = _merged(_load("parser_from_2025.json"))
    to_merged = {
        old_k2s[o]: new_k2s[n]
        for n, olds in _load("converter_2025.json")["DICT_PROVINCE"].items()
        for o in olds
    }
    pslugs = {ascii_slug(s): s for s in old_k2s.values()}
    for alias, short in aliases:
        pslugs.setdefault(ascii_slug(alias), short)
    return PlaceTables(
        frozenset(old_k2s.values()),
        frozenset(new_k2s.values()),
        to_merged,
        _frozen(districts),
        _frozen(communes_old),
        _frozen(communes_new),
        _frozen(dslugs),
        pslugs,
        _frozen(typed_old),
        _frozen(typed_new),
    )
