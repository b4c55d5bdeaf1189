"""Property tests across stages: Vietnamese number formats round-trip; the whole page path
(decode -> anatomy -> facts) never raises and every evidence span lies inside the body."""

from __future__ import annotations

import hashlib
import unicodedata
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks.facts.numbers import parse_vn_number
from tasks.ingest import DecodeRejected, decode_bytes
from tasks.process_page import process_page
from tasks.records import RawPage


def vn_format(value: Decimal, decimals: int) -> str:
    """Write a number the Vietnamese way: '.' between thousands, ',' before decimals."""
    q = value.quantize(Decimal(1).scaleb(-decimals)) if decimals else value.quantize(Decimal(1))
    whole, _, frac = f"{q:f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return ".".join(groups) + ("," + frac if frac else "")


@settings(max_examples=500, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=3),
    st.integers(min_value=0, max_value=999),
)
def test_vietnamese_number_format_round_trips(whole, decimals, frac):
    value = Decimal(whole) + (Decimal(frac) / Decimal(1000) if decimals else 0)
    text = vn_format(value, decimals)
    parsed = parse_vn_number(text)
    expected = float(value.quantize(Decimal(1).scaleb(-decimals)) if decimals else value)
    assert parsed is not None and abs(parsed - expected) < 1e-6 * max(1.0, expected), text
    assert parse_vn_number(text + "%") == parsed


VIETNAMESE_WORDS = [
    "Đồng chí",
    "Bí thư",
    "Thành ủy",
    "kết nạp",
    "đảng viên",
    "Nghị quyết số",
    "28-NQ/TU",
    "đạt",
    "102,5%",
    "205/200",
    "Chiều 21/10",
    "Tin khác",
    "Ý kiến",
    "Hải Phòng",
    "tổ chức đảng",
    "(",
    ")",
    ",",
    ".",
    ":",
    "\n",
    "\n\n",
    "…",
]
page_text = st.lists(st.one_of(st.sampled_from(VIETNAMESE_WORDS), st.text(max_size=12)), max_size=80).map(
    " ".join
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_text)
def test_page_path_never_raises_and_evidence_lies_in_the_body(text):
    try:
        decoded, _ = decode_bytes(text.encode("utf-8"))
    except DecodeRejected:  # binary-looking text is quarantined by ingest; anatomy must cope anyway
        decoded = unicodedata.normalize("NFC", text)
    raw = RawPage("p.txt", hashlib.sha256(text.encode()).hexdigest(), "utf-8", decoded)
    doc = process_page(raw)
    body = doc.anatomy.body
    for ind in doc.facts.indicators:
        assert 0 <= ind.start <= ind.end <= len(body)
        assert body[ind.start : ind.end] == ind.evidence
    for ref in doc.facts.document_refs:
        assert 0 <= ref.start <= ref.end <= len(body)
        assert body[ref.start : ref.end] == ref.evidence
    for person in doc.facts.people:
        assert 0 <= person.start <= person.end <= len(body)
    assert len(doc.article_id) == 16
