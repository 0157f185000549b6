package dev.logshield.redact.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.util.OptionHelper;
import java.util.Map;

/**
 * {@code %X} / {@code %mdc} / {@code %redactedMdc}: MDC values, redacted and neutralised; a value whose key is
 * a sensitive name ({@code password}, {@code apiKey}, {@code X-Auth-Token}...) is masked whole. Same options as
 * Logback's: {@code %X{key}}, {@code %X{key:-default}}, or {@code %X} for {@code k1=v1, k2=v2}.
 */
public class RedactedMdcConverter extends ClassicConverter implements RedactingConverter {

    private final ConverterBinding binding = new ConverterBinding();
    private String key;
    private String defaultValue = "";

    @Override
    public void bind(EventPreparer preparer) {
        binding.bind(preparer);
    }

    @Override
    public void start() {
        String[] keyInfo = OptionHelper.extractDefaultReplacement(getFirstOption());
        key = keyInfo[0];
        if (keyInfo[1] != null) {
            defaultValue = keyInfo[1];
        }
        binding.ensureBound(getContext());
        super.start();
    }

    @Override
    public String convert(ILoggingEvent event) {
        Map<String, String> mdc = binding.get().prepare(event).getMDCPropertyMap();
        if (mdc == null || mdc.isEmpty()) {
            return defaultValue;
        }
        if (key != null) {
            String value = mdc.get(key);
            return value == null ? defaultValue : value;
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : mdc.entrySet()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(e.getKey()).append('=').append(e.getValue());
        }
        return out.toString();
    }
}
