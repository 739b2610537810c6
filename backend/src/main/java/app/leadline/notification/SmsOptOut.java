package app.leadline.notification;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A phone number that replied STOP: no more SMS go to it. */
@Document("smsOptOuts")
record SmsOptOut(@Id String phone, Instant optedOutAt) {}
