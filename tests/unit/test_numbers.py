import pytest

from tasks.facts.numbers import parse_vn_number


@pytest.mark.parametrize(
    "text,value",
    [
        ("1.071", 1071.0),
        ("111,9", 111.9),
        ("23.000", 23000.0),
        ("7.056", 7056.0),
        ("1.234.567", 1234567.0),
        ("1.234,5", 1234.5),
        ("13 %", 13.0),
        ("102,5%", 102.5),
        ("02", 2.0),
        ("0", 0.0),
        ("241,21", 241.21),
        ("7.61", 7.61),  # a dot not followed by a 3-digit group is a decimal point
    ],
)
def test_parse_vn_number(text, value):
    assert parse_vn_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "%", "-", "1,2,3", "12,", "1.07.5", "١٢", None, "2/8"])
def test_parse_vn_number_rejects(text):
    assert parse_vn_number(text) is None
