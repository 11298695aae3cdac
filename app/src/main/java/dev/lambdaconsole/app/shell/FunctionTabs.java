package dev.lambdaconsole.app.shell;

import dev.lambdaconsole.app.common.ConsoleServices;

import java.util.List;

/** Builds the tabs of a function page; also tells the page what its shortcuts (deploy, test) do. */
public interface FunctionTabs {
    List<FunctionTab> create(ConsoleServices services, String function, FunctionPage page);
}
