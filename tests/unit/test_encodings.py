"""Legacy Vietnamese encoding tables and the plausibility score."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest

from tasks import encodings as enc
from tasks.ingest import DecodeRejected, decode_bytes

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
SEED = SEEDS[0].read_text("utf-8")


def _tcvn3_representable(text: str) -> str:
    """What TCVN3 (VN3) can say: capital toned letters only inside all-capital words."""
    return enc.decode_tcvn3(enc.encode_tcvn3(text))


def test_tcvn3_table_is_exact_on_known_bytes():
    # Spot checks against the published VN3 table (".VnTime": Hé = Hội, §¶ng = Đảng).
    assert enc.decode_tcvn3(b"H\xe9i ngh\xde") == "Hội nghị"
    assert enc.decode_tcvn3(b"\xa7\xb6ng") == "Đảng"
    assert enc.decode_tcvn3(b"\xa7\xb6NG") == "ĐẢNG"  # capital font over lower codes
    assert enc.decode_tcvn3(b"tr\xad\xeang") == "trường"
    assert enc.encode_tcvn3("Đồng chí") == b"\xa7\xe5ng ch\xdd"


def test_vni_table_is_exact_on_known_bytes():
    assert enc.decode_vni("Ñaûng".encode("cp1252")) == "Đảng"
    assert enc.decode_vni("tröôøng".encode("cp1252")) == "trường"
    assert enc.decode_vni("ÑAÛNG".encode("cp1252")) == "ĐẢNG"
    assert enc.decode_vni("Hoäi nghò".encode("cp1252")) == "Hội nghị"
    assert enc.encode_vni("Ủy ban") == "UÛy ban".encode("cp1252")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_vni_round_trip_equals_original(seed):
    text = seed.read_text("utf-8")
    assert enc.decode_vni(enc.encode_vni(text)) == text


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_tcvn3_round_trip(seed):
    text = seed.read_text("utf-8")
    # Lower-case text round-trips exactly (TCVN3 has every lower-case Vietnamese letter) ...
    low = text.lower()
    assert enc.decode_tcvn3(enc.encode_tcvn3(low)) == low
    # ... and so does the whole page except the case of capital toned letters in mixed-case
    # words, which VN3 cannot encode (a documented limit of the encoding, not of the decoder).
    back = enc.decode_tcvn3(enc.encode_tcvn3(text))
    assert back.lower() == low
    assert len(back) == len(text)


def test_tcvn3_all_caps_title_round_trips():
    title = "HỘI NGHỊ BAN CHẤP HÀNH ĐẢNG BỘ THÀNH PHỐ LẦN THỨ NHẤT"
    assert enc.decode_tcvn3(enc.encode_tcvn3(title)) == title


def test_cp1258_encoder_writes_combining_tones():
    b = enc.encode_cp1258("Đảng")
    assert b == b"\xd0a\xd2ng"  # Đ, a, combining hook (0xD2), n, g
    assert enc.decode_cp1258(b) == "Đảng"


@pytest.mark.parametrize(
    "name,encoder",
    [("windows-1258", enc.encode_cp1258), ("tcvn3", enc.encode_tcvn3), ("vni", enc.encode_vni)],
)
def test_decode_bytes_picks_the_right_legacy_encoding(name, encoder):
    text = SEED if name != "tcvn3" else _tcvn3_representable(SEED)
    got, encoding = decode_bytes(encoder(text))
    assert encoding == name
    assert got == text


def test_score_separates_vietnamese_from_mojibake():
    good, n = enc.vietnamese_score(SEED)
    assert good > 0.95 and n > 100
    for wrong in (
        enc.decode_tcvn3(enc.encode_vni(SEED)),
        enc.decode_vni(enc.encode_tcvn3(SEED)),
        enc.decode_cp1258(SEED.encode("utf-8")),
    ):
        assert enc.vietnamese_score(wrong)[0] < 0.5


def test_random_high_bytes_are_undecodable_not_mojibake():
    rnd = random.Random(7)
    data = bytes(rnd.choice(range(0x20, 0x100)) for _ in range(4000))
    with pytest.raises(DecodeRejected) as e:
        decode_bytes(data)
    assert e.value.reason == "undecodable"


def test_vietnamese_like_bytes_in_no_known_table_are_undecodable():
    # UTF-8 Vietnamese with its multi-byte sequences cut apart by stray bytes: every legacy
    # table gives mojibake; we must refuse rather than hand charset-normalizer's guess on.
    raw = bytearray(SEED.encode("utf-8"))
    for i in range(0, len(raw), 7):
        if raw[i] >= 0x80:
            raw[i] = 0xFF
    with pytest.raises(DecodeRejected) as e:
        decode_bytes(bytes(raw))
    assert e.value.reason == "undecodable"


@pytest.mark.parametrize(
    "text,codec",
    [
        ("Le président a déclaré à la presse qu'il était très satisfait des négociations. " * 8, "cp1252"),
        ("Президент заявил журналистам, что очень доволен результатами переговоров. " * 8, "cp1251"),
    ],
)
def test_non_vietnamese_legacy_text_is_other_not_vietnamese(text, codec):
    """Non-Vietnamese text in a legacy codepage either decodes to itself through the general
    fallback (encoding is not one of ours) or is refused; never Vietnamese mojibake."""
    try:
        got, encoding = decode_bytes(text.encode(codec))
    except DecodeRejected as e:
        assert e.reason == "undecodable"
        return
    assert encoding not in ("windows-1258", "tcvn3", "vni")
    assert got == unicodedata.normalize("NFC", text)
