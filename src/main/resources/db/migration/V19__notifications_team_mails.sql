-- Mail to a whole team (a deprecation notice, a digest): one row per message, keyed so that
-- the same notice planned twice is sent once; sent by a durable timer named by the key.
create table team_mails (
    mail_key varchar(400) primary key,
    team varchar(63) not null references teams (name) on delete cascade,
    subject varchar(1000) not null,
    body text not null,
    status varchar(16) not null,
    attempts integer not null,
    recipients varchar(4000),
    last_error varchar(1000),
    created_at timestamp with time zone not null,
    sent_at timestamp with time zone
);
create index team_mails_by_team on team_mails (team, created_at);
