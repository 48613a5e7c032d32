-- Datastores, each owned by exactly one service; names are unique across the organization.
create table datastores (
    name varchar(63) primary key,
    owner varchar(63) not null references services (name) on delete cascade,
    kind varchar(63) not null,
    classification varchar(16) not null,
    pii boolean not null,
    retention_days integer,
    backup_policy varchar(2000),
    reads_per_second double precision,
    writes_per_second double precision,
    access_description varchar(2000),
    description varchar(4000),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version bigint not null
);
create index datastores_by_owner on datastores (owner, name);

-- Versioned schema documents of a datastore; every version is kept.
create table datastore_schemas (
    datastore varchar(63) not null references datastores (name) on delete cascade,
    name varchar(63) not null,
    version varchar(64) not null,
    document text not null,
    applied_at timestamp with time zone not null,
    recorded_at timestamp with time zone not null,
    recorded_by varchar(200) not null,
    primary key (datastore, name, version)
);
create index datastore_schemas_by_time on datastore_schemas (datastore, applied_at);

-- Services that read or write a datastore directly; any but the owner is a violation.
create table datastore_access (
    service varchar(63) not null references services (name) on delete cascade,
    datastore varchar(63) not null references datastores (name) on delete cascade,
    mode varchar(8) not null,
    note varchar(1000),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    primary key (service, datastore)
);
create index datastore_access_by_datastore on datastore_access (datastore, service);
