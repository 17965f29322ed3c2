package org.dangan.workflow;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the workflow module alone for its tests; the runnable application lives in ui. */
@SpringBootApplication
public class TestApplication {}
