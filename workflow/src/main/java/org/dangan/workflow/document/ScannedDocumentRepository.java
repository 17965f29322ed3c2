package org.dangan.workflow.document;

import org.springframework.data.jpa.repository.JpaRepository;

interface ScannedDocumentRepository extends JpaRepository<ScannedDocument, Long> {}
