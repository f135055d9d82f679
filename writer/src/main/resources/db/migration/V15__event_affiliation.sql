-- Issue 8: the runner's last step, "sync unaffiliated events" (facts §6): an event from Salesforce without a
-- District__c gets the district of its school, else the one district all its participants' schools share.
-- Kept apart from district_salesforce_id (which is Salesforce's own value, rewritten by every events run).
alter table event
    add column affiliated_district_salesforce_id varchar(18),
    add column affiliated_by                     text check (affiliated_by in ('school', 'participants'));
