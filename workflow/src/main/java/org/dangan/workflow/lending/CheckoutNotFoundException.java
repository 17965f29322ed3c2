package org.dangan.workflow.lending;

import org.dangan.workflow.platform.Refused;

/** No such check-out in the user's institutions: one answer whether it exists elsewhere or not at all. */
public class CheckoutNotFoundException extends Refused {

    public CheckoutNotFoundException(long id) {
        super(Kind.NOT_FOUND, "checkout.missing", id);
    }
}
