package dev.autodev.queue;

/** JSON Schemas of the job tools' arguments, as the model sees them. */
final class ToolSchemas {

    private ToolSchemas() {}

    static final String CREATE_JOB = """
            {"type":"object","properties":{
              "description":{"type":"string","description":"the task for the sub-agent"},
              "title":{"type":"string"},
              "priority":{"type":"integer","minimum":-10,"maximum":10},
              "work_dir":{"type":"string","description":"defaults to your work dir"},
              "max_turns":{"type":"integer","minimum":1},
              "model":{"type":"string","description":"defaults to your model"},
              "depends_on":{"type":"array","items":{"type":"string"},"description":"job ids that must finish first"},
              "template_id":{"type":"string","description":"a template whose guidelines go before the description"},
              "project_id":{"type":"string","description":"defaults to your job's project"}
            },"required":["description"]}""";

    static final String WAIT_FOR_JOBS = """
            {"type":"object","properties":{
              "job_ids":{"type":"array","items":{"type":"string"}},
              "timeout_ms":{"type":"integer","description":"at most 100000"}
            },"required":["job_ids"]}""";

    static final String REPORT_STATUS = """
            {"type":"object","properties":{"message":{"type":"string"}},"required":["message"]}""";

    static final String FINISH_JOB = """
            {"type":"object","properties":{"result":{"type":"string","description":"what you achieved"}}}""";
}
