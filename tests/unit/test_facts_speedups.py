"""The faster paths in tasks/facts give exactly what the plain formulations give."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.facts import indicators, lexicon as lx, people
from tasks.facts.page import Page
from tasks.facts.lexicon import UP
from tasks.facts.text import sentence_spans

L = lx.get()
ODD = ["İ", "ı", "ſ", "K", "ß", "\u0301", "\u00a0", "\t", "\n", " ", "  ", ".", ". ", ".\n", " \n ", "!", "?", "…",
       "”", ")", "(", "“", ",", "-", "5", "x", "Ông", "Nguyễn Văn An", "BÍ THƯ", "bí thư", "hội ", "uỷ"]
WORDS = st.sampled_from(list(L.posts["post_heads"]) + list(L.sentence_hints) + ODD + ["Tỉnh ủy", "Hà Nội", "Việt Nam"])
TEXT = st.lists(st.one_of(WORDS, st.text(max_size=3)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_post_head_at_matches_like_the_whole_alternation(text):
    whole = re.compile(lx.alternation(L.posts["post_heads"]) + r"(?![^\W\d_])", re.IGNORECASE)
    for pos in range(len(text) + 1):
        a, b = whole.match(text, pos), L.post_head_at.match(text, pos)
        assert (a and a.span()) == (b and b.span())


def _sentence_spans_per_stop(text):
    """The plain rule: a Python check at every line break and end mark (the former implementation)."""
    nxt = re.compile(r"[\"”’)]*(\s+)(?=[\"“‘(\[]?(?:\d|" + UP + "))")
    spans, pos = [], 0

    def add(s, e):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    for i, ch in enumerate(text):
        if i < pos or ch not in "\n.!?…":
            continue
        if ch == "\n":
            add(pos, i)
            pos = i + 1
            continue
        if i + 1 >= len(text):
            break
        m = nxt.match(text, i + 1)
        if m:
            add(pos, m.start(1))
            pos = m.end()
    add(pos, len(text))
    return spans


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_sentence_spans_as_checked_stop_by_stop(text):
    assert sentence_spans(text) == _sentence_spans_per_stop(text)


def test_line_break_in_the_spaces_after_a_full_stop():
    text = "Câu một.  \n  Câu hai. \n"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["Câu một.", "Câu hai."]


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_hinted_sentences_are_those_holding_a_hint(text):
    page = Page(text)
    want = [(s, e) for s, e in page.sentences if any(h in page.lo[s:e] for h in L.sentence_hints)]
    assert indicators._hinted_sentences(page) == want


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_head_scan_per_first_word_finds_what_the_alternation_finds(text):
    assert people._post_heads_from(text, list(L.post_head_first_word_re)) == people._post_heads(text)


def test_run_reading():
    assert people._run_reading("Nguyễn Văn An") == (0, False)
    assert people._run_reading("Ông Nguyễn Văn An") == (4, True)
    assert people._run_reading("Việt Nam") is None
    assert people._run_reading("Nguyễn Văn An Bình Minh Sơn") is None     # six syllables: not one name
    assert people._run_reading("Chư Sê Lê Kim Khoa") == (None, False)         # a name may start inside
