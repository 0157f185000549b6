/**
 * The mutual-TLS log receiver: {@link dev.logshield.tls.receiver.MtlsReceiver}, a Logback context listener that
 * accepts TLS 1.3/1.2 connections from allow-listed client certificates, reads their frames
 * ({@code receiver.frames}), parses them into events ({@code receiver.parse}) and hands the events to the
 * context's appenders, under limits on connections, handshakes, frame sizes and times, event rates and queue
 * memory. Everything refused or dropped is counted in the {@code logshield.receiver.*} meters.
 */
package dev.logshield.tls.receiver;
