package org.dangan.workflow.resident.web;

import java.util.List;
import org.dangan.workflow.resident.ResidentRecordService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in resident's own record and who read it; the principal alone says whose. */
@RestController
@RequestMapping("/api/resident")
class ResidentRecordController {

    private final ResidentRecordService records;

    ResidentRecordController(ResidentRecordService records) {
        this.records = records;
    }

    @GetMapping("/me")
    ResidentRecordService.Me me() {
        return records.me();
    }

    record Access(List<ResidentRecordService.Read> items) {}

    @GetMapping("/access")
    Access access() {
        return new Access(records.access());
    }
}
