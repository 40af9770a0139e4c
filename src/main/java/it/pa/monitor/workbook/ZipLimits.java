package it.pa.monitor.workbook;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The zip-bomb guards of POI for every .xlsx opened by this program (plans, monitoring sheets,
 * overrides), set in this one place. POI keeps them JVM-wide; setting them again is harmless, so
 * each reader applies them on creation.
 */
public final class ZipLimits {

    /** An entry may not expand more than 100 times its compressed size (POI's default, made explicit). */
    public static final double MIN_INFLATE_RATIO = 0.01;
    /** No part of a workbook expands beyond 200 MB (POI's default is 4 GB). */
    public static final long MAX_ENTRY_SIZE = 200L * 1024 * 1024;

    private ZipLimits() {
    }

    public static void apply() {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
    }

    /**
     * True when {@code failure} (or a cause) is POI refusing an entry for expanding beyond {@link #MAX_ENTRY_SIZE}
     * (a part too large, whatever its compression), one kind of {@link #isZipBomb}.
     */
    public static boolean isTooLarge(Throwable failure) {
        return causeSays(failure, "max size of the expanded data");
    }

    /** True when {@code failure} (or a cause) is POI refusing an entry as a zip bomb. */
    public static boolean isZipBomb(Throwable failure) {
        return causeSays(failure, "");
    }

    /** Whether POI's zip-bomb message, holding {@code detail} as well, is {@code failure}'s or a cause's. */
    private static boolean causeSays(Throwable failure, String detail) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("Zip bomb detected") && message.contains(detail)) {
                return true;
            }
        }
        return false;
    }
}
