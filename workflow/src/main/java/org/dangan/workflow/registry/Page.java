package org.dangan.workflow.registry;

import java.util.List;

/** One page of a list and the size of the whole list, as the API answers it. */
public record Page<T>(long total, List<T> items) {}
