package dev.logshield.redact.json;

/** A POJO logged as an argument: Jackson serialises its getters. */
public final class Customer {

    public String getName() {
        return "Jane";
    }

    public String getEmail() {
        return "jane.doe@example.com";
    }

    public String getPassword() {
        return "hunter2";
    }

    public long getCardNumber() {
        return 4111111111111111L;
    }
}
