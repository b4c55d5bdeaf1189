"""Per-position and pre-checked paths in tasks/facts give what the whole-page formulations give."""
import bisect

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.facts import lexicon as lx
from tasks.facts.page import Page
from tasks.facts.text import sentence_spans

L = lx.get()
ODD = ["İ", "ı", "ſ", "K", "ß", "\u0301", "\u00a0", "\t", "\n", " ", "  ", ".", ". ", ".\n", " \n ", ". \n ", "!", "?",
       "…", "!”", ".)", "”", ")", "’", "\"", "(", "“", "‘", "[", ",", "-", "5", "x", "A", "Ông", "Nguyễn Văn An",
       "BÍ THƯ", "bí thư", "hội ", "uỷ", "TP.HCM", "23.000"]
WORDS = st.sampled_from(list(L.posts["post_heads"]) + list(L.sentence_hints) + ODD + ["Tỉnh ủy", "Hà Nội", "Việt Nam"])
TEXT = st.lists(st.one_of(WORDS, st.text(max_size=3)), max_size=30).map("".join)


def _bisected(spans, pos):
    i = bisect.bisect_right([s for s, _ in spans], pos) - 1
    return spans[i] if i >= 0 else None


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_sentence_at_is_the_bisected_sentence(text):
    spans = sentence_spans(Page(text).fb)
    shared = Page(text)      # one page asked everywhere: answers from what it found before
    for pos in range(len(text) + 1):
        want = _bisected(spans, pos)
        assert Page(text).sentence_at(pos) == want
        assert shared.sentence_at(pos) == want


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_sentence_at_backwards(text):
    spans = sentence_spans(Page(text).fb)
    page = Page(text)
    for pos in reversed(range(len(text) + 1)):
        assert page.sentence_at(pos) == _bisected(spans, pos)


def test_sentence_at_examples():
    text = "Câu một.  \n  Câu (hai). \n“Ba” TP.HCM có 23.000 người… Bốn! (Năm) sáu?\n"
    for pos in range(len(text)):
        assert Page(text).sentence_at(pos) == _bisected(sentence_spans(text), pos)
    assert Page(text).sentence_at(text.index("TP")) == (text.index("“Ba"), text.index("… ") + 1)
