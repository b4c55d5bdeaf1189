"""A no-break space whose ampersand a scrape lost ("Lê Trí Tínnbsp;- công tác …") is a space, not
part of a name (session 10, blind8 t203)."""

from __future__ import annotations

from tasks.ingest.html_text import has_html_fragments, strip_html_fragments


def test_a_bare_nbsp_is_a_space():
    text = "Lễ kết nạp đảng cho quần chúng Lê Trí Tínnbsp;- công tác tại công ty."
    assert has_html_fragments(text)
    assert strip_html_fragments(text) == "Lễ kết nạp đảng cho quần chúng Lê Trí Tín - công tác tại công ty."


def test_text_without_nbsp_or_entities_is_left_alone():
    assert not has_html_fragments("Chi bộ có 22 đảng viên; nbsp là một từ viết tắt.")
