package dev.logshield.crypto;

import ch.qos.logback.core.Context;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingPolicy;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.rolling.helper.FileNamePattern;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates, owner-only (0700), the directories a rollover is about to rename the active file into
 * ({@code logs/archive/app.%i.lse}, {@code logs/%d{yyyy-MM}/app.%d.lse}). Left to Logback, they would be created by
 * {@code File.mkdirs} with whatever the umask allows: 0777 under umask 000, so that any user could delete, rename
 * or replace the rolled files.
 */
final class ArchiveDirectories {

    private ArchiveDirectories() {
    }

    /** Creates the missing parent directories of every file {@code policy}'s next rollover may rename to. */
    static void prepare(RollingPolicy policy, Context context) throws IOException {
        for (String target : targets(policy, context)) {
            SecureFiles.createParentDirectories(Path.of(target));
        }
    }

    private static List<String> targets(RollingPolicy policy, Context context) {
        List<String> targets = new ArrayList<>();
        if (policy instanceof TimeBasedRollingPolicy<?> timeBased) {
            // set by the triggering check that decided this rollover (size and time based ones included)
            var naming = timeBased.getTimeBasedFileNamingAndTriggeringPolicy();
            String elapsed = naming == null ? null : naming.getElapsedPeriodsFileName();
            if (elapsed != null) {
                targets.add(elapsed);
            }
        } else if (policy instanceof FixedWindowRollingPolicy fixedWindow && fixedWindow.getFileNamePattern() != null) {
            FileNamePattern pattern = new FileNamePattern(fixedWindow.getFileNamePattern(), context);
            for (int i = fixedWindow.getMinIndex(); i <= fixedWindow.getMaxIndex(); i++) {
                targets.add(pattern.convertInt(i));
            }
        }
        return targets;
    }
}
