alter table services add column search_text varchar;
update services set search_text = lower(name || ' ' || title || ' ' || coalesce(description, ''));
alter table services alter column search_text set not null;
