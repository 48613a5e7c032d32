-- Who gets the weekly digest of what: scope 'organization' or 'team:<team>' (team set, so
-- that the subscription goes with the team).
create table digest_subscriptions (
    user_name varchar(63) not null references users (name) on delete cascade,
    scope varchar(80) not null,
    team varchar(63) references teams (name) on delete cascade,
    created_at timestamp with time zone not null,
    primary key (user_name, scope)
);
create index digest_subscriptions_by_team on digest_subscriptions (team);
