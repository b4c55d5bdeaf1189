"""Session 9: teasers whose sapos each open with the outlet's mark under their own headline are a
list; an article whose sapo (marked) is printed again as its body's lead stays an article."""

from __future__ import annotations

from test_kinds_documents3 import kind  # page kind and its evidence of the joined lines

SAPO_A = (
    "TTXL – Sáng 14/5, Hội Nông dân huyện tổ chức hội nghị sơ kết công tác hội và phong trào nông dân "
    "6 tháng đầu năm, bàn giải pháp thực hiện các chỉ tiêu thi đua trong những tháng cuối năm nay"
)
SAPO_B = (
    "TTXL – Phát huy truyền thống 95 năm xây dựng và trưởng thành, thế hệ trẻ hôm nay ý thức rõ trách "
    "nhiệm trong việc gìn giữ và phát huy những giá trị tốt đẹp mà các thế hệ đi trước để lại"
)
PARA = (
    "Tại hội nghị, các đại biểu đã thảo luận và thống nhất nhiều giải pháp nâng cao chất lượng sinh hoạt "
    "chi hội, công tác phát triển hội viên mới trong thời gian tới tại các cơ sở hội trực thuộc."
)


def test_marked_sapos_under_their_own_headlines_are_a_list():
    k, detail = kind(
        "Tháng Năm 15, 2024",
        "Hội Nông dân huyện sơ kết công tác 6 tháng đầu năm",
        SAPO_A,
        "Tuổi trẻ phát huy truyền thống quê hương",
        SAPO_B,
    )
    assert k == "listing" and "outlet's mark" in detail
    # one story: its marked sapo printed again as the body's lead, then its body
    k, _ = kind("Hội Nông dân huyện sơ kết công tác 6 tháng đầu năm", SAPO_A, SAPO_A + ". " + PARA, PARA)
    assert k == "article"
