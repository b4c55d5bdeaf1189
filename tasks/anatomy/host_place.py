"""The province a portal's host names, from the gazetteer's ASCII slugs (tasks/anatomy/places.py).

Host labels name a province ("langson" in `huulien.langson.gov.vn`, "thanhhoa" in
`baothanhhoa.vn`, "hue" in `thanhuyhue.vn`, "binhthuan" in `binhthuancpv.org.vn`) or a district
("thangbinh" in `tuoitrethangbinh.vn`). A label names a place when it is the place's slug, or the
slug with a known affix before or after it (`host_affixes`: bao, tinhuy, tinhdoan, cpv, news …),
or, for a slug long enough not to occur by chance (`host_free_affix_min` letters), the slug at the
label's start or end with anything else around it. District slugs count only when they belong
to one province. A national outlet's host (vnexpress.net, baochinhphu.vn) names none.
"""

from __future__ import annotations

from functools import lru_cache

from .places import PlaceTables

# labels that are never a place: registry suffixes and service prefixes
GENERIC_LABELS = frozenset(
    [
        "www",
        "m",
        "amp",
        "beta",
        "vn",
        "com",
        "net",
        "org",
        "edu",
        "gov",
        "info",
        "biz",
        "int",
        "mil",
        "dcs",
        "io",
        "tv",
    ]
)


class HostPlaces:
    def __init__(self, tables: PlaceTables, affixes, free_affix_min: int = 6, host_slugs=None):
        # host_slugs: abbreviations only hosts use for a province ("hcm" in `x.hcm.edu.vn`, the
        # city's school domain); in text "HCM" is as often Hồ Chí Minh the man, so they are no aliases
        self.provinces = {**tables.province_slugs, **(host_slugs or {})}
        self.districts = {
            s: next(iter(p))
            for s, p in tables.district_slugs.items()
            if len(p) == 1 and s not in self.provinces
        }
        self.affixes = frozenset(affixes)
        self.free_min = free_affix_min
        self.province_of = lru_cache(maxsize=4096)(self._province_of)

    def _names(self, label: str, table: dict[str, str]) -> str | None:
        if label in table:
            return table[label]
        best = None
        for i in range(1, len(label)):
            for slug, rest in ((label[i:], label[:i]), (label[:i], label[i:])):
                fits = slug in table and (rest in self.affixes or len(slug) >= self.free_min)
                if fits and (best is None or len(slug) > len(best)):
                    best = slug
        return table[best] if best else None

    def _province_of(self, host: str | None) -> str | None:
        """The province (old provinceShort) the host names, or None. Of several labels, the one
        nearest the registered domain wins (`x.langson.gov.vn`: sub-domains are local units of it);
        a province slug anywhere wins over a district slug."""
        if not host:
            return None
        labels = [
            lab
            for part in reversed(host.lower().split("."))
            if part not in GENERIC_LABELS
            for lab in [part.replace("-", "")] + (part.split("-") if "-" in part else [])
        ]
        for table in (self.provinces, self.districts):
            for lab in labels:
                if len(lab) >= 3 and (place := self._names(lab, table)):
                    return place
        return None
