"""Page anatomy: seed gold, rules, shape/position/repetition signals, metadata, robustness."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from tasks.anatomy import Signals, chrome_key, read_anatomy, unaccounted_lines
from tasks.anatomy.rules import RULES_PATH

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
GOLD = SHARED / "gold" / "seeds.json"
CORPUS = SHARED / "corpus"
SEEDS = REPO / "seeds"
needs_shared = pytest.mark.skipif(
    not GOLD.exists(), reason=f"shared data not found at {SHARED} (gold + corpus)"
)

KINDS = {
    "header",
    "title",
    "dateline",
    "byline",
    "source_credit",
    "related_news",
    "cookie_notice",
    "comments",
    "share_tools",
    "links",
    "repeated_chrome",
    "other",
}


def _gold():
    return json.loads(GOLD.read_text(encoding="utf-8")) if GOLD.exists() else []


def _seed_ids():
    return [g["file"] for g in _gold()] or ["<no shared data>"]


def _body_has(text: str, an, raw_line: str) -> bool:
    """raw_line is in the body, possibly minus a stripped leading dateline/outlet prefix."""
    raw_line = raw_line.strip()
    if raw_line in an.body_lines:
        return True
    pieces = {s.text for s in an.boilerplate}
    return any(
        raw_line.endswith(b) and raw_line[: len(raw_line) - len(b)].strip() in pieces
        for b in an.body_lines
        if b
    )


# ----------------------------------------------------------------------------- seed gold
@needs_shared
@pytest.mark.parametrize("name", _seed_ids())
def test_seed_gold(name):
    g = next(x for x in _gold() if x["file"] == name)
    text = (SEEDS / name).read_text(encoding="utf-8")
    an = read_anatomy(text)
    for line in g["body_lines"]:
        assert _body_has(text, an, line), f"gold body line missing: {line[:80]}"
    body = set(an.body_lines)
    for line in g["non_body_lines"]:
        assert line.strip() not in body, f"chrome in body: {line[:80]}"
    assert an.title == g["title"]
    want_pub = datetime.fromisoformat(g["published_at"]) if g["published_at"] else None
    assert an.published_at == want_pub
    assert an.event_date == (date.fromisoformat(g["event_date"]) if g["event_date"] else None)
    assert an.author == g["author"]
    if g["source_site"] is not None:
        assert an.source_site == g["source_site"]
    assert an.locality == g["locality"]
    assert unaccounted_lines(text, an) == []


def test_seeds_present_and_accounted():
    files = sorted(SEEDS.glob("*.txt"))
    assert len(files) >= 5
    for f in files:
        text = f.read_text(encoding="utf-8")
        an = read_anatomy(text)  # stages raise: a bug must surface here
        assert an.body_lines, f.name
        assert unaccounted_lines(text, an) == []
        assert all(s.kind in KINDS for s in an.boilerplate)


@needs_shared
def test_corpus_pages_accounted_and_kinds_known():
    files = sorted((CORPUS / "portals").glob("*.txt")) + sorted((CORPUS / "raw").glob("*.txt"))
    assert len(files) >= 50
    for f in files:
        text = f.read_text(encoding="utf-8")
        an = read_anatomy(text)
        assert unaccounted_lines(text, an) == [], f.name
        assert all(s.kind in KINDS for s in an.boilerplate), f.name


@needs_shared
def test_dev_set_body_f1_floor():
    """The hand-annotated dev set keeps body F1 >= 0.9 (bench/eval_anatomy.py prints the detail)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("eval_anatomy", REPO / "bench" / "eval_anatomy.py")
    ev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ev)
    _seeds, dev, _holdout = ev.load_sets(SHARED)
    (p, r, f1), meta, _ = ev.evaluate(dev, Signals(), frozenset())
    assert f1 >= 0.9, (p, r, f1)
    ok, n = meta["title"]
    assert ok / n >= 0.8


# ----------------------------------------------------------------------------- rule data
def test_rules_yaml_is_well_formed():
    cfg = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
    names = set()
    for r in cfg["line_rules"]:
        assert r["kind"] in KINDS, r
        assert r.get("zone", "anywhere") in {"header", "footer", "anywhere"}, r
        assert r["name"] not in names
        names.add(r["name"])
    assert len(cfg["stopwords"]) > 50


