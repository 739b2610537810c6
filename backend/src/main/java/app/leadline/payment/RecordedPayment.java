package app.leadline.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A payment operation as the embedded recording gateway kept it, for the console to show. */
@Document("payments")
public record RecordedPayment(
        @Id String id,
        PaymentOperation.Kind kind,
        String orderNumber,
        List<String> lineIds,
        BigDecimal amount,
        String currency,
        Instant requestedAt,
        Instant recordedAt) {}
