package dev.logshield.redact.event;

/** A POJO whose {@code toString()} leaves out a password that Jackson, reading its getters, would write. */
public final class Customer {

    private final String name;
    private final String email;
    private final String password;

    Customer(String name, String email, String password) {
        this.name = name;
        this.email = email;
        this.password = password;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getPassword() {
        return password;
    }

    @Override
    public String toString() {
        return "Customer{name=" + name + ", email=" + email + "}";
    }
}
