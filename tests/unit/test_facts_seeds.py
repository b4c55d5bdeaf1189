"""The seed pages must match the gold exactly (see /work/shared/gold/README.md)."""

import json
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest

from tasks.facts import extract_facts

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = SHARED / "gold" / "seeds.json"
NAMED = {
    "party_members_admitted",
    "party_members_total",
    "party_orgs_established",
    "union_orgs_established",
    "youth_orgs_established",
    "youth_members_admitted",
    "party_badges_awarded",
    "party_members_disciplined",
    "party_members_transferred",
}

if not GOLD.exists():
    pytest.skip(f"shared gold not available at {GOLD} (checkout without ../shared)", allow_module_level=True)

SEEDS = json.loads(GOLD.read_text(encoding="utf-8"))


def k(s):
    return unicodedata.normalize("NFC", s).casefold()


def _facts(seed):
    pub = (
        datetime.fromisoformat(seed["published_at"])
        if seed.get("published_at") not in (None, "skip")
        else None
    )
    ev = date.fromisoformat(seed["event_date"]) if seed.get("event_date") not in (None, "skip") else None
    body = "\n".join(seed["body_lines"])
    return body, extract_facts(body, published_at=pub, event_date=ev, author=seed.get("author"))


def _near(a, b):
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= 0.01)


@pytest.mark.parametrize("seed", SEEDS, ids=[s["file"] for s in SEEDS])
def test_people_match_gold(seed):
    _, f = _facts(seed)
    got = sorted((k(p.name), sorted(k(t) for t in p.titles)) for p in f.people)
    want = sorted((k(p["name"]), sorted(k(t) for t in p["titles"])) for p in seed["people"])
    assert got == want


@pytest.mark.parametrize("seed", SEEDS, ids=[s["file"] for s in SEEDS])
def test_titles_in_order_of_appearance(seed):
    _, f = _facts(seed)
    by_name = {k(p.name): [k(t) for t in p.titles] for p in f.people}
    for p in seed["people"]:
        assert by_name[k(p["name"])] == [k(t) for t in p["titles"]]


@pytest.mark.parametrize("seed", SEEDS, ids=[s["file"] for s in SEEDS])
def test_document_refs_match_gold(seed):
    _, f = _facts(seed)
    assert sorted((d.kind, d.number) for d in f.document_refs) == sorted(
        (d["kind"], d["number"]) for d in seed["document_refs"]
    )
    symbols = {(d["kind"], d["number"]): d.get("symbol") for d in seed["document_refs"]}
    for d in f.document_refs:
        assert d.symbol == symbols[(d.kind, d.number)]


@pytest.mark.parametrize("seed", SEEDS, ids=[s["file"] for s in SEEDS])
def test_indicators_match_gold(seed):
    body, f = _facts(seed)
    required = [g for g in seed["indicators"] if not g.get("optional")]
    optional = [g for g in seed["indicators"] if g.get("optional")]

    def match(g, i):
        return g["metric"] == i.metric and all(
            _near(g[x], getattr(i, x)) for x in ("actual", "target", "percent")
        )

    extra = []
    for i in f.indicators:
        assert body[i.start : i.end] == i.evidence
        if i.metric not in NAMED:
            continue
        hit = next((g for g in required if match(g, i)), None) or next(
            (g for g in optional if match(g, i)), None
        )
        if hit is None:
            extra.append((i.metric, i.actual, i.target, i.percent))
        else:
            (required if hit in required else optional).remove(hit)
    assert extra == [], "indicator rows under a named metric that match no gold row"
    assert required == [], "gold indicators not found"
