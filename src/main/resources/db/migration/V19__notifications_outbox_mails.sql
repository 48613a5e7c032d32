-- Mail to a whole team (a deprecation notice) or to one person (a weekly digest): one row per
-- message, keyed so that the same message planned twice is sent once; sent by a durable timer
-- named by the key. Recipients are resolved when it is sent.
create table outbox_mails (
    mail_key varchar(400) primary key,
    team varchar(63) references teams (name) on delete cascade,
    user_name varchar(63) references users (name) on delete cascade,
    subject varchar(1000) not null,
    body text not null,
    status varchar(16) not null,
    attempts integer not null,
    recipients varchar(4000),
    last_error varchar(1000),
    created_at timestamp with time zone not null,
    sent_at timestamp with time zone,
    check ((team is null) <> (user_name is null))
);
create index outbox_mails_by_team on outbox_mails (team, created_at);
create index outbox_mails_by_user on outbox_mails (user_name, created_at);
