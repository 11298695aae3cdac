package dev.lambdaconsole.runtime.backend.docker;

/**
 * The image an environment runs in. {@code official}: an AWS base image (run through its
 * /lambda-entrypoint.sh with the handler as argument, with its own runtime client); otherwise a Debian image
 * built here, where the engine's runtime clients are mounted at /var/runtime.
 */
record RuntimeImage(String name, boolean official) {
}
