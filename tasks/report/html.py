"""Page rendering: Jinja2 templates (tasks/report/templates) with a few number filters.

Jinja2 is already installed with Great Expectations, Prefect and Altair; it is listed in the
project's dependencies since the report uses it directly.
"""

from __future__ import annotations

import json
import math
from datetime import datetime, time
from pathlib import Path

import jinja2

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or str(v) in ("NaT", "<NA>")


def pct(v, digits: int = 0) -> str:
    return "—" if _missing(v) else f"{float(v):.{digits}%}"


def num(v, digits: int = 0) -> str:
    if _missing(v):
        return "—"
    return f"{float(v):,.{digits}f}" if digits else f"{int(round(float(v))):,}"


def when(v) -> str:
    """A timestamp to the second; a date (or a timestamp at midnight from a DATE) as a date."""
    if _missing(v):
        return "—"
    if isinstance(v, datetime):
        return v.strftime("%Y-%m-%d" if v.time() == time() else "%Y-%m-%d %H:%M:%S")
    return str(v)


def span(a, b) -> str:
    """first … last, one date when they are the same, — when unknown."""
    a, b = when(a), when(b)
    if a == b:
        return a
    return f"{a} … {b}"


def duration(seconds) -> str:
    if _missing(seconds):
        return "—"
    s = float(seconds)
    if s < 90:
        return f"{s:.1f} s"
    m, s = divmod(int(round(s)), 60)
    return f"{m} min {s:02d} s" if m < 60 else f"{m // 60} h {m % 60:02d} min"


def sort_key(v) -> str:
    """data-sort value: numbers sort as numbers, missing values last."""
    if _missing(v):
        return ""
    if isinstance(v, bool):
        return str(int(v))
    if isinstance(v, (int, float)):
        return repr(float(v))
    return str(v)


def spec_json(spec: dict) -> str:
    """A spec for a <script type="application/json"> block: `</` cannot close the script."""
    return json.dumps(spec, ensure_ascii=False, separators=(",", ":"), default=str).replace("</", "<\\/")


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        pct=pct, num=num, when=when, span=span, duration=duration, sort_key=sort_key, spec_json=spec_json
    )
    return env


def render(context: dict, template: str = "index.html.j2") -> str:
    return environment().get_template(template).render(**context)
