"""Phase 5 of page anatomy: who wrote it and who published it, from the zones' evidence: the
author (first byline that is not empty once its label is removed) and the source site (first
credited domain)."""

from __future__ import annotations

import re

from .lines import PAREN_TAIL, POST_TAIL

# the longer labels first: "Tin ảnh: Anh Thư" is "Tin ảnh:" + name, not "Tin" + "ảnh: Anh Thư"
_AUTHOR_LABEL = re.compile(
    r"^(?:post(?:ed)? by|written by|tin,? ảnh|bài,? ảnh|bài và ảnh|tin và ảnh|tin|bài|ảnh|thực hiện|tác giả bài viết|tác giả|theo|ctv|pv|btv|biên tập viên|biên tập|bt|t/h|tổng hợp|"
    r"ths\.?|ts\.?|pgs\.?,?\s*ts\.?|gs\.?,?\s*ts\.?)\s*:?\s+",
    re.I,
)
# a compiled-from mark after the name: "Yến Khanh - TH" (tổng hợp), "(T/h)", "- ST" (sưu tầm)
_COMPILED_TAIL = re.compile(r"\s*[-–—(]\s*(?:TH|T/H|ST|tổng hợp|sưu tầm|tổng hợp, biên tập)\s*\)?\.?$", re.I)
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")


# the outlet credited after the writers: "/DIENBIENTV.VN", " - Theo BaoHatinh.vn"
# (or its initials: "Thu Thảo/THĐT")
_SITE_TAIL = re.compile(r"\s*(?:/|\s[-–]\s+[Tt]heo\s)\s*[\w-]+(?:\.[\w-]+)+\s*$|\s*/\s*[A-ZĐ]{2,8}\s*$")
# the page's other meta fields printed on the byline's line ("Tác giả: - Nguồn: TTXVN - Số lần
# được xem: 38"): the byline ends where they begin (and is empty when they come first)
_META_FIELDS = re.compile(
    r"(?:^|\s[-–|]\s*|\s)(?:nguồn(?: tin)?|source|số lần (?:được )?xem|lượt xem|ngày đăng|đăng lúc|cập nhật)\s*:.*$",
    re.I,
)
_STAMP_FIELD = re.compile(r"[\d/.:\s-]*")
# a name alone in brackets: "(Lê Thắng)"
_BRACKETED = re.compile(r"^\((?P<inner>[^()]{2,60})\)$")


def clean_author(s: str) -> str | None:
    """A byline without its label ("Tin, ảnh:", "PV", "ThS."), agency in parentheses and the
    outlet's domain after it."""
    s = s.strip().strip("-–— ").strip()
    if "." in s or "/" in s:
        s = _SITE_TAIL.sub("", s)
    if s[:1] == "(" and (m := _BRACKETED.match(s)) is not None:
        s = m.group("inner")
    # "trangtrang | 19/05/2023 | 1337 reads", "14/10/2020 | Nguyen Trang": the first field that is no date
    fields = _AUTHOR_LABEL.sub("", s).split(" | ")
    s = next((f for f in fields if not _STAMP_FIELD.fullmatch(f.strip())), "")
    if ":" in s:
        s = _META_FIELDS.sub("", s.strip().lstrip("-–— "))
    s = PAREN_TAIL.sub("", s).strip().strip(",;:-–— ")
    # a column label after the name ("Tác giả: Đức Thiện: Văn hóa"), as signature.name_of reads it
    head, colon, tail = s.partition(": ")
    if colon and len(tail.split()) <= 4 and ":" not in tail and "(" not in head:
        s = head
    s = POST_TAIL.sub("", s).strip()
    if "-" in s or "–" in s or "(" in s or "—" in s:
        s = _COMPILED_TAIL.sub("", s).strip()
    return " ".join(s.split()) or None


