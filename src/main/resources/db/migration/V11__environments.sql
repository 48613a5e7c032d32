create table environments (
    name varchar(63) primary key,
    title varchar(200),
    kind varchar(16) not null,
    -- the place in the promotion order ("order" is a reserved word)
    position integer not null unique,
    promotion_required boolean not null,
    description varchar(2000),
    created_at timestamp with time zone not null,
    version bigint not null
);
