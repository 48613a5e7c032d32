-- The APIs each service exposes; names are unique across the organization.
create table apis (
    name varchar(63) primary key,
    service varchar(63) not null references services (name) on delete cascade,
    visibility varchar(16) not null,
    type varchar(16) not null,
    description varchar(4000),
    documentation varchar(2000),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version bigint not null
);
create index apis_by_service on apis (service, name);

-- Versions with their contract; the changes against the version published before it are
-- kept (JSON) from the moment of publication.
create table api_versions (
    api varchar(63) not null references apis (name) on delete cascade,
    version varchar(100) not null,
    major integer not null,
    minor integer not null,
    patch integer not null,
    pre_release varchar(100),
    status varchar(16) not null,
    spec text not null,
    spec_format varchar(8) not null,
    compared_with varchar(100),
    changes text,
    sunset date,
    created_at timestamp with time zone not null,
    published_at timestamp with time zone,
    deprecated_at timestamp with time zone,
    retired_at timestamp with time zone,
    primary key (api, version)
);
create index api_versions_by_major on api_versions (api, major, status);

-- Which services consume which major version of an API.
create table api_consumers (
    api varchar(63) not null references apis (name) on delete cascade,
    consumer varchar(63) not null references services (name) on delete cascade,
    major integer not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    primary key (api, consumer)
);
create index api_consumers_by_consumer on api_consumers (consumer, api);
