"""Locality: the province-level unit an article is about, as at its date, with the evidence.

Evidence, strongest first (weights: title 3, first body line 2, later lines 1; docs/anatomy.md):
- a province named in the text (Gazetteer.mentions); a unit word before it ("tỉnh", "Tỉnh ủy",
  "UBND thành phố") doubles it. Names that are also people's names count only after a unit word;
- a district named with its unit word ("huyện Thạch Hà", "UBND quận Ba Đình"): 1.6 of the line's
  weight for its province; without one, 0.8, and only outside a person's name (the name guard:
  "Chẩu Văn Lâm" is a man, not Văn Lâm) and not after a commune/street word ("xã Văn Lâm");
- a commune or ward named with its unit word ("xã Hữu Liên", "phường Đông Vệ"): 1.6, read in
  the communes of the article's epoch (the merged gazetteer from 2025-07-01);
- a district or commune name several provinces have counts only for the one the other evidence
  (or the host) already names;
- the credited site's domain ("Nguồn: haiphong.gov.vn"): 1.5.
The best province scoring >= 1 wins, unless the host names a province the text names with at least
half its score (a province's portal writes about its province). When the text names none, the
page's host decides (host_place.py). Provinces are reported as at the article's date: merged into their 2025 unit
from 2025-07-01, under their earlier name before a rename (`renamed` in rules.yaml); an undated
article is reported in the 63 units.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate

from tasks.fastforms import IGNORECASE_TRAPS, FastForm, lower_search_is_exact
from tasks.textnorm import match_key

from .locality import ends_with_word
from .places import MERGER_DATE

_TOKEN_PUNCT = ".,;:!?()[]“”\"'‘’…"
_NAME_END = frozenset(",.;:!?)]”\"'’…-–—/|")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Located:
    name: str | None
    evidence: str | None


NOWHERE = Located(None, None)


@dataclass
class _Tally:
    """Scores per province and, for each, its strongest piece of evidence."""

    scores: dict[str, float] = field(default_factory=dict)
    # (weight, -order, evidence): evidence as Locator.evidence reads it
    best: dict[str, tuple[float, int, object]] = field(default_factory=dict)
    pending: list[tuple[frozenset[str], float, object]] = field(default_factory=list)
    order: int = 0

    def add(self, province: str, weight: float, evidence) -> None:
        self.order += 1
        self.scores[province] = self.scores.get(province, 0.0) + weight
        cand = (weight, -self.order, evidence)
        if province not in self.best or cand[:2] > self.best[province][:2]:
            self.best[province] = cand

    def add_some(self, provinces: frozenset[str], weight: float, evidence) -> None:
        if len(provinces) == 1:
            self.add(next(iter(provinces)), weight, evidence)
        else:
            self.pending.append((provinces, weight, evidence))

    def resolve_pending(self, host_province: str | None) -> None:
        """An ambiguous name counts for the one of its provinces other evidence names."""
        named = set(self.scores) | ({host_province} if host_province else set())
        for provinces, weight, evidence in self.pending:
            hits = [p for p in provinces if p in named]
            if len(hits) == 1:
                self.add(hits[0], weight, evidence)

    def winner(self) -> tuple[str, object] | None:
        if not self.scores:
            return None
        first = {p: -b[1] for p, b in self.best.items()}
        top = max(self.scores, key=lambda p: (self.scores[p], -first[p]))
        return (top, self.best[top][2]) if self.scores[top] >= 1.0 else None


class Locator:
    """Scores one page's evidence; built once per gazetteer (Gazetteer.locator)."""

    def __init__(self, gazetteer, cfg: dict):
        from .host_place import HostPlaces
        from .places import place_tables

        self.g = gazetteer
        aliases = tuple((a, short) for short, al in (cfg.get("aliases") or {}).items() for a in al)
        self.tables = place_tables(aliases)
        self.hosts = HostPlaces(
            self.tables,
            cfg.get("host_affixes", []),
            int(cfg.get("host_free_affix_min", 6)),
            cfg.get("host_slugs") or {},
        )
        self.lower_units = tuple(sorted(cfg.get("lower_unit_words", []), key=len, reverse=True))
        self.name_heads = frozenset(cfg.get("place_heads", []))
        self.name_guard = bool(cfg.get("name_guard", True))
        self.renamed = [
            (old, new, date.fromisoformat(str(until)))
            for new, spec in (cfg.get("renamed") or {}).items()
            for old, until in [(spec["name"], spec["until"])]
        ]
        # "xã Hữu Liên", "Phường Đông Vệ": each unit word followed by a space, found with str.find
        # in the lower-cased text (a regex alternation scanned every position: ~5x slower). The
        # word is searched without its space (a needle ending in a blank skips badly over prose:
        # a third slower) and the space checked after.
        self.commune_words_bare = tuple(cfg.get("commune_unit_words", []))
        self.units_longest_first = tuple(sorted(gazetteer.unit_tuple, key=len, reverse=True))
        self.central = (
            re.compile("(?:" + "|".join(map(re.escape, cfg["central_actors"])) + r")(?!\w)")
            if cfg.get("central_actors")
            else None
        )
        self.document_before = re.compile(cfg.get("document_before") or "(?!)")
        self.local = re.compile(cfg.get("local_actors") or "(?!)")
        self.organ_units = tuple(
            sorted((match_key(w) for w in cfg.get("organ_words", [])), key=len, reverse=True)
        )
        # how much of the top province's score the host's province needs to win (_host_agrees)
        self.host_agrees_share = float(cfg.get("host_agrees_share", 0.5))
        self.commune_words = max((len(k.split()) for k in self.tables.communes_legacy), default=1)

    @staticmethod
    def shipped_cfg() -> dict:
        """The `locality` section of the shipped rules.yaml (for ablations and tests)."""
        from pathlib import Path

        import yaml

        return yaml.safe_load(Path(__file__).with_name("rules.yaml").read_text(encoding="utf-8"))["locality"]

    # ---- the unit an article is reported in, as at its date

    def unit_of(self, province: str, when: date | None) -> str:
        if when is not None and when >= MERGER_DATE:
            return self.tables.to_merged.get(province, province)
        for old, new, until in self.renamed:
            if province == new and (when is None or when < until):
                return old
        return province

    # ---- evidence

    def _inside_name(self, text: str, st: int) -> bool:
        """The name continues a capitalised word before it: part of a person's or a thing's
        name ("Chẩu Văn Lâm", "Nguyễn Thái Bình"), not a place. An acronym (UBND, TP, THPT), a
        word ending in punctuation, or a word heading place names (`place_heads`: Báo, Tỉnh,
        Tại …) before it does not count."""
        if st < 2 or text[st - 1] != " ":
            return False
        before = text[max(0, st - 30) : st - 1]
        w = before[before.rfind(" ") + 1 :]
        return (
            w[:1].isupper()
            and w[-1] not in _NAME_END
            and not (len(w) > 1 and w.isupper())
            and w not in self.name_heads
        )

    def _after_lower_unit(self, text: str, st: int) -> bool:
        return (
            ends_with_word(text[max(0, st - 16) : st].lower().rstrip(), self.lower_units)
            if self.lower_units
            else False
        )

    def evidence(self, ev) -> str:
        """The winning mention as written, with its unit word ("huyện Thạch Hà", "Tỉnh ủy Lạng
        Sơn"); ev: (text, start, stop, has unit word), or a finished string."""
        if isinstance(ev, str):
            return ev
        text, st, stop, unit = ev
        name = "text: " + text[st:stop].strip().strip(_TOKEN_PUNCT)
        if not unit:
            return name
        before = text[max(0, st - 32) : st].rstrip()
        low = before.lower()
        for u in self.units_longest_first:
            if low.endswith(u) and len(low) == len(before):
                return "text: " + before[len(low) - len(u) :] + " " + name[6:]
        return name

    def _host_agrees(self, tally: _Tally, won: tuple[str, object], host_unit: str, host: str | None):
        """A province's own portal writes about that province: when its text names the host's
        province nearly as much as the top one ("Đảng bộ tỉnh Điện Biên … 70 năm" on
        dienbien.dcs.vn, whose history names Lai Châu more often), the host's province wins."""
        own = tally.scores.get(host_unit, 0.0)
        if own >= 1.0 and own >= self.host_agrees_share * tally.scores[won[0]]:
            return host_unit, f"{self.evidence(tally.best[host_unit][2])} (host: {host})"
        return won

    def is_central(self, title: str | None, body: list[str]) -> bool:
        """A central organ acts in the title or the first body line (not as a document's issuer)
        and no local organ or unit is named in the text examined."""
        if self.central is None:
            return False
        lead = ((title or "") + "\n" + (body[0] if body else ""))[:800]
        if not any(
            _word_start(lead, m.start())
            and not self.document_before.search(lead, max(0, m.start() - 60), m.start())
            for m in self.central.finditer(lead)
        ):
            return False
        text = (lead + "\n" + "\n".join(body[1:40])[:2000]).lower().replace("uỷ", "ủy")
        return not any(_word_start(text, m.start()) for m in self.local.finditer(text))

    def _by_organ(self, text: str, st: int) -> bool:
        return ends_with_word(text[max(0, st - 32) : st].lower().rstrip(), self.organ_units)

    def _names(self, tally: _Tally, seq, when: date | None, central, details: bool = True) -> None:
        """Province and district mentions; central() says whether the article is central-level
        (asked only when a mention needs it); details: whether the texts may hold a person's
        particulars (may_hold_personal_details)."""
        for w, prov, is_d, unit, text, st, stop in self.g.mentions(seq):
            if details and _in_personal_details(text, st):
                continue
            if not unit and (
                self._after_lower_unit(text, st)
                or (self.name_guard and self._inside_name(text, st))
                or (is_d and _opens_common_word(text, st, stop))
                or (st <= 1 and _is_wire_dateline(text, st, stop))
            ):
                continue
            if w < 3.0 and not self._by_organ(text, st) and central():
                continue  # a venue or a passing mention in a central-level article
            ww = w * (2.0 if unit else 1.0) * (0.8 if is_d else 1.0)
            if is_d:
                tally.add_some(frozenset(self.unit_of(p, when) for p in prov), ww, (text, st, stop, unit))
            else:
                tally.add(self.unit_of(prov, when), ww, (text, st, stop, unit))

    def _communes(
        self, tally: _Tally, seq, when: date | None, text: str, low: str, details: bool = True
    ) -> None:
        """Communes/wards named with their unit word, over the texts joined (text, "\n" between
        them; low: text.lower(); details: as for _names)."""
        if len(low) != len(text):  # a character whose lower case is longer: offsets differ
            return
        ends: list[int] = []  # each text's end (+ its "\n"), computed at the first hit
        table, typed = self.tables.communes(when), self.tables.typed_communes(when)
        for word in self.commune_words_bare:
            i = low.find(word)
            while i >= 0:
                pos = i + len(word) + 1  # after the word and its space
                if low[pos - 1 : pos] != " ":  # not the unit word and a space
                    i = low.find(word, i + 1)
                    continue
                if (
                    text[pos : pos + 1].isupper()
                    and _word_start(text, i)
                    and low[max(0, i - 4) : i] != "thị "
                    and not (details and _in_personal_details(text, i))
                ):
                    ends = ends or list(accumulate(len(t) + 1 for t, _ in seq))
                    k = bisect_right(ends, i)
                    hit = self._commune_at(text, pos, min(pos + 60, ends[k] - 1), table)
                    if hit is not None:
                        # "phường Phước Ninh": the ward of that name, not the communes (Quảng Nam,
                        # Ninh Thuận, Tây Ninh); a type the gazetteer does not give keeps them all
                        of_type = typed.get(word + " " + match_key(text[pos : hit[1]]))
                        if of_type:
                            hit = (of_type, hit[1])
                        tally.add_some(
                            frozenset(self.unit_of(p, when) for p in hit[0]),
                            1.6 * seq[k][1],
                            "text: " + text[i : hit[1]],
                        )
                i = low.find(word, pos)

    def _commune_at(self, text: str, pos: int, endpos: int, table) -> tuple[frozenset[str], int] | None:
        """The longest commune name of capitalised words (or numbers) at text[pos:]: (its
        provinces, where it ends), or None.  A name the text writes one capitalised syllable
        longer is another commune ("xã Quế Trung" is not "xã Quế"); two or more syllables after it
        are the next name ("xã Hữu Liên Hoàng Văn Tú")."""
        found, cand, found_n, run_n = None, "", 0, 0
        for n, m in enumerate(_WORD.finditer(text, pos, endpos)):
            o = m.group(0)
            if n > self.commune_words or not (o[:1].isupper() or o[:1].isdigit()):
                break
            run_n = n + 1
            core = o.strip(_TOKEN_PUNCT)
            if n < self.commune_words:
                cand = f"{cand} {match_key(core)}" if cand else match_key(core)
                if cand in table:
                    found, found_n = (table[cand], m.start() + len(o.rstrip(_TOKEN_PUNCT))), n + 1
            if core != o:  # punctuation ends the name
                break
        if found is not None and run_n == found_n + 1:
            return None
        return found

    def locate(
        self, title: str | None, body: list[str], site: str | None, host: str | None, when: date | None
    ) -> Located:
        seq = [(title[:400], 3.0)] if title else []
        budget = 2000  # characters of body examined: bounded work per page
        for j, b in enumerate(body[:40]):
            if budget <= 0:
                break
            seq.append((b[:budget], 2.0 if j == 0 else 1.0))
            budget -= len(b)
        tally = _Tally()
        memo: list[bool] = []

        def central() -> bool:
            if not memo:
                memo.append(self.is_central(title, body))
            return memo[0]

        text = "\n".join(t for t, _ in seq)
        low = text.lower()
        details = may_hold_personal_details(text, low)
        self._names(tally, seq, when, central, details)
        if tally.scores or tally.pending or not central():
            self._communes(tally, seq, when, text, low, details)
        dp = self.g.domain_province(site)
        if dp:
            tally.add(self.unit_of(dp, when), 1.5, f"site: {site}")
        host_prov = self.hosts.province_of(host)
        host_unit = self.unit_of(host_prov, when) if host_prov else None
        tally.resolve_pending(host_unit)
        won = tally.winner()
        if won is not None and host_unit is not None and host_unit != won[0]:
            won = self._host_agrees(tally, won, host_unit, host)
        if won is not None:
            return Located(won[0], self.evidence(won[1]))
        if host_unit is not None and not central():
            return Located(host_unit, f"host: {host}")
        return NOWHERE


