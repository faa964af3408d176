/// The report's SQL. One materialised selection per statement reads the few JSON values each
/// request needs once; every count is a `GROUP BY` over it. Instants in the stored JSON are
/// UTC ISO 8601 with milliseconds, so comparing them as text compares them in time.
enum ReportSQL {
    /// Arguments: lower bound, upper bound (ISO text).
    private static let selection = """
        WITH chosen AS MATERIALIZED (
            SELECT num, id, reference, direction, country, status, is_open, due_at,
                COALESCE(json_extract(body, '$.channel'), '') AS channel,
                COALESCE(json_extract(body, '$.dates.sentOrReceived'), json_extract(body, '$.dates.created')) AS period_at
            FROM request
            WHERE COALESCE(json_extract(body, '$.dates.sentOrReceived'), json_extract(body, '$.dates.created')) >= ?1
                AND COALESCE(json_extract(body, '$.dates.sentOrReceived'), json_extract(body, '$.dates.created')) < ?2
        )

        """

    /// Rows of (dimension, key, count). Arguments: lower, upper, now (milliseconds).
    static let tallies = selection + """
        SELECT 'direction', direction, COUNT(*) FROM chosen GROUP BY direction
        UNION ALL SELECT 'status', status, COUNT(*) FROM chosen GROUP BY status
        UNION ALL SELECT 'country', country, COUNT(*) FROM chosen GROUP BY country
        UNION ALL SELECT 'type', t.type, COUNT(*) FROM chosen JOIN request_type t ON t.request_num = chosen.num GROUP BY t.type
        UNION ALL SELECT 'channel', channel, COUNT(*) FROM chosen GROUP BY channel
        UNION ALL SELECT 'month', substr(period_at, 1, 7), COUNT(*) FROM chosen GROUP BY substr(period_at, 1, 7)
        UNION ALL SELECT 'refusal', COALESCE(s.ground, ''), COUNT(*) FROM status_change s JOIN chosen ON s.request_id = chosen.id
            WHERE s.to_status = 'refused' GROUP BY COALESCE(s.ground, '')
        UNION ALL SELECT 'overdue', '', COUNT(*) FROM chosen WHERE due_at < ?3
        """

    /// The longest-overdue open requests. Arguments: lower, upper, now (milliseconds), limit.
    static let overdue = selection + """
        SELECT reference, country, due_at FROM chosen WHERE due_at < ?3 ORDER BY due_at, num LIMIT ?4
        """

    /// One row per request with a sent (or received) date. Arguments: lower, upper.
    static let samples = """
        SELECT r.country, json_extract(r.body, '$.legalBasis.instrument') AS instrument,
            json_extract(r.body, '$.dates.sentOrReceived') AS sent,
            json_extract(r.body, '$.dates.acknowledged') AS acknowledged,
            (SELECT MIN(s.at) FROM status_change s
             WHERE s.request_id = r.id AND s.to_status IN ('executed', 'response_sent')) AS executed
        FROM request r
        WHERE json_extract(r.body, '$.dates.sentOrReceived') >= ?1 AND json_extract(r.body, '$.dates.sentOrReceived') < ?2
        """
}
