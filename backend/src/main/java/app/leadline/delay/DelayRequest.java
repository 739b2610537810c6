package app.leadline.delay;

import java.time.LocalDate;

/** An agent's delay as entered, before it is checked. */
public record DelayRequest(
        DelayScope scope,
        LocalDate newDate,
        Integer daysLate,
        String reasonCode,
        String reasonText,
        String internalNote) {}
