package app.leadline.order;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Orders extends MongoRepository<Order, String> {

    Optional<Order> findByNumber(String number);

    Optional<Order> findByTrackingTokenHash(String tokenHash);
}
