-- The last pull of an SLO's counts from its Prometheus server: when, whether it worked
-- (and why not), and the newest minute pulled (the next pull starts from there)
create table slo_pulls (
    slo_id bigint primary key references slos (id) on delete cascade,
    pulled_minute bigint,
    at timestamp with time zone not null,
    ok boolean not null,
    error varchar(2000)
);
