package org.polaris.schemas;

import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RowRangesTest {

    @Test
    void increasingRowsCollapseIntoRanges() {
        RowRanges.Builder b = new RowRanges.Builder();
        for (int row : new int[] {2, 3, 4, 6, 8, 9}) {
            b.add(row);
        }
        assertThat(b.build()).containsExactly("2-4", "6", "8-9");
    }

    @Test
    void rangesParseBackToTheirRowsAndMissingRowsPrintAsRanges() {
        BitSet expected = RowRanges.parse(List.of("2-4", "6", "8-9"));
        assertThat(expected.stream().boxed().toList()).containsExactly(2, 3, 4, 6, 8, 9);
        BitSet recorded = new BitSet();
        recorded.set(2);
        recorded.set(8);
        expected.andNot(recorded);
        assertThat(RowRanges.of(expected)).containsExactly("3-4", "6", "9");
        assertThat(new RowRanges.Builder().build()).isEmpty();
    }
}
