/** Import of records and paper files from county information system exports (CSV in UTF-8 or GBK, xlsx). */
@org.springframework.modulith.NamedInterface("importing")
package org.dangan.workflow.registry.importing;
