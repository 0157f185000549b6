package dev.logshield.redact.detect;

import static dev.logshield.redact.detect.Redactions.alnum;
import static dev.logshield.redact.detect.Redactions.mask;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UrlCredentialsDetectorTest {

    private static final UrlCredentialsDetector DETECTOR = new UrlCredentialsDetector();
    private static final String M = "[REDACTED:url-credentials]";

    static Stream<Arguments> credentialsInUrls() {
        String gh = "ghp_" + alnum(36, 0);
        String ghs = "ghs_" + alnum(36, 1);
        String glpat = "glpat-" + alnum(20, 2);
        return Stream.of(
                Arguments.of("connecting to postgres://app:s3cr3t@db:5432/orders", "connecting to postgres://app:" + M + "@db:5432/orders"),
                Arguments.of("url=jdbc:postgresql://app:pw@localhost:5432/db", "url=jdbc:postgresql://app:" + M + "@localhost:5432/db"),
                Arguments.of("mongodb+srv://admin:p%40ss@cluster0.example.mongodb.net/test?retryWrites=true",
                        "mongodb+srv://admin:" + M + "@cluster0.example.mongodb.net/test?retryWrites=true"),
                Arguments.of("cache redis://:redispass@cache:6379/0", "cache redis://:" + M + "@cache:6379/0"),
                Arguments.of("GET https://user:pass@example.com/path", "GET https://user:" + M + "@example.com/path"),
                Arguments.of("amqp://guest:guest@rabbit:5672/vhost", "amqp://guest:" + M + "@rabbit:5672/vhost"),
                Arguments.of("git clone https://" + gh + "@github.com/acme/repo.git", "git clone https://" + M + "@github.com/acme/repo.git"),
                Arguments.of("ftp://anonymous:me%40example.com@ftp.example.com", "ftp://anonymous:" + M + "@ftp.example.com"),
                Arguments.of("mysql://root:p@ss@db/x", "mysql://root:" + M + "@db/x"),
                Arguments.of("{\"url\":\"redis://:pw@cache:6379\",\"ok\":true}", "{\"url\":\"redis://:" + M + "@cache:6379\",\"ok\":true}"),
                Arguments.of("postgres://u:pw@[::1]:5432/db", "postgres://u:" + M + "@[::1]:5432/db"),
                Arguments.of("relay smtp://mailer:Sm7pPass@smtp.example.com:587", "relay smtp://mailer:" + M + "@smtp.example.com:587"),
                Arguments.of("upload sftp://deploy:d3pl0y!@files.example.com", "upload sftp://deploy:" + M + "@files.example.com"),
                Arguments.of("mongodb://user:pass@host1:27017,host2:27017/db?replicaSet=rs0",
                        "mongodb://user:" + M + "@host1:27017,host2:27017/db?replicaSet=rs0"),
                Arguments.of("remote https://x-access-token:" + ghs + "@github.com/o/r", "remote https://x-access-token:" + M + "@github.com/o/r"),
                Arguments.of("https://oauth2:" + glpat + "@gitlab.example.com/g/p.git", "https://oauth2:" + M + "@gitlab.example.com/g/p.git"),
                Arguments.of("webhook https://AbCdEf0123456789xyz@hooks.example.com", "webhook https://" + M + "@hooks.example.com"),
                Arguments.of("(see postgres://a:b@h)", "(see postgres://a:" + M + "@h)"),
                Arguments.of("url=ws://user:pw@host?x=1", "url=ws://user:" + M + "@host?x=1"),
                Arguments.of("primary postgres://a:one@p/x replica postgres://b:two@r/x",
                        "primary postgres://a:" + M + "@p/x replica postgres://b:" + M + "@r/x"),
                Arguments.of("HTTP_PROXY=http://proxyuser:proxy%21pass@proxy.corp:3128", "HTTP_PROXY=http://proxyuser:" + M + "@proxy.corp:3128"),
                Arguments.of("'jdbc:sqlserver://sa:Passw0rd@mssql:1433'", "'jdbc:sqlserver://sa:" + M + "@mssql:1433'"),
                Arguments.of("redirect https://example.com/login?next=https://a:b@c", "redirect https://example.com/login?next=https://a:" + M + "@c"));
    }

    @ParameterizedTest
    @MethodSource("credentialsInUrls")
    void masksPasswordAndKeepsUser(String line, String expected) {
        assertThat(mask(DETECTOR, line)).isEqualTo(expected);
    }

    static Stream<String> lookAlikes() {
        List<String> lines = new ArrayList<>(Redactions.CLEAN_LINES);
        lines.addAll(List.of(
                "https://example.com/user@host",
                "mailto:bob@example.com",
                "ssh://git@github.com/x",
                "https://john.doe.contractor@example.com",
                "https://deploymentservice@ci.example.com",
                "https://user:@example.com",
                "https://@example.com",
                "https://example.com:8443/path?email=a@b.com",
                "http://localhost:8080/actuator",
                "://no-scheme:pw@host",
                "postgres://app:pw@/socket",
                "see http://a:b@",
                "user:pass@host without scheme",
                "file:///etc/passwd",
                "https://example.com/#/login@start",
                "https://[2001:db8::1]:443/x",
                "https://api.example.com/v1/users/@me",
                "scp user@host:/path",
                "git@github.com:acme/repo.git",
                "email alice@example.com or http://example.com"));
        return lines.stream();
    }

    @ParameterizedTest
    @MethodSource("lookAlikes")
    void leavesUrlsWithoutCredentialsUntouched(String line) {
        assertThat(mask(DETECTOR, line)).isSameAs(line);
    }
}
