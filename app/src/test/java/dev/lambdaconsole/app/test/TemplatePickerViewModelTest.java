package dev.lambdaconsole.app.test;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.editor.json.JsonTools;
import dev.lambdaconsole.simulators.events.EventLibrary;
import dev.lambdaconsole.simulators.events.EventParam;
import dev.lambdaconsole.simulators.events.EventType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatePickerViewModelTest {
    static final EventLibrary LIBRARY = EventLibrary.load();
    final List<String> used = new ArrayList<>();

    private TemplatePickerViewModel opened() {
        TemplatePickerViewModel vm = new TemplatePickerViewModel(TaskRunner.synchronous(), EventLibrary::load, used::add);
        vm.open();
        return vm;
    }

    private static List<EventType> shown(TemplatePickerViewModel vm) {
        return vm.groups().stream().flatMap(g -> g.types().stream()).toList();
    }

    @Test
    void openingLoadsTheWholeLibraryGroupedBySourceUnderTheSourceDescription() {
        TemplatePickerViewModel vm = opened();
        assertThat(vm.showingProperty().get()).isTrue();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(shown(vm)).containsExactlyElementsOf(LIBRARY.types());
        assertThat(vm.groups()).extracting(TemplateGroup::source).containsExactlyElementsOf(LIBRARY.sources());
        assertThat(vm.groups()).allSatisfy(g -> {
            assertThat(g.description()).isEqualTo(LIBRARY.sourceDescription(g.source())).isNotBlank();
            assertThat(g.types()).isNotEmpty().allSatisfy(t -> assertThat(t.source()).isEqualTo(g.source()));
        });
        assertThat(vm.statusProperty().get()).matches(LIBRARY.types().size() + " templates? from "
                + LIBRARY.sources().size() + " sources?");
    }

    @Test
    void searchingASourceFindsItsTypesOnly() {
        TemplatePickerViewModel vm = opened();
        vm.queryProperty().set("Alexa-Smart-Home");
        assertThat(vm.groups()).extracting(TemplateGroup::source).containsExactly("alexa-smart-home");
        assertThat(shown(vm)).containsExactlyElementsOf(
                LIBRARY.types().stream().filter(t -> t.source().equals("alexa-smart-home")).toList());
        assertThat(vm.statusProperty().get()).matches("\\d+ of " + LIBRARY.types().size() + " templates match");
    }

    @Test
    void everyWordOfTheSearchMustMatchTheSourceTypeOrDescription() {
        TemplatePickerViewModel vm = opened();
        vm.queryProperty().set("cloudwatch scheduled-event");
        assertThat(shown(vm)).extracting(EventType::type).containsExactly("scheduled-event");
        vm.queryProperty().set("cloudwatch scheduled"); // in the source's description too: both its types show
        assertThat(shown(vm)).extracting(EventType::type).containsExactly("logs", "scheduled-event");
        vm.selectFirst(); // Enter takes the type whose own description matches
        assertThat(vm.selectedProperty().get().type()).isEqualTo("scheduled-event");
        vm.queryProperty().set("  SUBSCRIPTION   filter gzip ");
        assertThat(shown(vm)).extracting(t -> t.source() + " " + t.type()).containsExactly("cloudwatch logs");
        for (EventType any : LIBRARY.types()) {
            String word = Arrays.stream(any.description().split("[\\s:,()]+"))
                    .max(Comparator.comparingInt(String::length)).orElseThrow();
            vm.queryProperty().set(word);
            assertThat(shown(vm)).as(word).contains(any)
                    .allSatisfy(t -> assertThat(String.join(" ", t.source(), LIBRARY.sourceDescription(t.source()),
                            t.type(), t.description()).toLowerCase()).contains(word.toLowerCase()));
        }
        vm.queryProperty().set("scheduled no-such-word");
        assertThat(vm.groups()).isEmpty();
        assertThat(vm.statusProperty().get()).startsWith("No template matches \"scheduled no-such-word\"");
        vm.queryProperty().set("");
        assertThat(shown(vm)).hasSameSizeAs(LIBRARY.types());
    }

    @Test
    void selectingATypeFillsItsParametersWithTheDefaultsAndPreviewsTheEvent() {
        TemplatePickerViewModel vm = opened();
        vm.queryProperty().set("scheduled");
        vm.selectFirst();
        EventType type = vm.selectedProperty().get();
        assertThat(type).isEqualTo(LIBRARY.find("cloudwatch", "scheduled-event").orElseThrow());
        assertThat(vm.parameters()).extracting(TemplateParameter::name)
                .containsExactlyElementsOf(type.params().stream().map(EventParam::name).toList());
        assertThat(vm.parameters()).allSatisfy(p -> assertThat(p.valueProperty().get()).isEqualTo(p.defaultValue()));
        assertThat(vm.previewProperty().get()).contains("\"detail-type\": \"Scheduled Event\"")
                .contains("rule/" + parameter(vm, "rule-name").defaultValue() + "\"");
        assertThat(JsonTools.validate(vm.previewProperty().get())).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.canUseProperty().get()).isTrue();
    }

    @Test
    void aChangedParameterChangesThePreviewAndUseHandsOverExactlyThePreview() {
        TemplatePickerViewModel vm = opened();
        vm.queryProperty().set("scheduled");
        vm.selectFirst();
        String before = vm.previewProperty().get();
        parameter(vm, "rule-name").valueProperty().set("purge-old-orders");
        parameter(vm, "region").valueProperty().set("eu-west-1");
        String preview = vm.previewProperty().get();
        assertThat(preview).isNotEqualTo(before)
                .contains("\"arn:aws:events:eu-west-1:123456789012:rule/purge-old-orders\"")
                .contains("\"region\": \"eu-west-1\"").doesNotContain("nightly-cleanup");
        vm.use();
        assertThat(used).containsExactly(preview);
        assertThat(vm.showingProperty().get()).isFalse();
    }

    @Test
    void everyTypeOfTheLibraryPreviewsAsJsonWithItsDefaults() {
        TemplatePickerViewModel vm = opened();
        assertThat(LIBRARY.types()).allSatisfy(t -> {
            vm.select(t);
            assertThat(vm.errorProperty().get()).as(t.source() + " " + t.type()).isEmpty();
            assertThat(JsonTools.validate(vm.previewProperty().get())).as(t.source() + " " + t.type()).isEmpty();
        });
    }

    @Test
    void theLibraryLoadsInTheBackgroundAndALatePreviewNeverOverwritesANewerOne() {
        HeldTasks tasks = new HeldTasks();
        TemplatePickerViewModel vm = new TemplatePickerViewModel(tasks, EventLibrary::load, used::add);
        vm.open();
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Loading templates…");
        assertThat(vm.groups()).isEmpty();
        tasks.finish(0);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(shown(vm)).hasSameSizeAs(LIBRARY.types());

        vm.queryProperty().set("scheduled");
        vm.selectFirst();
        TemplateParameter rule = parameter(vm, "rule-name");
        rule.valueProperty().set("first-rule");
        rule.valueProperty().set("second-rule");
        assertThat(tasks.waiting()).isEqualTo(3);
        assertThat(vm.previewProperty().get()).isEmpty();
        tasks.finish(3);
        tasks.finish(2);
        tasks.finish(1);
        assertThat(vm.previewProperty().get()).contains("second-rule").doesNotContain("first-rule")
                .doesNotContain("nightly-cleanup");

        rule.valueProperty().set("third-rule");
        vm.use(); // the preview of third-rule is not back yet: Use generates it once more
        assertThat(used).isEmpty();
        tasks.finish(5);
        tasks.finish(4);
        assertThat(used).singleElement().asString().contains("rule/third-rule\"");
        assertThat(vm.previewProperty().get()).contains("second-rule");
    }

    @Test
    void aLibraryThatCannotBeLoadedSaysWhy() {
        TemplatePickerViewModel vm = new TemplatePickerViewModel(TaskRunner.synchronous(), () -> {
            throw new IllegalStateException("event library resource missing: events/s3.json");
        }, used::add);
        vm.open();
        assertThat(vm.groups()).isEmpty();
        assertThat(vm.statusProperty().get())
                .isEqualTo("The event library could not be loaded: event library resource missing: events/s3.json");
        assertThat(vm.canUseProperty().get()).isFalse();
    }

    private static TemplateParameter parameter(TemplatePickerViewModel vm, String name) {
        return vm.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
