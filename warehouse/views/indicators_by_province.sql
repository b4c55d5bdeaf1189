-- Every named metric by province and period, totals only (part_of IS NULL; 'other' left out):
-- one row per distinct stated figure (metric, locality, period, actual, target, percent), however
-- many articles report it, with how many did and where from.  Figures are not summed: a province's
-- total and its districts' totals are different figures, not parts to add.  period_year is the
-- year of the period, else of the article (event date, else publication date).
CREATE OR REPLACE VIEW indicators_by_province AS
SELECT
    i.metric,
    a.locality,
    min(i.period)                                                          AS period,
    i.period_start,
    i.period_end,
    year(COALESCE(i.period_end, a.event_date, CAST(a.published_at AS DATE))) AS period_year,
    i.actual,
    i.target,
    i.percent,
    count(DISTINCT i.article_id)                                           AS article_count,
    list(DISTINCT a.source_site) FILTER (WHERE a.source_site IS NOT NULL)  AS sources,
    min(i.evidence)                                                        AS evidence
FROM indicators AS i
JOIN articles AS a USING (article_id)
WHERE i.part_of IS NULL AND i.metric <> 'other'
GROUP BY i.metric, a.locality, i.period_start, i.period_end,
         year(COALESCE(i.period_end, a.event_date, CAST(a.published_at AS DATE))), i.actual, i.target, i.percent
ORDER BY i.metric, a.locality NULLS LAST, period_year, i.period_start NULLS LAST, i.actual DESC NULLS LAST;
