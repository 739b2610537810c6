package app.leadline.supplier;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Suppliers extends MongoRepository<Supplier, String> {}
