package org.dangan.workflow.assessment;

/**
 * The headline indicators, each a rate from 0 to 1, under the names the REST API gives them. The
 * definitions are in the README ("Assessment") and on the dashboard; the bundle key
 * {@code Indicator.X} names each in the user's language and {@code Indicator.X.help} defines it.
 */
public enum Indicator {
    /** 建档率: managed records / the resident population the county entered. */
    RECORD_RATE("recordRate"),
    /** 规范化电子建档率: managed records without an open blocking finding of the latest rule check / managed records. */
    STANDARDISED_RATE("standardisedRate"),
    /** 健康档案动态使用率: managed records with a service in the 365 days before the day / managed records. */
    DYNAMIC_USE_RATE("dynamicUseRate"),
    /** 纸网一致率: paper files whose latest paper check agrees / paper files checked. */
    PAPER_ELECTRONIC_AGREEMENT("paperElectronicAgreement"),
    /** 纸质档案停用: paper files retired (or disposed after) / paper files. */
    PAPER_RETIRED("paperRetired"),
    /** 扫描归档: records whose kept paper has an archived scan / records with paper that must be kept. */
    SCANNED("scanned"),
    /** 上架: paper files in our custody that lie in a box / paper files in our custody. */
    SHELVED("shelved");

    private final String key;

    Indicator(String key) {
        this.key = key;
    }

    /** The name in the API, the snapshot and the DMN table. */
    public String key() {
        return key;
    }
}
