package org.dangan.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class HanFontTest {

    private static final String[] WORDS = {"高血压随访", "糖尿病复查", "孕产妇建档", "老年人体检", "儿童预防接种", "肺结核督导"};

    @Test
    void documents_written_one_after_another_parse_the_font_once_and_each_carries_its_own_glyphs() throws Exception {
        sheet("预热"); // the first document of this JVM may parse
        int parses = HanFont.parses();
        for (int i = 0; i < 12; i++) {
            String word = WORDS[i % WORDS.length] + i;
            assertThat(textOf(sheet(word))).contains(word);
        }
        assertThat(HanFont.parses()).isEqualTo(parses);
    }

    @Test
    void documents_written_at_once_each_get_a_font_of_their_own_and_their_own_text() throws Exception {
        int threads = 4;
        int parses = HanFont.parses();
        CyclicBarrier together = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<String>> writer = () -> {
                    together.await();
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        // a different word in each thread: a glyph read through another document's
                        // file position would garble the subset and the text would not come back
                        String word = WORDS[(thread + i) % WORDS.length] + "第" + thread + "号" + i;
                        String text = textOf(sheet(word));
                        if (!text.contains(word)) {
                            wrong.add(word + " came back as " + text.strip());
                        }
                    }
                    return wrong;
                };
                results.add(pool.submit(writer));
            }
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
        // never more parses than documents open at once; none at all once enough are idle
        assertThat(HanFont.parses() - parses).isLessThanOrEqualTo(threads);
        int after = HanFont.parses();
        for (int i = 0; i < threads; i++) {
            sheet("再来" + i);
        }
        assertThat(HanFont.parses()).isEqualTo(after);
    }

    private static byte[] sheet(String word) {
        try (PrintedSheet sheet = new PrintedSheet(PrintedSheet.DEFAULT_FONT)) {
            return sheet.title(word).line(word + "：已核对").toBytes();
        }
    }

    private static String textOf(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
