-- Party admissions against plan, by locality and period: one row per party_members_admitted total
-- (parts of a total - "trong đó 21 ... và 39 ..." - carry part_of and are left out, so no figure
-- is counted twice).  percent is the plan percent as written; when only actual and target are
-- given it is derived (percent_effective).  A target stated alone has actual NULL.  Facts without
-- a period of their own fall back to the article's dates (as_of_date).
CREATE OR REPLACE VIEW admissions_vs_plan AS
SELECT
    a.locality,
    i.period,
    i.period_start,
    i.period_end,
    i.actual,
    i.target,
    i.percent,
    COALESCE(i.percent, CASE WHEN i.target > 0 THEN round(100.0 * i.actual / i.target, 2) END) AS percent_effective,
    i.qualifier,
    i.unit,
    a.published_at,
    a.event_date,
    COALESCE(i.period_start, a.event_date, CAST(a.published_at AS DATE)) AS as_of_date,
    a.source_site,
    a.title,
    i.evidence,
    i.article_id,
    i.seq
FROM indicators AS i
JOIN articles AS a USING (article_id)
WHERE i.metric = 'party_members_admitted' AND i.part_of IS NULL;
