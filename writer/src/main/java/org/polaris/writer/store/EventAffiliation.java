package org.polaris.writer.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The runner's last step (facts §6, "sync unaffiliated events"): every live Salesforce event without a
 * district (District__c blank) is affiliated with the district of its school (School__c), else with
 * the one district the schools of all its teachers and students share; an event whose participants'
 * schools span several districts, or that has none, stays unaffiliated and is counted. It reads only
 * what the earlier steps imported, so it runs after them; one statement, so nothing is half-applied.
 */
public final class EventAffiliation {

    private static final String DERIVE = """
            with candidates as (
                select e.id, e.school_salesforce_id, e.affiliated_district_salesforce_id as before, e.affiliated_by as by_before
                from event e
                where e.salesforce_id is not null and not e.deleted and e.district_salesforce_id is null
            ), by_school as (
                select c.id, s.district_salesforce_id as district
                from candidates c join school s on s.id = c.school_salesforce_id
                where s.district_salesforce_id is not null
            ), by_participants as (
                select p.event_id as id, min(s.district_salesforce_id) as district
                from event_participation p
                left join teacher t on t.id = p.teacher_id
                left join student st on st.id = p.student_id
                join school s on s.id = coalesce(t.school_salesforce_id, st.school_salesforce_id)
                where p.event_id in (select id from candidates) and not p.deleted and s.district_salesforce_id is not null
                group by p.event_id
                having count(distinct s.district_salesforce_id) = 1
            ), derived as (
                select c.id, c.before, c.by_before,
                       coalesce(bs.district, bp.district) as district,
                       case when bs.district is not null then 'school' when bp.district is not null then 'participants' end as by
                from candidates c left join by_school bs on bs.id = c.id left join by_participants bp on bp.id = c.id
            ), changed as (
                update event e set affiliated_district_salesforce_id = d.district, affiliated_by = d.by, updated_at = now()
                from derived d
                where e.id = d.id and ? and (e.affiliated_district_salesforce_id is distinct from d.district
                    or e.affiliated_by is distinct from d.by)
                returning e.id
            )
            select count(*),
                   count(*) filter (where by = 'school'),
                   count(*) filter (where by = 'participants'),
                   count(*) filter (where district is null),
                   count(*) filter (where before is distinct from district or by_before is distinct from by),
                   (select count(*) from changed)
            from derived
            """;

    private EventAffiliation() {
    }

    /**
     * @param unaffiliated live Salesforce events without a District__c
     * @param bySchool affiliated through their school
     * @param byParticipants through their participants' schools
     * @param still left without a district (no school, no participant school, or several districts)
     * @param changed whose affiliation this step set or changed (or would, in a dry run)
     */
    public record Result(int unaffiliated, int bySchool, int byParticipants, int still, int changed) {
    }

    /** Derives the affiliations; {@code dryRun} counts what it would change and changes nothing. */
    public static Result affiliate(Connection c, boolean dryRun) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(DERIVE)) {
            ps.setBoolean(1, !dryRun);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Result(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5));
            }
        }
    }
}
