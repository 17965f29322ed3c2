package org.dangan.workflow.lending;

public class CheckoutNotFoundException extends RuntimeException {

    public CheckoutNotFoundException(long id) {
        super("no check-out " + id + " in your institutions");
    }
}
