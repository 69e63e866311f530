package dev.quoteline.model;

import dev.quoteline.extract.time.Precision;

/** Orders precisions from narrowest to widest, so that at the same start day a dated day sorts before a week or a year. */
public final class PrecisionRank {
    private PrecisionRank() {
    }

    public static short of(Precision precision) {
        if (precision == null) {
            return 9;
        }
        return switch (precision) {
            case DAY -> 0;
            case WEEKEND -> 1;
            case WEEK -> 2;
            case DAYS -> 3;
            case MONTH -> 4;
            case WEEKS -> 5;
            case QUARTER -> 6;
            case MONTHS -> 7;
            case YEAR -> 8;
        };
    }
}
