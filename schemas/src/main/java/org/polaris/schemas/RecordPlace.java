package org.polaris.schemas;

/**
 * Where a record was read: what a stage names when it sets aside a record it cannot read, so an
 * operator can find it ({@code polaris.raw.events partition 0 offset 17}). The same rule in every stage.
 */
public record RecordPlace(String topic, int partition, long offset) {

    /**
     * The row number of a record whose row cannot be read: negative (never a real row), and the same
     * for the same record every time it is read again, so a redelivery is still recognised.
     */
    public int syntheticRow() {
        return -(1 + (int) (offset & 0x3FFFFFFF));
    }

    @Override
    public String toString() {
        return topic + " partition " + partition + " offset " + offset;
    }
}
