package it.pa.monitor.plan.tree;

/** An organisational unit of the ente; {@code parentCode} is null for top-level units. */
public record OrgUnit(String code, String name, UnitType type, String parentCode, String head, int rowNo) {
}
