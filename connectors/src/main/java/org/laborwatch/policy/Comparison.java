package org.laborwatch.policy;

import java.math.BigDecimal;

/** A comparison operator of the policy language. Comparisons are exact (decimal against decimal). */
public enum Comparison {
    GE(">="),
    GT(">"),
    LE("<="),
    LT("<"),
    EQ("=="),
    NE("!=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Returns the operator written as {@code symbol}, or {@code null}. */
    public static Comparison fromSymbol(String symbol) {
        for (Comparison c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        return null;
    }

    /** Whether {@code value op threshold} holds, compared exactly. */
    public boolean test(BigDecimal value, BigDecimal threshold) {
        int c = value.compareTo(threshold);
        return switch (this) {
            case GE -> c >= 0;
            case GT -> c > 0;
            case LE -> c <= 0;
            case LT -> c < 0;
            case EQ -> c == 0;
            case NE -> c != 0;
        };
    }
}
