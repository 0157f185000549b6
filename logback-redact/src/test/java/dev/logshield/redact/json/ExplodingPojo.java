package dev.logshield.redact.json;

/** A POJO whose second getter throws half-way through its serialisation. */
public final class ExplodingPojo {

    public String getAccount() {
        return "jane-account";
    }

    public String getBroken() {
        throw new IllegalStateException("getter failed for password=hunter2");
    }
}
