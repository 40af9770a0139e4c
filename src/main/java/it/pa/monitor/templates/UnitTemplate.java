package it.pa.monitor.templates;

import it.pa.monitor.plan.tree.Indicator;
import java.util.List;

/**
 * The content of one template: who fills it and the indicators it asks for, grouped by
 * objective in plan order.
 *
 * @param code        the code in the file name and in {@code _meta}: a unit code, a cruscotto
 *                    code ({@code CR01}) or {@code ENTE}
 * @param description who that is, for the header block (unit name, dirigente, planning office)
 * @param indicators  the rows, grouped by objective in plan order
 */
record UnitTemplate(String code, String description, List<Indicator> indicators) {

    /** The code of the template for indicators no unit answers for. */
    static final String ENTE = "ENTE";

    UnitTemplate {
        indicators = List.copyOf(indicators);
    }
}
