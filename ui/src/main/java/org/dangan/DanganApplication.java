package org.dangan;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Dang'an: the runnable application (Vaadin screens, REST API, embedded Camunda engine). */
@SpringBootApplication
@Push
@PWA(name = "Dang'an 档案", shortName = "Dang'an")
public class DanganApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(DanganApplication.class, args);
    }
}
