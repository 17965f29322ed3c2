/**
 * Digitisation of the paper that must stay (辅助检查报告单, 严重精神障碍患者管理材料): scanned
 * documents, their originals in the content-addressed file store, recognition and review as a
 * process, the searchable PDF.
 */
package org.dangan.workflow.document;
