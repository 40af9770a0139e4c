package it.pa.monitor.plan;

/** An organisational unit of the ente; {@code parentCode} is null for top-level units. */
public record OrgUnit(String code, String name, UnitType type, String parentCode, String head, int rowNo) {
}
