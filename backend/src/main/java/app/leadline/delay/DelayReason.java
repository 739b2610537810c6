package app.leadline.delay;

import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A reason agents pick from, with the sentence each customer reads in their language. */
@Document("delayReasons")
record DelayReason(@Id String code, Map<String, String> texts) {

    /** The text for a language, English when there is none. */
    public String textFor(String language) {
        return texts.getOrDefault(language, texts.get("en"));
    }

    static final Map<String, DelayReason> BUILT_IN = Map.of(
            "SUPPLIER_BEHIND",
            new DelayReason(
                    "SUPPLIER_BEHIND",
                    Map.of(
                            "en", "The supplier's production is behind schedule.",
                            "da", "Leverandørens produktion er forsinket.",
                            "de", "Die Produktion des Lieferanten ist im Verzug.",
                            "pl", "Produkcja u dostawcy jest opóźniona.")),
            "FREIGHT_DELAYED",
            new DelayReason(
                    "FREIGHT_DELAYED",
                    Map.of(
                            "en", "The freight from the supplier is delayed.",
                            "da", "Fragten fra leverandøren er forsinket.",
                            "de", "Die Fracht vom Lieferanten verspätet sich.",
                            "pl", "Transport od dostawcy jest opóźniony.")),
            "QUALITY_CHECK",
            new DelayReason(
                    "QUALITY_CHECK",
                    Map.of(
                            "en", "The goods did not pass our quality check and are being replaced.",
                            "da", "Varerne bestod ikke vores kvalitetskontrol og bliver erstattet.",
                            "de", "Die Ware hat unsere Qualitätsprüfung nicht bestanden und wird ersetzt.",
                            "pl", "Towar nie przeszedł naszej kontroli jakości i zostanie wymieniony.")));
}
