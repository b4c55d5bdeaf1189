"""Page kinds: is this page one news article, or a listing / tag / search / home page, a poem, a
document? Non-articles are quarantined (`not_article`, the kind and its evidence in `detail`);
the chrome scan still reads them, so their lines count toward their host's chrome.

Two kinds of evidence, each general rather than one portal's:
- the page's address (URL when the input tells it, else the stored path): tag, search,
  category, pager, home-page, date-archive and forum-thread shapes (`url_kind`; a pager
  parameter on an article's own address, the list the reader came from, does not count);
- the page's shape once its anatomy is read (`shape_kind`): a stack of teasers with no body
  paragraph, listing furniture (search/tag headers, pagers, "Đọc tiếp" links, headlines printed
  twice or glued to their dates), a lone teaser (headline + one short undated paragraph and
  nothing else: kinds_shapes.teaser_stub), teasers' leads dated newest first or each under its
  own headline or opening with the outlet's mark under it (kinds_shapes.dated_leads,
  headline_sapos, marked_sapos), teasers' meta fields left with a dropped field's separator
  (dangling_fields), verse lines and no prose (a poem),
  numbered clauses, document-viewer furniture, a document's own opening before any lead
  (kinds_shapes.document_opening) or a table of terms (a document). An article with a
  related-news list keeps its body: listing evidence counts only when the body holds no more than `max_body_paras` real paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from . import kinds_shapes as shapes
from .kinds_model import MODEL_MIN_LINES, kind_model, page_features
from .labels import Labels
from .lines import PageLines

ARTICLE = "article"
# the kind the learned score names: a page shaped like a listing or a stub, not one article
MODEL_KIND = "listing-like"

# path shapes of pages that list articles (checked on the URL path+query, or the stored path)
_LISTING_PATH = (
    (
        "tag",
        re.compile(
            r"/(?:tags?|tu-khoa|chu-de|keywords?)/|[-/]tag\d+(?:[./]|$)"
            # "…-2845/tag.html", "…-dang-de-ptag.html", "/tag-22562.html": a tag page named by its file
            r"|[-/]p?tags?(?:-\d+)?\.html?$",
            re.I,
        ),
    ),
    (
        "search",
        re.compile(r"/(?:tim-kiem|timkiem|search|s)(?:/|\?|$)|[?&](?:q|s|keyword|key|query|tukhoa)=", re.I),
    ),
    (
        "category",
        re.compile(
            r"/(?:chuyen-muc|danh-muc|category|categories|channel|c|cat|section|chuyenmuc)/(?:\d+/)?[^/]*/?(?:\d+/?)?$"
            r"|/chuyen-muc-[^/]*$"
            # a news list's own folder: "/danh-sach-tin/categoryid/…", "/archives/viewcat/…"
            r"|/(?:danh-sach(?:-tin(?:-tuc)?|-bai-viet)?|danhsach|categoryid|viewcat)/",
            re.I,
        ),
    ),
    # a portal's (sub-)site home page: "/web/xa-tuong-giang/trang-chu"
    ("home", re.compile(r"/trang-chu/?$", re.I)),
    (
        "listing",
        re.compile(r"/(?:trang|page)[-/]\d+(?:\.html?)?/?$|/currentpage/\d+", re.I),
    ),
)
# a pager's parameter in the query: "?page=3", "?start=348" (Joomla), "?pagenumber=79",
# "…_cur=30" / "…_delta=10" (a Liferay list portlet's page and page size)
_PAGER_QUERY = re.compile(
    r"(?:^|&)(?:page|trang|pageindex|currentpage|pagenumber|pagenum|pageno|start|[\w]*_(?:cur|delta))=\d+",
    re.I,
)
# "?p=4" pages a section; on the site's root it is a WordPress post's id ("/?p=970")
_PAGE_P_QUERY = re.compile(r"(?:^|&)p=\d{1,3}(?:&|$)")
# the last path segment of an article: a long slug (six words or more) or a numeric id. A pager
# parameter left on such an address ("…/Lanh-dao-huyen-dat-vong-hoa…?PageIndex=23", the list the
# reader came from) does not make the article a list.
_ARTICLE_SEGMENT = re.compile(r"\d{4,}|(?:[^\W_]+-){5,}[^\W_]")
# address shapes known only on a full URL (a stored path's file name says nothing of them):
_URL_PATH = (
    # a site's home page under its language or its portal: "/vi-VN", "/en/", "/web/tx-tu-son",
    # "/Pages/home.aspx", "/index.html"
    (
        "home",
        re.compile(
            r"^/(?:vi|vn|en|vi-vn|en-us|en-gb)/?$|^/web/[^/]+/?$"
            r"|^(?:/[^/]+)?/(?:home|default|index|trang-chu|trangchu)\.(?:aspx?|html?|php|jsp)$",
            re.I,
        ),
    ),
    # a date archive: "/2021/10/28/", "/2021/10/"
    ("listing", re.compile(r"^/(?:19|20)\d\d/\d{1,2}(?:/\d{1,2})?/?$")),
    # a numbered list page named by its file: "/Cao+Bằng-p21.html"
    ("listing", re.compile(r"-p\d{1,3}\.html?$", re.I)),
    # a forum thread (XenForo "/threads/slug.31554", phpBB, vBulletin): posts, not one article
    ("forum", re.compile(r"/threads?/[^/]+\.\d+/?$|/(?:showthread|viewtopic)\.php$", re.I)),
)
# a folder-like address ("/chinh-tri-xa-hoi/van-de-su-kien/"): short section slugs, no id
_SECTION_SEGMENT = re.compile(r"^[a-z]+(?:-[a-z]+){0,4}$")
# an article's own file under a category letter: baomoi's "/…-uy-vien/c/4325676.epi"
_ID_FILE = re.compile(r"/\d{4,}\.[a-z]{2,5}$", re.I)


# listing furniture, matched on the case-folded line
_LISTING_LINE = re.compile(
    r"^(?:kết quả tìm kiếm|tìm kiếm\s*:|search results?|tags?\s*:|từ kh(?:óa|oá)\s*:?\s*$|chuyên mục\s*:"
    r"|xem thêm\s*(?:»|>|\.\.\.)?$"
    r"|(?:trang\s*:?\s*)?\d{1,3}(?:(?:\s+|\s*[|/·-]\s*)\d{1,3}){2,}\s*(?:»|>|›|sau|tiếp|next|cuối|\.\.\.)?\s*$"
    r"|(?:«|‹|<)?\s*(?:trang )?(?:đầu|trước|sau|cuối)\s*(?:»|›|>)?$)"
)
# a headline glued to its date/time in a list: "… nhiệm kỳ mới 28/10/2020 16:51"
_GLUED_DATE = re.compile(
    r"\S\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s+\d{1,2}:\d{2})?\s*$|\s\d{1,2}:\d{2}\s+\d{1,2}/\d{1,2}/\d{4}\s*$"
)
# a teaser's "read more" link: after an article's own text it never appears
_READ_MORE = re.compile(
    r"^(?:đọc tiếp|xem tiếp|chi tiết|xem chi tiết|read more|continue reading)\s*(?:»|>|›|\.\.\.|…)?$"
)
# a theme's teaser meta glued inside a line: "… tỉnh bởi Linh 15 Tháng 9, 2025 Đại hội …"
_TEASER_META = re.compile(
    r"\sbởi\s+[A-ZĐ]\S*(?:\s+[A-ZĐ]\S*){0,3}\s+\d{1,2}\s+[Tt]háng\s+\d{1,2},?\s+\d{4}\s+\S"
)
# "Điều 20.", "Bước 1:", and a chapter heading alone on its line ("Chương V")
_NUMBERED_CLAUSE = re.compile(
    r"^(?:điều|chương|mục|phần thứ|step|bước|article|chapter)\s+(?:\d+|[ivxlc]+|[a-zà-ỹ]+)\s*[.:)-]"
    r"|^(?:điều|chương|phần|chapter)\s+(?:\d+|[ivxlc]+)\s*$",
    re.I,
)
_DOC_VIEWER = re.compile(
    r"^(?:trang \d+|tải xuống|tải về|download|số trang\s*:?\s*\d+|dung lượng\b|định dạng\b"
    r"|đang tải\b|xem toàn văn|thông tin tài liệu)",
    re.I,
)


@dataclass(frozen=True)
class PageKind:
    kind: str  # article, listing, tag, search, category, home, forum, poem, document, ...
    detail: str  # the evidence, for the quarantine row

    @property
    def is_article(self) -> bool:
        return self.kind == ARTICLE


AN_ARTICLE = PageKind(ARTICLE, "")


def url_kind(address: str | None) -> PageKind | None:
    """The kind an address shows (a URL, or a stored path such as "host/tag/x/index.html"), or
    None when it shows nothing."""
    if not address:
        return None
    if "://" not in address:
        where = "/" + address.replace("\\", "/").lstrip("/")
        return _path_kind(where)
    parts = urlsplit(address)
    path = parts.path or "/"
    segments = [s for s in path.split("/") if s]
    if not segments and not parts.query:
        return PageKind("home", f"home page: {address}")
    found = _path_kind(path + ("?" + parts.query if parts.query else ""))
    if found is not None:
        return found
    if not parts.query:
        for kind, rx in _URL_PATH:
            m = rx.search(path)
            if m:
                return PageKind(kind, f"{kind}: address {m.group(0).strip('/')!r}")
        if path.endswith("/") and all(_SECTION_SEGMENT.match(s) for s in segments):
            return PageKind("category", f"category: section address {path!r}")
    return _pager_kind(segments, parts.query)


def _path_kind(where: str) -> PageKind | None:
    for kind, rx in _LISTING_PATH:
        m = rx.search(where)
        if m and not (kind == "category" and _ID_FILE.search(where)):
            return PageKind(kind, f"{kind}: address {m.group(0).strip('/?&')!r}")
    return None


def _pager_kind(segments: list[str], query: str) -> PageKind | None:
    """A list page named by a pager parameter, unless the path names an article."""
    if not query or (segments and _ARTICLE_SEGMENT.search(segments[-1])):
        return None
    m = _PAGER_QUERY.search(query) or (_PAGE_P_QUERY.search(query) if segments else None)
    return PageKind("listing", f"listing: pager {m.group(0).strip('&')!r}") if m else None


def _is_verse(text: str, nw: int) -> bool:
    return 4 <= nw <= 10 and len(text) <= 60 and not any(c.isdigit() for c in text)


def shape_kind(
    page: PageLines, labels: Labels, title: str | None, max_body_paras: int = 2, trailing_blanks: int = 0
) -> PageKind:
    """The page's kind from its shape (AN_ARTICLE unless the evidence says otherwise)."""
    lines = page.lines
    numbered = [
        (k, pl.info)
        for k, pl in enumerate(lines)
        if labels.kinds[k] == "" and pl.info.prose and pl.info.nw >= 20
    ]
    paras = [info for _, info in numbered]
    body_paras = sum(1 for info in paras if info.strong and not info.teaser)
    all_keys = [pl.info.key_cf for pl in lines]
    document = shapes.document_evidence(all_keys, title, labels.body)
    if document is not None:
        return PageKind(document.split(":", 1)[0], document)
    opening = shapes.document_opening(lines, labels.kinds) or shapes.glued_header(lines)
    if opening is not None:
        return PageKind("document", opening)
    stack = shapes.sapo_stack(title, labels.body) or shapes.pipe_teasers(lines, labels.kinds)
    if stack is not None:
        return PageKind("listing", stack)
    strong = [(k, info.key_cf) for k, info in numbered if info.strong]
    para_lines = [k for k, _ in strong]
    stack = (
        shapes.dated_leads(strong)
        or shapes.headline_sapos(lines, para_lines)
        or shapes.marked_sapos(lines, para_lines)
        or shapes.dangling_fields(lines)
    )
    if stack is not None:
        return PageKind("listing", stack)
    blog = shapes.blog_intro(all_keys)
    if blog is not None:
        return PageKind("howto", blog)
    snippet = shapes.search_snippet(lines)
    if snippet is not None:
        return PageKind("listing", snippet)
    # furniture lines are short: longer lines (paragraphs) are not tried against these patterns
    keys = [key for key in all_keys if len(key) <= 160]
    clauses = sum(1 for key in keys if _NUMBERED_CLAUSE.match(key))
    viewer = sum(1 for key in keys if _DOC_VIEWER.match(key))
    if viewer >= 3:
        return PageKind("document", f"document: {viewer} document-viewer lines")
    if clauses >= 3 and body_paras <= 3 * clauses:
        return PageKind("document", f"document: {clauses} numbered clauses/steps")
    if body_paras > max_body_paras:  # an article's body: listing and verse evidence cannot weigh
        return AN_ARTICLE
    attached = shapes.attached_file(keys)
    if attached is not None:
        return PageKind("document", f"document: a stub around the file {attached[-40:]!r}")
    terms = shapes.term_table(lines)
    if terms is not None:
        return PageKind("document", terms)
    if not any(pl.info.prose and pl.info.nw >= 20 for pl in lines):
        verse = sum(1 for pl in lines if _is_verse(pl.info.text, pl.info.nw) and not pl.info.name_like)
        if verse >= 4:
            return PageKind("poem", f"poem: {verse} verse lines, no prose paragraph")
    stub = shapes.teaser_stub(lines, labels.kinds, title)
    if stub is not None:
        return PageKind("listing", stub)
    return _listing_kind(
        lines,
        labels,
        keys,
        body_paras,
        shapes.TeaserShapes.of(lines, title, [i.text for i in paras], labels, trailing_blanks),
    )


