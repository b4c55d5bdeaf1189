-- Which documents are cited most, and by whom: one row per distinct document.  A document is its
-- kind + number (leading zeros dropped) + issuing authority + issue year:
--   * the authority is the symbol's issuer part ("35-CT/TW" -> TW, "06/CT-TTg" -> TTG), else the
--     issuer as written mapped to the same code ("Bộ Chính trị" -> TW), else unknown; so "Chỉ thị 35
--     của Bộ Chính trị" and "35-CT/TW" are one document, "Chỉ thị 05" of the Politburo and of a
--     province are two;
--   * the year is the issue date's; a mention without a date joins the one dated document of its
--     kind, number and authority when there is exactly one, so "01-HD/TW" of 2012 and of 2016 stay
--     two documents while an undated "Hướng dẫn 01" next to only one of them joins it.
CREATE OR REPLACE VIEW documents_cited AS
WITH authority_of_issuer(pattern, code) AS (
    VALUES ('%bộ chính trị%', 'TW'), ('%ban bí thư%', 'TW'), ('%trung ương%', 'TW'), ('%bch tw%', 'TW'),
           ('thủ tướng%', 'TTG'), ('%chính phủ%', 'CP'), ('%hđnd%', 'HĐND'), ('%hội đồng nhân dân%', 'HĐND'),
           ('%ubnd%', 'UBND'), ('%ủy ban nhân dân%', 'UBND'), ('%uỷ ban nhân dân%', 'UBND'),
           ('%tỉnh ủy%', 'TU'), ('%tỉnh uỷ%', 'TU'), ('%thành ủy%', 'TU'), ('%thành uỷ%', 'TU'),
           ('%huyện ủy%', 'HU'), ('%huyện uỷ%', 'HU'), ('%quận ủy%', 'QU'), ('%quận uỷ%', 'QU'),
           ('%thị ủy%', 'TXU'), ('%thị uỷ%', 'TXU'), ('%đảng ủy%', 'ĐU'), ('%đảng uỷ%', 'ĐU')
),
refs AS (
    SELECT
        d.*,
        COALESCE(NULLIF(ltrim(d.number, '0'), ''), '0') AS number_key,
        COALESCE(
            upper(NULLIF(regexp_extract(d.symbol, '^\d+[a-zA-Z]?\s*[-–]\s*[^/]+/\s*(\S+)$', 1), '')),
            upper(NULLIF(regexp_extract(d.symbol, '/[^/\-]+-(\S+)$', 1), '')),
            (SELECT min(ai.code) FROM authority_of_issuer AS ai WHERE lower(d.issuer) LIKE ai.pattern)
        ) AS authority,
        year(d.issued_date) AS issued_year
    FROM document_refs AS d
),
keyed AS (
    SELECT
        r.*,
        COALESCE(r.issued_year, CASE WHEN count(DISTINCT r.issued_year) OVER base = 1
                                     THEN max(r.issued_year) OVER base END) AS year_key
    FROM refs AS r
    WINDOW base AS (PARTITION BY r.kind, r.number_key, r.authority)
)
SELECT
    k.kind,
    min(k.number)                                              AS number,
    min(k.symbol)                                              AS symbol,
    k.authority,
    k.year_key                                                 AS issued_year,
    min(k.issuer)                                              AS issuer,
    list(DISTINCT k.issuer) FILTER (WHERE k.issuer IS NOT NULL) AS issuers,
    min(k.issued_date)                                         AS issued_date,
    count(DISTINCT k.article_id)                               AS article_count,
    list(DISTINCT a.locality) FILTER (WHERE a.locality IS NOT NULL)       AS localities,
    list(DISTINCT a.source_site) FILTER (WHERE a.source_site IS NOT NULL) AS sources,
    min(COALESCE(a.event_date, CAST(a.published_at AS DATE)))  AS first_cited,
    max(COALESCE(a.event_date, CAST(a.published_at AS DATE)))  AS last_cited
FROM keyed AS k
JOIN articles AS a USING (article_id)
GROUP BY k.kind, k.number_key, k.authority, k.year_key
ORDER BY article_count DESC, k.kind, number;
