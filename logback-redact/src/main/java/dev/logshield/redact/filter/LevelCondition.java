package dev.logshield.redact.filter;

import java.util.List;
import org.slf4j.Marker;
import org.slf4j.spi.MDCAdapter;

/** {@code level<X}, {@code level<=X}, {@code level>X}, {@code level>=X}, {@code level=X}, {@code level!=X}. */
record LevelCondition(Comparison comparison, int threshold) implements Condition {

    /** The comparison operators, by their text in a rule. */
    enum Comparison {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("="), NE("!=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        static Comparison forSymbol(String symbol) {
            for (Comparison c : values()) {
                if (c.symbol.equals(symbol)) {
                    return c;
                }
            }
            return null;
        }
    }

    @Override
    public boolean test(String loggerName, int level, Marker marker, List<Marker> markers, MDCAdapter mdc) {
        switch (comparison) {
            case LT:
                return level < threshold;
            case LE:
                return level <= threshold;
            case GT:
                return level > threshold;
            case GE:
                return level >= threshold;
            case EQ:
                return level == threshold;
            default:
                return level != threshold;
        }
    }

    @Override
    public int cost() {
        return 0;
    }
}
