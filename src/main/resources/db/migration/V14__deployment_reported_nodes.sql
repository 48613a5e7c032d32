-- A deployment that knew no nodes when it was requested takes the nodes its pipeline reports.
alter table deployments add column nodes_reported boolean default false not null;
update deployments set nodes_reported = true
where not exists (select 1 from deployment_nodes n where n.deployment_id = deployments.id);
