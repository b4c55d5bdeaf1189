"""Short probes of extract_facts for the tests of fact classes: a body in, plain tuples out."""

from __future__ import annotations

from tasks.facts import extract_facts


def facts(body: str):
    return extract_facts(body, published_at=None, event_date=None, author=None)


def people(body: str) -> dict[str, list[str]]:
    return {p.name: p.titles for p in facts(body).people}


def indicators(body: str, *, with_other: bool = False) -> list[tuple]:
    """(metric, actual, target, percent) per fact. "other" rows (a party count no rule names) are
    kept apart from the metrics the guide counts unless `with_other`."""
    return [
        (i.metric, i.actual, i.target, i.percent)
        for i in facts(body).indicators
        if with_other or i.metric != "other"
    ]
