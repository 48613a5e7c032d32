alter table users add column admin boolean default false not null;

create table user_credentials (
    user_name varchar(63) primary key references users (name) on delete cascade,
    password_hash varchar(100) not null,
    changed_at timestamp with time zone not null,
    failed_attempts integer default 0 not null,
    locked_until timestamp with time zone
);

alter table api_tokens add column last_four varchar(4);

alter table audit_entries add column token_id varchar(36);
alter table audit_entries add column client_address varchar(64);
alter table audit_entries add column previous_hash varchar(64);
alter table audit_entries add column entry_hash varchar(64);

create table audit_chain_head (
    id integer primary key,
    last_id bigint not null,
    last_hash varchar(64) not null
);
insert into audit_chain_head (id, last_id, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
