"""The page-anatomy rules (rules.yaml) compiled once: line rules, prefix/suffix rules, word lists
and the locality gazetteer. Built by :func:`load_rules`; the shipped file's RuleSet is
:func:`default_rules` (one per process) and is passed to every phase that needs it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from tasks.fastforms import FastForm

from .locality import Gazetteer

RULES_PATH = Path(__file__).with_name("rules.yaml")

# upper-case letters only (a range like À-Ỹ would also take the lower-case letters between them)
UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x1F00)) if c.isalpha() and c.isupper())
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    zone: str
    ends_body: bool
    clock: bool
    idx: int


# A line's rule match: the rule and its non-empty captures (site, title, author)
RuleMatch = tuple[Rule, dict[str, str]]


def _anonymous(pattern: str) -> str:
    return _NAMED_GROUP.sub("(?:", pattern)


def _alternation(patterns: Iterable[str]) -> re.Pattern:
    """One alternation of patterns with their named groups made anonymous ("(?!)" if none)."""
    return re.compile("|".join(f"(?:{_anonymous(p)})" for p in patterns) or "(?!)")


def _prefixed_groups(pattern: str, i: int) -> str:
    """The named groups of rule i renamed r{i}_<name>, so that every rule fits in one alternation."""
    return re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<r{i}_{m.group(1)}>", pattern)


def _named_alternation(alts: list[str]) -> re.Pattern:
    return re.compile("|".join(alts) or "(?!)")


class RuleSet:
    """rules.yaml compiled. Header-zone and footer-zone line rules are each one alternation of
    named groups (r12 = rule 12, r12_site = its capture), separately for short and long lines."""

    def __init__(self, cfg: dict):
        self.max_scan = int(cfg.get("max_scan", 300))
        self.short_len = int(cfg.get("short_line", 160))
        self.rules: list[Rule] = []
        header, footer, header_long, footer_long = [], [], [], []
        for i, r in enumerate(cfg["line_rules"]):
            rule = Rule(
                r["name"],
                r["kind"],
                r.get("zone", "anywhere"),
                bool(r.get("ends_body")),
                bool(r.get("clock")),
                i,
            )
            self.rules.append(rule)
            pat = _prefixed_groups(r["pattern"], i)
            re.compile(pat)  # fail early on bad data
            alt = f"(?P<r{i}>{pat})"
            if rule.zone in ("header", "anywhere"):
                header += [alt]
                header_long += [alt] if r.get("long") else []
            if rule.zone in ("footer", "anywhere"):
                footer += [alt]
                footer_long += [alt] if r.get("long") else []
        self.re_h, self.re_f = _named_alternation(header), _named_alternation(footer)
        # lines longer than short_line are only tried against rules marked long: true
        self.re_h_long, self.re_f_long = _named_alternation(header_long), _named_alternation(footer_long)
        # keyed by id: hashing a compiled pattern hashes its whole code (~9 µs for these four)
        self._groups = {
            id(rx): self._index_groups(rx) for rx in (self.re_h, self.re_f, self.re_h_long, self.re_f_long)
        }
        self._compile_pre_checks(cfg["line_rules"])
        self.prefix = [(r["name"], r["kind"], re.compile(r["pattern"])) for r in cfg.get("prefix_rules", [])]
        # one anchored alternation as a fast pre-check (most lines have no prefix)
        self.prefix_any = _alternation(r["pattern"] for r in cfg.get("prefix_rules", []))
        self.suffix = [
            (r["name"], r["kind"], re.compile(r["pattern"].replace("{UP}", UPPER)))
            for r in cfg.get("suffix_rules", [])
        ]
        self.residue = frozenset(cfg.get("date_residue_words", []))
        self.stop = frozenset(cfg.get("stopwords", []))
        self.not_names = frozenset(cfg.get("not_in_names", []))
        self.connectives = frozenset(cfg.get("connectives", []))
        self.honorifics = tuple(h + " " for h in cfg.get("honorifics", []))
        self.caption_openers = tuple(cfg.get("caption_openers", []))
        self.listing_min = int(cfg.get("listing_min_teasers", 4))
        # the same words with punctuation glued on, so lines need only str.split()
        self.stop_punct = frozenset(
            list(self.stop)
            + [w + p for w in self.stop for p in ',.;:!?)”"…']
            + ["(" + w for w in self.stop]
            + ["“" + w for w in self.stop]
        )
        self.gazetteer = Gazetteer(cfg.get("locality", {}))

    def _compile_pre_checks(self, line_rules: list[dict]) -> None:
        """Cheap alternations without capture groups that reject most lines before the named ones
        run. Rules with `requires` (scanning patterns such as breadcrumbs or cookie_notice's
        '^.{0,200}?\\bcookies?\\b') are tried only when one of their substrings is in the key."""
        self.re_any = _alternation(r["pattern"] for r in line_rules if not r.get("requires"))
        self.requires = tuple(sorted({q for r in line_rules for q in r.get("requires", [])}))
        long_rules = [r for r in line_rules if r.get("long")]
        self.re_any_long = _alternation(r["pattern"] for r in long_rules if not r.get("requires"))
        self.re_any_long_req = _alternation(r["pattern"] for r in long_rules if r.get("requires"))
        self.requires_long = tuple(sorted({q for r in long_rules for q in r.get("requires", [])}))

    def line_rules(self, key: str, length: int) -> tuple[RuleMatch | None, RuleMatch | None]:
        """(header-zone match, footer-zone match) of a line's case-folded key; length: the line's."""
        if length <= self.short_len:
            if not (self.re_any.match(key) or _contains_any(key, self.requires)):
                return None, None
            return self.match(self.re_h, key), self.match(self.re_f, key)
        if not (
            self.re_any_long.match(key)
            or (_contains_any(key, self.requires_long) and self.re_any_long_req.match(key))
        ):
            return None, None
        return self.match(self.re_h_long, key), self.match(self.re_f_long, key)

    def line_rules_plain(self, key: str, length: int) -> tuple[RuleMatch | None, RuleMatch | None]:
        """line_rules without the pre-checks, read by group name: what the rules mean."""
        short = length <= self.short_len
        return tuple(
            self._match_by_name(rx, key)
            for rx in ((self.re_h, self.re_f) if short else (self.re_h_long, self.re_f_long))
        )  # type: ignore[return-value]

    def match(self, regex: re.Pattern, key: str) -> RuleMatch | None:
        m = regex.match(key)
        if not m:
            return None
        # the outer rule group closes last, so it is the last group matched; its captures are
        # read by group number (m.groupdict() would build every rule's groups)
        rule, caps = self._groups[id(regex)][m.lastindex]
        return rule, {name: v for name, g in caps if (v := m.group(g)) is not None}

    def _match_by_name(self, regex: re.Pattern, key: str) -> RuleMatch | None:
        m = regex.match(key)
        if not m:
            return None
        # the last group to close is the rule's outer group, and every one has a name (r{i})
        assert m.lastgroup is not None
        idx = int(m.lastgroup[1:].split("_")[0])
        return self.rules[idx], {
            k.split("_", 1)[1]: v
            for k, v in m.groupdict().items()
            if v is not None and k.startswith(f"r{idx}_")
        }

    def _index_groups(self, regex: re.Pattern) -> dict:
        """outer group number -> (rule, ((capture name, group number), ...)) for match()."""
        outer: dict[int, int] = {}
        captures: dict[int, list[tuple[str, int]]] = {}
        for name, g in sorted(regex.groupindex.items(), key=lambda item: item[1]):
            idx, _, cap = name[1:].partition("_")  # "r12" (a rule) or "r12_site" (its capture)
            if cap:
                captures.setdefault(int(idx), []).append((cap, g))
            else:
                outer[g] = int(idx)
        return {g: (self.rules[idx], tuple(captures.get(idx, ()))) for g, idx in outer.items()}


def _contains_any(s: str, subs: tuple[str, ...]) -> bool:
    """One of subs occurs in s (a few `in` tests are much cheaper than a regex alternation of
    literals, which the engine tries at every position)."""
    return any(map(s.__contains__, subs))


def load_rules(path: Path | str = RULES_PATH) -> RuleSet:
    with open(path, encoding="utf-8") as f:
        return RuleSet(yaml.safe_load(f))


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The shipped rules.yaml, compiled once per process."""
    return load_rules(RULES_PATH)


