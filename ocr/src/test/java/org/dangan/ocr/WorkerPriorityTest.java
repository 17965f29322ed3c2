package org.dangan.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.dangan.pdf.PrintedSheet;
import org.junit.jupiter.api.Test;

class WorkerPriorityTest {

    @Test
    void a_lowered_thread_runs_at_the_workers_nice_value_and_no_other_thread_does() throws Exception {
        int before = WorkerPriority.currentNice();
        AtomicInteger lowered = new AtomicInteger(Integer.MIN_VALUE);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                assertThat(WorkerPriority.lowerCurrentThread()).isTrue();
                lowered.set(WorkerPriority.currentNice());
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        worker.start();
        worker.join();

        assertThat(failure.get()).isNull();
        assertThat(lowered.get()).isEqualTo(WorkerPriority.NICE);
        // the kernel's nice value is per thread: the caller's, and so the request threads', is untouched
        assertThat(WorkerPriority.currentNice()).isEqualTo(before).isLessThan(WorkerPriority.NICE);
    }

    @Test
    void the_pipelines_workers_recognise_at_the_lower_priority() throws Exception {
        try (OcrPipeline pipeline = new OcrPipeline(Recognizer.DEFAULT_DATA, PrintedSheet.DEFAULT_FONT, 2)) {
            assertThat(pipeline.workerNice()).isEqualTo(WorkerPriority.NICE);
        }
    }
}