BODY = (
    "Chiều 21/10, Ban Tổ chức Thành ủy tổ chức Hội nghị giao ban chuyên đề công tác tổ chức "
    "xây dựng Đảng tháng 10/2021 với sự tham dự của các đồng chí lãnh đạo."
)
BODY2 = (
    "Qua nghe báo cáo và ý kiến của các đại biểu, đồng chí Trưởng Ban Tổ chức Thành ủy ghi nhận "
    "các địa phương đã quan tâm đến công tác xây dựng đảng trong năm qua."
)


def _kinds(an):
    return {s.text: s.kind for s in an.boilerplate}


@pytest.mark.parametrize(
    "line,kind",
    [
        ("Tin khác", "related_news"),
        ("Tin liên quan", "related_news"),
        ("Các tin bài khác:", "related_news"),
        ("Ý kiến bạn đọc", "comments"),
        ("Gửi bình luận của bạn", "comments"),
        ("Viết bình luận", "comments"),
        ("Liên kết website", "links"),
        ("Chia sẻ bài viết", "share_tools"),
        ("This website uses cookies. See Our policy to learn more.", "cookie_notice"),
        ("Nguồn tin: haiphong.gov.vn", "source_credit"),
        ("Báo Sơn La", "source_credit"),
    ],
)
def test_footer_rules_label_lines(line, kind):
    an = read_anatomy("Tiêu đề bài viết về hội nghị giao ban\n" + BODY + "\n" + BODY2 + "\n" + line)
    assert _kinds(an)[line] == kind
    assert line not in an.body_lines


def test_hard_marker_ends_body_even_before_prose():
    """Everything after a related-news heading is chrome, even sentence-like teaser text."""
    text = "\n".join(
        [BODY, BODY2, "Tin khác", "Một bài khác hoàn toàn nói về một hội nghị khác của thành phố hôm qua."]
    )
    an = read_anatomy(text)
    assert an.body_lines == [BODY, BODY2]
    assert (
        _kinds(an)["Một bài khác hoàn toàn nói về một hội nghị khác của thành phố hôm qua."] == "related_news"
    )


def test_teaser_run_after_byline_is_related_news():
    teasers = [
        "Chiều 22/11, trong khuôn khổ của Diễn đàn Chuyển đổi số thành phố…",
        "Sáng 22/11, UBND thành phố tổ chức Hội nghị tổng kết thực hiện Nghị quyết…",
    ]
    an = read_anatomy("\n".join([BODY, BODY2, "Hoàng Tùng", *teasers]))
    assert an.author == "Hoàng Tùng"
    assert all(_kinds(an)[t] == "related_news" for t in teasers)
    assert an.body_lines == [BODY, BODY2]


def test_caption_between_paragraphs_stays_in_body():
    cap = "Đại biểu phát biểu ý kiến tại Hội nghị"
    an = read_anatomy("\n".join([BODY, cap, BODY2]))
    assert an.body_lines == [BODY, cap, BODY2]


# ----------------------------------------------------------------------------- dates
def test_page_clock_before_title_is_not_published():
    text = "\n".join(
        [
            "Tất cả chuyên mục",
            "Thứ Sáu, 22/11/2024 19:17 (GMT +7)",
            "Phó Bí thư làm việc với Thành ủy về công tác tổ chức",
            "Thứ 4, 14/07/2021 | 18:12:36 [GMT +7] A A",
            BODY,
            BODY2,
        ]
    )
    an = read_anatomy(text)
    assert an.published_at == datetime(2021, 7, 14, 18, 12, 36)
    assert an.title == "Phó Bí thư làm việc với Thành ủy về công tác tổ chức"


def test_today_widget_is_never_published():
    an = read_anatomy(
        "\n".join(["Hôm nay, Thứ ba ngày 22/06/2021", "Tiêu đề của bài viết về đảng viên", BODY, BODY2])
    )
    assert an.published_at is None


