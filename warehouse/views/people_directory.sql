-- Person directory: every name seen, with all posts the articles gave them, first and last date,
-- article count, localities and roles.  People are keyed by name as written (NFC); namesakes in
-- different provinces are told apart by the localities/posts lists, not merged away.
CREATE OR REPLACE VIEW people_directory AS
SELECT
    p.name,
    list_sort(list_distinct(flatten(list(p.titles))))                     AS posts,
    min(COALESCE(a.event_date, CAST(a.published_at AS DATE)))             AS first_seen,
    max(COALESCE(a.event_date, CAST(a.published_at AS DATE)))             AS last_seen,
    count(DISTINCT p.article_id)                                          AS article_count,
    list(DISTINCT a.locality) FILTER (WHERE a.locality IS NOT NULL)       AS localities,
    list(DISTINCT p.role)                                                 AS roles
FROM people AS p
JOIN articles AS a USING (article_id)
GROUP BY p.name
ORDER BY article_count DESC, p.name;
