"""The byline the line rules did not label: a person's name written alone at the top (between
the headline and the lead, "Nguyễn Hiền", "NGUYÊN ĐOAN |", "Hà An 14:36 01/03/2026") or at the
bottom (right after the last paragraph, "Q.Như-N.Phương", "Ngọc Hà - Đặng Dũng", "Bội Phương -
VPHU Quảng Điền", "Tác giả: Kien Le Viet"), or a name line with a post line under it ("Lương Hải
Sinh" / "Bí thư Đảng ủy-Chủ tịch HĐQT NHPT").

The signal is the name's shape, read word by word: two to four capitalised Vietnamese syllables
(or initials "Q.Như", "Đ.LAM", "L.H"), one or more names joined by a dash, comma or "và"; an
office after a dash ("- VPHU Quảng Điền", "- Bí thư Chi bộ …") is dropped. Only the few lines
next to the body are read."""

from __future__ import annotations

import re

from .byline import WIDGET_LABELS, is_office_credit
from .labels import Labels
from .lines import POST_TAIL, PageLines

# a label before the name: "Tác giả:", "Reported by", "Thực hiện:", "By"
_LABEL = re.compile(
    r"^(?:tác giả|người viết|thực hiện|nhóm phóng viên|phóng viên|reported by|written by|by|author)\s*:?\s+",
    re.I,
)
# what follows the name in the same line: ", Translated by …", a date, a "|", a glued "TAG:"
_AFTER = re.compile(r"\s*(?:[,;|(]|\s(?:\d|translated|photo|ảnh)).*$|(?:TAG|Tags?|Từ khóa)\s*:?\s*$", re.I)
# a dash with or without blanks around it ("Ngọc Hà - Đặng Dũng", "Q.Như-N.Phương", "Quý Trường-
# Huyện đoàn"), a comma, "và"
_JOIN = re.compile(r"\s*(?:\s[-–—]\s|[-–—](?=\s)|[-–—,](?=\S)|,\s|\svà\s)\s*")
_INITIALS = re.compile(r"^(?:[A-ZĐ]\.){1,3}\s?[A-ZĐ][^\W\d_]*$|^[A-ZĐ]\.[A-ZĐ]$")
# one Vietnamese syllable, lower-cased: an onset, a vowel nucleus, a coda (no other shape is a
# name syllable: "android", "apk", "copy" are not)
_VOWELS = "aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_SYLLABLE = re.compile(
    rf"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[{_VOWELS}]{{1,3}}(?:ch|ng|nh|[cmnpt])?$"
)
# capitalised runs that are labels or categories, not names ("Tin Liên Quan", "Thời Sự")
_NOT_NAME = (
    "trang chủ",
    "tin tức",
    "liên hệ",
    "chia sẻ",
    "quay lại",
    "in bài",
    "liên quan",
    "xem thêm",
    "bình luận",
    "đăng nhập",
    "tìm kiếm",
    "tiếng việt",
    "từ khóa",
    "tin khác",
    "bài viết",
    "lượt xem",
    "thời sự",
    "xã hội",
    "kinh tế",
    "chính trị",
    "văn hóa",
    "văn hoá",
    "thể thao",
    "giáo dục",
    "pháp luật",
    "quốc phòng",
    "an ninh",
    "xây dựng đảng",
    "sự kiện",
    "hình ảnh",
    # weekdays of a date line, headings of documents and sections ("THÔNG BÁO", "TÀI LIỆU")
    "thứ hai",
    "thứ ba",
    "thứ tư",
    "thứ năm",
    "thứ sáu",
    "thứ bảy",
    "chủ nhật",
    "thông báo",
    "tài liệu",
    "văn bản",
    "kết luận",
    "quyết định",
    "nghị quyết",
    "chỉ thị",
    "kế hoạch",
    "hướng dẫn",
    "liên kết",
    "tin bài",
    "mục lục",
    "phụ lục",
)
# a post line under a name: "Bí thư Đảng ủy-Chủ tịch HĐQT NHPT"
_POST_LINE = re.compile(
    r"^(?:Bí thư|Phó|Chủ tịch|Trưởng|Giám đốc|Tổng|Ủy viên|Uỷ viên|Chủ nhiệm|Thường trực|Cán bộ|"
    r"Chuyên viên|Đảng viên)\b"
)
_MAX_LEN = 80
# a source credit naming a person with a post: "Nguồn tin: Bùi Trinh - Cán bộ Huyện đoàn:" (an
# outlet credited so, "Nguồn tin: Báo Quảng Ninh điện tử", has no post after a dash)
_SOURCE_LABEL = re.compile(r"^nguồn(?: tin)?\s*:\s*", re.I)


def _is_name(s: str) -> bool:
    words = s.split()
    if len(words) == 1:
        return bool(_INITIALS.match(s)) or (s.isupper() and len(s) >= 4 and "." in s)
    if not 2 <= len(words) <= 4:
        return False
    for w in words:
        if _INITIALS.match(w):
            continue
        if not (w[:1].isupper() and w.isalpha() and _SYLLABLE.match(w.lower())):
            return False
    low = s.lower()
    return not any(label in low for label in _NOT_NAME)


