/**
 * The trigger simulators: the event library ({@code events}), the pattern engine ({@code patterns}) and the local
 * AWS services that feed functions, registered on the engine's shared endpoint. No JavaFX; depends on
 * local-runtime, never the reverse.
 */
package dev.lambdaconsole.simulators;
