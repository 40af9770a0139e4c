package it.pa.monitor.workbook;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The heap the readers' limits are worked out from, when they are not configured. */
public final class HeapSize {

    private static final Logger log = LoggerFactory.getLogger(HeapSize.class);

    /**
     * Bytes of heap per byte of an .ods read whole (once expanded), for its limit unless given otherwise: one such
     * file is read at a time and SODS holds about four times its content.
     */
    public static final int BYTES_PER_WHOLE_ODS_BYTE = 16;
    /**
     * An .xls, or an .xlsx read whole, may be this share of an .ods's limit: POI's models hold some sixty bytes a
     * cell where the file has a few.
     */
    public static final int POI_WHOLE_SHARE = 4;

    private HeapSize() {
    }

    /**
     * The heap this JVM may grow to ({@code -Xmx}, or the JVM's own default), the same whatever its collector:
     * {@link Runtime#maxMemory()} leaves out a survivor space with the serial and parallel collectors (about 3 % and
     * 11 % of 512 MB), which would refuse a file under one collector that another reads. {@code maxMemory()} where
     * the JVM is not HotSpot. Ask when a limit is needed, not at start-up (the management bean costs a few ms).
     */
    public static long max() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotSpot != null) {
                return Long.parseLong(hotSpot.getVMOption("MaxHeapSize").getValue());
            }
        } catch (RuntimeException e) {
            log.debug("MaxHeapSize not available, the heap taken from Runtime.maxMemory(): {}", e.toString());
        }
        return Runtime.getRuntime().maxMemory();
    }
}
