"""The learned page-kind score (kinds_model.py): its scorer, its features, and the page kinds
the rules added beside it (a notice's closing formula, a schedule's day headings, a mobile wiki's
glued edit links) — each with a page it must catch and an article it must leave alone."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tasks.anatomy import core, read_anatomy
from tasks.anatomy.kinds_model import FEATURES, MODEL_MIN_LINES, Z_CLAMP, KindModel, kind_model, page_features

LEAD = (
    "Sáng 21/10, Ban Thường vụ Huyện ủy tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2024, "
    "triển khai nhiệm vụ trọng tâm năm 2025 với sự tham dự của các đồng chí lãnh đạo huyện."
)
PARA = (
    "Tại hội nghị, các đại biểu đã thảo luận và thống nhất nhiều giải pháp nâng cao chất lượng sinh hoạt "
    "chi bộ, công tác phát triển đảng viên mới trong thời gian tới tại các cơ sở đảng trực thuộc."
)
ARTICLE = "\n\n".join(["Huyện ủy tổng kết công tác xây dựng Đảng năm 2024", LEAD, *[PARA] * 5, "Minh Anh"])
HOWTO = "\n".join(
    [
        "Hướng dẫn tổ chức Lễ kết nạp đảng viên mới",
        "Nội dung chương trình lễ kết nạp:",
        "– Chào cờ (hát Quốc ca, Quốc tế ca); tuyên bố lý do, giới thiệu đại biểu về dự buổi lễ;",
        "– Bí thư chi bộ đọc quyết định kết nạp đảng viên của cấp ủy có thẩm quyền trước chi bộ;",
        "– Đảng viên mới đọc lời tuyên thệ trước cờ Đảng, toàn thể đảng viên đứng nghiêm lắng nghe;",
        "– Đại diện chi ủy nói rõ nhiệm vụ, quyền hạn của người đảng viên, nhiệm vụ của chi bộ;",
        "– Đại diện Đảng ủy cấp trên phát biểu ý kiến (nếu có) và giao nhiệm vụ cho đảng viên mới;",
        "– Bế mạc (hát Quốc ca, Quốc tế ca), chi bộ chụp ảnh lưu niệm cùng đảng viên mới.",
        "Trang trí lễ kết nạp:",
        "– Cờ Đảng, cờ Tổ quốc, tượng hoặc ảnh Chủ tịch Hồ Chí Minh đặt ở bên trái sân khấu;",
        "– Khẩu hiệu trên cùng: ĐẢNG CỘNG SẢN VIỆT NAM QUANG VINH MUÔN NĂM, chữ màu vàng trên nền đỏ;",
        "– Dưới khẩu hiệu là tiêu đề: LỄ KẾT NẠP ĐẢNG VIÊN MỚI, ghi rõ tên chi bộ tổ chức.",
    ]
)


def features_of(text: str, monkeypatch) -> dict[str, float]:
    """The features page_kind sees when read_anatomy reads text."""
    seen: dict = {}
    original = core.page_kind

    def capture(page, labels, title, text=""):
        seen.update(page_features(page, labels, title))
        return original(page, labels, title, text)

    monkeypatch.setattr(core, "page_kind", capture)
    read_anatomy(text)
    return seen


# ---------------------------------------------------------------- the scorer
ROOT = Path(__file__).resolve().parents[2]

TOY = {
    "features": ["a", "b"],
    "weights": [
        {"name": "a", "weight": 2.0, "mean": 1.0, "scale": 0.5},
        {"name": "b", "weight": -1.0, "mean": 0.0, "scale": 0.0},  # a constant feature: scale 1
    ],
    "bias": -0.5,
    "threshold": 0.8,
}


def test_score_is_the_logistic_of_the_standardised_weighted_sum():
    model = KindModel.from_dict(TOY)
    z = -0.5 + 2.0 * (2.0 - 1.0) / 0.5 - 1.0 * (1.0 - 0.0) / 1.0
    assert model.score({"a": 2.0, "b": 1.0}) == pytest.approx(1 / (1 + math.exp(-z)))
    assert model.score({"a": 1.0, "b": 0.0}) == pytest.approx(1 / (1 + math.exp(0.5)))
    # far outside the training pages a feature counts as Z_CLAMP deviations, no more (no overflow)
    assert model.score({"a": -1e6, "b": 0.0}) == pytest.approx(1 / (1 + math.exp(0.5 + 2.0 * Z_CLAMP)))
    assert model.score({"a": 1e6, "b": 0.0}) == model.score({"a": 1.0 + Z_CLAMP * 0.5, "b": 0.0})


def test_one_article_repeated_over_a_huge_page_is_still_an_article():
    """A 50 MB file of one article printed again and again (the bad-input battery) has far more
    lines than any training page; the line count alone must not make it a listing."""
    seed = (ROOT / "seeds" / "001_bbf5b1585e0ecabd.txt").read_text(encoding="utf-8")
    anatomy = read_anatomy((seed + "\n") * 300)
    assert anatomy.page_kind == "article", anatomy.kind_detail


def test_explain_names_the_features_that_pushed_the_score_up():
    why = KindModel.from_dict(TOY).explain({"a": 3.0, "b": -2.0})
    assert why.startswith("p=1.00 ≥ 0.80")
    assert "a=3.00" in why and "b=-2.00" in why
    assert "b=" not in KindModel.from_dict(TOY).explain({"a": 3.0, "b": 2.0})  # b pulled it down


def test_shipped_model_scores_every_feature():
    model = kind_model()
    assert model is not None and model.names == FEATURES
    assert 0.5 < model.threshold < 1
    assert all(s > 0 for s in model.scales)


# ---------------------------------------------------------------- the features
def test_features_of_an_article(monkeypatch):
    f = features_of(ARTICLE, monkeypatch)
    assert set(f) == set(FEATURES)
    assert f["lead_dated"] == 1.0 and f["lead_is_para"] == 1.0 and f["has_title"] == 1.0
    assert f["log_paras"] == pytest.approx(math.log1p(6))
    assert f["list_share"] == 0.0
    assert 0 < f["body_char_share"] <= 1


def test_features_of_a_list_page(monkeypatch):
    f = features_of(HOWTO, monkeypatch)
    # 9 dashed items, the first read with its dash as a stripped lead prefix
    assert f["list_share"] == pytest.approx(8 / 12)
    assert f["lead_dated"] == 0.0 and f["lead_is_para"] == 0.0


def test_dated_short_lines_and_repeated_headlines_are_counted(monkeypatch):
    teasers = [f"Tin {k}: hội nghị tổng kết công tác Đảng năm nay 2{k}/10/2024" for k in range(4)]
    f = features_of("\n".join([*teasers, teasers[0], LEAD]), monkeypatch)
    assert f["dated_share"] == pytest.approx(5 / 6)
    assert f["dup_titlelike"] == 1.0


# ---------------------------------------------------------------- the model's verdict
def test_a_list_page_is_listing_like_and_an_article_is_not():
    assert read_anatomy(HOWTO).page_kind == "listing-like"
    assert "list_share" in read_anatomy(HOWTO).kind_detail
    assert read_anatomy(ARTICLE).page_kind == "article"


def test_short_pages_are_left_to_the_rules():
    short = "\n".join(HOWTO.split("\n")[: MODEL_MIN_LINES - 1])
    assert read_anatomy(short).page_kind == "article"


# ---------------------------------------------------------------- rules beside the model
def test_notice_closing_formula_makes_a_document():
    notice = (
        "Theo Lịch tiếp công dân, ngày 17/12/2024 Chủ tịch UBND tỉnh chủ trì tiếp công dân định kỳ; do có "
        "chương trình công tác đột xuất, việc tiếp công dân tháng 12/2024 không thể diễn ra theo kế hoạch.\n"
        "Văn phòng UBND tỉnh thông báo để các cơ quan, tổ chức và công dân biết và mong được thông cảm."
    )
    assert read_anatomy(notice).page_kind == "document"


def test_a_report_quoting_a_notice_early_stays_an_article():
    quoted = "\n\n".join(
        [
            "Huyện hoãn phiên tiếp công dân tháng 12",
            "Sáng 17/12, UBND huyện thông báo cho các cơ quan, tổ chức và công dân biết về việc hoãn phiên "
            "tiếp công dân định kỳ vì chương trình công tác đột xuất của lãnh đạo huyện.",
            PARA,
            PARA,
            PARA,
        ]
    )
    assert read_anatomy(quoted).page_kind == "article"


def test_day_headings_make_a_schedule():
    week = ["Lịch làm việc tuần 21 của Thường trực HĐND tỉnh"]
    for day in ("Thứ hai", "THỨ BA, NGÀY 22/5:", "Thứ 4 (23/5)"):
        week += [day, "- Thường trực HĐND tỉnh dự họp Ban Thường vụ Huyện ủy Châu Thành (cả ngày)."]
    assert read_anatomy("\n".join(week)).page_kind == "schedule"
    one = ["Lịch làm việc thứ 3", "THỨ BA, NGÀY 28/5:", "- Chủ tịch: 7 giờ 30’, làm việc tại cơ quan."]
    assert read_anatomy("\n".join(one)).page_kind == "schedule"


def test_one_day_heading_in_an_article_is_not_a_schedule():
    text = "\n\n".join(["Hội nghị Ban Chấp hành Đảng bộ huyện", LEAD, "Thứ ba", PARA, PARA])
    assert read_anatomy(text).page_kind == "article"


def test_headings_glued_to_a_wiki_edit_link_make_a_reference():
    text = "\n".join(
        [
            "Các hình thức kỷ luật của Đảng Cộng sản Việt Nam",
            "Theo điều lệ Đảng Cộng sản Việt Nam, tùy theo từng đối tượng mà có các hình thức kỷ luật khác nhau.",
            "Kỷ luật tổ chức ĐảngSửa đổi",
            "Kỷ luật Đảng viên chính thứcSửa đổi",
            "Khiển trách, cảnh cáo, cách chức, khai trừ.",
        ]
    )
    assert read_anatomy(text).page_kind == "reference"
    assert read_anatomy("\n\n".join(["Quốc hội thông qua luật sửa đổi", LEAD, PARA])).page_kind == "article"
