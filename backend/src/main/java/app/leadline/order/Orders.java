package app.leadline.order;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Orders extends MongoRepository<Order, String> {

    Optional<Order> findByNumber(String number);

    List<Order> findByNumberIn(Collection<String> numbers);

    Optional<Order> findByTrackingTokenHash(String tokenHash);
}