def name_of(line: str) -> str | None:
    """The byline a line is, as written without label, office or trailing matter; or None."""
    s = line.strip().strip("|").strip()
    if not s or len(s) > _MAX_LEN:
        return None
    labelled = _LABEL.match(s)
    if labelled:
        s = s[labelled.end() :]
        # a column label after the name: "Tác giả: Đức Thiện: Văn hóa"
        head, colon, tail = s.partition(": ")
        if colon and len(tail.split()) <= 4 and ":" not in tail:
            s = head
    post = POST_TAIL.search(s)
    if post and post.start() > 0:
        s = s[: post.start()]
    s = _AFTER.sub("", s).strip(" -–—")
    if s.endswith(".") and not s.endswith("..") and len(s) > 2 and s[-2] != " ":
        # a signature closed with a full stop ("Quang Minh."); the name's shape decides below
        # (an initial's dot, "Đ.LAM", stays inside)
        s = s[:-1]
    if not s or s[-1] in ".?!:":
        return None
    parts = [p for p in _JOIN.split(s) if p]
    if not parts or not _is_name(parts[0]):
        return None
    # names joined together are one byline; an office after a dash ends it
    keep = 1
    while keep < len(parts) and _is_name(parts[keep]):
        keep += 1
    if keep == len(parts):
        return s
    return parts[0] if keep == 1 else None


def credited_person(line: str) -> str | None:
    """The person a "Nguồn tin:" credit names with their post, or None."""
    m = _SOURCE_LABEL.match(line)
    if m is None:
        return None
    rest = line[m.end() :].strip().rstrip(":").strip()
    post = POST_TAIL.search(rest)
    return name_of(rest[: post.start()]) if post and post.start() > 0 else None


def _body_rows(labels: Labels) -> list[int]:
    return [k for k, kind in enumerate(labels.kinds) if kind == ""]


_TRAILER_ENDS = frozenset(("related_news", "comments", "links", "cookie_notice"))


def _ends_article(page: PageLines, labels: Labels, k: int) -> bool:
    """A related-news heading, comments, links: what follows is another page's matter."""
    r = page.lines[k].info.rule_f
    return bool(r and r[0].ends_body) or labels.kinds[k] in _TRAILER_ENDS


# initials glued after the last sentence of the last paragraph: "… vận động quần chúng. Đ.LAM"
_GLUED = re.compile(r"[.!?…”\"]\s+(?P<name>(?:[A-ZĐ]\.){1,3}\s?[A-ZĐ][^\W\d_]*)\s*$")


# a CMS's error notice that closes a page cut short ("The website encountered an unexpected
# error. Please try again later."): the line above it is the page's last own line
_CMS_ERROR = re.compile(
    r"^(?:the website encountered an unexpected error|an error occurred|đã (?:xảy ra|có) lỗi|"
    r"error\b|lỗi\b|please try again later)",
    re.I,
)


def _is_cms_error(text: str) -> bool:
    return len(text) < 120 and _CMS_ERROR.match(text) is not None


def _with_post(page: PageLines, k: int) -> str | None:
    """A name line with a post line right under it."""
    lines = page.lines
    if k + 1 >= len(lines):
        return None
    nxt = lines[k + 1].info.text
    if len(nxt) > 120 or nxt[-1:] in ".;" or not _POST_LINE.match(nxt):
        return None
    return name_of(lines[k].info.text)


def author_from_lines(page: PageLines, labels: Labels, title: str | None) -> str | None:
    name = _name_beside_body(page, labels, title)
    return None if name is None or is_office_credit(name) or name.casefold() in WIDGET_LABELS else name


def _name_beside_body(page: PageLines, labels: Labels, title: str | None) -> str | None:
    """The byline beside the body: a header line after the headline, a line right after the
    last paragraph (or the last body line itself, when chrome follows it), or a name line with
    a post line under it among the first body lines."""
    body = _body_rows(labels)
    if not body:
        return None
    first, last = body[0], body[-1]
    lines, kinds = page.lines, labels.kinds
    at = next((k for k in range(first) if lines[k].info.text == title), None) if title else None
    if at is not None:
        title_cf = title.casefold() if title else ""
        for k in range(at + 1, first):
            if title_cf and lines[k].info.text.casefold() in title_cf:
                continue  # a piece of the headline printed again (broken over lines): no byline
            if kinds[k] in ("header", "dateline") and (name := name_of(lines[k].info.text)):
                return name
    for k in body[1:4]:
        if name := _with_post(page, k):
            return name
    for k in body[1:]:
        closes = k + 1 >= len(lines) or kinds[k + 1] != "" or _is_cms_error(lines[k + 1].info.text)
        if closes and not lines[k].info.prose and (name := name_of(lines[k].info.text)):
            return name
    for k in range(last + 1, min(last + 3, len(lines))):
        if _ends_article(page, labels, k):
            break
        if name := name_of(lines[k].info.text) or credited_person(lines[k].info.text):
            return name
    glued = _GLUED.search(lines[last].info.text[-40:])
    return glued.group("name") if glued else None
