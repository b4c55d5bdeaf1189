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
from pathlib import Path
from typing import TypeVar

import yaml

from tasks.fastforms import FastForm
from tasks.textnorm import match_key

_V = TypeVar("_V")
_TOK = re.compile(r"\S+")
_TOKEN_PUNCT = ".,;:!?()[]“”\"'‘’…"
# upper-case letters only (a range like À-Ỹ would also take the lower-case letters between them)
_UP = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1F00)) if c.isalpha() and c.isupper())


# a whitespace-delimited word opening with a capital letter (after an optional "(", "“", '"'): the
# words the name scan's plain form visits
_CAPWORD = re.compile(rf"(?<!\S)[(“\"]?[{_UP}][^\s]*")
_UP_SET = frozenset(c for c in map(chr, range(0x10000)) if re.fullmatch(f"[{_UP}]", c))
_NEXT_WORD = re.compile(r"\s+(\S+)")
# a letter outside ASCII: the text is written in Vietnamese, not in English
_VIETNAMESE_LETTER = re.compile(r"(?![A-Za-z])[^\W\d_]")
_NEW_TONE = re.compile("([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])(?![^\\W\\d_])")


def old_style(s: str) -> str:
    """Modern tone placement -> old style in open syllables ("hòa" -> "hoà", "thủy" -> "thuỷ")."""
    d = unicodedata.normalize("NFD", s)
    out = _NEW_TONE.sub(
        lambda m: (
            m.group(1) + m.group(3) + m.group(2)
            if (m.group(1).lower(), m.group(3).lower()) in {("o", "a"), ("o", "e"), ("u", "y")}
            else m.group(0)
        ),
        d,
    )
    return unicodedata.normalize("NFC", out)


def _add_old_style_keys(d: dict[str, _V]) -> None:
    """Each key also in old-style tone placement, unless that key is there already."""
    for k in list(d):
        o = old_style(k)
        if o != k:
            d.setdefault(o, d[k])


def ends_with_word(s: str, words: tuple[str, ...]) -> bool:
    """s ends with one of words, standing as a whole word: "tp" ends "tỉnh tp" but not "đội
    tntp" ("Đội TNTP Hồ Chí Minh" is the Pioneers' name, not the city). The plain endswith
    runs first: most texts end with no unit word at all."""
    return s.endswith(words) and any(
        s.endswith(w) and (len(s) == len(w) or not s[-len(w) - 1].isalnum()) for w in words
    )


def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def _trie(words) -> str:
    """A regex matching exactly the given words, as a trie of alternations (each branch opens with
    a literal, which the regex engine checks before entering it). words may be a dict: word ->
    a pattern required after that word."""
    root: dict = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = words[w] if isinstance(words, dict) else ""

    def emit(node: dict) -> str:
        alts = [re.escape(c) + emit(child) for c, child in sorted(node.items()) if c]
        if "" in node:
            alts.append(node[""])
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(root)


def _first_cap_regex(first_cap, follow: dict[str, str] | None = None) -> re.Pattern:
    """The _CAPWORD matches that can open a gazetteer name: words whose stripped form is in
    first_cap, or opens with "TP."/"Tp." (the caller re-checks each). One scan instead of a
    Python test per capitalised word; every branch opens with a literal character, so the
    engine skips ahead to the letters that start some name.
    follow (word -> pattern): of the words that open with their capital, only those in follow
    are kept, each followed by its pattern (a look-ahead; "" for none). The rarer words after an
    opening bracket or quote are all kept: filtering a second copy of the trie made the regex
    several times slower to compile for little."""
    # the stripped form never starts or ends with punctuation and, in a _CAPWORD, opens with a capital
    words = sorted(w for w in first_cap if w[0] in _UP_SET and w[-1] not in _TOKEN_PUNCT)
    end = f"[{re.escape(_TOKEN_PUNCT)}]*(?!\\S)"  # trailing punctuation, then the word's end
    by_first: dict[str, dict[str, str]] = {"T": {}}
    for w in words:
        if follow is None or w in follow:
            by_first.setdefault(w[0], {})[w[1:]] = follow[w] if follow else ""
    alts = []
    for c, rests in sorted(by_first.items()):
        # (?<!\S.) after the first character: it opens a word (as in _CAPWORD)
        tails = ([_trie(rests) + end] if rests else []) + (["[Pp]\\.\\S*"] if c == "T" else [])
        alts.append(f"{re.escape(c)}(?<!\\S.)(?:{'|'.join(tails)})")
    for q in '(“"':
        alts.append(f"{re.escape(q)}(?<!\\S.)(?=[{_UP}])(?:{_trie(words)}{end}|T[Pp]\\.\\S*)")
    return re.compile("|".join(alts))


