package dev.autodev.web;

import dev.autodev.questions.Question;
import dev.autodev.questions.QuestionService;
import dev.autodev.questions.QuestionStatus;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Questions agents asked: list them and answer one, which wakes the waiting agent. */
@RestController
@RequestMapping("/api/questions")
class QuestionsController {

    private final QuestionService questions;

    QuestionsController(QuestionService questions) {
        this.questions = questions;
    }

    @GetMapping
    List<Question> list(@RequestParam(required = false) String status) {
        return questions.list(QueryParams.status(status, QuestionStatus.values(), QuestionStatus::fromWire));
    }

    @GetMapping("/{id}")
    Question get(@PathVariable String id) {
        return questions.get(id);
    }

    @PostMapping("/{id}/answer")
    Question answer(@PathVariable String id, @RequestBody(required = false) Answer body) {
        return questions.answer(id, body == null ? null : body.answer());
    }

    record Answer(String answer) {}
}