def _listing_kind(
    lines, labels: Labels, keys: list[str], body_paras: int, teaser: shapes.TeaserShapes
) -> PageKind:
    furniture = sum(1 for key in keys if _LISTING_LINE.match(key))
    all_keys = [pl.info.key_cf for pl in lines]
    twice = sum(1 for a, b in zip(all_keys, all_keys[1:], strict=False) if a == b and len(a) >= 20)
    # the date is at the end of the line: only its tail is searched
    glued = sum(
        1
        for pl in lines
        if 20 <= len(pl.info.text) <= 250
        and pl.info.text[-1].isdigit()
        and not pl.info.is_date
        and _GLUED_DATE.search(pl.info.text, len(pl.info.text) - 30)
    )
    teasers = sum(1 for kind in labels.kinds if kind == "related_news")
    teaser_lines = sum(1 for pl in lines if pl.info.teaser)
    if not labels.body and (teasers >= 2 or teaser_lines):
        return PageKind("listing", f"listing: {max(teasers, teaser_lines)} teaser lines, no body paragraph")
    read_more = sum(
        1 for k in range(1, len(lines)) if labels.kinds[k - 1] == "" and _READ_MORE.match(all_keys[k])
    )
    meta = sum(1 for pl in lines if " bởi " in pl.info.text and _TEASER_META.search(pl.info.text[:400]))
    stamps = shapes.glued_stamps(lines)
    evidence = (
        furniture + twice + (glued if glued >= 2 else 0) + 2 * (read_more + meta + stamps) + teaser.weight()
    )
    if evidence >= 2:
        bits = [
            f"{n} {what}"
            for n, what in (
                (furniture, "pager/search/tag lines"),
                (twice, "headlines printed twice"),
                (glued, "headlines glued to dates"),
                (read_more, "'read more' links"),
                (meta, "teaser meta lines"),
                (stamps, "teaser fields glued to a time stamp"),
                *teaser.bits(),
            )
            if n
        ]
        return PageKind("listing", f"listing: {', '.join(bits)}, {body_paras} body paragraph(s)")
    return AN_ARTICLE


