create table api_tokens (
    id varchar(36) primary key,
    user_name varchar(63),
    name varchar(100) not null,
    token_hash varchar(64) not null unique,
    scopes varchar(1000) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone,
    last_used_at timestamp with time zone,
    revoked_at timestamp with time zone
);
create index api_tokens_by_user on api_tokens (user_name);
