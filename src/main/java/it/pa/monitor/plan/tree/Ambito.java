package it.pa.monitor.plan.tree;

import java.math.BigDecimal;

/** An ambito strategico (AS) with its weight within the ente, as a percentage. */
public record Ambito(String code, String description, BigDecimal weight, int rowNo) {
}
