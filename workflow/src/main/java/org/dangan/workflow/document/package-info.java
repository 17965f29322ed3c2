/**
 * Digitisation of the paper that must stay (辅助检查报告单, 严重精神障碍患者管理材料): scanned
 * documents submitted on the screens, through the API or from the scan station's hot folder (split
 * at separator sheets); their originals in the content-addressed file store; recognition with the
 * engine configured for the document type, review of badly read pages and archiving as a process;
 * the searchable PDF. Documents that arrive already archived (typeset, or from a handover bag) are
 * created here too. Every read checks the reader's scope, restricted documents need the permission
 * and a purpose, and reads are audited. Also: which recognition engines this node has, the
 * scanning figures of the home pages, and the removal of files nothing refers to.
 */
package org.dangan.workflow.document;
