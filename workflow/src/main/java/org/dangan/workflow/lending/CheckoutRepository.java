package org.dangan.workflow.lending;

import org.springframework.data.jpa.repository.JpaRepository;

interface CheckoutRepository extends JpaRepository<Checkout, Long> {
}
