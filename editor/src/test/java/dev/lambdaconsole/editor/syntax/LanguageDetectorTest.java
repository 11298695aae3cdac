package dev.lambdaconsole.editor.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    @ParameterizedTest
    @CsvSource({
        "handler.py, PYTHON", "index.mjs, JAVASCRIPT", "app.js, JAVASCRIPT", "main.ts, TYPESCRIPT",
        "Handler.java, JAVA", "function.rb, RUBY", "main.go, GO", "event.json, JSON", "template.yaml, YAML",
        "ci.yml, YAML", "build.sh, SHELL", "Dockerfile, DOCKERFILE", "Dockerfile.dev, DOCKERFILE",
        "api.dockerfile, DOCKERFILE", "README.txt, PLAIN_TEXT", "LICENSE, PLAIN_TEXT", "HANDLER.PY, PYTHON"
    })
    void byFileName(String name, Language expected) {
        assertThat(LanguageDetector.detect(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "#!/bin/sh, SHELL", "#!/usr/bin/env bash, SHELL", "#!/usr/bin/env python3, PYTHON",
        "#!/usr/bin/env node, JAVASCRIPT", "#!/usr/bin/ruby, RUBY", "echo hi, PLAIN_TEXT"
    })
    void byShebangWhenTheNameSaysNothing(String firstLine, Language expected) {
        assertThat(LanguageDetector.detect("bootstrap", firstLine)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void extensionWinsOverShebang() {
        assertThat(LanguageDetector.detect("tool.py", "#!/bin/bash")).isEqualTo(Language.PYTHON);
    }
}
