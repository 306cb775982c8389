-- Fewer indexes on the rows every received message adds: events are read by id (and
-- scanned for --since), messages listed by id. Each index dropped is one b-tree less to
-- update inside the commit a sender waits for.
DROP INDEX IF EXISTS events_time;
DROP INDEX IF EXISTS messages_received;