# a credit to a station, office or agency, not a person: "Đài Kim Bảng", "Trung tâm VHTT&TT",
# "VHXH" (a department's initials), "Ban Tuyên giáo Huyện ủy"
_OFFICE = re.compile(
    r"^(?:Đài|Trung tâm|TT|Ban|Phòng|Văn phòng|VP|Cổng|Báo|Sở|UBND|HĐND|Huyện ủy|Huyện uỷ|Thành ủy|"
    r"Thành uỷ|Tỉnh ủy|Tỉnh uỷ|Đảng ủy|Đảng uỷ|Ủy ban|Uỷ ban|Hội|Đoàn|Trường|Công an|Bộ|Cục|Chi cục|"
    r"Tạp chí|Truyền hình|Phát thanh)\b|^[A-ZĐ&]{3,8}$"
)


# three capitals are a writer's initials ("TVB") unless they are an office's: these are
_OFFICE_3 = frozenset(
    (
        "BTG",
        "BTC",
        "BDV",
        "UBK",
        "HND",
        "HCB",
        "CCB",
        "BCH",
        "BTV",
        "VTV",
        "VOV",
        "TTX",
        "BQP",
        "ĐTN",
        "VPĐ",
        "TTV",
        "PTH",
        "ĐPT",
        "THT",
        "PTV",
        "BBT",
        "TBT",
        "HLH",
        "MTT",
        "LĐL",
        "CĐN",
        "CĐCS",
        "VKS",
        "TAND",
        "QĐN",
        "ANTV",
    )
)
_INITIALS_3 = re.compile(r"^[A-ZĐ]{3}$")
# "Trường", "Đoàn" open an office ("Trường Tiểu học …", "Đoàn Thanh niên") and are also a name's
# first syllable ("Trường Đức-Văn Vĩnh", two writers): a byline of capitalised syllables only,
# without a school or body word after that first word, is people
_NAME_OR_OFFICE = re.compile(r"^(?:Trường|Đoàn)\s")
_BODY_AFTER = re.compile(
    r"^(?:Tiểu|Trung|THCS|THPT|TH|MN|Mầm|Mẫu|Đại|Cao|Chính|Quân|Dạy|Phổ|Dân|Bồi|Nghề|Sĩ|Cán|Kỹ|Năng|"
    r"Thanh Niên|TN|TNCS|Viên|Công|Kiểm|Giám|Học|PT|Nội|Liên)\b",
    re.I,
)


def _people_not_office(author: str) -> bool:
    rest = author.split(None, 1)[1] if " " in author else ""
    if not rest or _BODY_AFTER.match(rest):
        return False
    words = _name_words(author)
    return 2 <= len(words) <= 8 and all(w[:1].isupper() and w.isalpha() and not w.isupper() for w in words)


_NAME_GAP = re.compile(r"\s*[-–,]\s*|\s+")  # between the syllables and the writers of a byline


def _name_words(author: str) -> list[str]:
    """The words of a byline, dashes and commas between writers dropped ("Minh Thư - Bùi Tiến")."""
    return [w for w in _NAME_GAP.split(author) if w]


def is_office_credit(author: str) -> bool:
    # also in title or upper case: "Trung Tâm Văn Hóa", "ĐÀI PHÁT THANH"
    if _INITIALS_3.match(author):
        return author in _OFFICE_3
    if _NAME_OR_OFFICE.match(author) and _people_not_office(author):
        return False
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


def _name_shaped(author: str) -> bool:
    """Every word of it capitalised, as a Vietnamese name writes each syllable ("Lê Thắng",
    "Minh Thư - Bùi Tiến"); an outlet's name has lower-case words ("Hà Nội mới")."""
    words = _name_words(author)
    return bool(words) and all(w[:1].isupper() for w in words)


def author_of(bylines: list[str]) -> str | None:
    for b in bylines:
        if _PHOTO_ONLY.match(b) or _ADDRESS_FORM.match(b.lstrip()):
            continue
        author = clean_author(b)
        # a reprint credit ("Theo Hà Nội mới") or a bracketed line credits a person only when
        # it is a name; otherwise it is the outlet or an aside
        lead = b.lstrip()[:5].casefold()
        if author and (lead.startswith(("theo ", "(")) and not _name_shaped(author)):
            continue
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
