package app.leadline.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions.BigDecimalRepresentation;

/** How documents are written, whichever store is behind the driver, and the clock everything reads. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    /**
     * Dates go through the driver's own codecs (UTC, independent of the JVM's zone) and amounts as Decimal128,
     * so a line's price and its ETA read back exactly as written.
     */
    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return MongoCustomConversions.create(
                adapter -> adapter.useNativeDriverJavaTimeCodecs().bigDecimal(BigDecimalRepresentation.DECIMAL128));
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
