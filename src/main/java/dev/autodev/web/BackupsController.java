package dev.autodev.web;

import dev.autodev.backups.DatabaseBackups;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Database backups: list them, or take one now. */
@RestController
@RequestMapping("/api/backups")
class BackupsController {

    private final DatabaseBackups backups;

    BackupsController(DatabaseBackups backups) {
        this.backups = backups;
    }

    @GetMapping
    List<Backup> list() {
        return backups.list().stream().map(BackupsController::describe).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Backup backupNow() {
        return describe(backups.backupNow());
    }

    private static Backup describe(Path file) {
        try {
            return new Backup(file.getFileName().toString(), file.toAbsolutePath().toString(), Files.size(file));
        } catch (IOException e) {
            return new Backup(file.getFileName().toString(), file.toAbsolutePath().toString(), -1);
        }
    }

    record Backup(String name, String path, long sizeBytes) {}
}
