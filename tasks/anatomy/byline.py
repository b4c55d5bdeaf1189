"""Phase 5 of page anatomy: who wrote it and who published it, from the zones' evidence: the
author (first byline that is not empty once its label is removed) and the source site (first
credited domain)."""

from __future__ import annotations

import re

from .lines import PAREN_TAIL, POST_TAIL

_AUTHOR_LABEL = re.compile(
    r"^(?:post(?:ed)? by|written by|tin|bài|ảnh|thực hiện|tác giả|tin,? ảnh|bài,? ảnh|bài và ảnh|tin và ảnh|theo|ctv|pv|btv|"
    r"ths\.?|ts\.?|pgs\.?,?\s*ts\.?|gs\.?,?\s*ts\.?)\s*:?\s+",
    re.I,
)
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")


def clean_author(s: str) -> str | None:
    """A byline without its label ("Tin, ảnh:", "PV", "ThS.") and agency in parentheses."""
    s = s.strip().strip("-–— ").strip()
    s = _AUTHOR_LABEL.sub("", s).split(" | ", 1)[0]  # "trangtrang | 19/05/2023 | 1337 reads"
    s = PAREN_TAIL.sub("", s).strip().strip(",;:-–— ")
    s = POST_TAIL.sub("", s).strip()
    return s or None


# a credit to a station, office or agency, not a person: "Đài Kim Bảng", "Trung tâm VHTT&TT",
# "VHXH" (a department's initials), "Ban Tuyên giáo Huyện ủy"
_OFFICE = re.compile(
    r"^(?:Đài|Trung tâm|TT|Ban|Phòng|Văn phòng|VP|Cổng|Báo|Sở|UBND|HĐND|Huyện ủy|Huyện uỷ|Thành ủy|"
    r"Thành uỷ|Tỉnh ủy|Tỉnh uỷ|Đảng ủy|Đảng uỷ|Ủy ban|Uỷ ban|Hội|Đoàn|Trường|Công an|Bộ|Cục|Chi cục|"
    r"Tạp chí|Truyền hình|Phát thanh)\b|^[A-ZĐ&]{3,8}$"
)


def is_office_credit(author: str) -> bool:
    # also in title or upper case: "Trung Tâm Văn Hóa", "ĐÀI PHÁT THANH"
    return bool(_OFFICE.match(author) or _OFFICE.match(author[:1] + author[1:].lower()))


_VOWEL = re.compile(r"[aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]", re.I)


def _spelled(author: str) -> bool:
    """A name has a vowel or is initials ("L.H", "TQ"): a cut stub such as "Tr" is neither, nor
    is a lone letter ("L", the page cut after a byline's first letter)."""
    if sum(c.isalpha() for c in author) < 2:
        return False
    return "." in author or author.isupper() or bool(_VOWEL.search(author))


# a photo credit alone ("Ảnh: Viết Thành") names the photographer, not the writer
_PHOTO_ONLY = re.compile(r"^\s*(?:ảnh|photo)\s*:", re.I)


# a person addressed, not credited: "Đ/c Phạm Văn Bé Năm - Phó bí thư … trao quyết định" is a
# photo caption; a writer's byline never carries an address form
_ADDRESS_FORM = re.compile(r"^(?:đ/c|đ\.c|đc\.|đồng chí|ông|bà|anh|chị|cô|thầy)\s", re.I)


# widget and section labels printed alone under a body, where a byline stands ("TRỌN BỘ" of a
# video series, "XEM THÊM"): matched on the whole cleaned byline, case-folded
WIDGET_LABELS = frozenset(
    (
        "trọn bộ",
        "xem trọn bộ",
        "xem thêm",
        "xem tiếp",
        "đọc tiếp",
        "đọc thêm",
        "tin liên quan",
        "bài liên quan",
        "tin cùng chuyên mục",
        "chia sẻ",
        "bình luận",
        "in bài",
        "quay lại",
        "video",
        "clip",
        "podcast",
        "infographic",
        "emagazine",
        "longform",
        "phóng sự ảnh",
    )
)


def author_of(bylines: list[str]) -> str | None:
    for b in bylines:
        if _PHOTO_ONLY.match(b) or _ADDRESS_FORM.match(b.lstrip()):
            continue
        author = clean_author(b)
        # a byline opens with a capital or an initial: a lower-case start of several words is a
        # sentence's tail (one lower-case token is a user name: "Post by: trangtrang")
        if not author or author.casefold() in WIDGET_LABELS:
            continue
        if not author[0].isupper() and " " in author:
            continue
        if not is_office_credit(author) and _spelled(author):
            return author
    return None


def source_site_of(sites: list[str]) -> str | None:
    """The first credited site that is a domain, lower-cased, without "www."."""
    for s in sites:
        s = s.strip().lower().rstrip(".")
        if s.startswith("www."):
            s = s[4:]
        if _DOMAIN.match(s):
            return s
    return None
