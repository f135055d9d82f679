package org.polaris.normalizer.rows;

import java.util.List;

/** A normalized row, or every reason it is invalid. */
public record RowResult<T>(T value, List<String> reasons) {

    public static <T> RowResult<T> valid(T value) {
        return new RowResult<>(value, List.of());
    }

    public static <T> RowResult<T> invalid(List<String> reasons) {
        return new RowResult<>(null, List.copyOf(reasons));
    }

    public boolean isValid() {
        return value != null;
    }
}