def _second_word_lookahead(seconds) -> str:
    """A look-ahead, right after a name's first word, for its second: the first word's trailing
    punctuation, blanks, then a word whose lower-case form, stripped of trailing punctuation, is
    one of seconds (_longest_name reads no further when the next word opens with punctuation:
    it is not capitalised). A superset (the caller re-checks): the word's end is not required,
    and (?i:) accepts every character whose lower-case form is the one written (tests check
    this over all of Unicode)."""
    return f"(?=\\S*\\s+(?i:{_trie(sorted(seconds))}))"


class Gazetteer:
    def __init__(self, cfg: dict):
        data = json.loads(
            (importlib.resources.files("vietnamadminunits") / "data" / "parser_legacy.json").read_text(
                encoding="utf-8"
            )
        )
        self.names: dict[str, str] = {}  # match_key(name) -> provinceShort
        self.kw: dict[str, str] = {}  # ascii keyword -> provinceShort (for domains)
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
        self._add_ascii_names(cfg)
        provinces_of: dict[str, set[str]] = {}
        for pk, ds in data["DICT_PROVINCE_DISTRICT"].items():
            for v in ds.values():
                dkey = match_key(v["districtShort"])
                if dkey in self.names:  # district named like a province (e.g. city = province)
                    continue
                provinces_of.setdefault(dkey, set()).add(pkey2short[pk])
        self.districts: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in provinces_of.items()}
        self.needs_prefix = {match_key(x) for x in cfg.get("needs_unit_prefix", [])}
        self.needs_prefix |= {a for a in self._ascii_needs_prefix if a in self.names} | {
            a.replace(" ", "") for a in self._ascii_needs_prefix if a.replace(" ", "") in self.names
        }
        self.unit_tuple = tuple(
            sorted({v for x in cfg.get("unit_words", []) for v in (match_key(x), old_style(match_key(x)))})
        )
        self.domain_strip = set(cfg.get("domain_strip", []))
        # the same keys in old-style tone placement ("hoà", "thuỷ") so text needs no folding
        _add_old_style_keys(self.names)
        _add_old_style_keys(self.districts)
        self.needs_prefix |= {old_style(k) for k in self.needs_prefix}
        allk = list(self.names) + list(self.districts)
        self.maxlen = max(len(k.split()) for k in allk)
        self.keys = frozenset(allk)
        # every name's proper word prefixes ("bà rịa -" of "bà rịa - vũng tàu"): reading the words
        # after a capitalised first word stops as soon as no longer name can begin with them
        self.continued = frozenset(
            " ".join(k.split(" ")[:j]) for k in allk for j in range(1, len(k.split(" ")))
        )
        # sites recur on every page of an outlet; domain_province loops over all keywords
        self.domain_province = lru_cache(maxsize=4096)(self._domain_province)
        self.first_tokens = frozenset(k.split()[0] for k in allk)
        # first words as they are written in text (names are capitalised; aliases may be caps)
        self.first_cap = frozenset(
            v for t in self.first_tokens for v in (t.capitalize(), t.upper(), t.title())
        )
        # the words that follow each first word in some name
        self.second_words: dict[str, frozenset[str]] = {}
        for k in allk:
            ws = k.split(" ")
            if len(ws) > 1:
                self.second_words[ws[0]] = self.second_words.get(ws[0], frozenset()) | {ws[1]}
        # the scan _mentions runs: most capitalised words that open a name ("Tân", "Phú") are
        # not followed by the rest of one, and testing that in the regex spares a Python step
        # per word. A first word that is no name itself needs a possible second word after it.
        follow = {
            w: "" if w.lower() in self.keys else _second_word_lookahead(self.second_words[w.lower()])
            for w in self.first_cap
            if w.lower() in self.keys or w.lower() in self.second_words
        }
        self.name_starts = _first_cap_regex(self.first_cap, follow)
        from .locate import Locator  # (locate.py reads this module's character classes)

        self.locator = Locator(self, cfg)

    def _add_ascii_names(self, cfg: dict) -> None:
        """Each province also as English-language text writes it, without diacritics: "Ha Noi",
        "Hanoi", "Ho Chi Minh City", "Nghe An". A form two provinces share, or one that is already
        a name, is left out; a name that needs a unit word before it needs one in ASCII too."""
        forms: dict[str, set[str]] = {}
        for key, short in list(self.names.items()):
            a = _ascii(key)
            if a == key or not a.replace(" ", "").replace("-", "").isalpha():
                continue
            for form in {a, a.replace(" ", ""), a + " city"}:
                forms.setdefault(form, set()).add(short)
        added = set()
        for form, shorts in forms.items():
            if len(shorts) == 1 and form not in self.names:
                self.names[form] = next(iter(shorts))
                added.add(form)
        # read only in a text with no Vietnamese letter: there "Thanh Hoa", "Vinh" are people
        self.ascii_names = frozenset(added)
        self._ascii_needs_prefix = {_ascii(x) for x in cfg.get("needs_unit_prefix", [])}

    def first_cap_words(self) -> re.Pattern:
        """Every capitalised word that can open a name, wherever it stands (the plain name scan;
        compiled on each call: only tests use it)."""
        return _first_cap_regex(self.first_cap)

    def mentions(self, texts):
        """Yield (weight, province | frozenset of district provinces, is_district, has_unit_word,
        text, start, stop) for each capitalised gazetteer name text[start:stop] in each
        (text, weight) of texts, in order. Only the
        words name_starts finds are visited (one regex pass per text); names are stored in both
        tone-placement styles, so no per-word normalisation is needed. One generator per page,
        not per text: most texts hold no name, and starting a generator was a measurable share."""
        first_cap, names, districts, needs_prefix = (
            self.first_cap,
            self.names,
            self.districts,
            self.needs_prefix,
        )
        units, scan, longest = self.unit_tuple, self.name_starts.finditer, self._longest_name
        ascii_names = self.ascii_names
        for text, weight in texts:
            skip_to = 0
            for m in scan(text):
                st = m.start()
                if st < skip_to:
                    continue
                w0 = m.group(0).strip(_TOKEN_PUNCT)
                unit = False
                if w0 not in first_cap:
                    if w0[:3] in ("TP.", "Tp.") and w0[3:] in first_cap:
                        w0, unit = w0[3:], True
                    else:
                        continue
                end = m.end()
                key, n = longest(w0.lower(), text, end)
                if key is None:
                    continue
                if not unit:
                    unit = ends_with_word(text[max(0, st - 32) : st].lower().rstrip(), units)
                if key in ascii_names and _VIETNAMESE_LETTER.search(text):
                    continue
                skip_to = end + n
                if key in names:
                    if not (key in needs_prefix and not unit):
                        yield weight, names[key], False, unit, text, st, skip_to
                else:
                    yield weight, districts[key], True, unit, text, st, skip_to

    def _longest_name(self, t0: str, text: str, end: int) -> tuple[str | None, int]:
        """The longest gazetteer name made of first word t0 and the capitalised words (digits,
        "-") among the next maxlen - 1 words in text[end:end + 60], compared lower-cased without
        punctuation: (key, length of those words joined by single spaces + 1, 0 for t0 alone),
        or (None, 0). text[end] ends a word (it is blank, or end is the end of text)."""
        keys, continued = self.keys, self.continued
        key, covered = (t0, 0) if t0 in keys else (None, 0)
        if t0 not in continued:  # no longer name begins with t0
            return key, covered
        cand, joined, n = t0, 0, self.maxlen - 1
        # the window's words (str.split() and the regex \s split at the same characters)
        for o in text[end : end + 60].split(None, n)[:n]:
            if not (o[:1].isupper() or o[:1].isdigit() or o == "-"):
                break
            joined += len(o) + 1
            cand = cand + " " + o.lower().strip(_TOKEN_PUNCT)
            if cand in keys:
                key, covered = cand, joined
            if cand not in continued:  # no longer name begins with these words
                break
        return key, covered

    def _domain_province(self, site: str | None) -> str | None:
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

    def locate(
        self, title: str | None, body: list[str], site: str | None, host: str | None = None, when=None
    ):
        """The article's province-level unit and why (locate.py): a Located(name, evidence)."""
        return self.locator.locate(title, body, site, host, when)

    def score(
        self, title: str | None, body: list[str], site: str | None, host: str | None = None, when=None
    ) -> str | None:
        return self.locate(title, body, site, host, when).name


