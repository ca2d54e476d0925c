-- The board's "next" tokens and the waiting estimates follow the queue's own calling rule (CallingOrder):
-- the read model keeps what the rule needs (each queue's call counters, each skipped token's return) and each
-- token's place in the predicted line, refreshed once per projected batch.
create table queue_line (
    queue_id          varchar(60) primary key,
    calls             integer     not null,
    ahead_of_walk_ins integer     not null
);
alter table queue_token add column returns_at_call integer;
alter table queue_token add column line_place integer;
create index queue_token_line on queue_token (service_point_id, queue_date, line_place) where line_place is not null;
