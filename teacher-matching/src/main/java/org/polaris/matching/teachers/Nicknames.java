package org.polaris.matching.teachers;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A small built-in table of English given-name nicknames and spelling variants, mapped to a canonical
 * first name. Rosters come from HR (legal names: "Robert") while VMS accounts are often created by the
 * teachers themselves (preferred names: "Bob"), so without this table the most common kind of
 * difference between the two sides would look like two different people.
 *
 * <p>A nickname can belong to several canonical names ("chris" is Christopher or Christine, "sam"
 * Samuel or Samantha): {@link #canonical(String)} then returns all of them, and the comparison
 * takes the best; when both a Christopher and a Christine are candidates, the tie keeps the row out
 * of auto-linking. Keys and values are already normalized (lower case, no diacritics, no
 * punctuation), see {@link NameNormalizer}.
 */
public final class Nicknames {

    /** canonical name: its nicknames and spelling variants. */
    private static final String[] GROUPS = {
            "robert: bob bobby rob robbie robby bert",
            "william: bill billy will willie willy",
            "elizabeth: liz lizzie lizzy beth betsy betty eliza elisabeth libby",
            "katherine: kate katie katy kathy cathy kathryn catherine kat kitty",
            "kathleen: kathy kate katie",
            "james: jim jimmy jamie",
            "michael: mike mikey mick mickey",
            "michelle: shelly",
            "christopher: chris topher kit",
            "christine: chris chrissy christy tina christina",
            "christina: chris chrissy christy tina",
            "thomas: tom tommy",
            "daniel: dan danny",
            "danielle: dani",
            "jennifer: jen jenn jenny",
            "samuel: sam sammy",
            "samantha: sam sammy",
            "alexander: alex al xander",
            "alexandra: alex lexi",
            "anthony: tony",
            "steven: steve stephen stevie",
            "matthew: matt matty",
            "nicholas: nick nicky nico",
            "nicole: nikki",
            "joseph: joe joey",
            "josephine: jo josie",
            "david: dave davey",
            "andrew: andy drew",
            "patrick: pat paddy",
            "patricia: pat patty patsy trish tricia",
            "susan: sue susie suzy suzanne",
            "margaret: meg maggie peggy marge margie",
            "rebecca: becky becca",
            "abigail: abby abbie",
            "richard: rick ricky rich richie dick",
            "edward: ed eddie ted teddy ned",
            "charles: charlie chuck chas",
            "benjamin: ben benny",
            "jonathan: jon johnny",
            "john: jack johnny jon",
            "timothy: tim timmy",
            "kenneth: ken kenny",
            "ronald: ron ronnie",
            "donald: don donnie",
            "gregory: greg",
            "jeffrey: jeff geoffrey",
            "victoria: vicky vicki tori",
            "jessica: jess jessie",
            "deborah: deb debbie debra",
            "kimberly: kim kimmy",
            "cynthia: cindy",
            "pamela: pam",
            "theresa: terri terry tess tessa teresa",
            "frederick: fred freddie",
            "raymond: ray",
            "douglas: doug",
            "zachary: zach zack",
            "jacob: jake",
            "nathaniel: nate nathan nat",
            "nathan: nate",
            "madeline: maddie madeleine",
            "isabella: bella izzy isabel",
            "gabriel: gabe",
            "gabriela: gabby gabriella",
            "philip: phil phillip",
            "peter: pete",
            "jacqueline: jackie",
            "lawrence: larry",
            "gerald: jerry",
            "leonard: leo len lenny",
            "vincent: vince vinny",
            "eugene: gene",
            "albert: al bert",
            "frances: fran frannie",
            "francis: frank fran",
            "franklin: frank",
            "angela: angie",
            "barbara: barb barbie",
            "dorothy: dot dottie",
            "judith: judy",
            "allison: ally allie alison",
            "caroline: carrie",
            "stephanie: steph",
            "melissa: missy",
            "amanda: mandy",
            "joshua: josh",
            "jeremy: jerry",
            "mitchell: mitch",
            "ashley: ash",
            "valerie: val",
            "veronica: ronnie",
            "guadalupe: lupe",
            "francisco: paco pancho",
            "jose: pepe",
            "enrique: kike",
            "alejandro: alex",
            "sara: sarah",
            "ann: anne annie",
            "hannah: hanna",
            "emily: em emmy",
            "olivia: liv livvy",
    };

    private static final Map<String, Set<String>> CANONICAL = build();

    private Nicknames() {
    }

    private static Map<String, Set<String>> build() {
        Map<String, Set<String>> map = new HashMap<>();
        for (String group : GROUPS) {
            String[] parts = group.split(":", 2);
            String canonical = parts[0].trim();
            map.computeIfAbsent(canonical, k -> new LinkedHashSet<>()).add(canonical);
            for (String nick : parts[1].trim().split("\\s+")) {
                map.computeIfAbsent(nick, k -> new LinkedHashSet<>()).add(canonical);
            }
        }
        // A canonical name that is also another's nickname ("nathan" of nathaniel) maps to both.
        Map<String, Set<String>> frozen = new HashMap<>();
        map.forEach((k, v) -> frozen.put(k, Set.copyOf(v)));
        return Map.copyOf(frozen);
    }

    /**
     * The canonical first names of a normalized first name: "bob" -> {robert}; "chris" ->
     * {christopher, christine, christina}; "robert" -> {robert}; a name the table does not know -> itself.
     */
    public static Set<String> canonical(String normalizedFirstName) {
        if (normalizedFirstName == null || normalizedFirstName.isEmpty()) {
            return Set.of();
        }
        return CANONICAL.getOrDefault(normalizedFirstName, Set.of(normalizedFirstName));
    }

    /** True when two normalized first names share a canonical name ("bob" and "rob", "kate" and "katherine"). */
    public static boolean sameName(String a, String b) {
        Set<String> ca = canonical(a);
        for (String c : canonical(b)) {
            if (ca.contains(c)) {
                return true;
            }
        }
        return false;
    }
}
