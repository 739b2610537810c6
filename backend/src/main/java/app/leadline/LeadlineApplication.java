package app.leadline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Leadline: keeps every order line's delivery promise honest, from intake to the customer's page. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LeadlineApplication {

    public static void main(String[] args) {
        SpringApplication.run(LeadlineApplication.class, args);
    }
}
