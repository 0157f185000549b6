package dev.logshield.redact.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * {@code %kvp} / {@code %maskedKvp} / {@code %redactedKvp}: the SLF4J 2 fluent-API key-value pairs as
 * {@code key="value"}, each value redacted and neutralised, and masked whole when its key is a sensitive name.
 * Options as Logback's: the first of {@code DOUBLE} (default), {@code SINGLE} or {@code NONE} chooses the value
 * quotes; any other option names an extra key to mask whole (what {@code %maskedKvp} takes).
 */
public class RedactedKeyValuePairConverter extends ClassicConverter implements RedactingConverter {

    private final ConverterBinding binding = new ConverterBinding();
    private final Set<String> alwaysMasked = new HashSet<>();
    private String quote = "\"";

    @Override
    public void bind(EventPreparer preparer) {
        binding.bind(preparer);
    }

    @Override
    public void start() {
        List<String> options = getOptionList();
        if (options != null) {
            for (String option : options) {
                switch (option.trim().toUpperCase(Locale.ROOT)) {
                    case "DOUBLE": quote = "\""; break;
                    case "SINGLE": quote = "'"; break;
                    case "NONE": quote = ""; break;
                    default: alwaysMasked.add(option.trim());
                }
            }
        }
        binding.ensureBound(getContext());
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        List<KeyValuePair> pairs = binding.get().prepare(event).getKeyValuePairs();
        if (pairs == null || pairs.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (KeyValuePair kvp : pairs) {
            if (out.length() > 0) {
                out.append(' ');
            }
            String key = String.valueOf(kvp.key);
            String value = String.valueOf(kvp.value);
            out.append(key).append('=').append(quote);
            String printed = alwaysMasked.contains(key) ? "[REDACTED:secret]" : value;
            if (!quote.isEmpty() && printed.contains(quote)) {
                printed = printed.replace(quote, "\\" + quote); // a value cannot close its quotes and forge a pair
            }
            out.append(printed).append(quote);
        }
        return out.toString();
    }
}