@pytest.mark.parametrize(
    "line,want",
    [
        ("Thứ Sáu, ngày 14 tháng 5 năm 2021", datetime(2021, 5, 14)),
        ("Cập nhật lúc 22:26, Thứ Hai, 01/01/2018 (GMT+7)", datetime(2018, 1, 1, 22, 26)),
        ("Thứ Hai, ngày 14/05/2012 05:49 PM (GMT+7)", datetime(2012, 5, 14, 17, 49)),
        ("Thứ Năm, 8/6/2023 14:46'(GMT+7)", datetime(2023, 6, 8, 14, 46)),
        ("21:48 | 28/06/2020", datetime(2020, 6, 28, 21, 48)),
        ("Print Thứ Ba, 03/01/2023 13:00 Gốc", datetime(2023, 1, 3, 13, 0)),
    ],
)
def test_date_line_formats(line, want):
    an = read_anatomy("\n".join(["Tiêu đề bài viết về công tác đảng viên", line, BODY, BODY2]))
    assert an.published_at == want


def test_teaser_dates_after_related_heading_are_ignored():
    an = read_anatomy("\n".join([BODY, BODY2, "Tin khác", "Một tin khác về kỳ họp HĐND", "11/12/2025"]))
    assert an.published_at is None
    assert _kinds(an)["11/12/2025"] == "related_news"


def test_event_date_year_from_body_evidence():
    # a year written once, alone on the page, is evidence; so is the most frequent of several
    assert read_anatomy("\n".join([BODY, BODY2])).event_date == date(2021, 10, 21)
    an = read_anatomy("\n".join(["Hội nghị giao ban công tác tổ chức tháng 10/2021", BODY, BODY2]))
    assert an.event_date == date(2021, 10, 21)
    two_years = BODY2.replace("trong năm qua", "trong năm 2019 và năm 2020")
    assert read_anatomy("\n".join([BODY.replace("tháng 10/2021", "tháng 10"), two_years])).event_date is None


def test_birth_year_is_not_year_evidence():
    text = "\n".join(
        ["Chiều 26/6, ông A (sinh năm 1966) nhận nhiệm vụ mới, ông sinh năm 1966 tại Hà Nội.", BODY2]
    )
    assert read_anatomy(text).event_date is None


def test_event_date_before_publication_month_takes_previous_year():
    an = read_anatomy(
        "\n".join(
            [
                "Tổng kết công tác xây dựng Đảng cuối năm",
                "Thứ Ba, 03/01/2023 13:00",
                "Chiều 28/12, Ban Tổ chức tổ chức hội nghị tổng kết công tác năm.",
                BODY2,
            ]
        )
    )
    assert an.event_date == date(2022, 12, 28)


def test_document_issue_date_is_not_the_event():
    an = read_anatomy(
        "Căn cứ Quy định số 45-QĐ/TW, ngày 01/11/2011 của Ban Chấp hành Trung ương Đảng về thi hành Điều lệ Đảng;\n"
        + BODY2
    )
    assert an.event_date is None


# ----------------------------------------------------------------------------- credits, bylines, title
def test_outlet_prefix_stripped_and_credited():
    line = "(Thanhuytphcm.vn) - Ngày 25/3, Quận ủy Quận 8 tổ chức Hội nghị Tổng kết công tác tổ chức xây dựng Đảng năm 2020."
    text = "\n".join(["Quận 8: Tập trung tham mưu triển khai các Chương trình", line, BODY2])
    an = read_anatomy(text)
    assert an.source_site == "thanhuytphcm.vn"
    assert line[len("(Thanhuytphcm.vn) - ") :] in an.body_lines
    assert unaccounted_lines(text, an) == []


@pytest.mark.parametrize(
    "byline,author",
    [
        ("PHƯƠNG LAN", "PHƯƠNG LAN"),
        ("H.H", "H.H"),
        ("Tin, ảnh: Trung Kiên", "Trung Kiên"),
        ("Tuệ Lâm", "Tuệ Lâm"),
        ("CTV Kim Anh", "Kim Anh"),
    ],
)
def test_bylines(byline, author):
    an = read_anatomy("\n".join([BODY, BODY2, byline]))
    assert an.author == author
    assert byline not in an.body_lines


