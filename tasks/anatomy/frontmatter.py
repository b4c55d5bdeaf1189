"""Front matter: the metadata block a static site (Jekyll, Hugo, Eleventy, a CMS export) writes at
the top of a page, YAML between `---` lines or JSON after `---json`. Its title, date and author
are the page's own; its lines are header chrome, never body."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import yaml

VIETNAM = timezone(timedelta(hours=7))
MAX_LINES = 80  # a front-matter block longer than this is not one


@dataclass(frozen=True)
class FrontMatter:
    lines: tuple[int, ...]  # raw line numbers of the block (fences included)
    title: str | None
    published_at: datetime | None
    author: str | None
    description: str | None = None  # the sapo; it may hold the event's dated phrase


def _local(value) -> datetime | None:
    """A front-matter date as Vietnam local time, naive (UTC "…Z" dates shifted by +7 h)."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    if isinstance(value, datetime):
        return value.astimezone(VIETNAM).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return None


def _text(value) -> str | None:
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def read_front_matter(raw_lines: list[str]) -> FrontMatter | None:
    """The block opening the page, or None (no fence, no closing fence, or unreadable data)."""
    first = next((i for i, s in enumerate(raw_lines[:5]) if s.strip()), None)
    if first is None or raw_lines[first].strip() not in ("---", "---json", "---yaml", "+++"):
        return None
    fence = raw_lines[first].strip()
    close = "+++" if fence == "+++" else "---"
    end = next(
        (
            i
            for i in range(first + 1, min(len(raw_lines), first + MAX_LINES))
            if raw_lines[i].strip() == close
        ),
        None,
    )
    if end is None or fence == "+++":  # TOML front matter: no reader shipped; leave the page as it is
        return None
    block = "\n".join(raw_lines[first + 1 : end])
    try:
        data = json.loads(block) if fence == "---json" else yaml.safe_load(block)
    except (ValueError, yaml.YAMLError):
        return None
    if not isinstance(data, dict):
        return None
    return FrontMatter(
        lines=tuple(i for i in range(first, end + 1) if raw_lines[i].strip()),
        title=_text(data.get("title")),
        published_at=_local(data.get("date") or data.get("published") or data.get("pubDate")),
        author=_text(data.get("author")),
        description=_text(data.get("description")),
    )
