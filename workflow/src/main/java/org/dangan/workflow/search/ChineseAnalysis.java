package org.dangan.workflow.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;

/**
 * The ways to cut Chinese text into searchable terms that were measured against each other
 * (docs/benchmarks.md, "Search: Chinese analysis"); {@code dangan.search.analysis} picks one, the
 * same for both backends (Elasticsearch knows each under the name given here).
 */
public enum ChineseAnalysis {

    /** Overlapping pairs of Han characters (Lucene's CJKAnalyzer, Elasticsearch's cjk). */
    BIGRAM("cjk"),
    /** Words by a hidden Markov model over a dictionary (lucene-analysis-smartcn). */
    SMARTCN("smartcn"),
    /** Words by ICU's dictionary segmentation, NFKC case-folded (lucene-analysis-icu). */
    ICU("icu_analyzer");

    private final String elasticsearchName;

    ChineseAnalysis(String elasticsearchName) {
        this.elasticsearchName = elasticsearchName;
    }

    public String elasticsearchName() {
        return elasticsearchName;
    }

    public Analyzer analyzer() {
        return switch (this) {
            case BIGRAM -> new CJKAnalyzer();
            case SMARTCN -> new SmartChineseAnalyzer();
            case ICU ->
                new Analyzer() {
                    @Override
                    protected TokenStreamComponents createComponents(String field) {
                        Tokenizer tokenizer = new ICUTokenizer();
                        return new TokenStreamComponents(tokenizer, new ICUNormalizer2Filter(tokenizer));
                    }
                };
        };
    }
}