def _as_line_key(s: str) -> str:
    """What the rules are ever given: a line's key as chrome_key makes it. It is one line (the
    pre-checks may assume no newline; the rules' `.` stops at one) with every run of white space,
    NBSP and control separators such as unit separators included, one plain space: the pre-checks look for
    ' » ' where the rules' white-space class would take any of them."""
    from .lines import chrome_key  # lines.py builds on this module

    return chrome_key(s.replace("\n", " "))


def _line_rules_fast(key: str) -> object:
    key = _as_line_key(key)
    return default_rules().line_rules(key, len(key))


def _line_rules_plain(key: str) -> object:
    key = _as_line_key(key)
    return default_rules().line_rules_plain(key, len(key))


FAST_FORMS = (
    FastForm(
        "anatomy.line_rules",
        plain=_line_rules_plain,
        fast=_line_rules_fast,
        pieces=(
            "nguồn: ",
            "nguồn tin:",
            "baohanoi.vn",
            "theo ",
            "tin: ",
            "ảnh: ",
            "bài và ảnh: ",
            "qr code: ",
            "ths. ",
            "pgs, ts ",
            "tin khác",
            "xem thêm",
            " / ",
            " » ",
            " > ",
            "cookie",
            "cookies",
            "©",
            "bản quyền",
            "print ",
            " gốc",
            "hôm nay",
            "3 giờ trước",
            "a+ a-",
            "tags:",
            ">> ",
            "»",
            "nguyễn văn a",
            "thời sự / xã hội",
            "trang này dùng cookies",
            "post by: ",
            "người đăng: ",
            " | ",
            "12/05/2023",
            "(ảnh: ",
            "related news",
            "chào mừng quý khách đến với cổng ",
            "x" * 150,
            "x" * 40,
        ),
        why="bench/stage_times.py --n 10000 --sample 3000, same-minute pairs, line_rules_plain vs this: "
        "clean+extract +2.1 %, +27.4 %, +16.2 % CPU without the pre-checks and group-number reads",
    ),
)