def rule_page_kind(page: PageLines, labels: Labels, title: str | None, text: str = "") -> PageKind:
    """The rules' verdict alone. text: the page's text, for the empty lines after its last line."""
    return shape_kind(page, labels, title, trailing_blanks=shapes.trailing_blank_lines(text) if text else 0)


def model_kind(page: PageLines, labels: Labels, title: str | None) -> PageKind:
    """The learned score's verdict (kinds_model.py): AN_ARTICLE below its threshold."""
    model = kind_model()
    if model is None or len(page.lines) < MODEL_MIN_LINES:
        return AN_ARTICLE
    features = page_features(page, labels, title)
    if model.score(features) < model.threshold:
        return AN_ARTICLE
    return PageKind(MODEL_KIND, f"{MODEL_KIND} (page-shape model): {model.explain(features)}")


def page_kind(page: PageLines, labels: Labels, title: str | None, text: str = "") -> PageKind:
    """The rules' verdict when they name a kind, else the learned score's. text: the page's text."""
    by_rules = rule_page_kind(page, labels, title, text)
    return by_rules if not by_rules.is_article else model_kind(page, labels, title)


# a page whose address reads as a listing is still an article when it carries this many real
# paragraphs (a category page opening with a full article; an odd article address)
URL_OVERRULED_BY_PARAS = 4


def not_article_kind(anatomy, address: str | None) -> PageKind | None:
    """Why a read page is not one news article (its shape, else its address), or None."""
    if anatomy.page_kind != ARTICLE:
        return PageKind(anatomy.page_kind, anatomy.kind_detail)
    by_address = url_kind(address)
    if by_address is None:
        return None
    paras = sum(1 for line in anatomy.body_lines if len(line.split(None, 20)) > 20)
    return by_address if paras < URL_OVERRULED_BY_PARAS else None
