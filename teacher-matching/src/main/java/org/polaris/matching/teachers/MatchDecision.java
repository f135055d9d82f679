package org.polaris.matching.teachers;

import java.util.List;
import java.util.Objects;

/**
 * The decision for one roster row.
 *
 * <ul>
 *   <li>{@link MatchOutcome#AUTO_LINKED}: {@code teacherId}, {@code score} and {@code reason} are set;
 *       {@code candidates} lists what was considered (the linked teacher first).</li>
 *   <li>{@link MatchOutcome#REVIEW}: {@code candidates} holds the plausible teachers, best first;
 *       {@code score} is the best candidate's; {@code teacherId} and {@code reason} are null.</li>
 *   <li>{@link MatchOutcome#UNMATCHED}: no candidate; {@code score} 0.</li>
 * </ul>
 *
 * @param rosterId   the roster row's id
 * @param outcome    the outcome
 * @param teacherId  the linked teacher (auto-links only)
 * @param score      the link's score, the best candidate's score for a review, 0 when unmatched
 * @param reason     why it was linked (auto-links only)
 * @param candidates the candidates, best first (never null)
 * @param note       a short human-readable explanation for the reviewer (never null)
 */
public record MatchDecision(String rosterId, MatchOutcome outcome, String teacherId, double score, LinkReason reason,
                            List<Candidate> candidates, String note) {

    public MatchDecision {
        Objects.requireNonNull(outcome, "outcome");
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        note = note == null ? "" : note;
    }

    static MatchDecision autoLinked(String rosterId, Candidate link, List<Candidate> considered, String note) {
        return new MatchDecision(rosterId, MatchOutcome.AUTO_LINKED, link.teacherId(), link.score(), link.reason(),
                considered, note);
    }

    static MatchDecision review(String rosterId, List<Candidate> candidates, String note) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a review needs at least one candidate");
        }
        return new MatchDecision(rosterId, MatchOutcome.REVIEW, null, candidates.get(0).score(), null, candidates,
                note);
    }

    static MatchDecision unmatched(String rosterId, String note) {
        return new MatchDecision(rosterId, MatchOutcome.UNMATCHED, null, 0.0, null, List.of(), note);
    }

    public boolean isAutoLinked() {
        return outcome == MatchOutcome.AUTO_LINKED;
    }
}