# ---- the fast forms beside their plain forms (tasks/fastforms.py; tests/unit/test_fast_forms.py)


def plain_longest_name(g: Gazetteer, t0: str, text: str, end: int) -> tuple[str | None, int]:
    """_longest_name read word by word with a regex."""
    key, covered = (t0, 0) if t0 in g.keys else (None, 0)
    cand, pos, joined, limit = t0, end, 0, end + 60
    for _ in range(g.maxlen - 1):
        if cand not in g.continued:
            break
        m = _NEXT_WORD.match(text, pos, limit)
        if m is None:
            break
        o = m.group(1)
        if not (o[:1].isupper() or o[:1].isdigit() or o == "-"):
            break
        pos = m.end()
        joined += len(o) + 1
        cand = cand + " " + o.lower().strip(_TOKEN_PUNCT)
        if cand in g.keys:
            key, covered = cand, joined
    return key, covered


def plain_mentions(g: Gazetteer, text: str, first_cap_words: re.Pattern):
    """Gazetteer.mentions of one text as plainly read: every capitalised word that can open a name
    (first_cap_words: g.first_cap_words()), its next word checked in Python, then the name read
    word by word."""
    skip_to = 0
    for m in first_cap_words.finditer(text):
        st = m.start()
        if st < skip_to:
            continue
        w0 = m.group(0).strip(_TOKEN_PUNCT)
        unit = False
        if w0 not in g.first_cap:
            if w0[:3] in ("TP.", "Tp.") and w0[3:] in g.first_cap:
                w0, unit = w0[3:], True
            else:
                continue
        t0 = w0.lower()
        if t0 not in g.keys:
            nxt = _NEXT_WORD.match(text, m.end(), m.end() + 60)
            if nxt is None or nxt.group(1).lower().strip(_TOKEN_PUNCT) not in g.second_words.get(t0, ()):
                continue
        key, n = plain_longest_name(g, t0, text, m.end())
        if key is None or (key in g.ascii_names and _VIETNAMESE_LETTER.search(text)):
            continue
        if not unit:
            unit = ends_with_word(text[max(0, st - 32) : st].lower().rstrip(), g.unit_tuple)
        skip_to = m.end() + n
        if key in g.names:
            if not (key in g.needs_prefix and not unit):
                yield g.names[key], False, unit, text, st, skip_to
        else:
            yield g.districts[key], True, unit, text, st, skip_to


