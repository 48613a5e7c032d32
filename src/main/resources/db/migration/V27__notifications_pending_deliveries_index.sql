-- The deliveries due and not sent, which the backlog gauges read every refresh interval
-- (docs/metrics.md): an index on status and due time, so that the reading does not scan
-- every delivery ever sent.
create index notification_deliveries_pending on notification_deliveries (status, due_at);