def test_glued_trailing_byline_is_split_off():
    long_line = BODY2 + " " + BODY + " Tin, ảnh: Trung Kiên (TTXVN)"
    text = "Tiêu đề về Nghị quyết Trung ương 4\n" + long_line
    an = read_anatomy(text)
    assert an.author == "Trung Kiên"
    assert an.body_lines[-1].endswith("lãnh đạo.")
    assert unaccounted_lines(text, an) == []


def test_title_from_qr_code_caption():
    an = read_anatomy(
        "\n".join(
            [
                "Print Thứ Ba, 03/01/2023 13:00 Gốc",
                BODY,
                BODY2,
                "Hoàng Tùng",
                "QR CODE: Tăng cường lãnh đạo công tác phát triển đảng viên",
            ]
        )
    )
    assert an.title == "Tăng cường lãnh đạo công tác phát triển đảng viên"


def test_no_title_when_page_starts_with_prose():
    assert read_anatomy("\n".join([BODY, BODY2])).title is None


# ----------------------------------------------------------------------------- repetition
def test_chrome_key_normalises():
    assert chrome_key("Tin  khác 12") == chrome_key("tin khác 34")
    assert chrome_key("Tỉnh uỷ Quảng Ninh") == chrome_key("Tỉnh ủy Quảng Ninh")
    assert chrome_key("Trang chủ") != chrome_key("Liên hệ")
    assert chrome_key("   ") == "" and chrome_key("x" * 5000) == ""  # never chrome: not counted


def test_repeated_short_line_in_body_is_chrome_but_prose_is_not():
    menu = "Trang chủ Giới thiệu Tin tức"
    text = "\n".join([BODY, menu, BODY2, BODY + " Thêm."])
    assert menu in read_anatomy(text).body_lines  # without the run's evidence
    an = read_anatomy(text, chrome_lines=frozenset({chrome_key(menu), chrome_key(BODY2)}))
    assert menu not in an.body_lines and _kinds(an)[menu] == "repeated_chrome"
    assert BODY2 in an.body_lines  # sentence-like text stays
    assert unaccounted_lines(text, an) == []


def test_repeated_sentence_after_the_article_is_chrome():
    """A recurring sentence (portal disclaimer) does not extend the body past its last own line."""
    disclaimer = "Mọi thông tin phản hồi xin vui lòng gửi về hộp thư của ban biên tập trang này."
    text = "\n".join([BODY, BODY2, disclaimer])
    assert disclaimer in read_anatomy(text).body_lines
    an = read_anatomy(text, chrome_lines=frozenset({chrome_key(disclaimer)}))
    assert an.body_lines == [BODY, BODY2] and _kinds(an)[disclaimer] == "repeated_chrome"


# ----------------------------------------------------------------------------- signals ablation
def test_shape_signal_drops_non_prose_outside_span():
    text = "\n".join(["Tiêu đề bài", BODY, BODY2, "Một dòng lạ"])
    no_shape = read_anatomy(
        text, chrome_lines=frozenset(), signals=Signals(shape=False, position=False, repetition=False)
    )
    assert "Một dòng lạ" in no_shape.body_lines
    full = read_anatomy(text)
    assert "Một dòng lạ" not in full.body_lines


# ----------------------------------------------------------------------------- robustness
@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        " ",
        "\u00a0\n\t",
        "(",
        "Tin khác",
        "a" * 10,
        "Hoàng Tùng\nTin khác\n11/12/2025",
        "((((((((((((((((((((" * 50,
        "\ufeff\u200b",
        "QR CODE: ",
        "1/1/1900\n99/99/2099",
    ],
)
def test_edge_inputs_do_not_raise(text):
    an = read_anatomy(text, chrome_lines=frozenset({chrome_key("Tin khác")}))
    assert unaccounted_lines(text, an) == []


def test_huge_single_line_is_bounded():
    import time

    line = ("Đảng bộ thành phố Hải Phòng tổ chức hội nghị (((( " * 45000)[:2_000_000]
    t0 = time.process_time()
    an = read_anatomy("Tiêu đề\n" + line)
    assert time.process_time() - t0 < 2.0
    assert unaccounted_lines("Tiêu đề\n" + line, an) == []


def test_many_lines_scale_linearly():
    import time

    page = "\n".join([BODY, "Tin khác", "A A", "11/12/2025"] * 500)
    t0 = time.process_time()
    read_anatomy(page)
    small = time.process_time() - t0
    t0 = time.process_time()
    read_anatomy("\n".join([page] * 8))
    big = time.process_time() - t0
    assert big < 8 * small * 3 + 0.5