@lru_cache(maxsize=1)
def _sample_gazetteer() -> Gazetteer:
    """The shipped gazetteer, for the fast-form pairs below (tests call them)."""
    cfg = yaml.safe_load(Path(__file__).with_name("rules.yaml").read_text(encoding="utf-8"))
    return Gazetteer(cfg.get("locality", {}))


@lru_cache(maxsize=1)
def _sample_first_cap_words() -> re.Pattern:
    return _sample_gazetteer().first_cap_words()


def _fast_mentions(s: str) -> list:
    return [m[1:] for m in _sample_gazetteer().mentions([(s, 1.0)])]


def _plain_mentions(s: str) -> list:
    return list(plain_mentions(_sample_gazetteer(), s, _sample_first_cap_words()))


def _fast_longest_names(s: str) -> list:
    g = _sample_gazetteer()
    return [g._longest_name(t0, s, m.end()) for m in _CAPWORD.finditer(s) if (t0 := m.group(0).lower())]


def _plain_longest_names(s: str) -> list:
    g = _sample_gazetteer()
    return [plain_longest_name(g, t0, s, m.end()) for m in _CAPWORD.finditer(s) if (t0 := m.group(0).lower())]


_NAME_PIECES = (
    "Hà",
    "Nội",
    "HÀ",
    "NỘI",
    "nội",
    "Nội,",
    "Bà",
    "Rịa",
    "BR-VT",
    "Vũng",
    "Tàu",
    "TP.",
    "TP",
    "Tp.",
    "HCM",
    "TP.HCM",
    "TP.Hà",
    "Hồ",
    "Chí",
    "Minh",
    "Quận",
    "8",
    "Thủ",
    "Đức",
    "Châu",
    "Thành",
    "Khánh",
    "Hòa",
    "Hoà",
    "hoà",
    "tỉnh",
    "thành phố",
    "Thừa",
    "Thiên",
    "Huế",
    "Vinh",
    "Việt",
    "Nam",
    "Định",
    "Long",
    "An",
    "Tân",
    "Phú",
    "Cà",
    "Mau",
    "İ",
    "\u212a",
    "ſ",
    "Ninh",
    "Bình",
    "Giang",
    " " * 57,
    "\x1c",
    "\u3000",
    "–",
)

# the measured saving (tasks/fastforms.py): the plain forms were tried together
_WHY = (
    "A/B (warm read_anatomy, same minute): with every dates and locality fast form replaced by its plain "
    "form, 215-250 vs 184-188 us/page (~+15 % of anatomy, ~+7 % of clean+extract); not split per form"
)

FAST_FORMS = (
    FastForm("locality.mentions", plain=_plain_mentions, fast=_fast_mentions, pieces=_NAME_PIECES, why=_WHY),
    FastForm(
        "locality.longest_name",
        plain=_plain_longest_names,
        fast=_fast_longest_names,
        pieces=_NAME_PIECES,
        why=_WHY,
    ),
)
