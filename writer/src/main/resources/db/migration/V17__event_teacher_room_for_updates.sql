-- Every Pathful re-import updates the participations whose status moved. With full pages each such
-- update wrote its new version on another page and a new primary-key entry; with room left on the
-- page (fillfactor 50: a participation can be rewritten once in place) it is a HOT update, in place,
-- without touching the index. Measured with bin/polaris bench (docs/performance.md). Applies to the
-- pages written from now on; existing pages get it as they are rewritten (VACUUM FULL, or in time).
alter table event_teacher set (fillfactor = 50);
