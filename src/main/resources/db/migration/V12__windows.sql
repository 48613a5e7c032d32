create table deployment_windows (
    name varchar(63) primary key,
    title varchar(200),
    -- company | product:<name> | service:<name>
    scope varchar(80) not null,
    -- the service or product a scoped window belongs to, so that deleting either deletes its windows
    scope_service varchar(63) references services (name) on delete cascade,
    scope_product varchar(63) references products (name) on delete cascade,
    kind varchar(8) not null,
    schedule varchar(200),
    duration varchar(40),
    starts_at timestamp with time zone,
    ends_at timestamp with time zone,
    time_zone varchar(64) not null,
    reason varchar(2000),
    created_at timestamp with time zone not null,
    created_by varchar(200) not null,
    version bigint not null
);
create index deployment_windows_by_scope on deployment_windows (scope);

create table deployment_window_environments (
    window_name varchar(63) not null references deployment_windows (name) on delete cascade,
    environment varchar(63) not null references environments (name),
    primary key (window_name, environment)
);

-- one row whose revision grows with every change to a window, so that each node can tell
-- with one primary-key read whether the windows it holds in memory are current
create table deployment_window_revision (
    id integer primary key,
    revision bigint not null
);
insert into deployment_window_revision (id, revision) values (1, 0);
