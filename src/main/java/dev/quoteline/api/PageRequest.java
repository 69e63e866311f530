package dev.quoteline.api;

/**
 * Validated Relay paging arguments: a page size, a direction and an optional cursor. {@code first}/{@code after}
 * read forward; {@code last}/{@code before} read backward from the end (or from the cursor).
 */
public record PageRequest(int size, boolean forward, String cursor) {
    public static final int MAX_PAGE = 100;
    public static final int DEFAULT_PAGE = 20;

    public static PageRequest of(Integer first, String after, Integer last, String before) {
        if (first != null && last != null) {
            throw new InvalidInputException("Pass either first or last, not both");
        }
        if (after != null && before != null) {
            throw new InvalidInputException("Pass either after or before, not both");
        }
        if (last != null || before != null) {
            if (after != null) {
                throw new InvalidInputException("after goes with first; use before with last");
            }
            return new PageRequest(checked(last, "last"), false, blankToNull(before));
        }
        return new PageRequest(checked(first, "first"), true, blankToNull(after));
    }

    public static PageRequest forward(Integer first, String after) {
        return of(first, after, null, null);
    }

    private static int checked(Integer n, String argument) {
        if (n == null) {
            return DEFAULT_PAGE;
        }
        if (n < 0 || n > MAX_PAGE) {
            throw new InvalidInputException(argument + " must be between 0 and " + MAX_PAGE + " (was " + n + ")");
        }
        return n;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
