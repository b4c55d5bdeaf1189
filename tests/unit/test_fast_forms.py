"""Every optimised pattern under ``tasks`` gives what its readable form gives (see tasks/fastforms.py)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tasks
from tasks.fastforms import FastForm

COMMON = (
    " ",
    "  ",
    "\t",
    "(",
    ")",
    "“",
    '"',
    ".",
    ",",
    "-",
    "/",
    ":",
    "1",
    "2021",
    "21/10",
    "x",
    "Hà",
    "Nội",
    "hoà",
    "hòa",
    "thuỷ",
    "ngày",
    "tháng",
    "năm",
    "…",
    "\n",
)


def _all_fast_forms() -> list[FastForm]:
    found: list[FastForm] = []
    for info in pkgutil.walk_packages(tasks.__path__, "tasks."):
        module = importlib.import_module(info.name)
        found.extend(getattr(module, "FAST_FORMS", ()))
    return found


FORMS = _all_fast_forms()


def test_fast_forms_are_declared():
    names = [f.name for f in FORMS]
    assert len(names) == len(set(names)), "two fast forms share a name"


@pytest.mark.parametrize("form", FORMS, ids=lambda f: f.name)
def test_fast_form_agrees_with_plain_form(form: FastForm):
    pieces = st.sampled_from(COMMON + form.pieces) | st.text(max_size=4)
    texts = st.lists(pieces, max_size=14).map("".join)

    @settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(texts)
    def agree(s: str) -> None:
        assert form.fast(s) == form.plain(s), s

    agree()
    for piece in form.pieces:
        assert form.fast(piece) == form.plain(piece), piece
