package app.leadline.policy;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SegmentPolicies extends MongoRepository<SegmentPolicy, String> {}
