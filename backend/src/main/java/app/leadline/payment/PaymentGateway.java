package app.leadline.payment;

/**
 * Where money moves. Every call carries an operation id that the provider must treat as an idempotency key:
 * the same operation sent twice moves money once.
 */
public interface PaymentGateway {

    void execute(PaymentOperation operation);
}
