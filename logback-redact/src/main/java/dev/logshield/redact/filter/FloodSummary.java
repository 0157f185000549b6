package dev.logshield.redact.filter;

/**
 * What one flood on one key amounted to: {@code suppressed} events refused between the {@code System.nanoTime()}
 * instants {@code firstNanos} and {@code lastNanos}.
 */
record FloodSummary(String key, long suppressed, long firstNanos, long lastNanos) {
}
