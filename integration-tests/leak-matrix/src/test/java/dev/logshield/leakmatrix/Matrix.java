package dev.logshield.leakmatrix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;

/**
 * Every part &times; every kind, each cell with its own generated secret. The values come from a fixed seed, so a
 * failing cell shows the same value on every run; {@link #SEED} can be changed to try others.
 */
final class Matrix {

    static final long SEED = 0x10_5eed_2026L;

    /** The last event of every batch: a sink that wrote it has written everything logged before it. */
    static final String END_OF_BATCH = "end-of-leak-matrix-batch";

    private static final Matrix INSTANCE = new Matrix();

    private final Map<EventPart, Map<SecretKind, Cell>> cells = new EnumMap<>(EventPart.class);
    private final List<Cell> all = new ArrayList<>();

    private Matrix() {
        for (EventPart part : EventPart.values()) {
            Map<SecretKind, Cell> row = new EnumMap<>(SecretKind.class);
            for (SecretKind kind : SecretKind.values()) {
                SplittableRandom random = new SplittableRandom(SEED + 1000L * part.ordinal() + kind.ordinal());
                Cell cell = new Cell(part, kind, kind.generate(random));
                row.put(kind, cell);
                all.add(cell);
            }
            cells.put(part, row);
        }
    }

    static Matrix get() {
        return INSTANCE;
    }

    Cell cell(EventPart part, SecretKind kind) {
        return cells.get(part).get(kind);
    }

    List<Cell> cells() {
        return Collections.unmodifiableList(all);
    }

    /** Logs one event per cell, in order, then {@link #END_OF_BATCH}. */
    void logAll(Logger log) {
        for (Cell cell : all) {
            cell.part().log(log, cell);
        }
        log.info(END_OF_BATCH);
    }
}
