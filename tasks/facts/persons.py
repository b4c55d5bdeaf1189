"""A person as a page builds it up (first mention, titles, strongest role) and the cues in a
sentence that give a mention its role."""

from __future__ import annotations

from dataclasses import dataclass, field

from tasks.facts.lexicon import Lexicon, ends_with_word
from tasks.facts.titles import Span
from tasks.textnorm import match_key

ROLE_RANK = {"mentioned": 0, "attendee": 1, "speaker": 2, "chair": 3}


@dataclass
class Found:
    """A person as the page builds it up: first mention, titles in order, strongest role."""

    name: str
    start: int
    end: int
    role: str
    titles: list[str] = field(default_factory=list)
    title_keys: set[str] = field(default_factory=set)

    def add_titles(self, body: str, spans: list[Span]) -> None:
        for ts, te in spans:
            t = body[ts:te].strip()
            if t.endswith("./"):  # the closing mark "./." glued to the post's last word
                t = t[:-2].rstrip(". ")
            k = match_key(t)
            if t and k not in self.title_keys:
                self.title_keys.add(k)
                self.titles.append(t)

    def raise_role(self, role: str) -> None:
        if ROLE_RANK[role] > ROLE_RANK[self.role]:
            self.role = role


class RoleCues:
    """The role of a mention, from the cues around it, read with one lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.role_after = sorted(lex.role_after, key=lambda rr: -ROLE_RANK[rr[0]])  # strongest first

    def role(self, fb: str, ss: int, s: int, after: int, se: int, chain_start: int | None = None) -> str:
        """The role a mention at s (its titles ending at after) gets in sentence (ss, se)."""
        best = "mentioned"
        for role, rx in self.role_after:  # the first cue found is the strongest
            if rx.match(fb, after, se):
                best = role
                break
        left = fb[ss:s]
        lex = self.lex
        if ends_with_word(left.lower(), lex.chair_before):
            return "chair"
        if ROLE_RANK[best] < 2 and lex.speaker_intro_re.fullmatch(
            fb, ss, s if chain_start is None else chain_start
        ):
            best = "speaker"
        if (
            best == "mentioned"
            and lex.attendee_before_hint_re.search(left)
            and lex.attendee_before_re.search(left)
        ):
            best = "attendee"
        return best
