package app.leadline.order;

import app.leadline.delivery.EtaWindow;
import java.util.List;

/** Lines that travel together, and when they are expected. */
public record Parcel(List<String> lineIds, EtaWindow eta) {}