# a person's particulars before a place: "quê quán: Xã Nam Giang, Huyện Nam Đàn, Tỉnh Nghệ An",
# "trú tại …", "sinh ra tại …" (the clause runs on over commas, not past "." or ";")
_PERSONAL_CUES = (
    "quê quán",
    "nguyên quán",
    "quê ở",
    "quê:",
    "nơi sinh",
    "sinh ra tại",
    "sinh tại",
    "trú tại",
    "thường trú",
    "tạm trú",
    "hộ khẩu",
    "nơi cư trú",
)
_PERSONAL_DETAIL = re.compile("(?i:" + "|".join(map(re.escape, _PERSONAL_CUES)) + ")[^.;\n]{0,90}$")
# (tests check over all of Unicode that no other character hides a cue from str.lower())
_CASE_TRAPS = IGNORECASE_TRAPS


def _in_personal_details(text: str, st: int) -> bool:
    """The place at text[st] is a person's home town or address, not where the article is: a new
    member's "quê quán: … Tỉnh Nghệ An" on a Kon Tum portal."""
    return _PERSONAL_DETAIL.search(text, max(0, st - 100), st) is not None


def may_hold_personal_details(text: str, low: str) -> bool:
    """Whether _in_personal_details can hold anywhere in text (low: text.lower()): only where one
    of its cues is written. One substring search per cue over the page's examined text spares
    the case-insensitive search before every place name (3 % of clean+extract)."""
    return not lower_search_is_exact(text, low) or any(map(low.__contains__, _PERSONAL_CUES))


