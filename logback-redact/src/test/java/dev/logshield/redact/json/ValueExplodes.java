package dev.logshield.redact.json;

import com.fasterxml.jackson.annotation.JsonValue;

/** A value whose JSON form is computed by a method that throws before anything is written. */
public final class ValueExplodes {

    @JsonValue
    public String value() {
        throw new IllegalStateException("value failed, password=hunter2");
    }
}
