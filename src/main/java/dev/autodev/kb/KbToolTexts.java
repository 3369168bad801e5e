package dev.autodev.kb;

/** What the model reads about the knowledge-base tools: descriptions and JSON Schemas, kept apart from the code. */
final class KbToolTexts {

    private KbToolTexts() {}

    static final String SEARCH = """
            Search the knowledge base: learnings earlier agents kept about this project (its conventions, build \
            quirks, debugging insights) and general ones. Every word of the query must occur; results come best \
            first, each with a snippet where the matched words are marked [[like this]]. Without project_id it \
            searches your job's project and the general entries.""";
    static final String SEARCH_SCHEMA = """
            {"type":"object","properties":{
              "query":{"type":"string","description":"Words to look for, e.g. flaky integration test port"},
              "project_id":{"type":"string","description":"Another project to search (its key or a directory in it); default: yours"},
              "limit":{"type":"integer","minimum":1,"maximum":20,"description":"At most this many results (default 5)"}},
             "required":["query"],"additionalProperties":false}""";

    static final String REPORT = """
            Report what you learned that would help a later agent (1 to 5 learnings), best at the end of your task: \
            a convention, a build or test quirk, a pitfall and how to avoid it. Not a summary of your work. Each \
            has a short title, the content (a few sentences), optional tags, and a scope: "project" for knowledge \
            of this repository, "global" for a pattern that holds anywhere. After your job ends they are reviewed; \
            the useful ones are kept and given to later agents under ## Memory.""";
    static final String REPORT_SCHEMA = """
            {"type":"object","properties":{
              "learnings":{"type":"array","minItems":1,"maxItems":5,"items":{"type":"object","properties":{
                "title":{"type":"string","description":"One line, at most 200 characters"},
                "content":{"type":"string","description":"What to know or do, at most 4000 characters"},
                "tags":{"type":"array","items":{"type":"string"},"description":"At most 10, e.g. build, tests"},
                "scope":{"type":"string","enum":["project","global"],"description":"Default project"}},
               "required":["title","content"],"additionalProperties":false}}},
             "required":["learnings"],"additionalProperties":false}""";
}
