"""Pieces of tasks/facts read as documented (their fast forms are checked in test_fast_forms.py)."""

from tasks.facts import FactsExtractor, default_lexicon, read_lexicon
from tasks.facts.extractor import default_extractor
from tasks.facts.lexicon import LEXICON_DIR
from tasks.facts.page import Page
from tasks.facts.people import read_run
from tasks.facts.text import sentence_spans


def test_line_break_in_the_spaces_after_a_full_stop():
    text = "Câu một.  \n  Câu hai. \n"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["Câu một.", "Câu hai."]


def test_sentence_at_is_the_sentence_holding_a_position():
    text = "Câu một.  \n  Câu (hai). \n“Ba” TP.HCM có 23.000 người… Bốn! (Năm) sáu?\n"
    page = Page(text)
    assert page.sentence_at(text.index("TP")) == (text.index("“Ba"), text.index("… ") + 1)
    assert page.sentence_at(0) == (0, len("Câu một."))


def test_run_reading():
    lex = default_lexicon()
    assert read_run(lex, "Nguyễn Văn An") == (0, False)
    assert read_run(lex, "Ông Nguyễn Văn An") == (4, True)
    assert read_run(lex, "Việt Nam") is None
    assert read_run(lex, "Nguyễn Văn An Bình Minh Sơn") is None  # six syllables: not one name
    assert read_run(lex, "Chư Sê Lê Kim Khoa") == (None, False)  # a name may start inside


def test_an_extractor_reads_with_the_lexicon_it_is_given():
    body = "Đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy phát biểu."
    assert default_extractor().extract(body).people[0].name == "Nguyễn Văn An"
    own = FactsExtractor(read_lexicon(LEXICON_DIR))
    assert own.extract(body) == default_extractor().extract(body)


def test_post_heads_from_all_first_words_is_every_post_head():
    titles = default_extractor().people.titles
    text = "Đồng chí Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch UBND tỉnh và Bí thư Huyện ủy"
    lex = default_lexicon()
    assert titles.post_heads_from(text, lex.post_head_first_words) == titles.post_heads(text)
    assert [text[s:e] for s, e in titles.post_heads(text)][:2] == ["Phó Bí thư Thường trực", "Bí thư"]
