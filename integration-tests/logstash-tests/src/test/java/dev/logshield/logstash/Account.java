package dev.logshield.logstash;

/**
 * A POJO given to {@code StructuredArguments.fields(...)}: Jackson writes its getters as fields, the password
 * included, which its {@code toString()} leaves out.
 */
public final class Account {

    private final String user;
    private final String password;

    Account(String user, String password) {
        this.user = user;
        this.password = password;
    }

    public String getUser() {
        return user;
    }

    public String getPassword() {
        return password;
    }

    @Override
    public String toString() {
        return "Account[user=" + user + "]";
    }
}