# after a dateline's place: an optional agency "(VNS)", then a dash
_DATELINE_TAIL = re.compile(r"\s*(?:\([A-Za-z.]{2,8}\)\s*)?[—–-]\s")


def _is_wire_dateline(text: str, st: int, stop: int) -> bool:
    """An English wire report's dateline opening a line ("HÀ NỘI — The Party Central
    Committee's Inspection Commission held …", "HÀ NỘI (VNS) — "): the place the report was filed
    from, the capital for most, not the place the article is about. Vietnamese papers' datelines
    ("QUẢNG NINH - ") are kept: a local paper files from where the event is."""
    return (
        text[:st] in ("", "(", "“", '"')
        and text[st:stop].isupper()
        and _DATELINE_TAIL.match(text, stop) is not None
        and " the " in text[stop : stop + 200].lower()
    )


def _opens_common_word(text: str, st: int, stop: int) -> bool:
    """A one-word name followed by a lower-case word: every syllable of a Vietnamese proper name
    is capitalised, so "Vinh quang", "Vinh dự" are the common words with a sentence's capital,
    not the city of Vinh."""
    name = text[st:stop]
    return (
        " " not in name
        and name[-1:].isalpha()
        and text[stop : stop + 1] == " "
        and text[stop + 1 : stop + 2].islower()
    )


def _word_start(text: str, i: int) -> bool:
    """text[i] opens a word: nothing alphanumeric (nor "." "/" "-": "NQ/TW", "T.Ư") before it."""
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "./-")


def _personal_details_plain(text: str) -> tuple[int, ...]:
    """Every place of text that _in_personal_details puts in a person's particulars."""
    return tuple(st for st in range(len(text) + 1) if _in_personal_details(text, st))


def _personal_details_fast(text: str) -> tuple[int, ...]:
    return _personal_details_plain(text) if may_hold_personal_details(text, text.lower()) else ()


FAST_FORMS = (
    FastForm(
        "anatomy.personal_details_cues",
        plain=_personal_details_plain,
        fast=_personal_details_fast,
        pieces=(
            *_PERSONAL_CUES,
            "QUÊ QUÁN",
            "Nơi Sinh",
            "HỘ KHẨU",
            "trÚ tẠi",
            "ſinh tại",
            "İ",
            "ı",
            "Nghệ An",
            ";",
        ),
        why="the page-level cue check before the search at each place name: locate 3 % of "
        "clean+extract CPU (py-spy over the instr_ab sample) to about 0",
    ),
)
