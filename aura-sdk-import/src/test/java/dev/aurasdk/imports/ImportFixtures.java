package dev.aurasdk.imports;

import dev.aurasdk.core.AuraClient;
import java.util.Locale;

/** Ids, JSON documents and helpers shared by the import tests. */
final class ImportFixtures {
    static final String ORG = "b8f4b7b2-1111-4c1e-9a55-6f0a3c2d1e01";
    static final String PROJECT = "f607bebe-0cc0-4166-b60c-b4eed69ee7ee";
    static final String MODEL = "e01cdc6d-2f50-4f46-b04b-8ec8fc8de839";
    static final String MODEL_2 = "0b6f3a55-4c1d-4e8a-9c2b-3e4f5a6b7c8d";
    static final String INSTANCE = "07e49cf5";
    static final String JOB = "87d485b4-73fc-4a7f-bb03-720f4672947e";
    static final String PASSWORD = "Pa55w0rd-Very-Secret-9f8e7d";
    static final String JOBS_PATH = "/v2beta1/organizations/" + ORG + "/projects/" + PROJECT + "/import/jobs";

    /** README §6.2 / spec example "With progress details" (a cancelled job). */
    static final String README_JOB_WITH_PROGRESS = """
            {"data": {
              "id": "87d485b4-73fc-4a7f-bb03-720f4672947e", "import_type": "cloud",
              "info": {
                "state": "Completed",
                "start_time": "2025-08-15T13:12:51Z", "completion_time": "2025-08-15T13:15:19Z",
                "exit_status": {"state": "Cancelled", "message": "Cancelled"},
                "cancellation_requested_time": "2025-08-15T13:15:19.655209Z",
                "submitted_time": "2025-08-15T13:12:50.499797Z",
                "last_update_time": "2025-08-18T12:25:53.469873Z",
                "percentage_complete": 95.23,
                "progress": {
                  "nodes": [{"id": "n:1", "labels": ["AircraftData"], "total_rows": 9, "processed_rows": 9,
                             "created_nodes": 9, "created_constraints": 1, "created_indexes": 0}],
                  "relationships": [{"id": "r:8", "type": "TICKET_BELONGS_TO_BOOKING", "total_rows": 366733,
                             "processed_rows": 255000, "created_relationships": 255000,
                             "created_constraints": 0, "created_indexes": 0}]
                }
              },
              "data_source": {"id": "177216b3-49b9-4e24-a414-a9ecbb448c53", "type": "postgresql",
                              "name": "AWS_POSTGRES_FLIGHTS"},
              "aura_target": {"db_id": "07e49cf5", "project_id": "f607bebe-0cc0-4166-b60c-b4eed69ee7ee"},
              "user_id": "f607bebe-0cc0-4166-b60c-b4eed69ee7ee"
            }}
            """;

    /** Spec example "Without progress details". */
    static final String SPEC_JOB_WITHOUT_PROGRESS = """
            {"data": {
              "id": "87d485b4-73fc-4a7f-bb03-720f4672947e", "import_type": "online",
              "info": {
                "state": "Completed",
                "start_time": "2025-08-15T13:12:51Z", "completion_time": "2025-08-15T13:15:19Z",
                "exit_status": {"state": "Cancelled", "message": "Cancelled"},
                "cancellation_requested_time": "2025-08-15T13:15:19.655209Z",
                "submitted_time": "2025-08-15T13:12:50.499797Z",
                "last_update_time": "2025-08-18T12:25:53.469873Z",
                "percentage_complete": 95.23
              },
              "data_source": {"id": "177216b3-49b9-4e24-a414-a9ecbb448c53", "type": "postgresql",
                              "name": "AWS_POSTGRES_FLIGHTS"},
              "aura_target": {"db_id": "07e49cf5", "project_id": "f607bebe-0cc0-4166-b60c-b4eed69ee7ee"},
              "user_id": "f607bebe-0cc0-4166-b60c-b4eed69ee7ee"
            }}
            """;

    private ImportFixtures() {}

    static ImportJobs jobs(AuraClient client) {
        return ImportJobs.create(client, ProjectRef.of(ORG, PROJECT));
    }

    static CreateImportJob request() {
        return CreateImportJob.builder()
                .importModelId(MODEL)
                .instanceId(INSTANCE)
                .build();
    }

    /**
     * The {@code data} of a job snapshot with one node and one relationship mapping.
     *
     * @param exit exit state or null while running
     */
    static String jobData(
            String id,
            String state,
            String exit,
            String message,
            double percent,
            long processed,
            long total,
            String lastUpdate) {
        long nodeTotal = total / 4;
        long nodeDone = Math.min(processed, nodeTotal);
        long relTotal = total - nodeTotal;
        long relDone = processed - nodeDone;
        String exitJson = exit == null
                ? ""
                : ",\"exit_status\":{\"state\":\"" + exit + "\""
                        + (message == null ? "" : ",\"message\":\"" + message + "\"") + "}";
        return "{\"id\":\"" + id + "\",\"import_type\":\"cloud\",\"info\":{\"state\":\"" + state + "\""
                + exitJson
                + ",\"submitted_time\":\"2026-01-01T00:00:00Z\""
                + ",\"last_update_time\":\"" + lastUpdate + "\""
                + ",\"percentage_complete\":" + String.format(Locale.ROOT, "%.2f", percent)
                + ",\"progress\":{\"nodes\":[{\"id\":\"n:0\",\"labels\":[\"Customer\"],\"total_rows\":" + nodeTotal
                + ",\"processed_rows\":" + nodeDone + ",\"created_nodes\":" + nodeDone
                + ",\"created_constraints\":1,\"created_indexes\":0}]"
                + ",\"relationships\":[{\"id\":\"r:1\",\"type\":\"BOUGHT\",\"total_rows\":" + relTotal
                + ",\"processed_rows\":" + relDone + ",\"created_relationships\":" + relDone
                + ",\"created_constraints\":0,\"created_indexes\":0}]}}"
                + ",\"aura_target\":{\"db_id\":\"" + INSTANCE + "\",\"project_id\":\"" + PROJECT + "\"}}";
    }

    static String running(String id, double percent) {
        return jobData(id, "Running", null, null, percent, (long) (percent * 10), 1000, "2026-01-01T00:00:01Z");
    }

    static String succeeded(String id) {
        return jobData(id, "Completed", "Success", "Success", 100, 1000, 1000, "2026-01-01T00:00:02Z");
    }

    static String failed(String id, String message) {
        return jobData(id, "Completed", "Failure", message, 40, 400, 1000, "2026-01-01T00:00:02Z");
    }

    static String cancelled(String id) {
        return jobData(id, "Completed", "Cancelled", "Cancelled", 60, 600, 1000, "2026-01-01T00:00:02Z");
    }

    static String instance(String id, String status, String tenantId, String type) {
        return "{\"id\":\"" + id + "\",\"name\":\"Production\",\"status\":\"" + status + "\",\"tenant_id\":\""
                + tenantId + "\",\"cloud_provider\":\"gcp\",\"connection_url\":\"neo4j+s://" + id
                + ".databases.neo4j.io\",\"region\":\"europe-west1\",\"type\":\"" + type
                + "\",\"memory\":\"8GB\",\"created_at\":\"2025-01-01T00:00:00Z\"}";
    }
}
