"""Locality (province-level unit) from the vietnamadminunits gazetteer.

Evidence and weights (see docs/anatomy.md):
- a province name (provinceShort or alias) in the title: 3, in the first body line: 2, later: 1;
  a unit word right before it ("tỉnh", "Thành ủy", "TP") doubles the mention;
- a district/city name (districtShort) that is unique in the gazetteer: 0.8 of a province mention,
  for its province; an ambiguous district name counts only for a province also mentioned;
- the credited site's domain (haiphong.gov.vn, thanhuytphcm.vn): 1.5.
The highest score wins if it is >= 1.
"""
from __future__ import annotations

import importlib.resources
import json
import re
import unicodedata
from functools import lru_cache

from tasks.textnorm import match_key

_TOK = re.compile(r"\S+")
_CAP_RUN = re.compile(r"(?:TP\.\s?|TP\s)?[A-ZĐÀ-Ỹ][\w.\-–]*(?:\s+(?:-\s+|–\s+)?(?:[A-ZĐÀ-Ỹ0-9][\w\-]*))*")


def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


class Gazetteer:
    def __init__(self, cfg: dict):
        data = json.loads((importlib.resources.files("vietnamadminunits") / "data" / "parser_legacy.json")
                          .read_text(encoding="utf-8"))
        self.names: dict[str, str] = {}       # match_key(name) -> provinceShort
        self.kw: dict[str, str] = {}          # ascii keyword -> provinceShort (for domains)
        pkey2short = {}
        for pk, v in data["DICT_PROVINCE"].items():
            short = v["provinceShort"]
            pkey2short[pk] = short
            self.names[match_key(short)] = short
            for k in v.get("provinceKeywords", []):
                if len(k) >= 4:
                    self.kw[k] = short
            self.kw[_ascii(short).replace(" ", "").replace("-", "")] = short
        for short, al in (cfg.get("aliases") or {}).items():
            for a in al:
                self.names[match_key(a)] = short
                self.kw[_ascii(a).replace(" ", "").replace("-", "").replace(".", "")] = short
        self.districts: dict[str, set[str]] = {}
        for pk, ds in data["DICT_PROVINCE_DISTRICT"].items():
            for v in ds.values():
                dkey = match_key(v["districtShort"])
                if dkey in self.names:        # district named like a province (e.g. city = province)
                    continue
                self.districts.setdefault(dkey, set()).add(pkey2short[pk])
        self.needs_prefix = {match_key(x) for x in cfg.get("needs_unit_prefix", [])}
        self.unit_words = sorted((match_key(x) for x in cfg.get("unit_words", [])), key=len, reverse=True)
        self.domain_strip = set(cfg.get("domain_strip", []))
        allk = list(self.names) + list(self.districts)
        self.maxlen = max(len(k.split()) for k in allk)
        self.first_tokens = frozenset(k.split()[0] for k in allk)

    def _mentions(self, text: str):
        """Yield (province|districts, is_district, has_unit_prefix, pos) for capitalised names."""
        key_text = match_key(text)
        if len(key_text) != len(text):
            key_text = text.lower()
        first_tok = self.first_tokens
        for m in _CAP_RUN.finditer(text):
            spans = [(t.start() + m.start(), t.end() + m.start()) for t in _TOK.finditer(m.group(0))]
            toks = [key_text[a:b].rstrip(".,;:") for a, b in spans]
            i = 0
            while i < len(toks):
                t0 = toks[i]
                if t0 not in first_tok and t0.startswith("tp.") and len(t0) > 3:
                    t0 = t0[3:]
                if t0 not in first_tok:
                    i += 1
                    continue
                hit = None
                for n in range(min(self.maxlen, len(toks) - i), 0, -1):
                    cand = " ".join([t0] + toks[i + 1:i + n])
                    if cand in self.names or cand in self.districts:
                        hit = (cand, n)
                        break
                if not hit:
                    i += 1
                    continue
                key, n = hit
                start = spans[i][0]
                before = key_text[max(0, start - 30):start].rstrip()
                unit = toks[i].startswith("tp") or any(before.endswith(u) for u in self.unit_words)
                if key in self.names:
                    if not (key in self.needs_prefix and not unit):
                        yield self.names[key], False, unit, start
                else:
                    yield frozenset(self.districts[key]), True, unit, start
                i += n

    def domain_province(self, site: str | None) -> str | None:
        if not site:
            return None
        for label in site.lower().split("."):
            if label in self.domain_strip or len(label) < 4:
                continue
            if label in self.kw:
                return self.kw[label]
            for k, prov in self.kw.items():
                if len(k) >= 5 and (label.endswith(k) or label.startswith(k)):
                    return prov
        return None

    def score(self, title: str | None, body: list[str], site: str | None) -> str | None:
        scores: dict[str, float] = {}
        first: dict[str, int] = {}
        pending: list[tuple[frozenset, float, int]] = []
        order = 0
        parts = []
        if title:
            parts.append((title, 3.0))
        for j, line in enumerate(body[:40]):
            parts.append((line[:4000], 2.0 if j == 0 else 1.0))
        for text, w in parts:
            for prov, is_d, unit, _pos in self._mentions(text):
                order += 1
                ww = w * (2.0 if unit else 1.0)
                if is_d:
                    if len(prov) == 1:
                        (p,) = prov
                        scores[p] = scores.get(p, 0.0) + 0.8 * ww
                        first.setdefault(p, order)
                    else:
                        pending.append((prov, 0.8 * ww, order))
                else:
                    scores[prov] = scores.get(prov, 0.0) + ww
                    first.setdefault(prov, order)
        for provs, ww, o in pending:
            hits = [p for p in provs if p in scores]
            if len(hits) == 1:
                scores[hits[0]] += ww
        dp = self.domain_province(site)
        if dp:
            scores[dp] = scores.get(dp, 0.0) + 1.5
            first.setdefault(dp, order + 1)
        if not scores:
            return None
        best = max(scores, key=lambda p: (scores[p], -first.get(p, 1 << 30)))
        return best if scores[best] >= 1.0 else None


@lru_cache(maxsize=1)
def _gaz_cached(cfg_json: str) -> Gazetteer:
    return Gazetteer(json.loads(cfg_json))


def gazetteer(cfg: dict) -> Gazetteer:
    return _gaz_cached(json.dumps(cfg, sort_keys=True, ensure_ascii=False))
