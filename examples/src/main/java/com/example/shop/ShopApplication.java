package com.example.shop;

import java.sql.SQLException;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * An ordinary shop back end that logs the way real applications do: carelessly. It knows nothing of
 * LogShield; its logback.xml does the rest. All values are fake test data.
 */
public final class ShopApplication {

    private static final Logger log = LoggerFactory.getLogger(ShopApplication.class);
    private static final Logger http = LoggerFactory.getLogger("com.example.shop.http.AccessLog");
    private static final Logger db = LoggerFactory.getLogger("com.example.shop.db.ConnectionPool");
    private static final Marker SECURITY = MarkerFactory.getMarker("SECURITY");

    private ShopApplication() {
    }

    public static void main(String[] args) {
        String jwt = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "."
                + base64Url("{\"sub\":\"1234567890\",\"name\":\"Jane Doe\",\"iat\":1516239022}") + "."
                + "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

        MDC.put("requestId", "req-7f3a9c");
        MDC.put("sessionToken", "s3ss10n-9f8e7d6c5b4a");
        MDC.put("clientIp", "203.0.113.42");
        try {
            log.info("Application started on port 8443, config loaded from /etc/shop/app.yaml");
            log.info("Login attempt for user jane.doe@example.com with password=Hunter2!Secret from 198.51.100.23");
            http.info("GET /api/orders?page=2&access_token=tok-1234567890abcdef HTTP/1.1 200 1532 bytes");
            http.info("Request headers: Authorization: Bearer {}", jwt);
            log.info("Charging card 4111 1111 1111 1111 (exp 12/29) for order ORD-20261125 amount=49.90 EUR");
            log.info("Refund to IBAN DE89 3704 0044 0532 0130 00 for customer SSN 123-45-6789");
            log.info("Payment provider config: {\"apiKey\":\"sk_live_4eC39HqLyjWDarjtT1zdp7dc\",\"timeout\":30}");
            log.warn("Deploy key in env: AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE region=eu-west-1");
            log.info("Webhook from GitHub with token ghp_{} accepted", "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8");
            log.atInfo().setMessage("User profile updated")
                    .addKeyValue("userEmail", "john.smith@example.org")
                    .addKeyValue("apiKey", "AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY")
                    .addKeyValue("plan", "premium")
                    .log();
            log.info(SECURITY, "Forged entry attempt: {}", "bob\n2026-11-25 10:00:00 INFO  admin logged in \u001b[31mALERT\u001b[0m");
            log.info("Internal client connected from 2001:db8:85a3::8a2e:370:7334, order ids 1234567812345678 and 42-17 are fine");
            db.error("Connection pool could not start", new IllegalStateException("pool 'orders' exhausted",
                    new SQLException("Connection refused: jdbc:postgresql://shop:S3cr3tPa55@db.internal:5432/orders")));
            log.info("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY----- was pasted in a support ticket");
            Marker audit = MarkerFactory.getMarker("AUDIT");
            log.atInfo().addMarker(audit).setMessage("API token created")
                    .addKeyValue("action", "token.create").addKeyValue("actor", "u-1001")
                    .addKeyValue("project_id", "p-77").addKeyValue("request_id", "req-7f3a9c")
                    .addKeyValue("client_ip", "203.0.113.42").addKeyValue("result", "success")
                    .addKeyValue("token", "tok-1234567890abcdef").addKeyValue("scopes", "orders:read")
                    .log();
            Logger internal = LoggerFactory.getLogger("com.example.shop.payments.internal.Ledger");
            internal.info("ledger row 9 balance=1200.00 for jane.doe@example.com (denied by access control)");
            Logger chatty = LoggerFactory.getLogger("com.example.shop.inventory.Poller");
            for (int i = 0; i < 200; i++) {
                chatty.info("poll {} found nothing new", i);
            }
            pause(1200);
            chatty.info("poller back to normal");
            log.info("Shutting down cleanly, 12 orders processed");
        } finally {
            MDC.clear();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
