package org.dangan.workflow.search;

import org.dangan.workflow.support.DanganTest;

/** The search behaviour on the embedded Lucene index (the default backend). */
@DanganTest
class LuceneSearchTest extends SearchBehaviour {}
