package dev.lambdaconsole.runtime.model;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionValidatorTest {
    private static FunctionConfig.Builder valid() {
        return FunctionConfig.builder("my-function_1").runtime("python3.12").handler("app.handler");
    }

    private static String problems(FunctionConfig.Builder b) {
        try {
            FunctionValidator.validate(b.build());
            return "";
        } catch (ValidationException e) {
            return e.getMessage();
        }
    }

    @Test
    void aValidConfigurationPasses() {
        FunctionValidator.validate(valid().memorySize(10240).timeout(900).ephemeralStorage(10240)
                .architectures(List.of("arm64")).variables(Map.of("STAGE", "dev")).build());
    }

    @Test
    void eachRuleNamesTheFieldTheRuleAndTheValue() {
        assertThat(problems(valid().functionName("has space"))).contains("FunctionName")
                .contains("letters, digits, hyphens and underscores").contains("'has space'");
        assertThat(problems(valid().functionName("x".repeat(65)))).contains("FunctionName").contains("1 to 64");
        assertThat(problems(valid().runtime("python2.7"))).contains("Runtime: must be one of python3.9").contains("'python2.7'");
        assertThat(problems(valid().handler("nodot"))).contains("Handler: for python3.12 must be module.function");
        assertThat(problems(valid().runtime("java21").handler("not a class"))).contains("package.Class::method");
        assertThat(problems(valid().runtime("nodejs20.x").handler("../up.handler"))).contains("Handler");
        assertThat(problems(valid().memorySize(127))).isEqualTo("MemorySize: must be between 128 and 10240 MB (got '127')");
        assertThat(problems(valid().memorySize(10241))).contains("MemorySize");
        assertThat(problems(valid().timeout(0))).isEqualTo("Timeout: must be between 1 and 900 seconds (got '0')");
        assertThat(problems(valid().timeout(901))).contains("Timeout");
        assertThat(problems(valid().ephemeralStorage(511))).contains("EphemeralStorage.Size: must be between 512 and 10240 MB");
        assertThat(problems(valid().architectures(List.of("ppc")))).contains("Architectures");
        assertThat(problems(valid().variables(Map.of("AWS_REGION", "x")))).contains("Environment.Variables.AWS_REGION")
                .contains("reserved");
        assertThat(problems(valid().variables(Map.of("1BAD", "x")))).contains("must start with a letter");
        assertThat(problems(valid().layers(List.of(new FunctionConfig.Layer("not-an-arn", null))))).contains("Layers");
    }

    @Test
    void environmentVariablesAreLimitedToFourKilobytes() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("BIG", "x".repeat(4093));
        assertThat(problems(valid().variables(vars))).isEmpty();
        vars.put("BIG", "x".repeat(4094));
        assertThat(problems(valid().variables(vars))).contains("must not exceed 4 KB").contains("4097 bytes");
        assertThat(FunctionValidator.variablesSize(Map.of("AB", "cd"))).isEqualTo(4);
    }

    @Test
    void severalProblemsAreReportedTogether() {
        assertThatThrownBy(() -> FunctionValidator.validate(valid().memorySize(1).timeout(0).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactly("MemorySize", "Timeout"));
    }

    @Test
    void imageFunctionsNeedAnImageUriButNoRuntime() {
        assertThat(problems(FunctionConfig.builder("img").packageType("Image"))).contains("ImageUri: is required");
        assertThat(problems(FunctionConfig.builder("img").packageType("Image").imageUri("repo/img:1"))).isEmpty();
    }
}
