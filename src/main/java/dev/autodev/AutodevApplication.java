package dev.autodev;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the orchestrator: REST API, job queue and agent supervision in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AutodevApplication {

    public static void main(String[] args) {
        SpringApplication.run(AutodevApplication.class, args);
    }
}
