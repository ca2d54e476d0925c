-- Staff accounts. Passwords are stored as adaptive hashes with their algorithm id ({bcrypt}...).
create table staff_user (
    id            uuid         primary key,
    username      varchar(100) not null,
    password_hash varchar(255) not null,
    role          varchar(30)  not null,
    display_name  varchar(200) not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);
create unique index staff_user_username on staff_user (lower(username));

-- The key Carelog signs its own access tokens with, when none is configured. Shared by every node.
create table token_signing_key (
    id         integer     primary key check (id = 1),
    secret     bytea       not null,
    created_at timestamptz not null default now()
);
