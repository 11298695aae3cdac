package dev.lambdaconsole.app.config;

import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The General configuration form. */
final class GeneralPane {
    private GeneralPane() { }

    static VBox build(GeneralViewModel vm) {
        TextField description = Forms.text("descriptionField", 40);
        description.setPromptText("What the function does");
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        TextField memory = Forms.text("memoryField", 8);
        memory.textProperty().bindBidirectional(vm.memoryProperty());
        TextField ephemeral = Forms.text("ephemeralField", 8);
        ephemeral.textProperty().bindBidirectional(vm.ephemeralProperty());
        TextField timeout = Forms.text("timeoutField", 8);
        timeout.textProperty().bindBidirectional(vm.timeoutProperty());
        return Forms.section(vm, "saveGeneralButton",
                Forms.field("Description", description, vm.descriptionError(), "descriptionError",
                        "Optional, up to 256 characters."),
                Forms.field("Memory (MB)", memory, vm.memoryError(), "memoryError",
                        "128 MB to 10,240 MB. Lambda gives CPU in proportion to memory; the Docker backend enforces it."),
                Forms.field("Ephemeral storage (MB)", ephemeral, vm.ephemeralError(), "ephemeralError",
                        "Space in /tmp: 512 MB to 10,240 MB."),
                Forms.field("Timeout (seconds)", timeout, vm.timeoutError(), "timeoutError",
                        "1 to 900 seconds (15 minutes)."),
                Forms.muted("Saving retires the function's warm environments: the next invocation starts cold with "
                        + "the new settings."));
    }
}
