-- Seeds :days days of activity (ending now) for the services of the foundation dataset, for
-- bench/reports/run.sh: users, incidents with their timeline, postmortems and notification
-- deliveries, deployments with their history, and change requests with theirs. Every row
-- has the columns and values the application itself writes (incidents through the event
-- doors and the acknowledge/resolve actions, deployments through request, verification,
-- failure and rollback, change requests through their workflow); it is generated here in
-- SQL because creating 50,000 incidents through the API would take far longer than the
-- reports to be measured. Expects the environments `staging` and `production` to exist.
-- Variables (psql -v): incidents, deployments, changes, users, days. Deterministic
-- (setseed), so every run seeds the same shape relative to its start.
\set ON_ERROR_STOP 1
begin;
select setseed(0.42);

create temp table seed_now as select date_trunc('second', now()) as at;

-- services numbered 0 … n-1 by name; activity is skewed towards the low numbers
create temp table seed_services as
select name, tier, (row_number() over (order by name) - 1)::int as idx from services;
create temp table seed_service_count as select count(*)::int as n from seed_services;

-- on-call users in several time zones (as POST /api/v1/users creates them)
insert into users (name, display_name, email, time_zone, created_at, version)
select 'oncall-' || lpad(g::text, 4, '0'), 'On-call ' || g, 'oncall-' || lpad(g::text, 4, '0') || '@example.com',
       (array['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'America/Los_Angeles', 'Australia/Sydney'])[1 + g % 6],
       (select at from seed_now) - interval '90 days', 1
from generate_series(0, :users - 1) g;

-- the default response SLAs (steward.incidents.response-sla) and high-urgency pairs
create temp table seed_slas (tier int, urgency text, ack interval, resolve interval);
insert into seed_slas values
  (1, 'high', '5 minutes', '4 hours'), (1, 'low', '1 hour', '1 day'),
  (2, 'high', '15 minutes', '8 hours'), (2, 'low', '4 hours', '3 days'),
  (3, 'high', '30 minutes', '1 day'), (3, 'low', '1 day', '7 days'),
  (4, 'high', '1 hour', '3 days'), (4, 'low', '3 days', '14 days');

-- incidents: trigger time spread over the period; 97 % acknowledged (20 s to 2 h, long
-- tail), 95 % resolved; 5 % reassigned after the first acknowledgement and acknowledged
-- again (the report must take the first one from the timeline)
create temp table seed_incidents as
with drawn as (
  select g as number, floor(power(random(), 1.6) * (select n from seed_service_count))::int as idx,
         (array['critical', 'error', 'warning', 'info'])[1 + g % 4] as severity,
         random() as at_r, random() as ack_r, random() as res_r, random() as fate
  from generate_series(1, :incidents) g
), timed as (
  select d.number, s.name as service, s.tier, s.idx, d.severity, d.fate,
         case when (s.tier <= 2 and d.severity in ('critical', 'error')) or (s.tier = 3 and d.severity = 'critical')
              then 'high' else 'low' end as urgency,
         (select at from seed_now) - make_interval(days => :days)
           + d.at_r * (make_interval(days => :days) - interval '2 hours') as created_at,
         interval '20 seconds' + power(d.ack_r, 3) * interval '2 hours' as ack_after,
         interval '5 minutes' + power(d.res_r, 2) * interval '12 hours' as resolve_after
  from drawn d join seed_services s on s.idx = d.idx
)
select t.*, t.created_at + sla.ack as ack_by, t.created_at + sla.resolve as resolve_by,
       case when t.fate < 0.97 then t.created_at + t.ack_after end as first_ack_at,
       case when t.fate >= 0.50 and t.fate < 0.55 then t.created_at + t.ack_after + interval '10 minutes' end as reassigned_at,
       case when t.fate < 0.95 then t.created_at + t.ack_after + t.resolve_after end as resolved_at,
       'oncall-' || lpad(((t.idx * 7) % :users)::text, 4, '0') as responder
from timed t join seed_slas sla on sla.tier = t.tier and sla.urgency = t.urgency;

insert into incidents (number, service, title, severity, urgency, status, dedup_key, open_key, source, details,
                       alert_count, policy, level, round, cycle, next_step, created_at, acknowledged_at,
                       acknowledged_by, resolved_at, resolved_by, ack_by, resolve_by, version)
select number, service, 'Error rate above threshold on ' || service, severity, urgency,
       case when resolved_at is not null then 'resolved' when first_ack_at is not null then 'acknowledged' else 'triggered' end,
       'alert-' || number,
       case when resolved_at is null then service || '/alert-' || number end,
       'prometheus', '{"component":"api"}', 1 + number % 3, null, 0, 0,
       case when reassigned_at is null then 0 else 1 end, null, created_at,
       coalesce(reassigned_at + interval '5 minutes', first_ack_at),
       case when first_ack_at is not null then responder end,
       resolved_at, case when resolved_at is not null then responder end, ack_by, resolve_by,
       1 + (first_ack_at is not null)::int + (reassigned_at is not null)::int * 2 + (resolved_at is not null)::int
from seed_incidents;
select setval(pg_get_serial_sequence('incidents', 'number'), (select max(number) from incidents));

insert into incident_events (incident, action, received_at, door, summary, severity, source, payload)
select number, 'trigger', created_at, 'events', 'Error rate above threshold on ' || service, severity, 'prometheus',
       '{"routingKey":"…","action":"trigger","dedupKey":"alert-' || number || '"}'
from seed_incidents;

-- notification deliveries: one email per incident, a second person for high urgency; 2 % failed
create temp table seed_deliveries as
select i.number, i.service, i.urgency, i.created_at, k,
       'oncall-' || lpad(((i.idx * 7 + k * 13) % :users)::text, 4, '0') as user_name,
       case when (i.number + k) % 50 = 0 then 'failed' else 'sent' end as status,
       i.created_at + make_interval(secs => 2 + (i.number % 17)) as sent_at
from seed_incidents i cross join generate_series(0, 1) k
where k = 0 or i.urgency = 'high';

insert into notification_deliveries (delivery_key, incident_number, user_name, contact_method, channel, address,
                                     subject, payload, due_at, attempts, status, last_error, sent_at, created_at)
select 'incident-' || number || '/1-0/' || user_name || '/0/default', number, user_name, 'default', 'email',
       user_name || '@example.com',
       '[Steward] ' || upper(urgency) || ' #' || number || ' ' || service || ': Error rate above threshold',
       '{"text":"Error rate above threshold on ' || service || '"}', created_at,
       case when status = 'sent' then 1 else 5 end, status,
       case when status = 'failed' then 'Connection refused' end,
       case when status = 'sent' then sent_at end, created_at
from seed_deliveries;

-- the timeline, as the application records it
insert into incident_timeline (incident, at, type, actor, message, data)
select number, at, type, actor, message, data from (
  select number, created_at as at, 'triggered' as type, 'events' as actor,
         'Error rate above threshold on ' || service as message,
         '{"severity":"' || severity || '","urgency":"' || urgency || '"}' as data, 1 as step
  from seed_incidents
  union all
  select number, sent_at, 'notified', null, user_name || ' by email (default)',
         '{"user":"' || user_name || '","channel":"email","contactMethod":"default","attempt":1}', 2
  from seed_deliveries where status = 'sent'
  union all
  select number, first_ack_at, 'acknowledged', responder, null, null, 3 from seed_incidents where first_ack_at is not null
  union all
  select number, reassigned_at, 'reassigned', responder, 'To oncall-0000', '{"user":"oncall-0000"}', 4
  from seed_incidents where reassigned_at is not null
  union all
  select number, reassigned_at + interval '5 minutes', 'acknowledged', responder, null, null, 5
  from seed_incidents where reassigned_at is not null
  union all
  select number, resolved_at, 'resolved', responder, null, null, 6 from seed_incidents where resolved_at is not null
  union all
  select number, resolved_at, 'postmortem-required', null,
         'A postmortem is due for this high-urgency incident of a tier-' || tier || ' service', null, 7
  from seed_incidents where resolved_at is not null and urgency = 'high' and tier <= 2
) entries
order by at, number, step;

-- postmortems of resolved high-urgency incidents of tiers 1 and 2 (due 5 days after):
-- 60 % published, the rest required or draft (overdue once their due time has passed)
insert into postmortems (incident, status, document_url, due_at, created_at, updated_at, version)
select number,
       case when number % 5 < 3 then 'published' when number % 5 = 3 then 'draft' else 'required' end,
       case when number % 5 < 3 then 'https://wiki.example.com/postmortems/' || number end,
       resolved_at + interval '5 days', resolved_at,
       case when number % 5 = 4 then resolved_at else resolved_at + interval '2 days' end,
       case when number % 5 = 4 then 1 else 2 end
from seed_incidents where resolved_at is not null and urgency = 'high' and tier <= 2;

-- deployments: :deployments to production, half as many to staging; 86 % succeed, 6 %
-- fail, 7 % fail and are rolled back, 1 % are still under way; 2 % are emergencies
create temp table seed_deployments as
with drawn as (
  select g as id, floor(power(random(), 1.3) * (select n from seed_service_count))::int as idx,
         case when g <= :deployments then 'production' else 'staging' end as environment,
         random() as at_r, random() as commit_r, random() as fate, random() as duration_r
  from generate_series(1, :deployments + :deployments / 2) g
)
select d.id, s.name as service, d.environment, d.fate,
       (select at from seed_now) - make_interval(days => :days)
         + d.at_r * (make_interval(days => :days) - interval '1 hour') as requested_at,
       case when d.commit_r < 0.9 then interval '10 minutes' + power(d.commit_r, 2) * interval '6 days' end as commit_before,
       interval '2 minutes' + d.duration_r * interval '8 minutes' as rollout,
       interval '1 minute' + d.duration_r * interval '4 minutes' as verification,
       case when d.fate < 0.86 then 'succeeded' when d.fate < 0.92 then 'failed' when d.fate < 0.99 then 'rolled-back'
            else 'in-progress' end as status
from drawn d join seed_services s on s.idx = d.idx;

insert into deployments (id, service, environment, release_version, commit_sha, commit_time, strategy,
                         max_unavailable, status, rollback_target, gate, emergency_justification,
                         emergency_incident, checks, failure_reason, rollback_reason, requested_by, requested_at,
                         finished_at, nodes_reported, version)
select id, service, environment, '1.' || (id / 100) || '.' || (id % 100), md5(id::text) || substr(md5(service), 1, 8),
       requested_at - commit_before, 'rolling', 1, status, '1.' || (id / 100) || '.' || (id % 100 - 1),
       case when id % 50 = 0 then '{"open":false,"reasons":[{"window":"freeze","kind":"deny","effect":"closed"}],"nextChange":null}'
            else '{"open":true,"reasons":[],"nextChange":null}' end,
       case when id % 50 = 0 then 'Hotfix for a customer-facing outage' end, null,
       case when status <> 'in-progress' then '[{"name":"smoke","passed":' || (status = 'succeeded')::text || '}]' end,
       case when status in ('failed', 'rolled-back') then 'Smoke test failed' end,
       case when status = 'rolled-back' then 'Error rate up after release' end,
       'ci-pipeline', requested_at,
       case when status = 'rolled-back' then requested_at + rollout + verification + interval '6 minutes'
            when status <> 'in-progress' then requested_at + rollout + verification end,
       true,
       case status when 'succeeded' then 4 when 'failed' then 4 when 'rolled-back' then 6 else 2 end
from seed_deployments;
select setval(pg_get_serial_sequence('deployments', 'id'), (select max(id) from deployments));

insert into deployment_history (deployment_id, at, status, actor, detail)
select id, at, status, 'ci-pipeline', detail from (
  select id, requested_at as at, 'requested' as status, 'Version 1.' || (id / 100) || '.' || (id % 100) as detail, 1 as step
  from seed_deployments
  union all
  select id, requested_at, 'in-progress', case when id % 50 = 0 then 'Emergency: gate closed' else 'Gate open' end, 2
  from seed_deployments
  union all
  select id, requested_at + rollout, 'verifying', 'Rollout finished', 3 from seed_deployments where status <> 'in-progress'
  union all
  select id, requested_at + rollout + verification, 'succeeded', 'Checks passed', 4
  from seed_deployments where status = 'succeeded'
  union all
  select id, requested_at + rollout + verification, 'failed', 'Smoke test failed', 4
  from seed_deployments where status in ('failed', 'rolled-back')
  union all
  select id, requested_at + rollout + verification + interval '1 minute', 'rolling-back', 'Error rate up after release', 5
  from seed_deployments where status = 'rolled-back'
  union all
  select id, requested_at + rollout + verification + interval '6 minutes', 'rolled-back', 'Rollback finished', 6
  from seed_deployments where status = 'rolled-back'
) steps
order by at, id, step;

-- change requests planned over the period, by status now; 3 % emergencies
create temp table seed_changes as
with drawn as (
  select g as id, floor(random() * (select n from seed_service_count))::int as idx, random() as at_r, random() as fate
  from generate_series(1, :changes) g
)
select d.id, s.name as service, (select owner from services where name = s.name) as owner,
       (select at from seed_now) - make_interval(days => :days) + d.at_r * make_interval(days => :days + 7) as planned_start,
       case when d.fate < 0.03 then 'in-progress' when d.fate < 0.10 then 'submitted' when d.fate < 0.20 then 'approved'
            when d.fate < 0.85 then 'completed' when d.fate < 0.90 then 'failed' when d.fate < 0.95 then 'cancelled'
            else 'draft' end as status
from drawn d join seed_services s on s.idx = d.idx;

insert into change_requests (id, service, title, category, description, risk, implementer, environment, planned_start,
                             planned_end, rollback_plan, emergency_justification, emergency_incident, status, gate,
                             outcome, created_by, created_at, started_at, finished_at, version)
select id, service, 'Change ' || id, (array['load-balancer', 'network', 'dns', 'capacity', 'os-tuning', 'database', 'other'])[1 + id % 7],
       'Routine change ' || id || ' of ' || service, (array['low', 'medium', 'high'])[1 + id % 3], owner, 'production',
       planned_start, planned_start + interval '1 hour', 'Revert the change',
       case when id % 33 = 0 then 'Capacity exhausted' end, null, status,
       case when status <> 'draft' then '{"open":true,"reasons":[],"nextChange":null}' end,
       case when status in ('completed', 'failed') then 'Done' end, 'bench', planned_start - interval '3 days',
       case when status in ('in-progress', 'completed', 'failed') then planned_start end,
       case when status in ('completed', 'failed') then planned_start + interval '50 minutes' end,
       case status when 'draft' then 1 when 'submitted' then 2 when 'cancelled' then 3 when 'approved' then 3
                   when 'in-progress' then 4 else 5 end
from seed_changes;
select setval(pg_get_serial_sequence('change_requests', 'id'), (select max(id) from change_requests));

insert into change_history (change_id, at, status, actor, detail)
select id, planned_start - interval '3 days', 'draft', 'bench', null from seed_changes
union all
select id, planned_start - interval '2 days', 'submitted', 'bench', null from seed_changes where status <> 'draft'
union all
select id, planned_start - interval '1 day', 'approved', 'bench', null
from seed_changes where status in ('approved', 'in-progress', 'completed', 'failed')
union all
select id, planned_start, 'in-progress', 'bench', null from seed_changes where status in ('in-progress', 'completed', 'failed')
union all
select id, planned_start + interval '50 minutes', status, 'bench', 'Done' from seed_changes where status in ('completed', 'failed')
union all
select id, planned_start - interval '1 day', 'cancelled', 'bench', null from seed_changes where status = 'cancelled';

commit;
