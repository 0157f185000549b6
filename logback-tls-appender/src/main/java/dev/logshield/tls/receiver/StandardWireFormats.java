package dev.logshield.tls.receiver;

/**
 * The frame readers and payload parsers {@link MtlsReceiver} uses when none is given to it.
 *
 * <p>TEMPORARY: the standard ones ({@code frames.FrameReaders}, {@code frames.RelpCommandReader},
 * {@code parse.EventParsers}) are being written on another branch; until it is merged, {@link #get()} returns what
 * was {@link #install installed} (the tests install their own), and a receiver started without any reports a
 * configuration error and stays stopped.
 */
final class StandardWireFormats {

    private static volatile WireFormats installed;

    private StandardWireFormats() {
    }

    /** The wire formats to use, or {@code null} when this build has none. */
    static WireFormats get() {
        return installed;
    }

    /** Makes {@code formats} the standard ones (tests, until the standard readers and parsers are merged). */
    static void install(WireFormats formats) {
        installed = formats;
    }
}