# ----------------------------------------------------------------------------- listing pages
TEASERS = [
    "Đảng Cộng sản Việt Nam luôn chú trọng phát triển tổ chức đảng và đảng viên trong các doanh nghiệp.",
    "Vượt qua những khó khăn của nền kinh tế, Đảng bộ Saigon Co.op đã có những quyết sách kịp thời.",
    "Số tổ chức cơ sở đảng được thành lập mới trong các đơn vị kinh tế tư nhân của tỉnh tăng nhiều.",
    "Hoạt động của tổ chức đảng trong doanh nghiệp có vốn đầu tư nước ngoài đã góp phần đem lại lợi ích.",
]


def test_stack_of_one_sentence_teasers_is_not_an_article():
    an = read_anatomy("\n".join(TEASERS))
    assert an.body_lines == []
    assert {s.kind for s in an.boilerplate} == {"related_news"}
    assert unaccounted_lines("\n".join(TEASERS), an) == []


def test_short_paragraphs_that_continue_each_other_stay_an_article():
    paras = [TEASERS[0], "Trong đó, " + TEASERS[1][0].lower() + TEASERS[1][1:], TEASERS[2], TEASERS[3]]
    assert read_anatomy("\n".join(paras)).body_lines == paras
    # a headline makes it an article too
    assert (
        read_anatomy("\n".join(["Phát triển đảng trong doanh nghiệp ngoài nhà nước", *TEASERS])).body_lines
        == TEASERS
    )


def test_labelled_date_under_the_article_is_published_but_teaser_dates_are_not():
    an = read_anatomy(
        "\n".join(
            [
                "Tiêu đề bài viết về công tác đảng viên",
                BODY,
                BODY2,
                "Ngày đăng: 10/01/2016",
                "Tin khác",
                "Một tin khác về kỳ họp HĐND",
                "Ngày đăng: 11/12/2025",
            ]
        )
    )
    assert an.published_at == datetime(2016, 1, 10)
    assert (
        read_anatomy(
            "\n".join([BODY, BODY2, "Tin khác", "Một tin khác", "Ngày đăng: 11/12/2025"])
        ).published_at
        is None
    )


def test_headline_recurring_on_other_pages_is_still_the_title():
    """Headlines recur across a run (other pages' related-news lists, syndicated copies)."""
    head = "Chính phủ tuyên chiến với 'tôm bẩn'"
    text = "\n".join(["Thứ Hai, 24/06/2017 | 06:56:37 [GMT +7] A A", head, BODY, BODY2])
    an = read_anatomy(text, chrome_lines=frozenset({chrome_key(head)}))
    assert an.title == head


def test_teaser_shaped_headline_does_not_open_the_body():
    head = "Bị cáo liên tục đòi 'trả não lại cho tôi'..."
    an = read_anatomy("\n".join(["Thứ Tư, ngày 15 tháng 5 năm 2017", head, BODY, BODY2]))
    assert an.title == head and an.body_lines == [BODY, BODY2]


# ----------------------------------------------------------------------------- chrome key, failures
@pytest.mark.parametrize(
    "line", ["Tin khác", "  Hoà  Bình 2021 ", "THỦY lợi\u00a0 12/10", "x" * 200, "x" * 201, " "]
)
def test_chrome_key_is_the_match_key_form(line):
    from tasks.textnorm import match_key

    t = line.strip()
    want = (
        ""
        if not t or len(t) > 200
        else "".join("0" if c.isdecimal() else c for c in " ".join(match_key(t).split()))
    )
    assert chrome_key(line) == want


def test_a_failing_stage_raises():
    # no safety net inside the stage: the batch boundary quarantines the page
    from tasks.anatomy import LineClassifier, default_rules

    def rule_bug(s, strip, shape):
        raise RuntimeError("rule bug")

    broken = LineClassifier(default_rules())
    broken.short_line_info = rule_bug
    with pytest.raises(RuntimeError, match="rule bug"):
        read_anatomy("Tiêu đề\n" + BODY, classifier=broken)
