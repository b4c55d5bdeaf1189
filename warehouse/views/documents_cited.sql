-- Which documents are cited most, and by whom: one row per distinct document (kind + number +
-- symbol), with the issuers and dates seen, how many articles cite it, and where from.
CREATE OR REPLACE VIEW documents_cited AS
SELECT
    d.kind,
    d.number,
    d.symbol,
    min(d.issuer)                                              AS issuer,
    list(DISTINCT d.issuer) FILTER (WHERE d.issuer IS NOT NULL) AS issuers,
    min(d.issued_date)                                         AS issued_date,
    count(DISTINCT d.article_id)                               AS article_count,
    list(DISTINCT a.locality) FILTER (WHERE a.locality IS NOT NULL)       AS localities,
    list(DISTINCT a.source_site) FILTER (WHERE a.source_site IS NOT NULL) AS sources,
    min(COALESCE(a.event_date, CAST(a.published_at AS DATE)))  AS first_cited,
    max(COALESCE(a.event_date, CAST(a.published_at AS DATE)))  AS last_cited
FROM document_refs AS d
JOIN articles AS a USING (article_id)
GROUP BY d.kind, d.number, d.symbol
ORDER BY article_count DESC, d.kind, d.number;
