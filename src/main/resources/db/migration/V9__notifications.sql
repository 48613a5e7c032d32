-- Where each user can be reached; a user also has the implicit email method "default".
create table contact_methods (
    user_name varchar(63) not null references users (name) on delete cascade,
    name varchar(63) not null,
    type varchar(16) not null,
    address varchar(2000) not null,
    created_at timestamp with time zone not null,
    primary key (user_name, name)
);

-- Each user's notification rules in order; no rows means "email default at once".
create table notification_rules (
    user_name varchar(63) not null references users (name) on delete cascade,
    rule_index integer not null,
    delay varchar(40) not null,
    contact_method varchar(63) not null,
    urgency varchar(8),
    primary key (user_name, rule_index)
);

-- The delivery outbox: one row per planned message, keyed step/rule/contact method so a
-- step planned twice (a retry, another node) is delivered once. The address and the
-- rendered message are copied at planning time.
create table notification_deliveries (
    delivery_key varchar(400) primary key,
    incident_number bigint not null,
    user_name varchar(63) not null,
    contact_method varchar(63) not null,
    channel varchar(16) not null,
    address varchar(2000) not null,
    subject varchar(1000),
    payload text not null,
    due_at timestamp with time zone not null,
    attempts integer not null,
    status varchar(16) not null,
    last_error varchar(1000),
    sent_at timestamp with time zone,
    created_at timestamp with time zone not null
);
create index notification_deliveries_by_incident on notification_deliveries (incident_number, status);
