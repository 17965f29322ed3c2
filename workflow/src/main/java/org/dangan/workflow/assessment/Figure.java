package org.dangan.workflow.assessment;

/**
 * One stored figure: a count, or a rate's numerator over its denominator. A rate whose denominator
 * is missing or zero is undefined (null), never 0: "no population entered" is not "no records".
 */
public record Figure(long numerator, Long denominator) {

    public static final Figure NONE = new Figure(0, null);

    public Double rate() {
        return denominator == null || denominator == 0 ? null : (double) numerator / denominator;
    }
}
