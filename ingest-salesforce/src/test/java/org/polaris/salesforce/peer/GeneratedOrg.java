package org.polaris.salesforce.peer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Fills an {@link Org} with a deterministic, deliberately messy copy of a volunteer
 * program's Salesforce data (NPSP-style Contacts, Accounts, Affiliations, Sessions and
 * their Participants, Classes, Tasks, EmailMessages). Same seed and sizes → same records,
 * same Ids, same timestamps, so tests can assert exact values.
 *
 * <p>The mess is what real orgs hold and importers must survive: malformed and
 * untrimmed e-mails, apostrophes in names, picklist values nobody defined, blank last
 * names, soft-deleted records, and children pointing at parents that do not exist.
 */
public final class GeneratedOrg {

    /** The fields each generated object carries (system fields aside), in a sensible SELECT order. */
    public static final Map<String, List<String>> FIELDS = fields();

    private static final String[] FIRST_NAMES = {
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
        "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Ashley", "Anthony", "Sandra", "Mark", "Aaliyah",
        "D'Angelo", "Renée", "José", "Zoë", "Priya", "Wei", "Mohammed", "Siobhán", "Keisha", "Dmitri"};
    private static final String[] LAST_NAMES = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "O'Neil", "O'Brien", "D'Angelo", "McDonald", "Van Der Berg", "Nguyen", "Kim", "Patel", "Smith-Jones", "de la Cruz"};
    private static final String[][] CITIES = {
        {"Kansas City", "MO", "641"}, {"Kansas City", "KS", "661"}, {"Independence", "MO", "640"},
        {"Overland Park", "KS", "662"}, {"Lee's Summit", "MO", "640"}, {"Olathe", "KS", "660"}, {"Raytown", "MO", "641"}};
    private static final String[] STREETS = {"Main St", "Oak Ave", "Troost Ave", "Prospect Ave", "Ward Pkwy", "Grand Blvd", "Elm St", "State Line Rd"};
    private static final String[] DISTRICTS = {
        "Kansas City Public Schools", "North Kansas City School District", "Hickman Mills C-1 School District",
        "Center School District", "Raytown C-2 School District"};

    private static final String[] GENDERS = {"Female", "Male", "Non-binary", "Prefer not to say"};
    private static final String[] RACES = {"White", "Black/African American", "Hispanic/Latino", "Asian", "Multi-racial", "Prefer not to say"};
    private static final String[] EDUCATION = {"High School", "Bachelor's Degree", "Master's Degree", "Doctorate"};
    private static final String[] AGE_GROUPS = {"Under 18", "18-24", "25-34", "35-44", "45-54", "55-64", "65+"};
    private static final String[] SKILLS = {"Public Speaking", "Mentoring", "Software", "Finance", "Healthcare"};
    private static final String[] TITLES = {"Software Engineer", "Project Manager", "Director", "Analyst", "Registered Nurse", "Accountant", "VP, Finance", "Retired"};
    private static final String[] DEPARTMENTS = {"Engineering", "Finance", "Human Resources", "Marketing", "Operations", "Science", "Mathematics", "English"};
    private static final String[] OTHER_TYPES = {"Parent", "Alumni", "Board Member"};
    private static final String[] SESSION_TYPES = {"Career Talk", "Classroom Speaker", "Virtual Session", "Job Shadow", "Workshop", "Legacy Event"};
    private static final String[] SESSION_TOPICS = {
        "Careers in Software", "Women's History Month Panel", "Finance 101", "Healthcare Heroes", "Engineering Day",
        "O'Reilly's Guide to Coding", "Entrepreneurship", "College & Career Readiness", "Kids' Science Fair", "Public Speaking"};
    private static final LocalDate SESSIONS_FROM = LocalDate.of(2025, 8, 1);
    private static final int SESSION_DAYS = 333; // through 2026-06-29, so a session ends by 2026-06-30

    private final Org org;
    private final Random rnd;

    private final List<String> organizations = new ArrayList<>();
    private final List<String> districts = new ArrayList<>();
    private final List<String> schools = new ArrayList<>();
    private final Map<String, String> districtOfSchool = new HashMap<>();
    private final List<String> contacts = new ArrayList<>();
    private final List<String> volunteers = new ArrayList<>();
    private final List<String> teachers = new ArrayList<>();
    private final Map<String, String> schoolOfTeacher = new HashMap<>();
    private final List<String> students = new ArrayList<>();
    private final List<String> emails = new ArrayList<>();
    private final List<String> sessions = new ArrayList<>();

    private GeneratedOrg(Org org, long seed) {
        this.org = org;
        this.rnd = new Random(seed);
    }

    /** {@code contacts} contacts and everything around them at the usual ratios (sessions = contacts/5, two participants each). */
    public static void fill(Org org, int contacts, long seed) {
        fill(org, contacts, contacts / 5, contacts / 5 * 2, seed);
    }

    /** As {@link #fill(Org, int, long)} with explicit session and participation counts (for benchmarks). */
    public static void fill(Org org, int contacts, int sessions, int participations, long seed) {
        GeneratedOrg g = new GeneratedOrg(org, seed);
        FIELDS.forEach((sobject, fields) -> org.declareFields(sobject, fields.toArray(String[]::new)));
        g.accounts(contacts);
        g.contacts(contacts);
        g.affiliations();
        g.sessions(sessions);
        g.participations(participations);
        g.classes();
        g.tasks(contacts / 10);
        g.emailMessages(contacts / 20);
    }

    // ---- objects -----------------------------------------------------------------------

    private void accounts(int contactCount) {
        int orgCount = Math.max(1, contactCount / 50);
        for (int i = 0; i < orgCount; i++) {
            // the first one always exists so tests can rely on an apostrophe in an Account name
            String name = i == 0 ? "O'Brien Industries" : organizationName();
            String type = weighted(new String[] {"Business", "Non-Profit", "Government", "Foundation", "Cooperative"},
                    new int[] {50, 28, 15, 4, 3});
            organizations.add(org.insert("Account", account(name, type, null)));
        }
        for (String name : DISTRICTS) {
            districts.add(org.insert("Account", account(name, "School District", null)));
        }
        int schoolCount = Math.max(1, contactCount / 100);
        for (int i = 0; i < schoolCount; i++) {
            String district = pick(districts);
            String name = pick(LAST_NAMES) + " " + pick("Elementary", "Middle", "High") + " School";
            String id = org.insert("Account", account(name, "School", district));
            schools.add(id);
            districtOfSchool.put(id, district);
        }
    }

    private Map<String, Object> account(String name, String type, String parentId) {
        String[] city = pick(CITIES);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("Name", name);
        a.put("Type", type);
        a.put("ParentId", parentId);
        a.put("BillingStreet", street());
        a.put("BillingCity", city[0]);
        a.put("BillingState", state(city[1]));
        a.put("BillingPostalCode", postalCode(city[2]));
        a.put("Phone", chance(0.1) ? null : phone());
        a.put("Website", chance(0.2) ? null : website(name));
        return a;
    }

    private void contacts(int count) {
        List<String> toDelete = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int roll = rnd.nextInt(100);
            String type = roll < 55 ? "Volunteer" : roll < 65 ? null : roll < 75 ? "Teacher" : roll < 95 ? "Student" : pick(OTHER_TYPES);
            String first = pick(FIRST_NAMES);
            String last = pick(LAST_NAMES);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("FirstName", first);
            // a few invalid rows: Salesforce requires LastName, but imports and integrations get around it
            c.put("LastName", chance(0.003) ? (rnd.nextBoolean() ? null : "") : last);
            c.put("Contact_Type__c", type);
            String id;
            if ("Teacher".equals(type)) {
                String school = pick(schools);
                teacherFields(c, first, last, school);
                id = org.insert("Contact", c);
                teachers.add(id);
                schoolOfTeacher.put(id, school);
            } else if ("Student".equals(type)) {
                studentFields(c, first, last);
                id = org.insert("Contact", c);
                students.add(id);
            } else {
                volunteerFields(c, first, last);
                id = org.insert("Contact", c);
                if ("Volunteer".equals(type)) {
                    volunteers.add(id);
                }
            }
            contacts.add(id);
            if (c.get("Email") instanceof String email && email.contains("@")) {
                emails.add(email.trim().toLowerCase(Locale.ROOT));
            }
            if (chance(0.01)) {
                toDelete.add(id);
            }
        }
        toDelete.forEach(id -> org.delete("Contact", id));
    }

    private void volunteerFields(Map<String, Object> c, String first, String last) {
        String[] city = pick(CITIES);
        String employer = organizations.isEmpty() || chance(0.4) ? null : pick(organizations);
        String preferred = weighted(new String[] {"Personal", "Work", null}, new int[] {50, 30, 20});
        c.put("MiddleName", chance(0.3) ? pick(FIRST_NAMES) : null);
        c.put("Email", chance(0.05) ? null : email(first, last));
        c.put("npe01__Preferred_Email__c", preferred);
        c.put("npe01__WorkEmail__c", "Work".equals(preferred) || chance(0.2) ? plainEmail(first, last, "work.example.com") : null);
        c.put("Phone", chance(0.2) ? null : phone());
        c.put("MobilePhone", chance(0.4) ? null : phone());
        c.put("MailingStreet", chance(0.1) ? null : street());
        c.put("MailingCity", city[0]);
        c.put("MailingState", state(city[1]));
        c.put("MailingPostalCode", postalCode(city[2]));
        c.put("Title", chance(0.3) ? null : pick(TITLES));
        c.put("Department", chance(0.4) ? null : pick(DEPARTMENTS));
        c.put("Gender__c", chance(0.01) ? "Woman" : chance(0.15) ? null : pick(GENDERS));
        c.put("Racial_Ethnic_Background__c", chance(0.2) ? null : pick(RACES));
        c.put("Highest_Level_of_Educational__c", chance(0.25) ? null : pick(EDUCATION));
        c.put("Age_Group__c", chance(0.01) ? "Unknown" : chance(0.1) ? null : AGE_GROUPS[1 + rnd.nextInt(AGE_GROUPS.length - 1)]);
        c.put("Volunteer_Skills__c", skills());
        LocalDate firstDate = chance(0.15) ? null : LocalDate.of(2018, 1, 1).plusDays(rnd.nextInt(2900));
        c.put("First_Volunteer_Date__c", firstDate);
        c.put("Last_Volunteer_Date__c", firstDate == null || chance(0.2) ? null
                : firstDate.plusDays(rnd.nextInt((int) (LocalDate.of(2026, 6, 30).toEpochDay() - firstDate.toEpochDay()) + 1)));
        c.put("DoNotCall", chance(0.05));
        c.put("npsp__Do_Not_Contact__c", chance(0.02));
        c.put("HasOptedOutOfEmail", chance(0.08));
        c.put("EmailBouncedDate", chance(0.03) ? Instant.parse("2024-01-01T00:00:00Z").plusSeconds(rnd.nextInt(700 * 86400)) : null);
        c.put("npsp__Primary_Affiliation__c", employer);
        c.put("AccountId", employer != null && chance(0.7) ? employer : null);
    }

    private void teacherFields(Map<String, Object> c, String first, String last, String school) {
        c.put("Email", chance(0.05) ? null : email(first, last));
        c.put("Phone", chance(0.3) ? null : phone());
        c.put("Department", pick("Science", "Mathematics", "English", "Social Studies", "Career & Technical Education"));
        c.put("Gender__c", chance(0.01) ? "Woman" : chance(0.1) ? null : pick(GENDERS));
        c.put("npsp__Primary_Affiliation__c", school);
    }

    private void studentFields(Map<String, Object> c, String first, String last) {
        c.put("MiddleName", chance(0.4) ? pick(FIRST_NAMES) : null);
        c.put("Email", chance(0.7) ? null : email(first, last));
        c.put("Gender__c", chance(0.01) ? "Woman" : chance(0.1) ? null : pick(GENDERS));
        c.put("Racial_Ethnic_Background__c", chance(0.15) ? null : pick(RACES));
        c.put("Age_Group__c", chance(0.01) ? "Unknown" : chance(0.9) ? "Under 18" : "18-24");
        c.put("npsp__Primary_Affiliation__c", pick(schools));
    }

    /** About one per two volunteers; 1% belong to a contact that does not exist. */
    private void affiliations() {
        for (String volunteer : volunteers) {
            if (!rnd.nextBoolean()) {
                continue;
            }
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("npe5__Contact__c", chance(0.01) ? missingId("003") : volunteer);
            a.put("npe5__Organization__c", pick(organizations));
            a.put("npe5__Status__c", chance(0.7) ? "Current" : "Former");
            a.put("npe5__Primary__c", chance(0.3));
            org.insert("npe5__Affiliation__c", a);
        }
    }

    private void sessions(int count) {
        for (int i = 0; i < count; i++) {
            String type = chance(0.02) ? "Connector Session" : pick(SESSION_TYPES);
            String status = weighted(new String[] {"Completed", "Scheduled", "Cancelled", "No Show", "Draft", "Postponed"},
                    new int[] {51, 20, 12, 11, 5, 1});
            String format = type.equals("Virtual Session") ? "Virtual" : weighted(new String[] {"In-Person", "Virtual", "Hybrid"}, new int[] {60, 20, 20});
            Instant start = SESSIONS_FROM.plusDays(rnd.nextInt(SESSION_DAYS)).atStartOfDay(ZoneOffset.UTC).toInstant()
                    .plusSeconds((8 * 60 + 15L * rnd.nextInt(32)) * 60);
            String school = pick(schools);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("Name", pick(SESSION_TOPICS) + (chance(0.5) ? "" : " #" + (i + 1)));
            s.put("Session_Type__c", type);
            s.put("Session_Status__c", status);
            s.put("Start_Date_and_Time__c", start);
            s.put("End_Date_and_Time__c", start.plusSeconds(60L * (60 + 15 * rnd.nextInt(5))));
            s.put("Format__c", format);
            // every tenth session has no District__c (the runner's last step affiliates it), every thirtieth
            // no School__c either (only its participants can); by position, so the random sequence is unchanged
            s.put("District__c", i % 10 == 3 ? null : districtOfSchool.get(school));
            s.put("School__c", i % 30 == 3 ? null : school);
            s.put("Pathful_Session_Id__c", type.equals("Virtual Session") || format.equals("Virtual") ? "SFPS-" + (100000 + i) : null);
            sessions.add(org.insert("Session__c", s));
        }
    }

    /** A volunteer, teacher or student per row, matching Participant_Type__c; 1% with a missing parent. */
    private void participations(int count) {
        for (int i = 0; i < count; i++) {
            String participantType = weighted(new String[] {"Volunteer", "Student", "Teacher"}, new int[] {50, 35, 15});
            List<String> pool = switch (participantType) {
                case "Volunteer" -> volunteers;
                case "Student" -> students;
                default -> teachers;
            };
            String status = weighted(new String[] {"Attended", "Registered", "Cancelled", "No-Show"}, new int[] {55, 20, 15, 10});
            boolean orphan = chance(0.01);
            boolean orphanSession = orphan && rnd.nextBoolean();
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("Session__c", orphanSession || sessions.isEmpty() ? missingId("a0A") : pick(sessions));
            p.put("Contact__c", (orphan && !orphanSession) || pool.isEmpty() ? missingId("003") : pick(pool));
            p.put("Participant_Type__c", participantType);
            p.put("Status__c", status);
            p.put("Delivery_Hours__c", chance(0.2) ? null : 0.5 * (1 + rnd.nextInt(6)));
            p.put("Age_Group__c", participantType.equals("Student") ? "Under 18" : chance(0.3) ? null : pick(AGE_GROUPS));
            org.insert("Session_Participant__c", p);
        }
    }

    private void classes() {
        for (int i = 0; i < teachers.size() / 2; i++) {
            String teacher = pick(teachers);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("Name", "Grade " + (1 + rnd.nextInt(12)) + " " + pick("Science", "Math", "English", "History", "Art") + " - Room " + (100 + rnd.nextInt(200)));
            c.put("School__c", schoolOfTeacher.get(teacher));
            c.put("Teacher__c", teacher);
            org.insert("Class__c", c);
        }
    }

    private void tasks(int count) {
        for (int i = 0; i < count; i++) {
            String type = pick("Call", "Email", "Meeting");
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("WhoId", chance(0.02) || contacts.isEmpty() ? missingId("003") : pick(contacts));
            t.put("WhatId", sessions.isEmpty() || chance(0.6) ? null : pick(sessions));
            t.put("Subject", type + ": " + pick("Follow up", "Thank-you", "Schedule O'Brien visit", "Check availability"));
            t.put("ActivityDate", SESSIONS_FROM.plusDays(rnd.nextInt(SESSION_DAYS)));
            t.put("Type", type);
            t.put("Status", chance(0.7) ? "Completed" : "Not Started");
            // commas, quotes and newlines: what breaks naive CSV handling
            t.put("Description", chance(0.3) ? null : pick("Left voicemail, will try again",
                    "Said \"yes\" to the spring session", "Notes:\nbring badge\nparking on 3rd", "Asked about virtual options"));
            org.insert("Task", t);
        }
    }

    private void emailMessages(int count) {
        for (int i = 0; i < count; i++) {
            boolean incoming = chance(0.1);
            String contactAddress = emails.isEmpty() || chance(0.05) ? "stranger" + rnd.nextInt(10_000) + "@nowhere.example.com" : pick(emails);
            String ours = "programs@polaris.example.org";
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("Subject", pick("Thank you for volunteering!", "Session reminder", "Re: Your availability", "Welcome to the program"));
            e.put("MessageDate", SESSIONS_FROM.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(rnd.nextInt(SESSION_DAYS * 86400)));
            e.put("FromAddress", incoming ? contactAddress : ours);
            e.put("ToAddress", incoming ? ours : contactAddress);
            e.put("RelatedToId", sessions.isEmpty() || chance(0.5) ? null : pick(sessions));
            e.put("Status", "3");
            e.put("Incoming", incoming);
            org.insert("EmailMessage", e);
        }
    }

    // ---- values ------------------------------------------------------------------------

    private String organizationName() {
        String last = pick(LAST_NAMES);
        String city = pick(CITIES)[0];
        return switch (rnd.nextInt(6)) {
            case 0 -> last + " Industries";
            case 1 -> last + " & Sons";
            case 2 -> city + " Community Foundation";
            case 3 -> "City of " + city;
            case 4 -> last + " Consulting, LLC";
            default -> city + " Youth Alliance";
        };
    }

    /** 2% malformed, 3% with capitals and stray spaces, the rest lower-case and tidy. */
    private String email(String first, String last) {
        double roll = rnd.nextDouble();
        if (roll < 0.01) {
            return localPart(first, last) + ".example.org"; // no at sign
        }
        if (roll < 0.02) {
            return localPart(first, last).substring(0, 1) + "@" + pick("b", "gmail", "yahoo"); // no domain suffix
        }
        String email = plainEmail(first, last, pick("gmail.com", "yahoo.com", "outlook.com", "example.org", "kc.rr.com"));
        if (roll < 0.05) {
            return "  " + first + "." + last.replace(" ", "") + "@" + "Example.ORG ";
        }
        return email;
    }

    private String plainEmail(String first, String last, String domain) {
        return localPart(first, last) + (rnd.nextBoolean() ? "" : Integer.toString(rnd.nextInt(100))) + "@" + domain;
    }

    /** first.last in lower case, keeping only a-z, '.' and '-' (no apostrophes, spaces or accents). */
    private static String localPart(String first, String last) {
        String raw = (first + "." + last).toLowerCase(Locale.ROOT);
        StringBuilder local = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c >= 'a' && c <= 'z') || c == '.' || c == '-') {
                local.append(c);
            }
        }
        return local.toString();
    }

    private String phone() {
        int area = pick(new int[] {816, 913, 660});
        int exchange = 200 + rnd.nextInt(800);
        int line = rnd.nextInt(10_000);
        String last4 = pad(line, 4);
        return switch (rnd.nextInt(4)) {
            case 0 -> "(" + area + ") " + exchange + "-" + last4;
            case 1 -> area + "-" + exchange + "-" + last4;
            case 2 -> area + "." + exchange + "." + last4;
            default -> "+1 " + area + " " + exchange + " " + last4;
        };
    }

    private String street() {
        return (100 + rnd.nextInt(9900)) + " " + pick(STREETS) + (chance(0.1) ? ", Apt " + (1 + rnd.nextInt(30)) : "");
    }

    private String state(String code) {
        if (chance(0.05)) {
            return code.equals("MO") ? "Missouri" : "Kansas";
        }
        return chance(0.02) ? code.toLowerCase(Locale.ROOT) : code;
    }

    private String postalCode(String prefix) {
        String zip = prefix + pad(rnd.nextInt(100), 2);
        return chance(0.1) ? zip + "-" + pad(rnd.nextInt(10_000), 4) : zip;
    }

    private String website(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        return (chance(0.5) ? "https://www." : "www.") + slug + (chance(0.5) ? ".org" : ".com");
    }

    /** A multi-select value: up to three skills, ';'-joined in picklist order as Salesforce stores them. */
    private String skills() {
        int wanted = rnd.nextInt(4);
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < SKILLS.length && chosen.size() < wanted; i++) {
            if (rnd.nextInt(SKILLS.length - i) < wanted - chosen.size()) {
                chosen.add(SKILLS[i]);
            }
        }
        return chosen.isEmpty() ? null : String.join(";", chosen);
    }

    /** An Id of the right shape that no record has: the digit 9 after the prefix is beyond any counter. */
    private String missingId(String prefix) {
        return prefix + "9" + pad(rnd.nextInt(1_000_000_000), 14);
    }

    private static String pad(int value, int width) {
        String digits = Integer.toString(value);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    // ---- randomness --------------------------------------------------------------------

    private boolean chance(double p) {
        return rnd.nextDouble() < p;
    }

    private String pick(String... options) {
        return options[rnd.nextInt(options.length)];
    }

    private String[] pick(String[][] options) {
        return options[rnd.nextInt(options.length)];
    }

    private int pick(int[] options) {
        return options[rnd.nextInt(options.length)];
    }

    private String pick(List<String> options) {
        return options.get(rnd.nextInt(options.size()));
    }

    private String weighted(String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = rnd.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return values[i];
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static Map<String, List<String>> fields() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("Account", List.of("Name", "Type", "ParentId", "BillingStreet", "BillingCity", "BillingState",
                "BillingPostalCode", "Phone", "Website"));
        f.put("Contact", List.of("FirstName", "LastName", "MiddleName", "Contact_Type__c", "Email",
                "npe01__Preferred_Email__c", "npe01__WorkEmail__c", "Phone", "MobilePhone", "MailingStreet",
                "MailingCity", "MailingState", "MailingPostalCode", "Title", "Department", "Gender__c",
                "Racial_Ethnic_Background__c", "Highest_Level_of_Educational__c", "Age_Group__c",
                "Volunteer_Skills__c", "First_Volunteer_Date__c", "Last_Volunteer_Date__c", "DoNotCall",
                "npsp__Do_Not_Contact__c", "HasOptedOutOfEmail", "EmailBouncedDate",
                "npsp__Primary_Affiliation__c", "AccountId"));
        f.put("npe5__Affiliation__c", List.of("npe5__Contact__c", "npe5__Organization__c", "npe5__Status__c", "npe5__Primary__c"));
        f.put("Session__c", List.of("Name", "Session_Type__c", "Session_Status__c", "Start_Date_and_Time__c",
                "End_Date_and_Time__c", "Format__c", "District__c", "School__c", "Pathful_Session_Id__c"));
        f.put("Session_Participant__c", List.of("Session__c", "Contact__c", "Participant_Type__c", "Status__c",
                "Delivery_Hours__c", "Age_Group__c"));
        f.put("Class__c", List.of("Name", "School__c", "Teacher__c"));
        f.put("Task", List.of("WhoId", "WhatId", "Subject", "ActivityDate", "Type", "Status", "Description"));
        f.put("EmailMessage", List.of("Subject", "MessageDate", "FromAddress", "ToAddress", "RelatedToId", "Status", "Incoming"));
        return java.util.Collections.unmodifiableMap(f);
    }
}
